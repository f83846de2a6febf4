using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>
/// TRNOISE against its definition (the samples are random, so against their statistics, not against ngspice's draw):
/// white samples of the given rms at k·nt with linear interpolation and a breakpoint at each, a random telegraph
/// signal whose time at the high level is emission / (capture + emission), and 1/f^α noise whose power spectrum
/// falls as f^−α. For the circuit of tests: V = 0.5 + TRNOISE(0.1 1u) over 10 ms, ngspice 39 gives mean 0.5005 and
/// standard deviation 0.0882 over its time points (perovspice 0.5002 and 0.0875); the check on that is
/// IssueCases.TrnoiseSourceRunsWithItsDcOffset, whose comment gives the ngspice command.
/// </summary>
public class WaveformTrnoiseTests
{
    [Fact]
    public void WhiteSamplesHaveTheRmsAndAreInterpolatedLinearly()
    {
        const double na = 0.1, nt = 1e-6;
        var w = new TrnoiseWaveform(new[] { na, nt }, seed: 12345).WithOffset(0.5);
        var bps = new List<double>();
        w.Prepare(new TransientSpec(nt, 0.1), bps);
        Assert.Equal(0.5, w.Value(0));   // the operating point sees the dc value
        int n = 100_000;
        double sum = 0, sum2 = 0;
        for (int k = 1; k <= n; k++)
        {
            double v = w.Value(k * nt) - 0.5;
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / n, rms = Math.Sqrt(sum2 / n);
        Assert.True(Math.Abs(mean) < 4 * na / Math.Sqrt(n), $"mean {mean}");
        Assert.True(Math.Abs(rms / na - 1) < 0.02, $"rms {rms}");   // standard error of the rms: 0.22 %
        for (int k = 1; k < 1000; k++)
            Assert.Equal((w.Value(k * nt) + w.Value((k + 1) * nt)) / 2, w.Value((k + 0.5) * nt), 12);
        Assert.Contains(bps, b => Math.Abs(b - 1e-6) < 1e-18);
        Assert.Contains(bps, b => Math.Abs(b - 5e-6) < 1e-18);
        Assert.True(bps.Count >= n);
    }

    [Fact]
    public void SameSeedSameNoiseOtherSeedOtherNoise()
    {
        var spec = new TransientSpec(1e-6, 1e-3);
        var a = new TrnoiseWaveform(new[] { 1.0, 1e-6 }, 1);
        var b = new TrnoiseWaveform(new[] { 1.0, 1e-6 }, 1);
        var c = new TrnoiseWaveform(new[] { 1.0, 1e-6 }, 2);
        foreach (var w in new[] { a, b, c }) w.Prepare(spec, new List<double>());
        Assert.Equal(a.Value(3.3e-6), b.Value(3.3e-6));
        Assert.NotEqual(a.Value(3.3e-6), c.Value(3.3e-6));
    }

    [Fact]
    public void TelegraphSignalSpendsEmissionOverTotalAtTheHighLevel()
    {
        const double capture = 1e-3, emission = 3e-3, stop = 20;
        var w = new TrnoiseWaveform(new[] { 0, 0, 0, 0, 2.0, capture, emission }, seed: 7);
        var bps = new List<double>();
        w.Prepare(new TransientSpec(1e-4, stop), bps);
        Assert.True(bps.Count > 1000, $"{bps.Count} switches");
        double high = 0, dt = 1e-5;
        int n = (int)(stop / dt);
        for (int k = 0; k < n; k++)
        {
            double v = w.Value((k + 0.5) * dt);
            Assert.True(v == 0 || v == 2.0, $"level {v}");
            if (v != 0) high += dt;
        }
        // ~2 500 cycles: the fraction's standard error is about 0.5 %
        Assert.Equal(emission / (capture + emission), high / stop, 0.03);
    }

    [Fact]
    public void FlickerNoiseSpectrumFallsAsFToTheMinusAlpha()
    {
        foreach (double alpha in new[] { 1.0, 1.5 })
        {
            const int n = 1 << 16;
            const double nt = 1e-6;
            var w = new TrnoiseWaveform(new[] { 0, nt, alpha, 1.0 }, seed: 99);
            w.Prepare(new TransientSpec(nt, (n - 1) * nt), new List<double>());
            var x = new Complex[n];
            for (int k = 0; k < n; k++) x[k] = w.Value(k * nt);
            Fourier.Forward(x, FourierOptions.NoScaling);
            // average the periodogram in octave bands, fit log power against log frequency over bands 4 .. 12
            var logF = new List<double>();
            var logP = new List<double>();
            for (int band = 4; band <= 12; band++)
            {
                int lo = 1 << band, hi = 1 << (band + 1);
                double p = 0;
                for (int k = lo; k < hi; k++) p += x[k].Magnitude * x[k].Magnitude;
                logF.Add(Math.Log(Math.Sqrt((double)lo * hi)));
                logP.Add(Math.Log(p / (hi - lo)));
            }
            double mf = logF.Average(), mp = logP.Average();
            double slope = logF.Zip(logP, (f, p) => (f - mf) * (p - mp)).Sum() / logF.Sum(f => (f - mf) * (f - mf));
            Assert.True(Math.Abs(slope + alpha) < 0.25, $"alpha {alpha}: spectral slope {slope}");
        }
    }

    [Fact]
    public void FlickerNoiseBeyondItsSampleLimitIsASimulationLimit()
    {
        var w = new TrnoiseWaveform(new[] { 0, 1e-9, 1.0, 1.0 }, 1);
        var e = Assert.Throws<SimulationLimitException>(() => w.Prepare(new TransientSpec(1e-6, 1e-2), new List<double>()));
        Assert.Contains("1/f noise", e.Message);
        // below the limit it runs
        new TrnoiseWaveform(new[] { 0, 1e-9, 1.0, 1.0 }, 1).Prepare(new TransientSpec(1e-6, 1e-9 * (TrnoiseWaveform.MaxFlickerSamples / 2)), new List<double>());
    }

    [Theory]
    [InlineData(new[] { 0.1 })]
    [InlineData(new[] { 0.1, 1e-6, 2.5, 1 })]
    [InlineData(new[] { 0.1, -1e-6 })]
    public void BadCoefficientsAreRefused(double[] coefficients) =>
        Assert.Throws<ArgumentException>(() => new TrnoiseWaveform(coefficients, 1));
}
