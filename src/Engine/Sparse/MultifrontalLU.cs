using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Perovspice.Engine.Sparse;

/// <summary>
/// Multifrontal numeric LU over a <see cref="SupernodalSymbolic"/> structure: for each supernode in postorder the
/// frontal matrix is assembled from the original entries and the children's update matrices (extend-add), its
/// pivots are eliminated densely (<see cref="FrontalKernels"/>) and the Schur complement is pushed for the parent.
/// The pivots are those of the Markowitz order, tested with the same threshold rule as <see cref="SparseLU{T, TOps}"/>.
/// </summary>
internal sealed class MultifrontalLU<T, TOps>
    where T : struct, INumberBase<T>
    where TOps : struct, IScalarOps<T>
{
    private readonly SymbolicLU _lu;
    private readonly SupernodalSymbolic _s;
    private readonly T[] _l, _u, _front, _front1, _y, _tmp, _y1, _tmp1;
    private readonly T[][] _stacks;
    private readonly int[] _rowOf, _colOf;

    public MultifrontalLU(SymbolicLU lu, SupernodalSymbolic s)
    {
        _lu = lu;
        _s = s;
        _l = new T[s.LOff[s.Count]];
        _u = new T[s.UOff[s.Count]];
        _front = new T[(long)Math.Max(s.LaneFront[0], s.LaneFront[2]) * Math.Max(s.LaneFront[0], s.LaneFront[2])];
        _front1 = new T[(long)s.LaneFront[1] * s.LaneFront[1]];
        _stacks = [new T[s.LaneStack[0]], new T[s.LaneStack[1]], new T[s.LaneStack[2]]];
        _y = new T[s.N];
        _tmp = new T[s.MaxFront];
        _tmp1 = s.Split ? new T[s.MaxFront] : [];
        _y1 = s.Split ? new T[s.N] : [];
        _rowOf = new int[s.N];
        _colOf = new int[s.N];
        for (int p = 0; p < s.N; p++) { _rowOf[p] = lu.RowPerm[s.Post[p]] + 1; _colOf[p] = lu.ColPerm[s.Post[p]] + 1; }
    }

    /// <summary>Whether lanes 0 and 1 run on two threads.</summary>
    public bool Split => _s.Split;

    /// <summary>Markowitz pivot step of the pivot that failed the last <see cref="Factor"/>.</summary>
    public int FailedStep { get; private set; }

    // State of the factorization or solve in progress, read by the lane workers.
    private T[] _values = [];
    private bool _check;
    private double _rel, _abs;
    private readonly int[] _failed = new int[3];
    private int _job; // 0 factor, 1 forward, 2 backward
    private int _lane1Claimed, _lane1Done;
    private Action? _lane1Work;

    /// <summary>
    /// Factors the matrix given by slot values. Returns false when a pivot is exactly zero or, with
    /// <paramref name="check"/>, fails the threshold test (then <see cref="FailedStep"/> names it). With a lane
    /// split, lanes 0 and 1 (disjoint subtrees) run on two threads, then lane 2 (their ancestors); every supernode
    /// is always computed by the same lane from the same inputs, so the result does not depend on the timing.
    /// </summary>
    public bool Factor(ReadOnlySpan<T> values, bool check, double rel, double abs)
    {
        _check = check;
        _rel = rel;
        _abs = abs;
        var s = _s;
        if (s.Split)
        {
            // The worker thread cannot see the caller's span: both lanes read a copy.
            if (_values.Length != values.Length) _values = new T[values.Length];
            values.CopyTo(_values);
            RunPair(0);
            int bad = Math.Min(_failed[0], _failed[1]);
            if (bad != int.MaxValue) { FailedStep = s.Post[bad]; return false; }
        }
        _failed[2] = RunLane(2, values);
        if (_failed[2] != int.MaxValue) { FailedStep = s.Post[_failed[2]]; return false; }
        return true;
    }

    /// <summary>
    /// Runs job <paramref name="job"/> for lane 0 here and lane 1 on a pool thread (or here, if no pool thread took it
    /// yet). Returns only when both are done; an exception of either lane is rethrown here (after both finished).
    /// </summary>
    private void RunPair(int job)
    {
        // Everything lane 1 reads is set before the claim is opened: a late worker of an earlier call may take it.
        _lane1Done = 0;
        _lane1Error = null;
        _lane1Signal.Reset();
        _job = job;
        Volatile.Write(ref _lane1Claimed, 0);
        _lane1Work ??= Lane1Worker;
        ThreadPool.UnsafeQueueUserWorkItem(static w => w(), _lane1Work, preferLocal: false);
        try
        {
            DoLane(0);
        }
        finally
        {
            if (Interlocked.CompareExchange(ref _lane1Claimed, 1, 0) == 0) RunLane1Here();
            else
            {
                // Spin briefly (the lanes are balanced), then block until the worker signals.
                var spin = new SpinWait();
                while (Volatile.Read(ref _lane1Done) == 0 && !spin.NextSpinWillYield) spin.SpinOnce();
                while (Volatile.Read(ref _lane1Done) == 0)
                {
                    _lane1Signal.Wait();
                    // a Set left over from an earlier call's worker: wait again
                    if (Volatile.Read(ref _lane1Done) == 0) _lane1Signal.Reset();
                }
            }
        }
        if (_lane1Error is { } error) { _lane1Error = null; error.Throw(); }
    }

    private void RunLane1Here()
    {
        try { DoLane(1); }
        catch (Exception e) { _lane1Error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
    }

    private readonly ManualResetEventSlim _lane1Signal = new(false, 0);
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _lane1Error;

    private void Lane1Worker()
    {
        if (Interlocked.CompareExchange(ref _lane1Claimed, 1, 0) != 0) return;
        // A failure on the pool thread must not end the process: it is handed to the caller's thread.
        RunLane1Here();
        Volatile.Write(ref _lane1Done, 1);
        _lane1Signal.Set();
    }

    private void DoLane(int lane)
    {
        var y = lane == 1 ? _y1 : _y;
        var tmp = lane == 1 ? _tmp1 : _tmp;
        switch (_job)
        {
            case 0: _failed[lane] = RunLane(lane, _values); break;
            case 1: FrontalKernels.Forward(_s, (double[])(object)_l, (double[])(object)y, (double[])(object)tmp, _s.LaneOrder[lane]); break;
            default: FrontalKernels.Backward(_s, (double[])(object)_l, (double[])(object)_u, (double[])(object)_y, (double[])(object)tmp, _s.LaneOrder[lane]); break;
        }
    }

    /// <summary>Factors the supernodes of one lane; returns int.MaxValue or the new position of a failed pivot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RunLane(int lane, ReadOnlySpan<T> values)
    {
        var s = _s;
        T[] front0 = lane == 1 ? _front1 : _front;
        T[] stack = _stacks[lane];
        foreach (int sn in s.LaneOrder[lane])
        {
            int f = s.First[sn], w = s.Width(sn), m = s.Below(sn), front = w + m;
            Span<T> fr = front0.AsSpan(0, front * front);
            fr.Clear();
            for (int t = s.AStart[sn]; t < s.AStart[sn + 1]; t++) fr[s.AOff[t]] += values[s.ASlot[t]];
            for (int t = s.ChildStart[sn]; t < s.ChildStart[sn + 1]; t++)
            {
                int c = s.Children[t], mc = s.Below(c);
                ExtendAdd(fr, front, _stacks[s.Lane[c]].AsSpan(s.UpdOff[c], mc * mc), s.RelIdx.AsSpan(s.RStart[c], mc));
            }
            int bad = PartialFactor(fr, front, w, _check, _rel, _abs);
            if (bad >= 0) return f + bad;
            fr[..(front * w)].CopyTo(_l.AsSpan((int)s.LOff[sn]));
            // U₁₂ is kept transposed (m × w, column-major): each pivot row's entries right of the block are contiguous.
            Span<T> u = _u.AsSpan((int)s.UOff[sn], w * m);
            Span<T> upd = stack.AsSpan(s.UpdOff[sn], m * m);
            for (int r = 0; r < m; r++)
            {
                ReadOnlySpan<T> src = fr.Slice((w + r) * front, front);
                for (int c = 0; c < w; c++) u[c * m + r] = src[c];
                src[w..].CopyTo(upd.Slice(r * m, m));
            }
        }
        return int.MaxValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ExtendAdd(Span<T> fr, int front, ReadOnlySpan<T> upd, ReadOnlySpan<int> rel)
    {
        int mc = rel.Length;
        for (int jj = 0; jj < mc; jj++)
        {
            Span<T> col = fr.Slice(rel[jj] * front, front);
            ReadOnlySpan<T> src = upd.Slice(jj * mc, mc);
            for (int ii = 0; ii < mc; ii++) col[rel[ii]] += src[ii];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PartialFactor(Span<T> fr, int front, int w, bool check, double rel, double abs)
    {
        if (typeof(T) == typeof(double))
            return FrontalKernels.PartialFactor(MemoryMarshal.Cast<T, double>(fr), front, w, check, rel, abs);
        for (int j = 0; j < front; j++)
        {
            Span<T> col = fr.Slice(j * front, front);
            int cmax = Math.Min(j, w);
            for (int c = 0; c < cmax; c++)
            {
                T a = col[c];
                if (T.IsZero(a)) continue;
                ReadOnlySpan<T> l = fr.Slice(c * front, front);
                for (int i = c + 1; i < front; i++) col[i] -= a * l[i];
            }
            if (j >= w) continue;
            T pivot = col[j];
            bool ok = !T.IsZero(pivot);
            if (check && ok)
            {
                double pm = TOps.Magnitude(pivot), limit = pm / rel;
                ok = pm > abs;
                for (int i = j + 1; i < front && ok; i++) ok = TOps.Magnitude(col[i]) <= limit;
            }
            if (!ok) return j;
            T inv = T.One / pivot;
            for (int i = j + 1; i < front; i++) col[i] *= inv;
        }
        return -1;
    }

    /// <summary>Solves A·x = rhs in place (rhs[0] is ground and set to zero), as <see cref="SparseLU{T, TOps}.Solve"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(Span<T> rhs)
    {
        var s = _s;
        int n = s.N;
        int[] rowOf = _rowOf, colOf = _colOf;
        T[] y = _y;
        for (int p = 0; p < n; p++) y[p] = rhs[rowOf[p]];
        if (typeof(T) != typeof(double))
            SolveGeneric(y);
        else if (!s.Split)
        {
            double[] lv = (double[])(object)_l, uv = (double[])(object)_u, yd = (double[])(object)y, td = (double[])(object)_tmp;
            foreach (var order in s.LaneOrder) FrontalKernels.Forward(s, lv, yd, td, order);
            for (int lane = 2; lane >= 0; lane--) FrontalKernels.Backward(s, lv, uv, yd, td, s.LaneOrder[lane]);
        }
        else
        {
            // Lanes 0 and 1 add into the rows of their ancestors (lane 2) concurrently: lane 1 works on its own
            // vector (its columns, and zero on lane 2's), merged before lane 2 runs. Backward, both only read lane 2.
            T[] y1 = _y1;
            foreach (int j in s.Lane1Cols) y1[j] = y[j];
            foreach (int j in s.SerialCols) y1[j] = T.Zero;
            RunPair(1);
            foreach (int j in s.Lane1Cols) y[j] = y1[j];
            foreach (int j in s.SerialCols) y[j] += y1[j];
            double[] lv = (double[])(object)_l, uv = (double[])(object)_u, yd = (double[])(object)y, td = (double[])(object)_tmp;
            FrontalKernels.Forward(s, lv, yd, td, s.LaneOrder[2]);
            FrontalKernels.Backward(s, lv, uv, yd, td, s.LaneOrder[2]);
            RunPair(2);
        }
        rhs[0] = T.Zero;
        for (int p = 0; p < n; p++) rhs[colOf[p]] = y[p];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SolveGeneric(T[] y)
    {
        var s = _s;
        int[] rIdx = s.RIdx;
        T[] lv = _l, uv = _u;
        for (int sn = 0; sn < s.Count; sn++)
        {
            int f = s.First[sn], w = s.Width(sn), m = s.Below(sn), front = w + m, r0 = s.RStart[sn];
            int lo = (int)s.LOff[sn];
            for (int c = 0; c < w; c++)
            {
                T yc = y[f + c];
                if (T.IsZero(yc)) continue;
                int col = lo + c * front;
                for (int r = c + 1; r < w; r++) y[f + r] -= lv[col + r] * yc;
                col += w;
                for (int r = 0; r < m; r++) y[rIdx[r0 + r]] -= lv[col + r] * yc;
            }
        }
        for (int sn = s.Count - 1; sn >= 0; sn--)
        {
            int f = s.First[sn], w = s.Width(sn), m = s.Below(sn), front = w + m, r0 = s.RStart[sn];
            int lo = (int)s.LOff[sn], uo = (int)s.UOff[sn];
            for (int c = 0; c < w; c++)
            {
                T acc = T.Zero;
                int col = uo + c * m;
                for (int r = 0; r < m; r++) acc += uv[col + r] * y[rIdx[r0 + r]];
                y[f + c] -= acc;
            }
            for (int c = w - 1; c >= 0; c--)
            {
                int col = lo + c * front;
                T yc = y[f + c] / lv[col + c];
                y[f + c] = yc;
                if (T.IsZero(yc)) continue;
                for (int r = 0; r < c; r++) y[f + r] -= lv[col + r] * yc;
            }
        }
    }
}
