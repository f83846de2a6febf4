using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Perovspice.Engine.Sparse;

/// <summary>
/// Dense kernels of the multifrontal LU for <see cref="double"/>: the partial factorization of a frontal matrix
/// with SIMD (<see cref="Vector{T}"/>) inner loops, four pivot columns applied per pass over a target column.
/// </summary>
internal static class FrontalKernels
{
    /// <summary>
    /// Eliminates the first <paramref name="w"/> pivots of the column-major <paramref name="front"/>²
    /// frontal matrix in place (no pivoting): afterwards columns 0..w-1 hold L (unit diagonal implied) below and
    /// U on and above the diagonal, rows 0..w-1 of the later columns hold U, and the trailing block holds the
    /// Schur complement. Each target column receives the updates of the pivots left of it, then (a pivot column)
    /// is tested and scaled. Returns -1, or the local column whose pivot is exactly zero or (with
    /// <paramref name="check"/>) smaller than <paramref name="rel"/> × its column's largest entry below or not
    /// above <paramref name="abs"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int PartialFactor(Span<double> f, int front, int w, bool check, double rel, double abs)
    {
        for (int j = 0; j < front; j++)
        {
            if (j >= w && j + 1 < front)
            {
                // Two columns right of the pivots at once: each pass over four L columns serves both.
                UpdatePair(f, front, w, j);
                j++;
                continue;
            }
            Span<double> col = f.Slice(j * front, front);
            int cmax = Math.Min(j, w);
            int c = 0;
            for (; c + 4 <= cmax; c += 4)
            {
                ReadOnlySpan<double> l0 = f.Slice(c * front, front), l1 = f.Slice((c + 1) * front, front),
                    l2 = f.Slice((c + 2) * front, front), l3 = f.Slice((c + 3) * front, front);
                Coefficients(col, l0, l1, l2, c, out double a0, out double a1, out double a2, out double a3);
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) continue;
                Axpy4(col, l0, l1, l2, l3, c + 4, a0, a1, a2, a3);
            }
            for (; c < cmax; c++)
            {
                double a = col[c];
                if (a != 0) Axpy1(col, f.Slice(c * front, front), c + 1, a);
            }
            if (j >= w) continue;
            double pivot = col[j];
            bool ok = pivot != 0;
            if (check && ok)
            {
                double pm = Math.Abs(pivot), limit = pm / rel;
                ok = pm > abs;
                for (int i = j + 1; i < front && ok; i++) ok = Math.Abs(col[i]) <= limit;
            }
            if (!ok) return j;
            double inv = 1.0 / pivot;
            for (int i = j + 1; i < front; i++) col[i] *= inv;
        }
        return -1;
    }

    /// <summary>
    /// The multipliers of pivots c..c+3 for target column <paramref name="y"/>: its entries c..c+3 after the small
    /// unit-lower triangle of those pivots is applied (written back), for the pass over the rows below.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Coefficients(Span<double> y, ReadOnlySpan<double> l0, ReadOnlySpan<double> l1, ReadOnlySpan<double> l2, int c,
        out double a0, out double a1, out double a2, out double a3)
    {
        a0 = y[c];
        a1 = y[c + 1] - a0 * l0[c + 1];
        a2 = y[c + 2] - a0 * l0[c + 2] - a1 * l1[c + 2];
        a3 = y[c + 3] - a0 * l0[c + 3] - a1 * l1[c + 3] - a2 * l2[c + 3];
        y[c + 1] = a1;
        y[c + 2] = a2;
        y[c + 3] = a3;
    }

    /// <summary>Applies pivots 0..w-1 to columns j and j+1 (both right of the pivot block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdatePair(Span<double> f, int front, int w, int j)
    {
        Span<double> ya = f.Slice(j * front, front), yb = f.Slice((j + 1) * front, front);
        int c = 0;
        for (; c + 4 <= w; c += 4)
        {
            ReadOnlySpan<double> l0 = f.Slice(c * front, front), l1 = f.Slice((c + 1) * front, front),
                l2 = f.Slice((c + 2) * front, front), l3 = f.Slice((c + 3) * front, front);
            Coefficients(ya, l0, l1, l2, c, out double a0, out double a1, out double a2, out double a3);
            Coefficients(yb, l0, l1, l2, c, out double b0, out double b1, out double b2, out double b3);
            bool za = a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0, zb = b0 == 0 && b1 == 0 && b2 == 0 && b3 == 0;
            if (za && zb) continue;
            if (za) { Axpy4(yb, l0, l1, l2, l3, c + 4, b0, b1, b2, b3); continue; }
            if (zb) { Axpy4(ya, l0, l1, l2, l3, c + 4, a0, a1, a2, a3); continue; }
            int n = front, i = c + 4;
            int vw = Vector<double>.Count;
            if (Vector.IsHardwareAccelerated && n - i >= vw)
            {
                var va0 = new Vector<double>(a0); var va1 = new Vector<double>(a1);
                var va2 = new Vector<double>(a2); var va3 = new Vector<double>(a3);
                var vb0 = new Vector<double>(b0); var vb1 = new Vector<double>(b1);
                var vb2 = new Vector<double>(b2); var vb3 = new Vector<double>(b3);
                ref double rya = ref MemoryMarshal.GetReference(ya);
                ref double ryb = ref MemoryMarshal.GetReference(yb);
                ref double r0 = ref MemoryMarshal.GetReference(l0);
                ref double r1 = ref MemoryMarshal.GetReference(l1);
                ref double r2 = ref MemoryMarshal.GetReference(l2);
                ref double r3 = ref MemoryMarshal.GetReference(l3);
                for (; i + vw <= n; i += vw)
                {
                    var x0 = Vector.LoadUnsafe(ref r0, (nuint)i);
                    var x1 = Vector.LoadUnsafe(ref r1, (nuint)i);
                    var x2 = Vector.LoadUnsafe(ref r2, (nuint)i);
                    var x3 = Vector.LoadUnsafe(ref r3, (nuint)i);
                    (Vector.LoadUnsafe(ref rya, (nuint)i) - (va0 * x0 + va1 * x1 + va2 * x2 + va3 * x3)).StoreUnsafe(ref rya, (nuint)i);
                    (Vector.LoadUnsafe(ref ryb, (nuint)i) - (vb0 * x0 + vb1 * x1 + vb2 * x2 + vb3 * x3)).StoreUnsafe(ref ryb, (nuint)i);
                }
            }
            for (; i < n; i++)
            {
                ya[i] -= a0 * l0[i] + a1 * l1[i] + a2 * l2[i] + a3 * l3[i];
                yb[i] -= b0 * l0[i] + b1 * l1[i] + b2 * l2[i] + b3 * l3[i];
            }
        }
        for (; c < w; c++)
        {
            ReadOnlySpan<double> l = f.Slice(c * front, front);
            double a = ya[c], b = yb[c];
            if (a != 0) Axpy1(ya, l, c + 1, a);
            if (b != 0) Axpy1(yb, l, c + 1, b);
        }
    }

    /// <summary>y[i] -= a0·l0[i] + a1·l1[i] + a2·l2[i] + a3·l3[i] for i ≥ from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy4(Span<double> y, ReadOnlySpan<double> l0, ReadOnlySpan<double> l1, ReadOnlySpan<double> l2,
        ReadOnlySpan<double> l3, int from, double a0, double a1, double a2, double a3)
    {
        int n = y.Length, i = from;
        int vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n - i >= vw)
        {
            var v0 = new Vector<double>(a0);
            var v1 = new Vector<double>(a1);
            var v2 = new Vector<double>(a2);
            var v3 = new Vector<double>(a3);
            ref double ry = ref MemoryMarshal.GetReference(y);
            ref double r0 = ref MemoryMarshal.GetReference(l0);
            ref double r1 = ref MemoryMarshal.GetReference(l1);
            ref double r2 = ref MemoryMarshal.GetReference(l2);
            ref double r3 = ref MemoryMarshal.GetReference(l3);
            for (; i + vw <= n; i += vw)
            {
                var acc = Vector.LoadUnsafe(ref ry, (nuint)i);
                acc -= v0 * Vector.LoadUnsafe(ref r0, (nuint)i) + v1 * Vector.LoadUnsafe(ref r1, (nuint)i)
                     + v2 * Vector.LoadUnsafe(ref r2, (nuint)i) + v3 * Vector.LoadUnsafe(ref r3, (nuint)i);
                acc.StoreUnsafe(ref ry, (nuint)i);
            }
        }
        for (; i < n; i++) y[i] -= a0 * l0[i] + a1 * l1[i] + a2 * l2[i] + a3 * l3[i];
    }

    /// <summary>Σ a[i]·b[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double sum = 0;
        int vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n >= 2 * vw)
        {
            var acc = Vector<double>.Zero;
            ref double ra = ref MemoryMarshal.GetReference(a);
            ref double rb = ref MemoryMarshal.GetReference(b);
            for (; i + vw <= n; i += vw) acc += Vector.LoadUnsafe(ref ra, (nuint)i) * Vector.LoadUnsafe(ref rb, (nuint)i);
            sum = Vector.Sum(acc);
        }
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y[i] -= a·l[i] for i ≥ from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy1(Span<double> y, ReadOnlySpan<double> l, int from, double a)
    {
        int n = y.Length, i = from;
        int vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n - i >= vw)
        {
            var va = new Vector<double>(a);
            ref double ry = ref MemoryMarshal.GetReference(y);
            ref double rl = ref MemoryMarshal.GetReference(l);
            for (; i + vw <= n; i += vw)
                (Vector.LoadUnsafe(ref ry, (nuint)i) - va * Vector.LoadUnsafe(ref rl, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
        }
        for (; i < n; i++) y[i] -= a * l[i];
    }

    /// <summary>
    /// Forward substitution with the unit lower factor over the supernodes of <paramref name="order"/> (ascending),
    /// in place on <paramref name="y"/> (new numbering): the diagonal block's triangle first, then the rows below
    /// through <paramref name="tmp"/> as a dense L₂₁·y₁ product (four columns per pass, SIMD over the rows) scattered once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(SupernodalSymbolic s, double[] lv, double[] y, double[] tmp, int[] order)
    {
        int[] rIdx = s.RIdx, first = s.First, rStart = s.RStart;
        long[] lOff = s.LOff;
        foreach (int sn in order)
        {
            int f = first[sn], w = first[sn + 1] - f, r0 = rStart[sn], m = rStart[sn + 1] - r0, front = w + m;
            int lo = (int)lOff[sn];
            Span<double> yf = y.AsSpan(f, w);
            bool any = false;
            for (int c = 0; c < w; c++)
            {
                double yc = yf[c];
                if (yc == 0) continue;
                any = true;
                if (c + 1 < w) Axpy1(yf, lv.AsSpan(lo + c * front, w), c + 1, yc);
            }
            if (!any || m == 0) continue;
            Span<double> t = tmp.AsSpan(0, m);
            t.Clear();
            int k = 0;
            for (; k + 4 <= w; k += 4)
            {
                double a0 = yf[k], a1 = yf[k + 1], a2 = yf[k + 2], a3 = yf[k + 3];
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) continue;
                int col = lo + k * front + w;
                Axpy4(t, lv.AsSpan(col, m), lv.AsSpan(col + front, m), lv.AsSpan(col + 2 * front, m),
                    lv.AsSpan(col + 3 * front, m), 0, a0, a1, a2, a3);
            }
            for (; k < w; k++)
                if (yf[k] != 0) Axpy1(t, lv.AsSpan(lo + k * front + w, m), 0, yf[k]);
            ReadOnlySpan<int> rows = rIdx.AsSpan(r0, m);
            for (int r = 0; r < rows.Length; r++) y[rows[r]] += t[r];
        }
    }

    /// <summary>
    /// Backward substitution with the upper factor over the supernodes of <paramref name="order"/> taken in
    /// descending order: U₁₂·y₂ as dot products of the transposed block with the gathered rows (four at a time), then
    /// the diagonal block's triangle column by column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(SupernodalSymbolic s, double[] lv, double[] uv, double[] y, double[] tmp, int[] order)
    {
        int[] rIdx = s.RIdx, first = s.First, rStart = s.RStart;
        long[] lOff = s.LOff, uOff = s.UOff;
        for (int k = order.Length - 1; k >= 0; k--)
        {
            int sn = order[k];
            int f = first[sn], w = first[sn + 1] - f, r0 = rStart[sn], m = rStart[sn + 1] - r0, front = w + m;
            int lo = (int)lOff[sn], uo = (int)uOff[sn];
            Span<double> yf = y.AsSpan(f, w);
            if (m > 0)
            {
                ReadOnlySpan<int> rows = rIdx.AsSpan(r0, m);
                Span<double> t = tmp.AsSpan(0, m);
                for (int r = 0; r < t.Length; r++) t[r] = y[rows[r]];
                int c = 0;
                for (; c + 4 <= w; c += 4)
                {
                    int col = uo + c * m;
                    Dot4(uv.AsSpan(col, m), uv.AsSpan(col + m, m), uv.AsSpan(col + 2 * m, m), uv.AsSpan(col + 3 * m, m), t,
                        out double d0, out double d1, out double d2, out double d3);
                    yf[c] -= d0; yf[c + 1] -= d1; yf[c + 2] -= d2; yf[c + 3] -= d3;
                }
                for (; c < w; c++) yf[c] -= Dot(uv.AsSpan(uo + c * m, m), t);
            }
            for (int c = w - 1; c >= 0; c--)
            {
                int col = lo + c * front;
                double yc = yf[c] / lv[col + c];
                yf[c] = yc;
                if (yc == 0 || c == 0) continue;
                Axpy1(yf[..c], lv.AsSpan(col, c), 0, yc);
            }
        }
    }

    /// <summary>The four dot products of a0..a3 with b (all of b's length), in one pass over b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4(ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> a2, ReadOnlySpan<double> a3,
        ReadOnlySpan<double> b, out double d0, out double d1, out double d2, out double d3)
    {
        int n = b.Length, i = 0;
        d0 = d1 = d2 = d3 = 0;
        int vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n >= vw)
        {
            Vector<double> s0 = Vector<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
            ref double rb = ref MemoryMarshal.GetReference(b);
            ref double r0 = ref MemoryMarshal.GetReference(a0);
            ref double r1 = ref MemoryMarshal.GetReference(a1);
            ref double r2 = ref MemoryMarshal.GetReference(a2);
            ref double r3 = ref MemoryMarshal.GetReference(a3);
            for (; i + vw <= n; i += vw)
            {
                var vb = Vector.LoadUnsafe(ref rb, (nuint)i);
                s0 += Vector.LoadUnsafe(ref r0, (nuint)i) * vb;
                s1 += Vector.LoadUnsafe(ref r1, (nuint)i) * vb;
                s2 += Vector.LoadUnsafe(ref r2, (nuint)i) * vb;
                s3 += Vector.LoadUnsafe(ref r3, (nuint)i) * vb;
            }
            d0 = Vector.Sum(s0); d1 = Vector.Sum(s1); d2 = Vector.Sum(s2); d3 = Vector.Sum(s3);
        }
        for (; i < n; i++)
        {
            double bi = b[i];
            d0 += a0[i] * bi; d1 += a1[i] * bi; d2 += a2[i] * bi; d3 += a3[i] * bi;
        }
    }
}
