using System.Globalization;
using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>SFFM and AM waveforms against ngspice 39 (References/sffm_am.cir, output sffm_am.ngspice.txt: each
/// source drives a resistor, so the node voltage is the waveform at ngspice's time points).</summary>
public class WaveformSffmAmTests
{
    private static readonly double[][] Coefficients =
    {
        new[] { 0.5, 2, 10e3, 3, 1e3, 30, 45 },
        new[] { 0.5, 2.0 },
        new[] { 2, 0.5, 1e3, 10e3, 0.1e-3, 0, 45 },
        new[] { 2, 0.5, 1e3, 10e3, 0.1e-3, 30 },
        new[] { 2, 0.5, 0, 10e3 },
        new[] { 1.5, 1, 2e3, 20e3, 0, 60, 20 },
    };

    [Fact]
    public void MatchNgspiceAtEveryOutputTime()
    {
        var spec = new TransientSpec(1e-6, 1e-3);
        var waves = new Waveform[]
        {
            new SffmWaveform(Coefficients[0]), new SffmWaveform(Coefficients[1]), new AmWaveform(Coefficients[2]),
            new AmWaveform(Coefficients[3]), new AmWaveform(Coefficients[4]), new AmWaveform(Coefficients[5]),
        };
        foreach (var w in waves) w.Prepare(spec, new List<double>());
        var path = Path.Combine(AppContext.BaseDirectory, "References", "sffm_am.ngspice.txt");
        int rows = 0;
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            if (f.Length == 0) continue;
            double t = f[0];
            for (int k = 0; k < waves.Length; k++)
                Assert.True(Math.Abs(waves[k].Value(t) - f[k + 1]) < 1e-9, $"wave {k} at t={t}: {waves[k].Value(t)} vs ngspice {f[k + 1]}");
            rows++;
        }
        Assert.True(rows > 1000);
    }

    [Fact]
    public void AmAddsItsDelayAsBreakpoint()
    {
        var bp = new List<double>();
        new AmWaveform(Coefficients[2]).Prepare(new TransientSpec(1e-6, 1e-3), bp);
        Assert.Contains(0.1e-3, bp);
    }

    [Fact]
    public void TooFewOrTooManyValuesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new SffmWaveform(new[] { 1.0 }));
        Assert.Throws<ArgumentException>(() => new AmWaveform(new double[8]));
    }
}
