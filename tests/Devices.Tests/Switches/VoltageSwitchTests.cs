using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests;

/// <summary>The S switch against closed forms and ngspice 39 (References/switches/relaxation.cir).</summary>
public class VoltageSwitchTests(ITestOutputHelper output)
{
    private static Circuit Relaxation() => new Circuit().Add(
        new VoltageSource("vdd", "vdd", "0", 5),
        new Resistor("r1", "vdd", "c", 10e3),
        new Capacitor("c1", "c", "0", 1e-6, 0),
        new VoltageSwitch("s1", "c", "0", "c", "0", new SwitchModel(2.5, 1, 100, 1e12)));

    private static (List<double> T, List<double> V, long Steps) RunRelaxation(double? tmax = null)
    {
        var ts = new List<double>();
        var vs = new List<double>();
        var sim = new Simulator(Relaxation());
        sim.Transient(new TransientSpec(10e-6, 50e-3, 0, tmax, UseInitialConditions: true), s =>
        {
            ts.Add(s.Time);
            vs.Add(s.V("c"));
        });
        return (ts, vs, 0);
    }

    [Fact]
    public void RelaxationOscillatorSwitchesAtTheClosedFormTimes()
    {
        var (t, v, _) = RunRelaxation();
        // Charge towards 5 V with τ = RC = 10 ms; on at 3.5 V, discharge towards 5·100/10100 V with
        // τ' = (10k ‖ 100)·1 µF; off at 1.5 V.
        double tau = 10e-3, vlow = 5 * 100 / 10100.0, tau2 = 1e-6 * 10e3 * 100 / 10100;
        double first = tau * Math.Log(5 / 1.5) + tau2 * Math.Log((3.5 - vlow) / (2.5 - vlow));
        double period = tau * Math.Log(3.5 / 1.5) + tau2 * Math.Log((3.5 - vlow) / (1.5 - vlow));
        var falls = Reference.FallingCrossings(t, v, 2.5);
        Assert.True(falls.Count == 5, $"{falls.Count} falls");
        output.WriteLine($"relaxation vs closed form: worst fall-time error {falls.Select((f, k) => Math.Abs(f - first - k * period)).Max() / period:E3} of the period, {t.Count} points");
        for (int k = 0; k < falls.Count; k++)
        {
            double expected = first + k * period;
            Assert.True(Math.Abs(falls[k] - expected) < 1e-3 * period, $"fall {k}: {falls[k]} vs {expected}");
        }
        // The switch never lets the capacitor pass its thresholds by more than a small overshoot.
        for (int k = 0; k < t.Count; k++)
            Assert.InRange(v[k], 0, 3.5 + 0.01);
        Assert.True(v.Where((x, k) => t[k] > 15e-3).Min() > 1.5 - 0.01);
    }

    [Fact]
    public void RelaxationOscillatorMatchesNgspice()
    {
        var (t, v, _) = RunRelaxation();
        var refFalls = Reference.Numbers("switches", "relaxation.falls.txt");
        var falls = Reference.FallingCrossings(t, v, 2.5);
        double period = refFalls[1] - refFalls[0];
        Assert.Equal(refFalls.Length, falls.Count);
        double worst = 0;
        for (int k = 0; k < falls.Count; k++) worst = Math.Max(worst, Math.Abs(falls[k] - refFalls[k]) / period);
        Assert.True(worst < 0.01, $"switching times differ by {worst:P3} of the period");

        var tab = Reference.Table("switches", "relaxation.ngspice.txt");
        double worstV = 0;
        for (int k = 0; k < tab[0].Length; k++)
        {
            double tk = tab[0][k];
            if (refFalls.Any(f => Math.Abs(tk - f) < 0.01 * period)) continue; // the steep discharge edges
            worstV = Math.Max(worstV, Math.Abs(Reference.Interpolate(t, v, tk) - tab[1][k]));
        }
        output.WriteLine($"relaxation vs ngspice: switching times {worst:E3} of the period, waveform {worstV:E3} V");
        Assert.True(worstV < 0.01 * 5, $"waveform differs by {worstV} V");
    }

    [Theory]
    [InlineData(null, 0.0)]
    [InlineData(false, 0.0)]
    [InlineData(true, 5 * 1000 / 1001.0)]
    public void OnOffFlagDecidesInsideTheHysteresisBandAtTheOperatingPoint(bool? flag, double expected)
    {
        // ngspice 39 gives v(out) = 5e-9, 4.995005 and 5e-9 for no flag, on, off (vc = vt = 1 V, vh = 0.5 V).
        var ckt = new Circuit().Add(
            new VoltageSource("vc", "c", "0", 1),
            new VoltageSource("v1", "a", "0", 5),
            new VoltageSwitch("s1", "a", "out", "c", "0", new SwitchModel(1, 0.5, 1, 1e12), flag),
            new Resistor("rl", "out", "0", 1e3));
        Assert.Equal(expected, new Simulator(ckt).OperatingPoint().V("out"), 6);
    }

