using System.Numerics;
using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>Diode equations at dc and in ac, against closed forms written here independently of the device.</summary>
public class DiodeDcTests
{
    // kT/q at 27 °C from the exact SI constants (written out here, not taken from the device).
    private const double Vt = 1.380649e-23 * 300.15 / 1.602176634e-19;

    /// <summary>Principal branch of Lambert W for z ≥ 0 by Halley's iteration on w·e^w − z.</summary>
    private static double LambertW(double z)
    {
        double w = z < 3 ? Math.Log(1 + z) : Math.Log(z) - Math.Log(Math.Log(z));
        for (int k = 0; k < 100; k++)
        {
            double ew = Math.Exp(w);
            double f = w * ew - z;
            double step = f / (ew * (w + 1) - (w + 2) * f / (2 * w + 2));
            w -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1, Math.Abs(w))) break;
        }
        return w;
    }

    [Fact]
    public void LambertWSatisfiesItsDefinition()
    {
        foreach (double z in new[] { 0.5, 1, 10, 1e10, 1e80 })
        {
            double w = LambertW(z);
            Assert.True(Math.Abs(w * Math.Exp(w) / z - 1) < 1e-13, $"W({z}) = {w}");
        }
    }

    [Fact]
    public void DiodeResistorOperatingPointMatchesLambertW()
    {
        const double V = 5, R = 1e3, Is = 1e-14, g = 1e-12; // g: the gmin the diode adds in parallel
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", V),
            new Resistor("r1", "in", "a", R),
            new Diode("d1", "a", "0", new DiodeModel(new Dictionary<string, double> { ["is"] = Is, ["n"] = 1 })));
        // The closed form checks the device equations, not the solver's stopping rule: at the default reltol
        // (1e-3) Newton may stop after a step of ~0.7 mV, leaving ~1e-5 relative error, so tighten it.
        var sim = new Simulator(ckt, new SimulationOptions { RelTol = 1e-6 });
        var op = sim.OperatingPoint();

        // I = Is(e^(vd/Vt) − 1) + g·vd with vd = V − I·R. With u = I(1 + gR) + Is − gV: u = c0·e^(−βu),
        // so u = W(β·c0)/β.
        double beta = R / ((1 + g * R) * Vt);
        double c0 = Is * Math.Exp((V - R * (g * V - Is) / (1 + g * R)) / Vt);
        double u = LambertW(beta * c0) / beta;
        double current = (u - Is + g * V) / (1 + g * R);
        double vd = V - current * R;

        double simCurrent = -op.X[ckt.Find("v1")!.BranchIndex];
        Assert.True(Math.Abs(op.V("a") / vd - 1) < 1e-9, $"vd {op.V("a"):R} vs {vd:R}");
        Assert.True(Math.Abs(simCurrent / current - 1) < 1e-9, $"i {simCurrent:R} vs {current:R}");
    }

    [Theory]
    [InlineData(1.0, 0.6)]
    [InlineData(1.5, 0.75)]
    [InlineData(2.0, -0.1)] // above −3·n·vt: still the exponential (below it SPICE3's cubic takes over)
    public void AcConductanceAtBiasIsTheExponentialSlope(double n, double bias)
    {
        const double Is = 1e-14, Gmin = 1e-12;
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "a", "0", new SourceValue { Dc = bias, AcMagnitude = 1 }),
            new Diode("d1", "a", "0", new DiodeModel(new Dictionary<string, double> { ["n"] = n })));
        var sim = new Simulator(ckt);
        double expected = Is / (n * Vt) * Math.Exp(bias / (n * Vt)) + Gmin;
        int k = ckt.Find("v1")!.BranchIndex;
        sim.Ac(new AcSpec(AcSweepKind.Decade, 1, 1e3, 1e5), s =>
        {
            Complex i = -s.X[k]; // current delivered into the diode
            Assert.True(Math.Abs(i.Real / expected - 1) < 1e-9, $"gd {i.Real:R} vs {expected:R}");
            Assert.True(Math.Abs(i.Imaginary) < 1e-20, $"imaginary part {i.Imaginary}");
        });
    }

    [Theory]
    [InlineData(-2.0)] // depletion region below fc·vj
    [InlineData(0.5)]  // linearised region above fc·vj = 0.35 V
    public void AcCapacitanceMatchesSpiceJunctionCapacitance(double bias)
    {
        const double Is = 1e-14, Cjo = 2e-12, Vj = 0.7, M = 0.4, Fc = 0.5, Tt = 1e-9;
        var model = new DiodeModel(new Dictionary<string, double>
            { ["cjo"] = Cjo, ["vj"] = Vj, ["m"] = M, ["fc"] = Fc, ["tt"] = Tt });
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "a", "0", new SourceValue { Dc = bias, AcMagnitude = 1 }),
            new Diode("d1", "a", "0", model));
        double gd = Is / Vt * Math.Exp(bias / Vt);
        double cdep = bias < Fc * Vj
            ? Cjo * Math.Pow(1 - bias / Vj, -M)
            : Cjo / Math.Pow(1 - Fc, 1 + M) * (1 - Fc * (1 + M) + M * bias / Vj);
        double expected = cdep + Tt * gd;
        var sim = new Simulator(ckt);
        int k = ckt.Find("v1")!.BranchIndex;
        sim.Ac(new AcSpec(AcSweepKind.Decade, 1, 1e3, 1e6), s =>
        {
            double c = -s.X[k].Imaginary / (2 * Math.PI * s.Frequency);
            Assert.True(Math.Abs(c / expected - 1) < 1e-9, $"C {c:R} vs {expected:R} at {s.Frequency} Hz");
        });
    }

    [Theory]
    [InlineData(-12.0)]
    [InlineData(-5.0)]
    [InlineData(-0.2)]
    [InlineData(0.2)]
    [InlineData(0.45)]
    [InlineData(0.8)]
    public void ConductanceAndCapacitanceAreTheDerivatives(double v)
    {
        var model = new DiodeModel(new Dictionary<string, double>
            { ["cjo"] = 1e-12, ["m"] = 0.33, ["vj"] = 0.8, ["tt"] = 5e-9, ["bv"] = 6, ["ibv"] = 1e-4, ["n"] = 1.2 });
        var d = new Diode("d1", "a", "0", model, area: 2);
        const double h = 1e-6;
        d.Evaluate(v, 1e-12, out _, out double g, out _, out double c);
        d.Evaluate(v + h, 1e-12, out double ip, out _, out double qp, out _);
        d.Evaluate(v - h, 1e-12, out double im, out _, out double qm, out _);
        Assert.True(Math.Abs((ip - im) / (2 * h) / g - 1) < 1e-6, $"g at {v}");
        Assert.True(Math.Abs((qp - qm) / (2 * h) / c - 1) < 1e-6, $"c at {v}");
    }

    [Fact]
    public void BreakdownKneeSatisfiesSpice3sDefinition()
    {
        // SPICE3: is(e^((bv − xbv)/vt) − 1 + xbv/vt) = ibv (n = nbv = 1), so the current at −bv is −ibv to within is·xbv/vt.
        const double Is = 1e-14, Bv = 6.2, Ibv = 2e-3;
        var d = new Diode("d1", "a", "0", new DiodeModel(new Dictionary<string, double> { ["bv"] = Bv, ["ibv"] = Ibv }));
        double xbv = d.BreakdownKnee;
        Assert.Equal(Ibv, Is * (Math.Exp((Bv - xbv) / Vt) - 1 + xbv / Vt), 1e-12);
        d.Evaluate(-Bv, 0, out double i, out _, out _, out _);
        Assert.Equal(-Ibv, i, 1e-11);
        // ibv below is·bv/vt: the knee is bv itself
        var low = new Diode("d2", "a", "0", new DiodeModel(new Dictionary<string, double> { ["bv"] = 7.1, ["ibv"] = 1e-13 }));
        Assert.Equal(7.1, low.BreakdownKnee);
    }

    [Fact]
    public void HugeVoltagesGiveFiniteValues()
    {
        var d = new Diode("d1", "a", "0", new DiodeModel(new Dictionary<string, double> { ["bv"] = 10, ["cjo"] = 1e-12, ["tt"] = 1e-9 }));
        foreach (double v in new[] { -1e6, -50, 3, 50, 1e6 })
        {
            d.Evaluate(v, 1e-12, out double i, out double g, out double q, out double c);
            Assert.True(double.IsFinite(i) && double.IsFinite(g) && double.IsFinite(q) && double.IsFinite(c), $"v = {v}");
        }
        // A diode straight across a source: the solution lies on the linear continuation of the exponential.
        var ckt = new Circuit().Add(new VoltageSource("v1", "a", "0", 3), new Diode("d1", "a", "0"));
        var op = new Simulator(ckt).OperatingPoint();
        Assert.True(op.X.All(double.IsFinite));
    }

    [Fact]
    public void SeriesResistanceAddsAnInternalNode()
    {
        const double Rs = 10;
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "a", "0", 0.9),
            new Diode("d1", "a", "0", new DiodeModel(new Dictionary<string, double> { ["rs"] = Rs }), area: 2));
        var sim = new Simulator(ckt);
        var op = sim.OperatingPoint();
        double vj = op.V("d1#int");
        double i = -op.X[ckt.Find("v1")!.BranchIndex];
        Assert.Equal((0.9 - vj) / (Rs / 2), i, 12);
        Assert.True(Math.Abs(i / (2e-14 * (Math.Exp(vj / Vt) - 1) + 1e-12 * vj) - 1) < 1e-6);
    }

    [Fact]
    public void ParameterTableErrors()
    {
        var e = Assert.Throws<ArgumentException>(() => new DiodeModel(new Dictionary<string, double> { ["xyz"] = 1 }));
        Assert.Equal("unknown parameter 'xyz' for diode model", e.Message);
        e = Assert.Throws<ArgumentException>(() => new DiodeModel(new Dictionary<string, double> { ["is"] = -1 }));
        Assert.Equal("parameter 'is' must be > 0", e.Message);
        var m = new DiodeModel(new Dictionary<string, double> { ["IS"] = 2e-15, ["Cjo"] = 1e-12 });
        Assert.Equal(2e-15, m.Is);
        Assert.Equal(1e-12, m.Cjo);
        Assert.Equal(double.PositiveInfinity, m.Bv);
        Assert.Equal(new[] { "is", "n", "rs", "cjo", "vj", "m", "tt", "bv", "ibv", "fc", "nbv", "xti", "eg", "tnom", "kf", "af" },
            DiodeModel.Parameters.Select(p => p.Name));
    }
}
