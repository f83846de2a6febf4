using Perovspice.Engine.Analysis;
using Perovspice.Engine.Analysis.Measurements;
using Xunit;

namespace Perovspice.Engine.Tests;

/// <summary>The array arithmetic of .meas and .four against closed forms on sampled analytic waveforms.</summary>
public class MeasurementMathTests
{
    // triangle 0 → 2 → 0 → 2 over x = 0..3, sampled at the corners and midpoints
    private static readonly double[] X = { 0, 0.5, 1, 1.5, 2, 2.5, 3 };
    private static readonly double[] Y = { 0, 1, 2, 1, 0, 1, 2 };

    [Fact]
    public void CrossingsCountRisesFallsAndLast()
    {
        Assert.Equal(0.75, Crossings.Find(X, Y, 1.5, CrossingEdge.Rise, 1));
        Assert.Equal(1.25, Crossings.Find(X, Y, 1.5, CrossingEdge.Fall, 1));
        Assert.Equal(2.75, Crossings.Find(X, Y, 1.5, CrossingEdge.Cross, 3));
        Assert.Equal(2.75, Crossings.Find(X, Y, 1.5, CrossingEdge.Cross, Crossings.Last));
        Assert.Equal(2.75, Crossings.Find(X, Y, 1.5, CrossingEdge.Rise, 1, delay: 1.0));
        Assert.Null(Crossings.Find(X, Y, 1.5, CrossingEdge.Fall, 2));
        Assert.Null(Crossings.Find(X, Y, 5, CrossingEdge.Cross, Crossings.Last));
    }

    [Fact]
    public void InterpolationAndSlopes()
    {
        Assert.Equal(1.5, Sampling.ValueAt(X, Y, 0.75));
        Assert.Equal(2, Sampling.ValueAt(X, Y, 3));
        Assert.Null(Sampling.ValueAt(X, Y, 3.1));
        Assert.Equal(2, Sampling.SlopeAt(X, Y, 0.25));
        Assert.Equal(-2, Sampling.SlopeAt(X, Y, 1.25));
        Assert.Equal(0, Sampling.SlopeAt(X, Y, 1.0)); // central difference at the peak
    }

    [Fact]
    public void WindowStatisticsOfATriangle()
    {
        // ∫ over 0.25..2.75 of the triangle: 0.25..1 (0.5→2): 0.9375; 1..2: 1; 2..2.75 (0→1.5): 0.5625
        Assert.Equal(2.5, WindowStatistics.Integral(X, Y, 0.25, 2.75)!.Value, 12);
        Assert.Equal(1.0, WindowStatistics.Average(X, Y, 0.25, 2.75)!.Value, 12);
        Assert.Equal(new Extremum(2, 1), WindowStatistics.Max(X, Y, 0.25, 2.75));
        Assert.Equal(new Extremum(0, 2), WindowStatistics.Min(X, Y, 0.25, 2.75));
        Assert.Equal(2, WindowStatistics.PeakToPeak(X, Y, 0, 3));
        // trapezoidal rule on y² of a constant is exact
        Assert.Equal(3, WindowStatistics.Rms(new double[] { 0, 1, 2 }, new double[] { 3, 3, 3 }, 0.3, 1.7)!.Value, 12);
        Assert.Null(WindowStatistics.Integral(X, Y, -1, 2));
    }

    [Fact]
    public void FourierOfASampledSquareishWaveformMatchesItsSeries()
    {
        // x(t) = 0.3 + 2 sin(ωt + 0.4) + 0.5 sin(3ωt − 1), sampled finely over three periods of 1 kHz
        double f = 1e3, w = 2 * Math.PI * f;
        var t = Enumerable.Range(0, 30001).Select(i => i * 3e-3 / 30000).ToArray();
        var x = t.Select(s => 0.3 + 2 * Math.Sin(w * s + 0.4) + 0.5 * Math.Sin(3 * w * s - 1)).ToArray();
        var r = Fourier.Analyse(t, x, f);
        Assert.Equal(10, r.Harmonics.Count);
        Assert.Equal(0.3, r.Harmonics[0].Magnitude, 6);
        Assert.Equal(2, r.Harmonics[1].Magnitude, 5);
        Assert.Equal(0.4 * 180 / Math.PI, r.Harmonics[1].Phase, 3);
        Assert.Equal(0.5, r.Harmonics[3].Magnitude, 5);
        Assert.Equal(-180 / Math.PI, r.Harmonics[3].Phase, 3);
        Assert.Equal(0.25, r.Harmonics[3].NormalizedMagnitude, 5);
        Assert.True(r.Harmonics[2].Magnitude < 1e-6);
        Assert.Equal(25, r.ThdPercent, 3);
        Assert.Throws<ArgumentException>(() => Fourier.Analyse(t, x, 100)); // shorter than a period
    }
}
