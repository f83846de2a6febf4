using System.Numerics;
using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;
using static Perovspice.Devices.Tests.NgspiceReference;

namespace Perovspice.Devices.Tests;

/// <summary>
/// JFET gate charges (cgs, cgd with grading m = 0.4 and fc) and small-signal values against ngspice 39: a
/// self-biased common-source amplifier's operating point, ac response (References/Jfet/cs_amplifier.cir) and
/// pulse response at default tolerances (cs_transient.cir).
/// </summary>
public class JfetAcTransientTests(ITestOutputHelper output)
{
    private static Circuit Amplifier(SourceValue input) => new Circuit().Add(
        new VoltageSource("vdd", "vdd", "0", 15),
        new VoltageSource("vin", "in", "0", input),
        new Resistor("rsig", "in", "a", 10e3),
        new Capacitor("cin", "a", "g", 1e-6),
        new Resistor("rg", "g", "0", 1e6),
        new Resistor("rd", "vdd", "d", 2e3),
        new Jfet("j1", "d", "g", "s", new JfetModel(NgspiceReference.Model("Jfet", "cs_amplifier.cir", "jn"))),
        new Resistor("rs", "s", "0", 500),
        new Capacitor("cs", "s", "0", 10e-6));

    [Fact]
    public void CommonSourceAmplifierOperatingPointAndAcMatchNgspice()
    {
        var ckt = Amplifier(new SourceValue { Dc = 0, AcMagnitude = 1 });
        var sim = new Simulator(ckt, new SimulationOptions { RelTol = 1e-6 });
        var op = sim.OperatingPoint();
        var j1 = ckt.Find("j1")!;
        foreach (var line in File.ReadLines(PathOf("Jfet", "cs_amplifier.op.txt")))
        {
            var parts = line.Split('=', StringSplitOptions.TrimEntries);
            double expected = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            double value = parts[0].StartsWith("v(") ? op.V(parts[0][2..^1]) : j1.ReadQuantity(parts[0][4..^1], op);
            double err = Math.Abs(value - expected) / Math.Abs(expected);
            output.WriteLine($"{parts[0]}: {value:g12} vs ngspice {expected:g12} (rel. err {err:g2})");
            Assert.True(err < 1e-6, $"{parts[0]}: {value} vs ngspice {expected}");
        }
        var got = new List<Complex>();
        sim.Ac(new AcSpec(AcSweepKind.Decade, 10, 10, 1e9), s => got.Add(s.V("d")));
        var table = Table("Jfet", "cs_amplifier.txt");
        double worst = 0;
        for (int k = 0; k < got.Count; k++)
        {
            var expected = new Complex(table["vr(d)"][k], table["vi(d)"][k]);
            worst = Math.Max(worst, (got[k] - expected).Magnitude / expected.Magnitude);
        }
        output.WriteLine($"ac: worst |H − H_ngspice|/|H_ngspice| = {worst:g3}");
        Assert.Equal(table["frequency"].Length, got.Count);
        Assert.True(worst < 1e-4, $"ac differs by {worst}");
    }

    [Fact]
    public void PulseResponseMatchesNgspiceWithinOnePercentOfRange()
    {
        var ckt = Amplifier(new SourceValue { Waveform = new PulseWaveform(new[] { 0, 1, 100e-9, 10e-9, 10e-9, 400e-9, 1e-6 }) });
        var t = new List<double>();
        var vd = new List<double>();
        new Simulator(ckt).Transient(new TransientSpec(2e-9, 1e-6), s => { t.Add(s.Time); vd.Add(s.V("d")); });
        var table = Table("Jfet", "cs_transient.txt");
        double range = table["v(d)"].Max() - table["v(d)"].Min(), worst = 0;
        for (int k = 0; k < table["time"].Length; k++)
        {
            double x = table["time"][k];
            int i = t.BinarySearch(x);
            double v = i >= 0 ? vd[i] : vd[~i - 1] + (x - t[~i - 1]) / (t[~i] - t[~i - 1]) * (vd[~i] - vd[~i - 1]);
            worst = Math.Max(worst, Math.Abs(v - table["v(d)"][k]));
        }
        output.WriteLine($"v(d): worst |err| = {worst:g3} V = {worst / range:p3} of range {range:g4} V");
        Assert.True(worst <= 0.01 * range, $"v(d) differs by {worst} V");
    }
}
