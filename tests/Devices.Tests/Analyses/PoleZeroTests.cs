using System.Numerics;
using Perovspice.Devices;
using Perovspice.Engine;
using Perovspice.Engine.Analysis;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>
/// <see cref="PoleZero"/> and <see cref="TransferFunction"/> against closed forms and ngspice 39 (.pz/.tf printed with
/// numdgt=15; netlists and command in tests/Cli.Tests/References/pz_tf/).
/// </summary>
public class PoleZeroTests
{
    private static void Near(double expected, double actual, string what, double rel = 1e-6) =>
        Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected) + 1e-12, $"{what}: {actual} vs {expected}");

    [Fact]
    public void LeadNetworkPoleAndZeroMatchClosedForm()
    {
        // H = (1 + s R1 C1) R2 / (R1 + R2 + s R1 R2 C1): zero −1/(R1 C1) = −1000, pole −(R1+R2)/(R1 R2 C1) = −1500 (ngspice the same)
        var ckt = new Circuit().Add(new VoltageSource("v1", "in", "0", 0), new Resistor("r1", "in", "out", 1e3),
            new Capacitor("c1", "in", "out", 1e-6), new Resistor("r2", "out", "0", 2e3));
        var r = PoleZero.Compute(new Simulator(ckt), new PoleZeroSpec("in", "0", "out", "0", false, true, true));
        Assert.Single(r.Poles);
        Assert.Single(r.Zeros);
        Near(-1500, r.Poles[0].Real, "pole");
        Near(-1000, r.Zeros[0].Real, "zero");
    }

    [Theory]
    [InlineData(false, -1500.0)]   // vol: a voltage source is added across the port (none is there): ngspice −1500
    [InlineData(true, -1142.857142857142857)] // cur: the port stays open (r3 to ground): ngspice −1142.85714285714
    public void PortWithoutSourceVoltageAndCurrentInputs(bool current, double pole)
    {
        var ckt = new Circuit().Add(new CurrentSource("i1", "in", "0", 0), new Resistor("r1", "in", "out", 1e3),
            new Capacitor("c1", "in", "out", 1e-6), new Resistor("r2", "out", "0", 2e3), new Resistor("r3", "in", "0", 5e3));
        var r = PoleZero.Compute(new Simulator(ckt), new PoleZeroSpec("in", "0", "out", "0", current, true, true));
        Assert.Single(r.Poles);
        Near(pole, r.Poles[0].Real, "pole");
        Assert.Single(r.Zeros);
        Near(-1000, r.Zeros[0].Real, "zero");
    }

    [Fact]
    public void MillerAmplifierRightHalfPlaneZeroMatchesNgspice()
    {
        // zero at +gm/Cm = 5e7 rad/s; poles from ngspice 39
        var ckt = new Circuit().Add(new VoltageSource("v1", "in", "0", 0), new Resistor("rs", "in", "g", 1e3),
            new Capacitor("cgs", "g", "0", 1e-9), new Capacitor("cm", "g", "d", 0.2e-9),
            new VoltageControlledCurrentSource("g1", "d", "0", "g", "0", 10e-3),
            new Resistor("rl", "d", "0", 5e3), new Capacitor("cl", "d", "0", 0.5e-9));
        var r = PoleZero.Compute(new Simulator(ckt), new PoleZeroSpec("in", "0", "d", "0", false, true, true));
        Assert.Equal(2, r.Poles.Count);
        Near(-3.60566465579425e+06, r.Poles[0].Real, "pole 1");
        Near(-6.93353442057496e+04, r.Poles[1].Real, "pole 2");
        Assert.Single(r.Zeros);
        Near(5e7, r.Zeros[0].Real, "zero", 1e-9);
    }

    [Fact]
    public void RlcLadderComplexPolesMatchNgspiceAndHasNoFiniteZero()
    {
        var ckt = new Circuit().Add(new CurrentSource("i1", "0", "a", 0), new Resistor("r1", "a", "0", 1e3),
            new Inductor("l1", "a", "b", 1e-3), new Capacitor("c1", "b", "0", 1e-9), new Resistor("r2", "b", "c", 100),
            new Capacitor("c2", "c", "0", 2e-9));
        var r = PoleZero.Compute(new Simulator(ckt), new PoleZeroSpec("a", "0", "c", "0", true, true, true));
        Assert.Equal(3, r.Poles.Count);
        Near(-1.49522943580565e+07, r.Poles[0].Real, "real pole");
        Near(-5.23852820971742e+05, r.Poles[1].Real, "pair re");
        Near(-2.448980665999728e+05, r.Poles[1].Imaginary, "pair im-");
        Near(2.448980665999728e+05, r.Poles[2].Imaginary, "pair im+");
        Assert.Empty(r.Zeros);
    }
}

