using System.Numerics;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests;

/// <summary>The T element against closed forms and ngspice 39 (References/tline).</summary>
public class TransmissionLineTests
{
    private readonly ITestOutputHelper _out;
    public TransmissionLineTests(ITestOutputHelper output) => _out = output;

    private static (List<double> T, List<double> A, List<double> B) Step(double rs, double rl, double? tmax = null)
    {
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { Waveform = new PulseWaveform(new[] { 0, 1, 1e-9, 1e-9, 1e-9, 40e-9, 100e-9 }) }),
            new Resistor("rs", "in", "a", rs),
            new TransmissionLine("t1", "a", "0", "b", "0", 50, 10e-9),
            new Resistor("rl", "b", "0", rl));
        var t = new List<double>();
        var a = new List<double>();
        var b = new List<double>();
        new Simulator(ckt).Transient(new TransientSpec(0.1e-9, 100e-9, 0, tmax), s => { t.Add(s.Time); a.Add(s.V("a")); b.Add(s.V("b")); });
        return (t, a, b);
    }

    /// <summary>Worst |difference| of v(a) and v(b) at ngspice's own time points (raw, not linearized: ngspice's
    /// linearize smears the corners between its points).</summary>
    private double CompareWithNgspice(string file, List<double> t, List<double> a, List<double> b)
    {
        var tab = Reference.Table("tline", file);
        double worst = 0;
        for (int k = 0; k < tab[0].Length; k++)
        {
            double da = Math.Abs(Reference.Interpolate(t, a, tab[0][k]) - tab[1][k]);
            double db = Math.Abs(Reference.Interpolate(t, b, tab[0][k]) - tab[2][k]);
            worst = Math.Max(worst, Math.Max(da, db));
        }
        _out.WriteLine($"{file}: worst difference {worst:E3} V");
        return worst;
    }

    [Fact]
    public void MatchedLineDelaysTheStepWithoutReflection()
    {
        var (t, a, b) = Step(50, 50);
        // The incident half-amplitude step reaches the load 10 ns later; nothing comes back.
        var rb = Reference.RisingCrossings(t, b, 0.25);
        Assert.Single(rb);
        Assert.True(Math.Abs(rb[0] - 11.5e-9) < 1e-12, $"arrival {rb[0]}");
        Assert.True(Math.Abs(Reference.RisingCrossings(t, a, 0.25)[0] - 1.5e-9) < 1e-12);
        Assert.True(Math.Abs(Reference.Interpolate(t, a, 30e-9) - 0.5) < 1e-9);
        Assert.True(CompareWithNgspice("matched.ngspice.txt", t, a, b) < 0.01 * 1);
    }

    [Fact]
    public void MismatchedLineReflectsAtTheRightTimesAndLevels()
    {
        var (t, a, b) = Step(25, 150);
        // Source reflection −1/3, load reflection 1/2: incident 2/3 V; v(b) = 1 V at 10 ns, v(a) 8/9 V at 20 ns,
        // v(b) 5/6 V at 30 ns, and the falling edge at 41 ns follows the same pattern.
        Assert.True(Math.Abs(Reference.Interpolate(t, a, 5e-9) - 2.0 / 3) < 1e-9);
        Assert.True(Math.Abs(Reference.Interpolate(t, b, 15e-9) - 1.0) < 1e-9);
        Assert.True(Math.Abs(Reference.Interpolate(t, a, 25e-9) - 8.0 / 9) < 1e-9);
        Assert.True(Math.Abs(Reference.Interpolate(t, b, 35e-9) - 5.0 / 6) < 1e-9);
        var ra = Reference.RisingCrossings(t, a, (2.0 / 3 + 8.0 / 9) / 2);
        Assert.True(Math.Abs(ra[0] - 21.5e-9) < 1e-12, $"reflection back at {ra[0]}");
        Assert.True(CompareWithNgspice("mismatched.ngspice.txt", t, a, b) < 0.01 * 1);
    }

    [Fact]
    public void QuarterWaveLineAcMatchesNgspiceAndTheExactTwoPort()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { AcMagnitude = 1 }),
            new Resistor("rs", "in", "a", 50),
            new TransmissionLine("t1", "a", "0", "b", "0", 50, 0.25 / 25e6),
            new Resistor("rl", "b", "0", 100));
        var tab = Reference.Table("tline", "quarterwave.ngspice.txt");
        int k = 0;
        double worstRef = 0, worstExact = 0;
        new Simulator(ckt).Ac(new AcSpec(AcSweepKind.Linear, 100, 1e6, 100e6), s =>
        {
            Assert.True(Math.Abs(s.Frequency / tab[0][k] - 1) < 1e-12);
            var va = s.V("a");
            var vb = s.V("b");
            var ngA = new Complex(tab[1][k], tab[2][k]);
            var ngB = new Complex(tab[3][k], tab[4][k]);
            worstRef = Math.Max(worstRef, Math.Max((va - ngA).Magnitude / ngA.Magnitude, (vb - ngB).Magnitude / ngB.Magnitude));
            // Input impedance z0·(ZL + j z0 tanβl)/(z0 + j ZL tanβl) written with βl = ω·td.
            double bl = 2 * Math.PI * s.Frequency * 10e-9;
            var zin = 50 * (100 + new Complex(0, 50) * Math.Tan(bl)) / (50 + new Complex(0, 100) * Math.Tan(bl));
            var exactA = zin / (50 + zin);
            // Load voltage: v(b) = v(a)·(1 + Γ)e^(−jβl)/(1 + Γe^(−2jβl)), Γ = 1/3.
            var e = Complex.Exp(new Complex(0, -bl));
            var exactB = exactA * (1 + 1.0 / 3) * e / (1 + 1.0 / 3 * e * e);
            worstExact = Math.Max(worstExact, Math.Max((va - exactA).Magnitude, (vb - exactB).Magnitude));
            k++;
        });
        _out.WriteLine($"quarter wave: vs ngspice {worstRef:E3} (relative), vs exact {worstExact:E3}");
        Assert.Equal(100, k);
        Assert.True(worstExact < 1e-9, $"vs exact {worstExact:E3}");
        Assert.True(worstRef < 1e-4, $"vs ngspice {worstRef:E3}");
    }

    [Fact]
    public void DcIsAShortThrough()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", 2),
            new Resistor("rs", "in", "a", 50),
            new TransmissionLine("t1", "a", "0", "b", "0", 50, 1e-9),
            new Resistor("rl", "b", "0", 150));
        var op = new Simulator(ckt).OperatingPoint();
        Assert.Equal(1.5, op.V("a"), 12);
        Assert.Equal(1.5, op.V("b"), 12);
    }
}
