using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Perovspice.Engine.Analysis;

/// <summary>
/// Eigenvalues (no eigenvectors) of a dense real n × n matrix stored by rows: balancing by powers of two (exact, the
/// eigenvalues do not change), reduction to upper Hessenberg form by Householder reflections, then the implicit
/// double-shift (Francis) QR iteration on the active block only (Golub &amp; Van Loan, Matrix Computations, §7.4–7.5:
/// "eigenvalues only" costs ≈ 10n³ flops against ≈ 25n³ with the Schur vectors). The row operations of the reduction
/// run with <see cref="Vector{T}"/>.
/// </summary>
internal static class DenseEigenvalues
{
    /// <summary>Iterations allowed per eigenvalue before the QR iteration is declared non-convergent.</summary>
    private const int IterationsPerEigenvalue = 40;

    /// <summary>The eigenvalues of the n × n matrix <paramref name="a"/> (row-major; overwritten), complex pairs both
    /// listed, in no particular order.</summary>
    /// <exception cref="ArithmeticException">The QR iteration did not converge (or the matrix holds non-finite
    /// values).</exception>
    public static Complex[] Compute(double[] a, int n)
    {
        if (a.Length < n * n) throw new ArgumentException("matrix too short", nameof(a));
        for (int i = 0; i < n * n; i++)
            if (!double.IsFinite(a[i])) throw new ArithmeticException("the matrix has a non-finite entry");
        Balance(a, n);
        Hessenberg(a, n);
        return HessenbergEigenvalues(a, n);
    }

    /// <summary>Scales rows and columns by powers of two (D⁻¹AD, exact in floating point) until row and column norms
    /// are comparable (Parlett &amp; Reinsch), which keeps small eigenvalues of badly scaled matrices accurate.</summary>
    internal static void Balance(double[] a, int n)
    {
        const double radix = 2, sqrdx = radix * radix;
        bool done = false;
        for (int sweep = 0; !done && sweep < 100; sweep++)
        {
            done = true;
            for (int i = 0; i < n; i++)
            {
                double r = 0, c = 0;
                for (int j = 0; j < n; j++)
                    if (j != i) { c += Math.Abs(a[j * n + i]); r += Math.Abs(a[i * n + j]); }
                if (c == 0 || r == 0) continue;
                double g = r / radix, f = 1, s = c + r;
                while (c < g) { f *= radix; c *= sqrdx; }
                g = r * radix;
                while (c > g) { f /= radix; c /= sqrdx; }
                if ((c + r) / f < 0.95 * s)
                {
                    done = false;
                    g = 1 / f;
                    var row = a.AsSpan(i * n, n);
                    for (int j = 0; j < n; j++) row[j] *= g;
                    for (int j = 0; j < n; j++) a[j * n + i] *= f;
                }
            }
        }
    }

    /// <summary>Reduces <paramref name="a"/> (row-major) to upper Hessenberg form by the similarity transformations
    /// H = QᵀAQ, Q a product of Householder reflections; entries below the first subdiagonal are set to zero.</summary>
    internal static void Hessenberg(double[] a, int n)
    {
        var v = new double[n];
        var w = new double[n];
        for (int k = 0; k < n - 2; k++)
        {
            int m = n - k - 1;           // length of the reflected part: rows/columns k+1 … n−1
            double scale = 0;
            for (int i = k + 1; i < n; i++) scale += Math.Abs(a[i * n + k]);
            if (scale == 0) continue;
            double ss = 0;
            for (int i = 0; i < m; i++) { v[i] = a[(k + 1 + i) * n + k] / scale; ss += v[i] * v[i]; }
            double alpha = Math.Sqrt(ss);
            if (v[0] < 0) alpha = -alpha;
            // P = I − τ u uᵀ with u = (1, v₁/(v₀+α), …): P x = −α·scale·e₁.
            double p = v[0] + alpha;
            double tau = p / alpha;
            v[0] = 1;
            for (int i = 1; i < m; i++) v[i] /= p;
            var u = v.AsSpan(0, m);
            // Left: rows k+1 … n−1, columns k+1 … n−1 (column k is set below): A ← A − τ u (uᵀA).
            var wr = w.AsSpan(0, m);
            wr.Clear();
            for (int i = 0; i < m; i++) Axpy(wr, u[i], a.AsSpan((k + 1 + i) * n + k + 1, m));
            for (int i = 0; i < m; i++) Axpy(a.AsSpan((k + 1 + i) * n + k + 1, m), -tau * u[i], wr);
            a[(k + 1) * n + k] = -alpha * scale;
            for (int i = k + 2; i < n; i++) a[i * n + k] = 0;
            // Right: every row, columns k+1 … n−1: A ← A − τ (A u) uᵀ.
            for (int r = 0; r < n; r++)
            {
                var row = a.AsSpan(r * n + k + 1, m);
                double d = Dot(row, u);
                if (d != 0) Axpy(row, -tau * d, u);
            }
        }
    }

