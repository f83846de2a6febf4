using System.Numerics;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Cli.Tests;

/// <summary>
/// The paper examples (examples/paper*.cir, neuron_membrane.cir, crossbar_4x4.cir) run through the command in-process,
/// checked against references computed here from the papers' closed forms, not from the simulator's code:
/// Fig. 1a against Eq. 5, the impedance spectra against Eqs. 6–8 and 13–15, Fig. 3's initial and final currents against
/// Vapp/Rs and Eq. 5 with Eq. 10, and the level-3, neuron and crossbar examples against measured behaviour.
/// </summary>
public class PaperExampleTests(ITestOutputHelper output)
{
    // The paper's normalized set (Bisquert & Guerrero 2022, Fig. 1 caption).
    private const double Rb = 1, Ic0 = 10, Vt = 1, Vm = 0.05;

    private static double Fss(double u) => 1 / (1 + Math.Exp(-(u - Vt) / Vm));

    /// <summary>Eq. 5: the steady-state current at inner voltage u.</summary>
    private static double Eq5(double u) => u / Rb + Ic0 * Fss(u);

    private static Dictionary<string, double[]> Run(string example, string kind)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example(example), "-o", dir, "--quiet");
        Assert.True(code == 0, $"{example}: exit {code}: {errors}");
        return Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
    }

    /// <summary>Root of a increasing function g on [lo, hi] by bisection.</summary>
    private static double Bisect(Func<double, double> g, double lo, double hi)
    {
        Assert.True(g(lo) < 0 && g(hi) > 0);
        for (int k = 0; k < 200; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (g(mid) > 0) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    [Fact]
    public void Fig1aCurrentVoltageIsEq5()
    {
        var t = Run("paper1_fig1a_iv", "dc");
        var v = t["v1"];
        Assert.Equal(-1.5, v[0], 12);
        Assert.Equal(1.5, v[^1], 12);
        double worst = 0;
        for (int k = 0; k < v.Length; k++)
        {
            double i = Eq5(v[k]), ic = Ic0 * Fss(v[k]);
            double ei = Math.Abs(t["@n1[i]"][k] - i), eic = Math.Abs(t["@n1[ic]"][k] - ic);
            Assert.True(ei <= 1e-6 * Math.Abs(i) + 1e-12, $"I({v[k]}) = {t["@n1[i]"][k]}, Eq. 5 gives {i}");
            Assert.True(eic <= 1e-6 * ic + 1e-15, $"ic({v[k]}) = {t["@n1[ic]"][k]}, ic0 fss gives {ic}");
            if (Math.Abs(i) > 1e-3) worst = Math.Max(worst, ei / Math.Abs(i));
        }
        output.WriteLine($"I(1.0) = {Repo.Interpolate(v, t["@n1[i]"], 1.0)}, I(1.5) = {t["@n1[i]"][^1]}, worst rel. error {worst:E2}");
    }

    public static IEnumerable<object[]> Spectra() => new[]
    {
        // example, level, bias u (the netlist sets the current to Eq. 5 at u), cm, taud, tauk
        new object[] { "paper1_fig1d_nyquist_l1", 1, 0.85, 0.01, 1.0, 0.0 },
        new object[] { "paper1_fig1f_nyquist_l2", 2, 0.9, 0.01, 1.0, 0.1 },
        new object[] { "paper1_fig4a_nyquist_l2", 2, 0.9, 0.01, 1.0, 0.01 },
        new object[] { "paper1_fig4b_negative_resistance", 2, 1.0, 0.01, 1.0, 2.0 },
    };

    [Theory]
    [MemberData(nameof(Spectra))]
    public void ImpedanceSpectraAreEqs6To8And13To15(string example, int level, double ub, double cm, double taud, double tauk)
    {
        var t = Run(example, "ac");
        // The bias current of the netlist is Eq. 5 at ub; the operating point is found back from the current alone.
        double ibias = Eq5(ub);
        double u = Bisect(x => Eq5(x) - ibias, -2, 3);
        double f = Fss(u);
        double ra = 1 / (Ic0 / Vm * f * (1 - f));
        var freq = t["frequency"];
        double minRe = double.PositiveInfinity, minNegIm = double.PositiveInfinity, maxNegIm = double.NegativeInfinity, worst = 0;
        for (int k = 0; k < freq.Length; k++)
        {
            var s = new Complex(0, 2 * Math.PI * freq[k]);
            Complex zc = level == 1 ? ra + taud * ra * s : (1 + s * taud) * (ra + f * tauk * ra * s);
            Complex z = 1 / (cm * s + 1 / Rb + 1 / zc);
            var sim = new Complex(t["vr(a)"][k], t["vi(a)"][k]);
            double rel = (sim - z).Magnitude / z.Magnitude;
            Assert.True(rel <= 1e-6, $"{example} at {freq[k]} Hz: Z = {sim}, Eq. gives {z} (rel. {rel:E2})");
            worst = Math.Max(worst, rel);
            minRe = Math.Min(minRe, sim.Real);
            minNegIm = Math.Min(minNegIm, -sim.Imaginary);
            maxNegIm = Math.Max(maxNegIm, -sim.Imaginary);
        }
        // The features each example is there to show.
        Assert.True(minNegIm < -0.1, $"{example}: no inductive loop (min -Im Z = {minNegIm})");
        if (example.Contains("fig4b")) Assert.True(minRe < -1, $"{example}: no negative resistance (min Re Z = {minRe})");
        else Assert.True(minRe >= 0, $"{example}: Re Z < 0 ({minRe})");
        output.WriteLine($"{example}: Z(lowest f) = {t["vr(a)"][0]}, Rdc = {1 / (1 / Rb + 1 / ra)}, max -Im = {maxNegIm}, min -Im = {minNegIm}, min Re = {minRe}, worst rel. {worst:E2}");
    }

    [Fact]
    public void Fig2CurrentStepsReachTheGreyAndMagentaLines()
    {
        var t = Run("paper1_fig2_current_steps", "tran");
        var time = t["time"];
        // Iapp = Eq. 5 at u_app = 1 (= 6): the grey line Rb Iapp = 6, the magenta line u_app = 1.
        Assert.Equal(6.0, Eq5(1.0), 12);
        double peakA = time.Select((x, k) => x <= 1 ? t["v(a)"][k] : double.NegativeInfinity).Max();
        Assert.InRange(peakA, 5.9, 6.0); // tau_m = 0.01, tau_d = 100: u reaches the grey line
        double endB = Repo.Interpolate(time, t["v(b)"], 5.0);
        Assert.True(Math.Abs(endB - 1) < 1e-4, $"v(b) at the end of the step: {endB}, Eq. 5 gives u_app = 1");
        double spikeB = t["v(b)"].Min();
        Assert.True(spikeB < -4, $"no negative spike at switch-off: {spikeB}");
        double minE = time.Select((x, k) => x > 1 ? t["v(e)"][k] : double.PositiveInfinity).Min();
        Assert.True(minE < -1, $"no undershoot after the short pulse: {minE}");
        output.WriteLine($"v(a) peak {peakA}, v(b) at 5 s {endB}, v(b) spike {spikeB}, v(e) undershoot {minE}");
    }

    [Fact]
    public void Fig3VoltageStepStartsAtVOverRsAndEndsOnEq5()
    {
        const double vapp = 1.5, rs = 0.1;
        var t = Run("paper1_fig3_voltage_step", "tran");
        var time = t["time"];
        // Eq. 10: Vapp = Rs I + u with I = Eq. 5 at u.
        double u = Bisect(x => rs * Eq5(x) + x - vapp, 0, vapp);
        double iFinal = Eq5(u);
        foreach (var (name, settled) in new[] { ("@n1[i]", true), ("@n2[i]", true), ("@n3[i]", false) })
        {
            var i = t[name];
            double peak = time.Select((x, k) => x < 0.01 ? i[k] : double.NegativeInfinity).Max();
            Assert.True(Math.Abs(peak - vapp / rs) <= 0.01 * vapp / rs, $"{name}: initial current {peak}, Vapp/Rs = {vapp / rs}");
            double end = Repo.Interpolate(time, i, 10.0);
            if (settled) Assert.True(Math.Abs(end - iFinal) <= 1e-4 * iFinal, $"{name}: final current {end}, Eq. 5 at u = {u}: {iFinal}");
            else Assert.InRange(end, 0.9 * iFinal, iFinal);
            output.WriteLine($"{name}: initial {peak}, at 10 s {end} (Eq. 5 and Eq. 10: u = {u}, I = {iFinal})");
        }
    }

    /// <summary>Current at the end of pulse k (0-based) of a train starting at t0 with the given period (100 ms pulses).</summary>
    private static double[] EndOfPulse(Dictionary<string, double[]> t, string column, double t0, double period, int count) =>
        Enumerable.Range(0, count).Select(k => Repo.Interpolate(t["time"], t[column], t0 + k * period + 0.1 - 1e-7)).ToArray();

    [Fact]
    public void Fig6PotentiationAt1V2NotAt0V65()
    {
        var high = EndOfPulse(Run("paper2_fig6a_ltp_1v2", "tran"), "@n1[i]", 0, 0.2, 150);
        var low = EndOfPulse(Run("paper2_fig6b_ltp_0v65", "tran"), "@n1[i]", 0, 0.2, 150);
        for (int k = 1; k < 150; k++) Assert.True(high[k] >= high[k - 1] * (1 - 1e-9), $"1.2 V: pulse {k + 1} ends at {high[k]} < pulse {k}: {high[k - 1]}");
        Assert.True(high[^1] / high[0] > 1.5, $"1.2 V: last/first = {high[^1] / high[0]}");
        Assert.True(high[^1] - high[0] > 100 * Math.Abs(low[^1] - low[0]), "1.2 V must potentiate far more (in amperes) than 0.65 V");
        output.WriteLine($"1.2 V: end of pulse 1 {high[0]}, pulse 150 {high[^1]}, ratio {high[^1] / high[0]}");
        output.WriteLine($"0.65 V: end of pulse 1 {low[0]}, pulse 150 {low[^1]}, ratio {low[^1] / low[0]}");
    }

    [Fact]
    public void Fig6cInductorCurrentGrowsWithPulseHeight()
    {
        var t = Run("paper2_fig6c_il", "tran");
        // i_L at the end of the last pulse: 1.2 V > 1.0 V > 0.8 V > 0.65 V; gated off during the last rest.
        var ends = new[] { "@n4[il]", "@n3[il]", "@n2[il]", "@n1[il]" }.Select(c => EndOfPulse(t, c, 0, 0.2, 150)[^1]).ToArray();
        for (int k = 1; k < ends.Length; k++) Assert.True(ends[k - 1] > ends[k], $"i_L not ordered by height: {string.Join(", ", ends)}");
        Assert.True(Math.Abs(t["@n4[il]"][^1]) < 1e-3 * ends[0], "i_L must be gated off at rest");
        output.WriteLine($"i_L at the end of pulse 150 (1.2, 1.0, 0.8, 0.65 V): {string.Join(", ", ends)}");
    }

    [Fact]
    public void Fig6dLowerRatePotentiatesLess()
    {
        var t = Run("paper2_fig6d_lower_rate", "tran");
        var time = t["time"];
        double w1Hz = Repo.Interpolate(time, t["@n1[w]"], 149.1), w1HzEarlier = Repo.Interpolate(time, t["@n1[w]"], 119.1);
        double w5Hz = Repo.Interpolate(time, t["@n2[w]"], 29.9);
        Assert.True(w1Hz < 0.9 * w5Hz, $"w after 150 pulses: 1 Hz {w1Hz}, 5 Hz {w5Hz}");
        Assert.True(Math.Abs(w1Hz - w1HzEarlier) < 1e-3 * w1Hz, "1 Hz: not saturated");
        output.WriteLine($"w after 150 pulses: 1 Hz {w1Hz}, 5 Hz {w5Hz}, ratio {w1Hz / w5Hz}");
    }

    [Fact]
    public void NeuronFiresSpikesOnlyWithItsMembraneCapacitor()
    {
        var t = Run("neuron_membrane", "tran");
        var time = t["time"];
        var v = t["v(m)"];
        // Steady state of the device with its leak at 6.1 uA (Eq. 5 in uA, Mohm): 6.1 = u + u/10 + 10 fss(u).
        double u = Bisect(x => x + x / 10 + Ic0 * Fss(x) - 6.1, 0, 3);
        // Spikes: local maxima of v(m) above 1.5 V during the stimulus (2 .. 32 ms).
        var peaks = new List<double>();
        for (int k = 1; k < v.Length - 1; k++)
            if (time[k] > 2e-3 && time[k] < 32e-3 && v[k] > v[k - 1] && v[k] >= v[k + 1] && v[k] > 1.5) peaks.Add(v[k]);
        Assert.True(peaks.Count >= 5, $"{peaks.Count} spikes");
        Assert.True(peaks.Min() > u + 1, $"spike overshoot {peaks.Min()} V above the steady state {u} V");
        double undershoot = time.Select((x, k) => x > 32e-3 ? v[k] : double.PositiveInfinity).Min();
        Assert.True(undershoot < -0.5, $"no undershoot after the stimulus: {undershoot}");
        // Without the membrane capacitor the device settles on the steady state of Eq. 5 (no leak: 6.1 = u + 10 fss(u)).
        double u2 = Bisect(x => Eq5(x) - 6.1, 0, 3);
        double v2 = Repo.Interpolate(time, t["v(m2)"], 31e-3);
        Assert.True(Math.Abs(v2 - u2) < 1e-4, $"v(m2) = {v2}, Eq. 5 gives {u2}");
        output.WriteLine($"{peaks.Count} spikes, first {peaks[0]} V, last {peaks[^1]} V (steady state {u} V); undershoot {undershoot} V; v(m2) {v2} V vs {u2} V");
    }

    [Fact]
    public void CrossbarPulsedRowChangesStateAndTheOthersDoNot()
    {
        var t = Run("crossbar_4x4", "tran");
        double w11 = t["@x11.n1[w]"][^1], w14 = t["@x14.n1[w]"][^1];
        double w33 = t["@x33.n1[w]"][^1];
        double idle = Math.Max(Math.Abs(t["@x21.n1[w]"][^1]), Math.Abs(t["@x44.n1[w]"][^1]));
        Assert.True(w14 > 1e-4 && w11 > w14, $"row 1: x11 {w11}, x14 {w14} (the far cell sees the line drop)");
        Assert.True(w14 > 100 * w33, $"row 1 {w14} vs sub-threshold row 3 {w33}");
        Assert.True(w33 > 1000 * idle, $"row 3 {w33} vs unpulsed rows {idle}");
        output.WriteLine($"w: x11 {w11}, x14 {w14}, x33 {w33}, unpulsed max |w| {idle}");
    }
}
