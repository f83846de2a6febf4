using System.Numerics;
using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>Small-signal ac against closed-form transfer functions.</summary>
public class AcTests
{
    [Fact]
    public void RcLowPassMatchesClosedFormAtEveryPoint()
    {
        const double R = 1e3, C = 1e-6;
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { Dc = 0, AcMagnitude = 1 }),
            new Resistor("r1", "in", "out", R),
            new Capacitor("c1", "out", "0", C));
        int points = 0;
        new Simulator(ckt).Ac(new AcSpec(AcSweepKind.Decade, 100, 1, 1e6), s =>
        {
            points++;
            var exact = 1 / new Complex(1, 2 * Math.PI * s.Frequency * R * C);
            var got = s.V("out");
            Assert.True(Math.Abs(got.Magnitude / exact.Magnitude - 1) < 1e-9, $"|H| at {s.Frequency}");
            Assert.True(Math.Abs(got.Phase / exact.Phase - 1) < 1e-9, $"phase at {s.Frequency}");
        });
        Assert.Equal(601, points);
    }

    [Fact]
    public void RlcBandPassPeaksAtResonance()
    {
        const double R = 50, L = 1e-3, C = 1e-9;
        double f0 = 1 / (2 * Math.PI * Math.Sqrt(L * C));
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { AcMagnitude = 1 }),
            new Inductor("l1", "in", "a", L),
            new Capacitor("c1", "a", "b", C),
            new Resistor("r1", "b", "0", R));
        // A fine linear sweep around f0; the peak of |v(b)| found by a parabola through the three best points.
        var f = new List<double>();
        var m = new List<double>();
        new Simulator(ckt).Ac(new AcSpec(AcSweepKind.Linear, 2001, f0 * 0.999, f0 * 1.001), s => { f.Add(s.Frequency); m.Add(s.V("b").Magnitude); });
        int k = m.IndexOf(m.Max());
        double y0 = m[k - 1], y1 = m[k], y2 = m[k + 1], df = f[k + 1] - f[k];
        double peak = f[k] + 0.5 * df * (y0 - y2) / (y0 - 2 * y1 + y2);
        Assert.True(Math.Abs(peak / f0 - 1) < 1e-6, $"peak {peak} vs {f0}");
        Assert.True(Math.Abs(y1 - 1) < 1e-6);
    }
}
