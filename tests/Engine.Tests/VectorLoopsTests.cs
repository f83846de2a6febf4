using Perovspice.Engine.Analysis;
using Xunit;

namespace Perovspice.Engine.Tests;

/// <summary>The transient runner's SIMD passes (<see cref="VectorLoops"/>) give bit-for-bit the values of the plain
/// loops they replace, for every length (vector body and scalar tail), and the error pass finds the first unknown
/// with the largest ratio among the masked-in ones.</summary>
public class VectorLoopsTests
{
    private static double[] Random(Random rng, int len, double scale = 1)
    {
        var a = new double[len];
        for (int i = 0; i < len; i++) a[i] = scale * (2 * rng.NextDouble() - 1) * Math.Pow(10, rng.Next(-6, 4));
        return a;
    }

    private static void AssertBits(double[] expected, double[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"[{i}]: {expected[i]:R} vs {actual[i]:R}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    [InlineData(1001)]
    public void ElementwisePassesEqualThePlainLoops(int len)
    {
        var rng = new Random(len);
        double[] x = Random(rng, len), y = Random(rng, len), z = Random(rng, len);
        double a = 2 / 3e-9, b = -0.37, c = 1.9e-3, h = 7.1e-10;
        var d = new double[len];
        var e = new double[len];

        VectorLoops.NegDiv(d, x, h, len);
        for (int i = 0; i < len; i++) e[i] = -x[i] / h;
        AssertBits(e, d);

        VectorLoops.Combine2(d, -a, x, -1, y, len);   // the trapezoidal history −a0·q − dq
        for (int i = 0; i < len; i++) e[i] = -a * x[i] - y[i];
        AssertBits(e, d);

        VectorLoops.Combine2(d, a, x, 1, y, len);     // dq = a0·q + hist
        for (int i = 0; i < len; i++) e[i] = a * x[i] + y[i];
        AssertBits(e, d);

        VectorLoops.Combine2(d, b, x, c, y, len);
        for (int i = 0; i < len; i++) e[i] = b * x[i] + c * y[i];
        AssertBits(e, d);

        VectorLoops.Combine3(d, a, x, b, y, c, z, len);
        for (int i = 0; i < len; i++) e[i] = a * x[i] + b * y[i] + c * z[i];
        AssertBits(e, d);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(999)]
    public void NewtonUpdateEqualsThePlainLoop(int n)
    {
        var rng = new Random(31 * n);
        for (int trial = 0; trial < 40; trial++)
        {
            double[] x = Random(rng, n + 1), dx = Random(rng, n + 1, 1e-3);
            var absTol = new double[n + 1];
            for (int i = 1; i <= n; i++) absTol[i] = rng.Next(2) == 0 ? 1e-6 : 1e-12;
            if (trial % 4 == 1 && n >= 3) for (int i = 2; i <= n; i += 3) { x[i] = x[1]; dx[i] = dx[1]; absTol[i] = absTol[1]; }   // ties
            int bad = trial % 5 == 2 ? 1 + rng.Next(n) : -1;
            if (bad > 0) dx[bad] = trial % 2 == 0 ? double.PositiveInfinity : double.NaN;
            var xPlain = (double[])x.Clone();
            var xVector = (double[])x.Clone();

            double worst = -1;
            int atPlain = 0;
            for (int i = 1; i <= n; i++)
            {
                double xi = xPlain[i] + dx[i];
                if (!double.IsFinite(xi)) { atPlain = i; worst = double.NaN; break; }
                double tol = 1e-3 * Math.Max(Math.Abs(xi), Math.Abs(xPlain[i])) + absTol[i];
                double r = Math.Abs(dx[i]) / tol;
                if (r > worst) { worst = r; atPlain = i; }
                xPlain[i] = xi;
            }
            double vector = VectorLoops.NewtonUpdate(xVector, dx, absTol, n, 1e-3, out int atVector);
            Assert.Equal(BitConverter.DoubleToInt64Bits(worst), BitConverter.DoubleToInt64Bits(vector));
            Assert.Equal(atPlain, atVector);
            if (bad > 0) Assert.Equal(bad, atVector);
            AssertBits(xPlain, xVector);   // with a non-finite value: updated below it only
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    public void NegResidualEqualsThePlainLoop(int len)
    {
        var rng = new Random(len);
        double[] f = Random(rng, len), q = Random(rng, len), h = Random(rng, len);
        var d = new double[len];
        var e = new double[len];
        VectorLoops.NegResidual(d, f, 3.3e7, q, h, len);
        for (int i = 0; i < len; i++) e[i] = -(f[i] + 3.3e7 * q[i] + h[i]);
        AssertBits(e, d);
    }

    private static double PlainMax(double[] xNew, double[] xPred, double[] x0, double[] absTol, double[] mask, int n,
        double scale, double relTol, double trScale, ref int at)
    {
        double worst = 0;
        for (int i = 1; i <= n; i++)
        {
            if (mask[i] == 0) continue;
            double tol = (relTol * Math.Max(Math.Abs(xNew[i]), Math.Abs(x0[i])) + absTol[i]) * trScale;
            double r = scale * Math.Abs(xNew[i] - xPred[i]) / tol;
            if (r > worst) { worst = r; at = i; }
        }
        return worst;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(64)]
    [InlineData(1000)]
    public void ErrorRatioEqualsThePlainLoop(int n)
    {
        var rng = new Random(7 * n + 1);
        for (int trial = 0; trial < 50; trial++)
        {
            double[] xNew = Random(rng, n + 1), x0 = Random(rng, n + 1), xPred = (double[])xNew.Clone();
            for (int i = 0; i <= n; i++) xPred[i] += 1e-4 * (2 * rng.NextDouble() - 1) * Math.Abs(xNew[i]);
            var absTol = new double[n + 1];
            var mask = new double[n + 1];
            for (int i = 1; i <= n; i++)
            {
                absTol[i] = rng.Next(4) == 0 ? double.PositiveInfinity : rng.Next(2) == 0 ? 1e-6 : 1e-12;
                mask[i] = rng.Next(3) == 0 ? 0 : 1;
            }
            if (trial % 5 == 0 && n >= 3)
            {
                // ties: the same largest ratio at several unknowns; the first one is reported
                for (int i = 2; i <= n; i += 2) { xNew[i] = xNew[1]; x0[i] = x0[1]; xPred[i] = xPred[1]; absTol[i] = absTol[1]; }
            }
            if (trial == 1) Array.Clear(mask);   // nothing to test: 0, and the previous unknown kept
            int atPlain = 5, atVector = 5;
            double plain = PlainMax(xNew, xPred, x0, absTol, mask, n, 0.077, 1e-3, 1, ref atPlain);
            double vector = VectorLoops.MaxErrorRatio(xNew, xPred, x0, absTol, mask, n, 0.077, 1e-3, 1, ref atVector);
            Assert.Equal(BitConverter.DoubleToInt64Bits(plain), BitConverter.DoubleToInt64Bits(vector));
            Assert.Equal(atPlain, atVector);
        }
    }
}
