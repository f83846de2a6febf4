using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>Underdamped series RLC step: ringing frequency ω_d = √(1/LC − α²) and decay α = R/2L.</summary>
public class RlcTransientTests
{
    [Fact]
    public void RingingFrequencyAndDecayMatchAnalytic()
    {
        const double R = 20, L = 1e-3, C = 1e-6, V = 1, Td = 1e-5;
        double alpha = R / (2 * L);
        double wd = Math.Sqrt(1 / (L * C) - alpha * alpha);
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { Waveform = new PulseWaveform(new[] { 0.0, V, Td, 1e-9, 1e-9, 1, 2 }) }),
            new Resistor("r1", "in", "a", R),
            new Inductor("l1", "a", "b", L),
            new Capacitor("c1", "b", "0", C));
        var t = new List<double>();
        var v = new List<double>();
        new Simulator(ckt).Transient(new TransientSpec(1e-6, 1.5e-3), s => { t.Add(s.Time); v.Add(s.V("b") - V); });

        // Zero crossings of v_C − V after the step give the half period.
        var crossings = new List<double>();
        for (int k = 1; k < t.Count; k++)
            if (t[k] > Td && v[k - 1] * v[k] < 0)
                crossings.Add(t[k - 1] + (t[k] - t[k - 1]) * v[k - 1] / (v[k - 1] - v[k]));
        Assert.True(crossings.Count >= 6, $"only {crossings.Count} crossings");
        double halfPeriod = (crossings[^1] - crossings[0]) / (crossings.Count - 1);
        double measuredWd = Math.PI / halfPeriod;
        Assert.True(Math.Abs(measuredWd / wd - 1) < 0.005, $"ω_d {measuredWd} vs {wd}");

        // Extremes between crossings decay by e^(−α·T/2) per half period.
        var peaks = new List<(double t, double a)>();
        for (int c = 0; c + 1 < crossings.Count; c++)
        {
            double best = 0, bt = 0;
            for (int k = 0; k < t.Count; k++)
                if (t[k] > crossings[c] && t[k] < crossings[c + 1] && Math.Abs(v[k]) > best) { best = Math.Abs(v[k]); bt = t[k]; }
            peaks.Add((bt, best));
        }
        double measuredAlpha = Math.Log(peaks[0].a / peaks[^1].a) / (peaks[^1].t - peaks[0].t);
        Assert.True(Math.Abs(measuredAlpha / alpha - 1) < 0.005, $"α {measuredAlpha} vs {alpha}");
    }
}