    /// <summary>The eigenvalues of the upper Hessenberg matrix <paramref name="h"/> (row-major; overwritten) by the
    /// implicit double-shift QR iteration, transforming only the unreduced active block (eigenvalues only), with an
    /// exceptional shift after 10 and 20 iterations without deflation.</summary>
    internal static Complex[] HessenbergEigenvalues(double[] h, int n)
    {
        var result = new Complex[n];
        int found = 0;
        double norm = 0;
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(0, i - 1); j < n; j++) norm += Math.Abs(h[i * n + j]);
        int hi = n - 1, iterations = 0, total = 0, limit = IterationsPerEigenvalue * Math.Max(n, 1);
        const double eps = 2.220446049250313e-16;   // 2⁻⁵²
        while (hi >= 0)
        {
            // Smallest lo whose subdiagonals lo … hi are all significant.
            int lo = hi;
            for (; lo > 0; lo--)
            {
                double s = Math.Abs(h[(lo - 1) * n + lo - 1]) + Math.Abs(h[lo * n + lo]);
                if (s == 0) s = norm;
                if (Math.Abs(h[lo * n + lo - 1]) <= eps * s) { h[lo * n + lo - 1] = 0; break; }
            }
            if (lo == hi)
            {
                result[found++] = h[hi * n + hi];
                hi--; iterations = 0;
                continue;
            }
            if (lo == hi - 1)
            {
                var (l1, l2) = TwoByTwo(h[lo * n + lo], h[lo * n + hi], h[hi * n + lo], h[hi * n + hi]);
                result[found++] = l1; result[found++] = l2;
                hi -= 2; iterations = 0;
                continue;
            }
            if (++total > limit) throw new ArithmeticException("the QR iteration for the eigenvalues did not converge");
            iterations++;
            // Shifts: the eigenvalues of the trailing 2 × 2 block, kept as that block's entries (p11, p22,
            // w = a12·a21) so that the first column below is formed from differences h00 − p, not from h00² − s·h00 + t
            // (which cancels catastrophically on a cluster of equal eigenvalues); every 10th iteration without
            // deflation an exceptional shift instead.
            double p11, p22, w;
            if (iterations % 10 == 0)
            {
                double e = Math.Abs(h[hi * n + hi - 1]) + Math.Abs(h[(hi - 1) * n + hi - 2]);
                p11 = p22 = h[hi * n + hi] + 0.75 * e;
                w = -0.4375 * e * e;
            }
            else
            {
                p11 = h[(hi - 1) * n + hi - 1]; p22 = h[hi * n + hi];
                w = h[(hi - 1) * n + hi] * h[hi * n + hi - 1];
            }
            FrancisSweep(h, n, lo, hi, p11, p22, w);
        }
        return result;
    }

    /// <summary>One implicit double-shift QR sweep on the active block lo … hi: a bulge from the first column of
    /// (H − σ₁I)(H − σ₂I) (σ₁, σ₂ the eigenvalues of [[p11, ·], [·, p22]] with off-diagonal product w), divided by
    /// h₁₀, chased down by 3 × 3 reflections, the last one 2 × 2.</summary>
    private static void FrancisSweep(double[] h, int n, int lo, int hi, double p11, double p22, double w)
    {
        double h00 = h[lo * n + lo], h01 = h[lo * n + lo + 1], h10 = h[(lo + 1) * n + lo], h11 = h[(lo + 1) * n + lo + 1];
        double r = h00 - p11, s = h00 - p22;
        double x = (r * s - w) / h10 + h01;
        double y = r + (h11 - p22);
        double z = h[(lo + 2) * n + lo + 1];
        for (int k = lo; k <= hi - 2; k++)
        {
            Reflect3(h, n, lo, hi, k, x, y, z);
            x = h[(k + 1) * n + k];
            y = h[(k + 2) * n + k];
            if (k < hi - 2) z = h[(k + 3) * n + k];
        }
        Reflect2(h, n, lo, hi, hi - 1, x, y);
    }

    /// <summary>The 3 × 3 reflection P = I − τ(1, q, r)(1, q, r)ᵀ with P(x, y, z) = (−α, 0, 0), applied to rows
    /// k … k+2 from the left and to columns k … k+2 from the right, within the active block.</summary>
    private static void Reflect3(double[] h, int n, int lo, int hi, int k, double x, double y, double z)
    {
        double scale = Math.Abs(x) + Math.Abs(y) + Math.Abs(z);
        if (scale == 0) return;
        x /= scale; y /= scale; z /= scale;
        double alpha = Math.Sqrt(x * x + y * y + z * z);
        if (x < 0) alpha = -alpha;
        double p = x + alpha, tau = p / alpha, q = y / p, r = z / p;
        int c0 = Math.Max(lo, k - 1);
        int r0 = k * n, r1 = (k + 1) * n, r2 = (k + 2) * n;
        for (int j = c0; j <= hi; j++)
        {
            double d = tau * (h[r0 + j] + q * h[r1 + j] + r * h[r2 + j]);
            h[r0 + j] -= d; h[r1 + j] -= q * d; h[r2 + j] -= r * d;
        }
        if (k > lo) { h[(k + 1) * n + k - 1] = 0; h[(k + 2) * n + k - 1] = 0; }
        int rEnd = Math.Min(k + 3, hi);
        for (int i = lo; i <= rEnd; i++)
        {
            int b = i * n + k;
            double d = tau * (h[b] + q * h[b + 1] + r * h[b + 2]);
            h[b] -= d; h[b + 1] -= q * d; h[b + 2] -= r * d;
        }
    }

    /// <summary>The 2 × 2 reflection that ends a sweep (rows/columns k, k+1).</summary>
    private static void Reflect2(double[] h, int n, int lo, int hi, int k, double x, double y)
    {
        double scale = Math.Abs(x) + Math.Abs(y);
        if (scale == 0) return;
        x /= scale; y /= scale;
        double alpha = Math.Sqrt(x * x + y * y);
        if (x < 0) alpha = -alpha;
        double p = x + alpha, tau = p / alpha, q = y / p;
        int c0 = Math.Max(lo, k - 1);
        int r0 = k * n, r1 = (k + 1) * n;
        for (int j = c0; j <= hi; j++)
        {
            double d = tau * (h[r0 + j] + q * h[r1 + j]);
            h[r0 + j] -= d; h[r1 + j] -= q * d;
        }
        if (k > lo) h[(k + 1) * n + k - 1] = 0;
        for (int i = lo; i <= hi; i++)
        {
            int b = i * n + k;
            double d = tau * (h[b] + q * h[b + 1]);
            h[b] -= d; h[b + 1] -= q * d;
        }
    }

    /// <summary>The eigenvalues of [[a, b], [c, d]], without cancellation in the smaller real one.</summary>
    internal static (Complex, Complex) TwoByTwo(double a, double b, double c, double d)
    {
        double p = 0.5 * (a - d);
        double bc = b * c;
        double disc = p * p + bc;
        double mean = 0.5 * (a + d);
        if (disc >= 0)
        {
            double sq = Math.Sqrt(disc);
            // roots mean ± sq; the larger in magnitude first, the other from the determinant when safe
            double big = mean >= 0 ? mean + sq : mean - sq;
            double det = a * d - bc;
            double small = big != 0 ? det / big : 0;   // big = 0 only when both roots are 0
            return (big, small);
        }
        double im = Math.Sqrt(-disc);
        return (new Complex(mean, im), new Complex(mean, -im));
    }

    /// <summary>y += α·x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Axpy(Span<double> y, double alpha, ReadOnlySpan<double> x)
    {
        int len = y.Length, i = 0, vw = Vector<double>.Count;
        if (x.Length < len) throw new ArgumentException("x shorter than y");
        ref double ry = ref MemoryMarshal.GetReference(y);
        ref double rx = ref MemoryMarshal.GetReference(x);
        if (Vector.IsHardwareAccelerated && len >= vw)
        {
            var va = new Vector<double>(alpha);
            for (; i + vw <= len; i += vw)
                (Vector.LoadUnsafe(ref ry, (nuint)i) + va * Vector.LoadUnsafe(ref rx, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
        }
        for (; i < len; i++) y[i] += alpha * x[i];
    }

    /// <summary>xᵀy over the length of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int len = x.Length, i = 0, vw = Vector<double>.Count;
        if (y.Length < len) throw new ArgumentException("y shorter than x");
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double ry = ref MemoryMarshal.GetReference(y);
        double s = 0;
        if (Vector.IsHardwareAccelerated && len >= 2 * vw)
        {
            var acc = Vector<double>.Zero;
            for (; i + vw <= len; i += vw) acc += Vector.LoadUnsafe(ref rx, (nuint)i) * Vector.LoadUnsafe(ref ry, (nuint)i);
            s = Vector.Sum(acc);
        }
        for (; i < len; i++) s += x[i] * y[i];
        return s;
    }
}
