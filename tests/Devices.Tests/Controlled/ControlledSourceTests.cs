using System.Numerics;
using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>E, G, F and H sources in small circuits with analytic op and ac answers. Each drives an RC load
/// (R = 1 kΩ, C = 1 µF) so that the ac answer has a frequency dependence: Z = R/(1 + jωRC) in parallel,
/// or 1/(1 + jωRC) as a series-RC divider.</summary>
public class ControlledSourceTests
{
    private const double R = 1e3, C = 1e-6;
    private static readonly AcSpec Sweep = new(AcSweepKind.Decade, 3, 10, 1e4);

    private static Complex Divider(double f) => 1 / new Complex(1, 2 * Math.PI * f * R * C);
    private static Complex Parallel(double f) => R / new Complex(1, 2 * Math.PI * f * R * C);

    private static SourceValue Input(double dc) => new() { Dc = dc, AcMagnitude = 1 };

    private static void Check(Circuit ckt, string node, double opExpected, Func<double, Complex> acExpected)
    {
        var sim = new Simulator(ckt);
        Assert.Equal(opExpected, sim.OperatingPoint().V(node), 12);
        int points = 0;
        sim.Ac(Sweep, s =>
        {
            points++;
            var want = acExpected(s.Frequency);
            Assert.True((s.V(node) - want).Magnitude <= 1e-12 * Math.Max(1, want.Magnitude), $"{s.V(node)} vs {want} at {s.Frequency} Hz");
        });
        Assert.True(points > 5);
    }

    [Fact]
    public void VcvsScalesTheControllingVoltage()
    {
        // v(out) = 3·v(in); out → R → x → C: v(x) = 3·vin/(1 + jωRC).
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", Input(2)),
            new Resistor("rin", "in", "0", 1e3),
            new VoltageControlledVoltageSource("e1", "out", "0", "in", "0", 3),
            new Resistor("r1", "out", "x", R),
            new Capacitor("c1", "x", "0", C));
        Check(ckt, "x", 6, f => 3 * Divider(f));
    }

    [Fact]
    public void VccsDrivesCurrentFromPlusThroughSourceToMinus()
    {
        // gm·vin flows out of node out into the source: v(out) = −gm·vin·(R ∥ C).
        const double Gm = 1e-3;
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", Input(2)),
            new VoltageControlledCurrentSource("g1", "out", "0", "in", "0", Gm),
            new Resistor("r1", "out", "0", R),
            new Capacitor("c1", "out", "0", C));
        Check(ckt, "out", -Gm * 2 * R, f => -Gm * Parallel(f));
    }

    [Fact]
    public void CccsMirrorsTheBranchCurrentOfALaterVoltageSource()
    {
        // i(vs) = vin / 1k flows into vs's + terminal; f1 (declared before vs) sinks 2·i(vs) out of node out.
        var ckt = new Circuit().Add(
            new CurrentControlledCurrentSource("f1", "out", "0", "vs", 2),
            new VoltageSource("v1", "in", "0", Input(1)),
            new Resistor("rin", "in", "m", 1e3),
            new VoltageSource("vs", "m", "0", 0),
            new Resistor("r1", "out", "0", R),
            new Capacitor("c1", "out", "0", C));
        Check(ckt, "out", -2 * 1e-3 * R, f => -2 * 1e-3 * Parallel(f));
    }

    [Fact]
    public void CcvsTurnsTheBranchCurrentIntoAVoltage()
    {
        // v(out) = 500 Ω · i(vs) = 0.5 V per volt of input; out → R → x → C.
        var ckt = new Circuit().Add(
            new CurrentControlledVoltageSource("h1", "out", "0", "vs", 500),
            new VoltageSource("v1", "in", "0", Input(1)),
            new Resistor("rin", "in", "m", 1e3),
            new VoltageSource("vs", "m", "0", 0),
            new Resistor("r1", "out", "x", R),
            new Capacitor("c1", "x", "0", C));
        Check(ckt, "x", 0.5, f => 0.5 * Divider(f));
    }

    [Fact]
    public void SelfControlledVccsIsAResistor()
    {
        // g1 controlled by its own output pair is a 1/gm conductance: a divider 1k / 2k.
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", Input(3)),
            new Resistor("r1", "in", "out", 1e3),
            new VoltageControlledCurrentSource("g1", "out", "0", "out", "0", 0.5e-3));
        Check(ckt, "out", 2, _ => 2.0 / 3);
        Assert.Single(ckt.Find("g1")!.DcPaths());
    }

    [Fact]
    public void FloatingCheckTopology()
    {
        var e = new VoltageControlledVoltageSource("e1", "o", "0", "c", "0", 1);
        var g = new VoltageControlledCurrentSource("g1", "o", "0", "c", "0", 1);
        var f = new CurrentControlledCurrentSource("f1", "o", "0", "vs", 1);
        var h = new CurrentControlledVoltageSource("h1", "o", "0", "vs", 1);
        Assert.Equal(new[] { ("o", "0") }, e.DcPaths());
        Assert.Equal(new[] { ("o", "0") }, h.DcPaths());
        Assert.Empty(g.DcPaths());
        Assert.Empty(f.DcPaths());
        Assert.True(e.DefinesVoltage && h.DefinesVoltage && !g.DefinesVoltage && !f.DefinesVoltage);
    }

    [Fact]
    public void UnknownControllingSourceIsAnArgumentError()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", 1),
            new Resistor("r1", "in", "0", 1e3),
            new CurrentControlledCurrentSource("f1", "in", "0", "vx", 2));
        var e = Assert.Throws<ArgumentException>(() => new Simulator(ckt));
        Assert.Contains("'vx'", e.Message);
        ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", 1),
            new Resistor("r1", "in", "0", 1e3),
            new CurrentControlledVoltageSource("h1", "o", "0", "r1", 2));
        e = Assert.Throws<ArgumentException>(() => new Simulator(ckt));
        Assert.Contains("no branch current", e.Message);
    }
}