/// <summary><see cref="TransferFunction"/> against closed forms (equal to ngspice 39's .tf output, see
/// tests/Cli.Tests/References/pz_tf/).</summary>
public class TransferFunctionTests
{
    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"{what}: {actual} vs {expected}");

    [Fact]
    public void DividerWithVoltageInput()
    {
        // ngspice: transfer_function 0.6666667, output_impedance_at_v(out) 666.6667, v1#input_impedance 3000
        var ckt = new Circuit().Add(new VoltageSource("v1", "in", "0", 1), new Resistor("r1", "in", "out", 1e3),
            new Capacitor("c1", "out", "0", 1e-6), new Resistor("r2", "out", "0", 2e3));
        var r = TransferFunction.Compute(new Simulator(ckt), new TransferFunctionSpec("v1", "out", "0", null));
        Near(2.0 / 3, r.Gain, "gain");
        Near(2000.0 / 3, r.OutputResistance, "rout");
        Near(3000, r.InputResistance, "rin");
    }

    [Fact]
    public void CurrentInputWithVoltageDifferenceAndCurrentOutputs()
    {
        // ngspice: .tf v(in,out) i1 -> 1000, 1000 (output), 1400 (input); .tf i(vo) i1 -> 0.8, 1400 (input)
        var ckt = new Circuit().Add(new CurrentSource("i1", "0", "in", 1e-3), new Resistor("r1", "in", "out", 1e3),
            new Resistor("r2", "out", "0", 2e3), new VoltageSource("vo", "out2", "0", 0), new Resistor("r3", "out", "out2", 500));
        var sim = new Simulator(ckt);
        var v = TransferFunction.Compute(sim, new TransferFunctionSpec("i1", "in", "out", null));
        Near(1000, v.Gain, "gain v(in,out)");
        Near(1000, v.OutputResistance, "rout v(in,out)");
        Near(1400, v.InputResistance, "rin");
        var i = TransferFunction.Compute(sim, new TransferFunctionSpec("i1", null, null, "vo"));
        Near(0.8, i.Gain, "gain i(vo)");
        Near(1400, i.InputResistance, "rin");
        Near(2500, i.OutputResistance, "series resistance seen by vo"); // ngspice reports 1e20 here
    }

    [Fact]
    public void TransconductanceAmplifierWithFeedback()
    {
        // ngspice 39: transfer_function -4.26086956521739, output_impedance_at_v(out) 956.5217391304346,
        // vin#input_impedance 2090.909090909091 (equal to this closed form to all printed digits)
        // v(out)/v(in) = -gm (Rl || Rf) ... closed form by nodal analysis:
        // (vo - vin)/Rf + vo/Rl + gm (vin... ) ; here g1 pushes gm·v(in) from out to 0
        const double Rs = 1e3, Rf = 10e3, Rl = 2e3, gm = 5e-3;
        var ckt = new Circuit().Add(new VoltageSource("vin", "src", "0", 0), new Resistor("rs", "src", "in", Rs),
            new Resistor("rf", "in", "out", Rf), new Resistor("rl", "out", "0", Rl),
            new VoltageControlledCurrentSource("g1", "out", "0", "in", "0", gm));
        var r = TransferFunction.Compute(new Simulator(ckt), new TransferFunctionSpec("vin", "out", "0", null));
        // nodal: in: (vi - vs)/Rs + (vi - vo)/Rf = 0 ; out: (vo - vi)/Rf + vo/Rl + gm vi = 0
        var a = new double[,] { { 1 / Rs + 1 / Rf, -1 / Rf }, { -1 / Rf + gm, 1 / Rf + 1 / Rl } };
        double det = a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0];
        double vi = (1 / Rs) * a[1, 1] / det, vo = -(1 / Rs) * a[1, 0] / det;
        Near(vo, r.Gain, "gain");
        Near(Rs / (1 - vi), r.InputResistance, "rin"); // i = (1 - vi)/Rs
        // output: inject 1 A at out with vs = 0: [a] [vi vo]^T = [0 1]
        Near(a[0, 0] / det, r.OutputResistance, "rout");
    }
}
