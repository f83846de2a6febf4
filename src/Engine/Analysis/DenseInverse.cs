namespace Perovspice.Engine.Analysis;

/// <summary>The inverse of a dense real matrix stored by rows: LU with partial pivoting, then the n right-hand sides of
/// the identity by forward and back substitution, all as row operations with <see cref="System.Numerics.Vector{T}"/>
/// (≈ 2.7n³ flops).</summary>
internal static class DenseInverse
{
    /// <summary>Writes A⁻¹ into <paramref name="inverse"/>; <paramref name="a"/> is overwritten by its LU factors.
    /// Returns false when a pivot column is exactly zero (A singular).</summary>
    public static bool Invert(double[] a, int n, double[] inverse)
    {
        var perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double m = Math.Abs(a[i * n + k]);
                if (m > best) { best = m; p = i; }
            }
            if (best == 0 || !double.IsFinite(best)) return false;
            if (p != k)
            {
                a.AsSpan(k * n, n).CopyTo(inverse.AsSpan(0, n));   // inverse used as scratch here
                a.AsSpan(p * n, n).CopyTo(a.AsSpan(k * n, n));
                inverse.AsSpan(0, n).CopyTo(a.AsSpan(p * n, n));
                (perm[k], perm[p]) = (perm[p], perm[k]);
            }
            double pivot = a[k * n + k];
            var pivotRow = a.AsSpan(k * n + k + 1, n - k - 1);
            for (int i = k + 1; i < n; i++)
            {
                double f = a[i * n + k] / pivot;
                a[i * n + k] = f;
                if (f != 0) DenseEigenvalues.Axpy(a.AsSpan(i * n + k + 1, n - k - 1), -f, pivotRow);
            }
        }
        // B = P·I, then L Y = B (row k of B is final once rows above are applied), then U X = Y.
        Array.Clear(inverse, 0, n * n);
        for (int i = 0; i < n; i++) inverse[i * n + perm[i]] = 1;
        for (int k = 0; k < n; k++)
        {
            var rowK = inverse.AsSpan(k * n, n);
            for (int i = k + 1; i < n; i++)
            {
                double l = a[i * n + k];
                if (l != 0) DenseEigenvalues.Axpy(inverse.AsSpan(i * n, n), -l, rowK);
            }
        }
        for (int k = n - 1; k >= 0; k--)
        {
            var rowK = inverse.AsSpan(k * n, n);
            double d = 1 / a[k * n + k];
            for (int j = 0; j < n; j++) rowK[j] *= d;
            for (int i = 0; i < k; i++)
            {
                double u = a[i * n + k];
                if (u != 0) DenseEigenvalues.Axpy(inverse.AsSpan(i * n, n), -u, rowK);
            }
        }
        return true;
    }
}
