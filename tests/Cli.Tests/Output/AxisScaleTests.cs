using Xunit;
using Perovspice.Cli.Output;

namespace Perovspice.Cli.Tests.Output;

public class AxisScaleTests
{
    [Fact]
    public void LinearTicksAreNiceAndCoverTheData()
    {
        var a = AxisScale.Linear(0.13e-3, 9.7e-3, 0, 600);
        Assert.Equal(0, a.Min);
        Assert.Equal(0.01, a.Max, 1e-15);
        Assert.Equal(0.002, a.TickStep, 1e-15);
        Assert.Equal(6, a.Ticks.Count);
        Assert.Equal(0, a.Map(0));
        Assert.Equal(600, a.Map(0.01), 1e-9);
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(-1e308, 1e308)]
    [InlineData(1e300, 1e300)]
    [InlineData(1.7e308, 1.7e308)]
    [InlineData(5e-324, 5e-324)]
    [InlineData(double.NegativeInfinity, 3.0)]
    public void DegenerateRangesStillMap(double min, double max)
    {
        var a = AxisScale.Linear(min, max, 100, 700);
        Assert.True(a.Min < a.Max, $"{a.Min} .. {a.Max}");
        Assert.NotEmpty(a.Ticks);
        foreach (double t in a.Ticks) Assert.True(double.IsFinite(a.Map(t)));
        double mid = a.Map(a.Min / 2 + a.Max / 2);
        Assert.Equal(400, mid, 1e-6);
    }

    [Fact]
    public void LogAxisUsesDecades()
    {
        var a = AxisScale.Logarithmic(12, 9.5e5, 0, 500);
        Assert.True(a.IsLog);
        Assert.Equal(10, a.Min, 1e-9);
        Assert.Equal(1e6, a.Max, 1e-3);
        Assert.Equal([10, 100, 1e3, 1e4, 1e5, 1e6], a.Ticks.Select(t => Math.Round(t)).ToArray());
        Assert.Equal(100, a.Map(100), 1e-9);
    }

    [Fact]
    public void LogAxisOnePointAndNonPositiveFallBack()
    {
        var one = AxisScale.Logarithmic(1e3, 1e3, 0, 500);
        Assert.True(one.Min < 1e3 && 1e3 < one.Max || one.Min == 1e3);
        Assert.True(double.IsFinite(one.Map(1e3)));
        var lin = AxisScale.Logarithmic(0, 1e3, 0, 500);
        Assert.False(lin.IsLog);
    }

    [Theory]
    [InlineData(0, 1, -5, 5, 600, 400)]
    [InlineData(-1e-6, 3e-6, 0, 1e3, 600, 600)]
    [InlineData(2, 2, 3, 3, 640, 640)]
    public void EqualAspectGivesSameUnitsPerPixel(double x0, double x1, double y0, double y1, double w, double h)
    {
        var (x, y) = AxisScale.EqualAspect((x0, x1), (y0, y1), w, h);
        double ux = (x.Max - x.Min) / w, uy = (y.Max - y.Min) / h;
        Assert.Equal(ux, uy, ux * 1e-12);
        // the original data stay inside
        Assert.True(x.Min <= Math.Min(x0, x1) && x.Max >= Math.Max(x0, x1));
        Assert.True(y.Min <= Math.Min(y0, y1) && y.Max >= Math.Max(y0, y1));
        var xs = AxisScale.Linear(x.Min, x.Max, 0, w, nice: false);
        var ys = AxisScale.Linear(y.Min, y.Max, h, 0, nice: false);
        Assert.Equal(xs.UnitsPerPixel, ys.UnitsPerPixel, ux * 1e-12);
        // a unit step moves the same number of pixels on both axes
        double d = (x.Max - x.Min) / 7;
        Assert.Equal(xs.Map(x.Min + d) - xs.Map(x.Min), ys.Map(y.Min) - ys.Map(y.Min + d), 1e-6);
    }

    [Theory]
    [InlineData(0.001, "1m")]
    [InlineData(1e-5, "10u")]
    [InlineData(2500, "2.5k")]
    [InlineData(-0.25, "-250m")]
    [InlineData(0, "0")]
    [InlineData(1.23456e-12, "1.23p")]
    [InlineData(999.96, "1k")]
    [InlineData(3e15, "3e+15")]
    [InlineData(1, "1")]
    public void EngineeringLabels(double v, string expected) => Assert.Equal(expected, EngineeringFormat.Format(v));

    [Fact]
    public void TickLabelsShowEnoughDigits()
    {
        Assert.Equal("1.0025", EngineeringFormat.FormatTick(1.0025, 0.0005).TrimEnd());
        Assert.Equal("0", EngineeringFormat.FormatTick(1e-20, 0.1));
        Assert.Equal("1.2m", EngineeringFormat.FormatTick(0.0012000000000000001, 0.0002));
    }
}