    [Theory]
    [InlineData(1.6, true)]
    [InlineData(0.4, false)]
    public void ControlOutsideTheBandOverridesTheFlag(double vc, bool on)
    {
        foreach (bool? flag in new bool?[] { null, true, false })
        {
            var ckt = new Circuit().Add(
                new VoltageSource("vc", "c", "0", vc),
                new VoltageSource("v1", "a", "0", 5),
                new VoltageSwitch("s1", "a", "out", "c", "0", new SwitchModel(1, 0.5, 1, 1e12), flag),
                new Resistor("rl", "out", "0", 1e3));
            Assert.Equal(on ? 5 * 1000 / 1001.0 : 5e-9, new Simulator(ckt).OperatingPoint().V("out"), 6);
        }
    }

    [Fact]
    public void ASwitchWithoutHysteresisThatChattersStopsWithAClearError()
    {
        // The relaxation circuit with vh = 0: closing the switch pulls its own control below the threshold at
        // once. ngspice 39 stops at t = 6.93 ms with "Timestep too small ... trouble with smod-instance s1".
        var ckt = new Circuit().Add(
            new VoltageSource("vdd", "vdd", "0", 5),
            new Resistor("r1", "vdd", "c", 10e3),
            new Capacitor("c1", "c", "0", 1e-6, 0),
            new VoltageSwitch("s1", "c", "0", "c", "0", new SwitchModel(2.5, 0, 100, 1e12)));
        var e = Assert.Throws<SimulationException>(() =>
            new Simulator(ckt).Transient(new TransientSpec(10e-6, 50e-3, 0, null, UseInitialConditions: true), _ => { }));
        Assert.Contains("switch 's1' changes state at every time step", e.Message);
    }

    [Fact]
    public void PulseDrivenSwitchWithHysteresisMatchesClosedFormAndNgspice()
    {
        // Control: a 0–5 V trapezoid (1 ms ramps, 4 ms period); on above vt+vh = 4 V (0.8 ms into each rise),
        // off below vt−vh = 1 V (0.8 ms into each fall). References/switches/pulsed.cir.
        var ckt = new Circuit().Add(
            new VoltageSource("vc", "c", "0", new SourceValue { Waveform = new PulseWaveform(new[] { 0, 5, 0, 1e-3, 1e-3, 1e-3, 4e-3 }) }),
            new VoltageSource("v1", "a", "0", 5),
            new Resistor("r1", "a", "out", 1e3),
            new VoltageSwitch("s1", "out", "0", "c", "0", new SwitchModel(2.5, 1.5, 10, 1e9)));
        var t = new List<double>();
        var v = new List<double>();
        new Simulator(ckt).Transient(new TransientSpec(10e-6, 12e-3), s => { t.Add(s.Time); v.Add(s.V("out")); });
        var falls = Reference.FallingCrossings(t, v, 2.5);
        var rises = Reference.RisingCrossings(t, v, 2.5);
        Assert.Equal(3, falls.Count);
        Assert.Equal(3, rises.Count);
        var ng = Reference.Numbers("switches", "pulsed.edges.txt");
        const double period = 4e-3;
        double worstExact = 0, worstNg = 0;
        for (int k = 0; k < 3; k++)
        {
            worstExact = Math.Max(worstExact, Math.Max(Math.Abs(falls[k] - (0.8e-3 + k * period)), Math.Abs(rises[k] - (2.8e-3 + k * period))));
            worstNg = Math.Max(worstNg, Math.Max(Math.Abs(falls[k] - ng[2 * k]), Math.Abs(rises[k] - ng[2 * k + 1])));
        }
        var tab = Reference.Table("switches", "pulsed.ngspice.txt");
        double worstV = 0;
        for (int k = 0; k < tab[0].Length; k++)
        {
            if (ng.Any(e => Math.Abs(tab[0][k] - e) < 0.01 * period)) continue; // the switching edges
            worstV = Math.Max(worstV, Math.Abs(Reference.Interpolate(t, v, tab[0][k]) - tab[1][k]));
        }
        output.WriteLine($"pulsed switch: edges vs exact {worstExact / period:E3}, vs ngspice {worstNg / period:E3} of the period; waveform {worstV:E3} V");
        // A jump is drawn as a line to the next point (0.1 of the step later): the 2.5 V crossing sits ~0.5 µs late.
        Assert.True(worstExact < 1e-3 * period);
        Assert.True(worstNg < 0.01 * period);
        Assert.True(worstV < 0.01 * 5);
    }
}
