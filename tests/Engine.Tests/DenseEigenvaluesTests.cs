using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Perovspice.Engine.Analysis;
using Xunit;

namespace Perovspice.Engine.Tests;

/// <summary>The eigenvalues-only dense solver (balancing, Hessenberg, Francis QR) against matrices of known spectrum
/// and against MathNet's independent eigen-decomposition; the dense inverse against A·A⁻¹ = I.</summary>
public class DenseEigenvaluesTests
{
    private static double[] RowMajor(Matrix<double> m)
    {
        int n = m.RowCount;
        var a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i * n + j] = m[i, j];
        return a;
    }

    /// <summary>Every expected eigenvalue is matched by a distinct computed one within tol·scale.</summary>
    private static void AssertSameSpectrum(IReadOnlyList<Complex> expected, Complex[] actual, double tol, double scale)
    {
        Assert.Equal(expected.Count, actual.Length);
        var used = new bool[actual.Length];
        foreach (var e in expected)
        {
            int best = -1; double dist = double.PositiveInfinity;
            for (int k = 0; k < actual.Length; k++)
                if (!used[k] && (actual[k] - e).Magnitude < dist) { dist = (actual[k] - e).Magnitude; best = k; }
            Assert.True(dist <= tol * scale, $"eigenvalue {e}: nearest computed at distance {dist:E3} (allowed {tol * scale:E3})");
            used[best] = true;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(150)]
    public void RandomMatricesMatchMathNet(int n)
    {
        var rnd = new Random(17 + n);
        var m = Matrix<double>.Build.Dense(n, n, (_, _) => rnd.NextDouble() - 0.5);
        var expected = m.Evd(Symmetricity.Asymmetric).EigenValues.ToArray();
        var actual = DenseEigenvalues.Compute(RowMajor(m), n);
        AssertSameSpectrum(expected, actual, 1e-10, m.FrobeniusNorm());
    }

    [Fact]
    public void KnownSpectrumWithComplexPairsIsRecovered()
    {
        // A = S D S⁻¹, D block diagonal: real eigenvalues and 2 × 2 blocks [[a, b], [−b, a]] (eigenvalues a ± ib).
        const int n = 30;
        var rnd = new Random(5);
        var d = Matrix<double>.Build.Dense(n, n);
        var expected = new List<Complex>();
        for (int i = 0; i < n;)
        {
            if (i + 1 < n && i % 3 == 0)
            {
                double re = rnd.NextDouble() * 4 - 2, im = 0.1 + rnd.NextDouble() * 3;
                d[i, i] = re; d[i, i + 1] = im; d[i + 1, i] = -im; d[i + 1, i + 1] = re;
                expected.Add(new Complex(re, im)); expected.Add(new Complex(re, -im));
                i += 2;
            }
            else
            {
                d[i, i] = rnd.NextDouble() * 10 - 5;
                expected.Add(d[i, i]);
                i++;
            }
        }
        var s = Matrix<double>.Build.Dense(n, n, (r, c) => (r == c ? 3 : 0) + rnd.NextDouble() - 0.5);
        var a = s * d * s.Inverse();
        AssertSameSpectrum(expected, DenseEigenvalues.Compute(RowMajor(a), n), 1e-9, 5);
    }

    [Fact]
    public void CompanionMatrixGivesThePolynomialRoots()
    {
        // (x − 1)(x + 2)(x − 3)(x² + 2x + 5): roots 1, −2, 3, −1 ± 2i. Companion of x⁵ + c₄x⁴ + … + c₀.
        double[] poly = { 1 };   // coefficients, highest power first
        foreach (var f in new[] { new[] { 1.0, -1 }, new[] { 1.0, 2 }, new[] { 1.0, -3 }, new[] { 1.0, 2, 5 } })
        {
            var r = new double[poly.Length + f.Length - 1];
            for (int i = 0; i < poly.Length; i++) for (int j = 0; j < f.Length; j++) r[i + j] += poly[i] * f[j];
            poly = r;
        }
        int n = poly.Length - 1;
        var a = new double[n * n];
        for (int j = 0; j < n; j++) a[j] = -poly[j + 1];
        for (int i = 1; i < n; i++) a[i * n + i - 1] = 1;
        var expected = new[] { new Complex(1, 0), new Complex(-2, 0), new Complex(3, 0), new Complex(-1, 2), new Complex(-1, -2) };
        AssertSameSpectrum(expected, DenseEigenvalues.Compute(a, n), 1e-12, 3);
    }

    [Fact]
    public void BadlyScaledSimilarMatrixKeepsItsEigenvalues()
    {
        // D⁻¹AD with D = diag(10^(2k)): the same eigenvalues; balancing undoes the scaling.
        const int n = 12;
        var rnd = new Random(3);
        var m = Matrix<double>.Build.Dense(n, n, (_, _) => rnd.NextDouble() - 0.5);
        var expected = m.Evd(Symmetricity.Asymmetric).EigenValues.ToArray();
        var scaled = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) scaled[i * n + j] = m[i, j] * Math.Pow(10, 2 * (j - i));
        AssertSameSpectrum(expected, DenseEigenvalues.Compute(scaled, n), 1e-9, m.FrobeniusNorm());
    }

    [Fact]
    public void TriangularZeroAndJordanMatrices()
    {
        var tri = new double[] { 2, 5, 7, 0, -1, 3, 0, 0, 4 };
        AssertSameSpectrum(new Complex[] { 2, -1, 4 }, DenseEigenvalues.Compute(tri, 3), 1e-14, 1);
        AssertSameSpectrum(new Complex[] { 0, 0, 0, 0 }, DenseEigenvalues.Compute(new double[16], 4), 0, 1);
        // A 3 × 3 Jordan block of 2: a triple eigenvalue is sensitive (ε^(1/3)), so a loose tolerance.
        var jordan = new double[] { 2, 1, 0, 0, 2, 1, 0, 0, 2 };
        AssertSameSpectrum(new Complex[] { 2, 2, 2 }, DenseEigenvalues.Compute(jordan, 3), 1e-4, 1);
    }

    [Fact]
    public void ClustersOfEqualEigenvaluesConverge()
    {
        // 60 identical 3 × 3 cells (an array of equal devices) mixed by an orthogonal similarity: each eigenvalue 60
        // times. Forming the bulge from h00² − s·h00 + t cancelled on such clusters and the QR iteration never
        // deflated (a 16×16 level-2 crossbar's .hopf); formed from differences h00 − shift it converges.
        const int cells = 60, n = 3 * cells;
        var rnd = new Random(11);
        var d = Matrix<double>.Build.Dense(n, n);
        var expected = new List<Complex>();
        double im = Math.Sqrt(1e-7 * 3e-6);
        for (int c = 0; c < cells; c++)
        {
            int o = 3 * c;
            d[o, o] = 1.5e-6; d[o, o + 1] = 2e-7;
            d[o + 1, o + 1] = -0.7e-6; d[o + 1, o + 2] = 1e-7; d[o + 2, o + 1] = -3e-6; d[o + 2, o + 2] = -0.7e-6;
            expected.Add(1.5e-6); expected.Add(new Complex(-0.7e-6, im)); expected.Add(new Complex(-0.7e-6, -im));
        }
        var q = Matrix<double>.Build.Dense(n, n, (_, _) => rnd.NextDouble() - 0.5).QR().Q;
        var a = q * d * q.Transpose();
        AssertSameSpectrum(expected, DenseEigenvalues.Compute(RowMajor(a), n), 1e-8, 3e-6);
    }

    [Fact]
    public void NonFiniteEntryIsAnArithmeticError()
    {
        Assert.Throws<ArithmeticException>(() => DenseEigenvalues.Compute(new[] { 1, double.NaN, 0, 1 }, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public void InverseTimesMatrixIsIdentity(int n)
    {
        var rnd = new Random(n);
        var m = Matrix<double>.Build.Dense(n, n, (_, _) => rnd.NextDouble() - 0.5);
        var a = RowMajor(m);
        var inv = new double[n * n];
        Assert.True(DenseInverse.Invert((double[])a.Clone(), n, inv));
        double cond = m.L1Norm() * m.Inverse().L1Norm();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i * n + k] * inv[k * n + j];
                Assert.True(Math.Abs(s - (i == j ? 1 : 0)) <= 1e-13 * cond, $"(A·A⁻¹)[{i},{j}] = {s}");
            }
    }

    [Fact]
    public void SingularMatrixIsReported()
    {
        var a = new double[] { 1, 2, 2, 4 };   // rank 1: the second pivot is exactly zero
        Assert.False(DenseInverse.Invert(a, 2, new double[4]));
    }
}
