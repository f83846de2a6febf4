using System.Globalization;
using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>Half-wave rectifier (References/rectifier.cir) against the committed ngspice 39 numbers
/// (References/rectifier.ngspice.csv); ngspice is not run by the test.</summary>
public class RectifierTests
{
    private static Dictionary<string, double> Reference()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "References", "rectifier.ngspice.csv");
        var values = new Dictionary<string, double>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.StartsWith("quantity") || line.Trim().Length == 0) continue;
            var parts = line.Split(',');
            values[parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return values;
    }

    [Fact]
    public void PeakAndRippleMatchNgspiceWithinOnePercent()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { Waveform = new SineWaveform(new[] { 0.0, 5, 1e3 }) }),
            new Diode("d1", "in", "out"),
            new Resistor("r1", "out", "0", 1e3),
            new Capacitor("c1", "out", "0", 10e-6));
        double peak = double.NegativeInfinity, maxLast = double.NegativeInfinity, minLast = double.PositiveInfinity;
        new Simulator(ckt).Transient(new TransientSpec(10e-6, 10e-3), s =>
        {
            double v = s.V("out");
            peak = Math.Max(peak, v);
            if (s.Time >= 9e-3 - 1e-12) { maxLast = Math.Max(maxLast, v); minLast = Math.Min(minLast, v); }
        });
        var r = Reference();
        double ripple = maxLast - minLast;
        Assert.True(Math.Abs(peak / r["vpeak"] - 1) < 0.01, $"peak {peak} vs ngspice {r["vpeak"]}");
        Assert.True(Math.Abs(ripple / r["ripple"] - 1) < 0.01, $"ripple {ripple} vs ngspice {r["ripple"]}");
    }
}
