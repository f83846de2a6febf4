using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>
/// TRRANDOM against its definition (the draws are random, so against their distributions): values held over
/// (td + k·ts, td + (k+1)·ts] with a breakpoint at each boundary, param2 up to td, the dc value added; uniform,
/// Gaussian, exponential and Poisson draws with the moments of their distributions. The shape (held values, param2
/// before td and at t = 0, the offset added) was read off ngspice 39 for
/// `V1 a 0 dc 0 trrandom(1 1m 2m 3 5)` … `V5 e 0 dc 2 trrandom(1 1m 0 1 0)` with `.tran 0.1m 10m` (wrdata): ngspice
/// holds 5 until 2 ms and then values in [2, 8); V5 is 2 at t = 0 and within [1, 3) after.
/// </summary>
public class WaveformTrrandomTests
{
    private const int Draws = 40_000;

    private static double[] Sample(double[] args, int seed = 3)
    {
        var w = new TrrandomWaveform(args, seed);
        double ts = args[1], td = args.Length > 2 ? args[2] : 0;
        w.Prepare(new TransientSpec(ts, td + Draws * ts), new List<double>());
        var v = new double[Draws];
        for (int k = 0; k < Draws; k++) v[k] = w.Value(td + (k + 0.5) * ts);
        return v;
    }

    private static (double Mean, double Sd) Moments(double[] v)
    {
        double mean = v.Average();
        return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)));
    }

    [Fact]
    public void UniformLiesInTheRangeAroundTheOffset()
    {
        var v = Sample([1, 1e-6, 0, 3, 5]);
        Assert.All(v, x => Assert.InRange(x, 2, 8));
        var (mean, sd) = Moments(v);
        double expectedSd = 3 / Math.Sqrt(3);
        Assert.InRange(mean, 5 - 4 * expectedSd / Math.Sqrt(Draws), 5 + 4 * expectedSd / Math.Sqrt(Draws));
        Assert.InRange(sd / expectedSd, 0.98, 1.02);
    }

    [Fact]
    public void GaussianHasTheMeanAndDeviation()
    {
        var (mean, sd) = Moments(Sample([2, 1e-6, 0, 0.5, 1]));
        Assert.InRange(mean, 1 - 4 * 0.5 / Math.Sqrt(Draws), 1 + 4 * 0.5 / Math.Sqrt(Draws));
        Assert.InRange(sd / 0.5, 0.98, 1.02);
    }

    [Fact]
    public void ExponentialHasTheMeanAboveTheOffset()
    {
        var v = Sample([3, 1e-6, 0, 2, 1]);
        Assert.All(v, x => Assert.True(x >= 1));
        var (mean, sd) = Moments(v);
        Assert.InRange(mean - 1, 2 - 4 * 2 / Math.Sqrt(Draws), 2 + 4 * 2 / Math.Sqrt(Draws));
        Assert.InRange(sd / 2, 0.97, 1.03);   // an exponential's deviation equals its mean
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(75.0)]      // three of Knuth's pieces
    [InlineData(2e4)]       // the normal approximation
    public void PoissonDrawsIntegersWithMeanAndVarianceLambda(double lambda)
    {
        var v = Sample([4, 1e-6, 0, lambda, 0]);
        Assert.All(v, x => Assert.Equal(Math.Floor(x), x));
        var (mean, sd) = Moments(v);
        double se = Math.Sqrt(lambda / Draws);
        Assert.InRange(mean, lambda - 4 * se, lambda + 4 * se);
        Assert.InRange(sd * sd / lambda, 0.97, 1.03);
    }

    [Fact]
    public void ValuesAreHeldWithBreakpointsAndParam2BeforeTheDelay()
    {
        var w = new TrrandomWaveform([1, 1e-3, 2e-3, 3, 5], seed: 9).WithOffset(2);
        var bps = new List<double>();
        w.Prepare(new TransientSpec(1e-4, 10e-3), bps);
        Assert.Equal(7, w.Value(0));          // offset + param2
        Assert.Equal(7, w.Value(2e-3));       // still param2 at td
        double first = w.Value(2.0001e-3);
        Assert.Equal(first, w.Value(2.5e-3));
        Assert.Equal(first, w.Value(3e-3));   // the interval (td, td + ts] is closed on the right
        Assert.NotEqual(first, w.Value(3.0001e-3));
        Assert.InRange(first, 4, 10);
        foreach (double t in new[] { 2e-3, 3e-3, 9e-3, 10e-3 })
            Assert.Contains(bps, b => Math.Abs(b - t) < 1e-15);
        Assert.Equal(9, bps.Count);
    }

    [Fact]
    public void SameSeedSameDrawsOtherSeedOtherDraws()
    {
        var spec = new TransientSpec(1e-6, 1e-3);
        var a = new TrrandomWaveform([2, 1e-6], 1);
        var b = new TrrandomWaveform([2, 1e-6], 1);
        var c = new TrrandomWaveform([2, 1e-6], 2);
        foreach (var w in new[] { a, b, c }) w.Prepare(spec, new List<double>());
        Assert.Equal(a.Value(3.3e-6), b.Value(3.3e-6));
        Assert.NotEqual(a.Value(3.3e-6), c.Value(3.3e-6));
    }

    [Theory]
    [InlineData(new[] { 5.0, 1e-3 }, "type must be")]
    [InlineData(new[] { 1.5, 1e-3 }, "type must be")]
    [InlineData(new[] { 1.0, 0.0 }, "ts must be positive")]
    [InlineData(new[] { 1.0, 1e-3, -1.0 }, "td must not be negative")]
    [InlineData(new[] { 4.0, 1e-3, 0, -2.0 }, "Poisson mean")]
    [InlineData(new[] { 1.0 }, "at least type and ts")]
    public void BadArgumentsAreRefused(double[] args, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => new TrrandomWaveform(args, 1));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void MoreValuesThanTheBreakpointLimitFailBeforeAllocating()
    {
        var w = new TrrandomWaveform([1, 1e-15], 1);
        Assert.Throws<SimulationLimitException>(() => w.Prepare(new TransientSpec(1e-6, 1), new List<double>()));
    }
}
