using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests;

/// <summary>The W switch against the closed form and ngspice 39 (References/switches/currentswitch.cir).</summary>
public class CurrentSwitchTests(ITestOutputHelper output)
{
    private static (List<double> T, List<double> V) Run()
    {
        var ckt = new Circuit().Add(
            new CurrentSource("i1", "0", "s", new SourceValue { Waveform = new SineWaveform(new[] { 0, 2e-3, 1e3 }) }),
            new VoltageSource("vsense", "s", "0", 0),
            new VoltageSource("v1", "a", "0", 5),
            new CurrentSwitch("w1", "a", "out", "vsense", new SwitchModel(1e-3, 0.5e-3, 1, 1e12)),
            new Resistor("rl", "out", "0", 1e3));
        var ts = new List<double>();
        var vs = new List<double>();
        new Simulator(ckt).Transient(new TransientSpec(1e-6, 3e-3), s => { ts.Add(s.Time); vs.Add(s.V("out")); });
        return (ts, vs);
    }

    [Fact]
    public void SwitchesWhereTheSineCurrentCrossesItsHysteresisLevels()
    {
        var (t, v) = Run();
        var rises = Reference.RisingCrossings(t, v, 2.5);
        var falls = Reference.FallingCrossings(t, v, 2.5);
        double w = 2 * Math.PI * 1e3;
        double on = Math.Asin(0.75) / w, off = (Math.PI - Math.Asin(0.25)) / w;
        Assert.Equal(3, rises.Count);
        Assert.Equal(3, falls.Count);
        for (int k = 0; k < 3; k++)
        {
            Assert.True(Math.Abs(rises[k] - (on + k * 1e-3)) < 1e-3 * 1e-3, $"on {k}: {rises[k]}");
            Assert.True(Math.Abs(falls[k] - (off + k * 1e-3)) < 1e-3 * 1e-3, $"off {k}: {falls[k]}");
        }
        Assert.InRange(v.Max(), 5 * 1000 / 1001.0 - 1e-9, 5 * 1000 / 1001.0 + 1e-9);
    }

    [Fact]
    public void MatchesNgspice()
    {
        var (t, v) = Run();
        var edges = Reference.Numbers("switches", "currentswitch.edges.txt");
        var rises = Reference.RisingCrossings(t, v, 2.5);
        var falls = Reference.FallingCrossings(t, v, 2.5);
        const double period = 1e-3;
        for (int k = 0; k < 3; k++)
        {
            Assert.True(Math.Abs(rises[k] - edges[2 * k]) < 0.01 * period, $"on {k}: {rises[k]} vs {edges[2 * k]}");
            Assert.True(Math.Abs(falls[k] - edges[2 * k + 1]) < 0.01 * period, $"off {k}: {falls[k]} vs {edges[2 * k + 1]}");
        }
        var tab = Reference.Table("switches", "currentswitch.ngspice.txt");
        double worst = 0;
        for (int k = 0; k < tab[0].Length; k++)
        {
            double tk = tab[0][k];
            if (edges.Any(e => Math.Abs(tk - e) < 0.01 * period)) continue; // the switching edges themselves
            worst = Math.Max(worst, Math.Abs(Reference.Interpolate(t, v, tk) - tab[1][k]));
        }
        double worstEdge = 0;
        for (int k = 0; k < 3; k++)
            worstEdge = Math.Max(worstEdge, Math.Max(Math.Abs(rises[k] - edges[2 * k]), Math.Abs(falls[k] - edges[2 * k + 1])) / period);
        output.WriteLine($"W switch vs ngspice: edges {worstEdge:E3} of the period, waveform {worst:E3} V");
        Assert.True(worst < 0.01 * 5, $"waveform differs by {worst} V");
    }

    [Fact]
    public void InitialStateFollowsTheControlAtTheOperatingPoint()
    {
        // 2 mA through the sense source: above it+ih, so the switch is on at the operating point.
        var ckt = new Circuit().Add(
            new CurrentSource("i1", "0", "s", 2e-3),
            new VoltageSource("vsense", "s", "0", 0),
            new VoltageSource("v1", "a", "0", 5),
            new CurrentSwitch("w1", "a", "out", "vsense", new SwitchModel(1e-3, 0.5e-3, 1, 1e12)),
            new Resistor("rl", "out", "0", 1e3));
        Assert.Equal(5 * 1000 / 1001.0, new Simulator(ckt).OperatingPoint().V("out"), 9);
        // 1 mA is inside the hysteresis band: the on/off flag decides (off when absent). ngspice 39 ignores the
        // flag of a W switch here (it keeps the last accepted state, off) but honours it for S; we honour it for
        // both (docs/models.md).
        foreach (var (flag, expected) in new (bool?, double)[] { (null, 0), (false, 0), (true, 5 * 1000 / 1001.0) })
        {
            var c2 = new Circuit().Add(
                new CurrentSource("i1", "0", "s", 1e-3),
                new VoltageSource("vsense", "s", "0", 0),
                new VoltageSource("v1", "a", "0", 5),
                new CurrentSwitch("w1", "a", "out", "vsense", new SwitchModel(1e-3, 0.5e-3, 1, 1e12), flag),
                new Resistor("rl", "out", "0", 1e3));
            Assert.Equal(expected, new Simulator(c2).OperatingPoint().V("out"), 6);
        }
    }
}
