using System.Numerics;
using System.Runtime.CompilerServices;

namespace Perovspice.Engine.Sparse;

/// <summary>
/// Numeric core shared by <see cref="RealSparseSolver"/> and <see cref="ComplexSparseSolver"/>: keeps a
/// <see cref="SymbolicLU"/> from <see cref="MarkowitzOrdering{T, TOps}"/> and refactors into preallocated
/// L/U arrays with a left-looking column algorithm (x = L⁻¹·A(:,k) over the static pattern), so a
/// refactorization costs O(nnz(L+U) + flops) and allocates nothing.
/// </summary>
internal sealed class SparseLU<T, TOps> : ISparseCore<T>
    where T : struct, INumberBase<T>
    where TOps : struct, IScalarOps<T>
{
    private readonly int _n;
    private readonly int[] _slotRows, _slotCols;
    private SymbolicLU? _sym;
    private T[] _lVal = [], _uVal = [], _diag = [];
    private readonly T[] _x;
    private bool _factored;
    private MultifrontalLU<T, TOps>? _mf;

    public SparseLU(SparsePattern pattern)
    {
        _n = pattern.Size;
        _slotRows = pattern.RowsBySlot();
        _slotCols = pattern.ColsBySlot();
        _x = new T[_n];
    }

    public int Size => _n;
    public int SlotCount => _slotRows.Length - 1;
    public double RelativeTolerance { get; set; } = 1e-3;
    public double AbsoluteTolerance { get; set; }
    public int ReorderCount { get; private set; }
    public int FactorNonZeros => _sym?.NonZeros ?? 0;
    public long FactorFlops => _sym?.Flops() ?? 0;
    public bool IsFactored => _factored;
    public SymbolicLU? Symbolic => _sym;
    public FactorizationKind Kind { get; set; }
    public bool UsesMultifrontal => _mf != null;
    public bool UsesTwoThreads => _mf?.Split ?? false;

    /// <summary>Discards the pivot order so the next <see cref="Factor"/> searches again.</summary>
    public void ForgetOrder() { _sym = null; _mf = null; _factored = false; }

    /// <summary>
    /// The multifrontal factorization pays off when a refactorization's work is dominated by dense updates: from
    /// <see cref="MultifrontalMinimumSize"/> unknowns and at least 8 multiply-adds per factor entry (crossbars,
    /// meshes); sparse chains (ladders) stay with the left-looking loop.
    /// </summary>
    private MultifrontalLU<T, TOps>? ChooseMultifrontal(SymbolicLU sym)
    {
        if (Kind == FactorizationKind.LeftLooking) return null;
        if (Kind == FactorizationKind.Auto && (_n < MultifrontalMinimumSize || sym.Flops() < 8L * sym.NonZeros)) return null;
        var sn = SupernodalSymbolic.Build(sym, _slotRows, _slotCols);
        if (sn == null) return null;
        sn.PlanLanes(AllowParallel && Environment.ProcessorCount >= 2 && sn.Flops >= ParallelMinimumFlops);
        if (sn.LaneStack.Any(v => v > Array.MaxLength)) return null;
        // The symmetrized structure can be much larger than L+U for strongly unsymmetric patterns: then (in Auto)
        // the memory and work would not pay, and the left-looking loop stays.
        long storage = sn.FactorValues + (long)sn.MaxFront * sn.MaxFront + sn.StackTotal;
        if (Kind == FactorizationKind.Auto && (storage > 4L * (sym.NonZeros + _n) || sn.Flops > 3 * sym.Flops()))
            return null;
        return new MultifrontalLU<T, TOps>(sym, sn);
    }

    /// <summary>Lets large multifrontal factorizations use a second thread (benchmarks switch it off to compare).</summary>
    internal static bool AllowParallel = true;

    /// <summary>Work (multiply-adds) from which a multifrontal factorization runs its two largest subtree groups on two threads.</summary>
    public const long ParallelMinimumFlops = 500_000;

    /// <summary>Smallest matrix <see cref="FactorizationKind.Auto"/> factors by supernodes.</summary>
    public const int MultifrontalMinimumSize = 2000;

    private bool NumericAny(ReadOnlySpan<T> values, bool check)
    {
        if (_mf == null) return Numeric(values, check);
        if (_mf.Factor(values, check, RelativeTolerance, AbsoluteTolerance)) return true;
        _failedStep = _mf.FailedStep;
        return false;
    }

    public void Factor(ReadOnlySpan<T> values)
    {
        if (values.Length < _slotRows.Length)
            throw new ArgumentException($"need {_slotRows.Length} slot values, got {values.Length}", nameof(values));
        _factored = false;
        if (_sym != null && NumericAny(values, check: true)) { _factored = true; return; }

        _sym = null;
        _mf = null;
        var sym = MarkowitzOrdering<T, TOps>.Order(_n, _slotRows, _slotCols, values, RelativeTolerance, AbsoluteTolerance);
        _mf = ChooseMultifrontal(sym);

        if (_mf == null)
        {
            _lVal = new T[sym.LIdx.Length];
            _uVal = new T[sym.UIdx.Length];
            _diag = new T[_n];
        }
        else _lVal = _uVal = _diag = [];
        _sym = sym;
        ReorderCount++;
        // Same pivots as just chosen: only an exactly vanishing pivot (round-off) can fail here.
        if (!NumericAny(values, check: false))
        {
            _sym = null;
            _mf = null;
            throw new SingularMatrixException(sym.ColPerm[_failedStep] + 1);
        }
        _factored = true;
    }

    private int _failedStep;

    /// <summary>
    /// Left-looking numeric factorization over the static pattern. With <paramref name="check"/> a pivot
    /// smaller than RelativeTolerance × its column maximum (or not above AbsoluteTolerance) aborts and returns
    /// false; without it only an exactly zero pivot does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Numeric(ReadOnlySpan<T> values, bool check)
    {
        SymbolicLU s = _sym!;
        int[] aStart = s.AStart, aSlot = s.ASlot, aRow = s.ARow;
        int[] lStart = s.LStart, lIdx = s.LIdx, uStart = s.UStart, uIdx = s.UIdx;
        T[] lVal = _lVal, uVal = _uVal, diag = _diag, x = _x;
        double rel = RelativeTolerance, abs = AbsoluteTolerance;
        for (int k = 0; k < _n; k++)
        {
            for (int t = aStart[k]; t < aStart[k + 1]; t++) x[aRow[t]] = values[aSlot[t]];
            for (int t = uStart[k]; t < uStart[k + 1]; t++)
            {
                int j = uIdx[t];
                T xj = x[j];
                x[j] = T.Zero;
                uVal[t] = xj;
                if (T.IsZero(xj)) continue;
                int end = lStart[j + 1];
                for (int u = lStart[j]; u < end; u++) x[lIdx[u]] -= lVal[u] * xj;
            }
            T pivot = x[k];
            x[k] = T.Zero;
            int l0 = lStart[k], l1 = lStart[k + 1];
            bool ok = !T.IsZero(pivot);
            if (check && ok)
            {
                double pm = TOps.Magnitude(pivot), limit = pm / rel;
                ok = pm > abs;
                for (int u = l0; u < l1 && ok; u++) ok = TOps.Magnitude(x[lIdx[u]]) <= limit;
            }
            if (!ok)
            {
                for (int u = l0; u < l1; u++) x[lIdx[u]] = T.Zero;
                _failedStep = k;
                return false;
            }
            diag[k] = pivot;
            T inv = T.One / pivot;
            for (int u = l0; u < l1; u++)
            {
                int i = lIdx[u];
                lVal[u] = x[i] * inv;
                x[i] = T.Zero;
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(Span<T> rhs)
    {
        if (!_factored) throw new InvalidOperationException("Solve called without a successful Factor");
        if (rhs.Length < _n + 1) throw new ArgumentException($"rhs needs {_n + 1} elements", nameof(rhs));
        if (_mf != null) { _mf.Solve(rhs); return; }
        SymbolicLU s = _sym!;
        int[] lStart = s.LStart, lIdx = s.LIdx, uStart = s.UStart, uIdx = s.UIdx, rowPerm = s.RowPerm, colPerm = s.ColPerm;
        T[] lVal = _lVal, uVal = _uVal, diag = _diag, y = _x;
        for (int k = 0; k < _n; k++) y[k] = rhs[rowPerm[k] + 1];
        for (int k = 0; k < _n; k++)
        {
            T yk = y[k];
            if (T.IsZero(yk)) continue;
            int end = lStart[k + 1];
            for (int u = lStart[k]; u < end; u++) y[lIdx[u]] -= lVal[u] * yk;
        }
        for (int k = _n - 1; k >= 0; k--)
        {
            T yk = y[k] / diag[k];
            y[k] = yk;
            if (T.IsZero(yk)) continue;
            int end = uStart[k + 1];
            for (int u = uStart[k]; u < end; u++) y[uIdx[u]] -= uVal[u] * yk;
        }
        rhs[0] = T.Zero;
        for (int k = 0; k < _n; k++) { rhs[colPerm[k] + 1] = y[k]; y[k] = T.Zero; }
    }
}
