using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>The waveform registry: every name and alias resolves, every factory builds from its fewest values, and the
/// registered noise waveforms are the ones that add to the dc value.</summary>
public class WaveformCatalogTests
{
    [Fact]
    public void EveryWaveformResolvesAndBuildsFromItsFewestValues()
    {
        var ctx = new WaveformContext(null, 0, _ => 1);
        foreach (var kind in WaveformCatalog.All)
        {
            Assert.Same(kind, WaveformCatalog.Find(kind.Name));
            Assert.Same(kind, WaveformCatalog.Find(kind.Name.ToUpperInvariant()));
            foreach (var alias in kind.Aliases) Assert.Same(kind, WaveformCatalog.Find(alias));
            var values = Enumerable.Repeat(1.0, kind.MinValues).ToArray();
            var w = kind.Create(values, ctx);
            w.Prepare(new TransientSpec(0.1, 4), new List<double>());
            Assert.True(double.IsFinite(w.Value(2.5)), kind.Name);
        }
        Assert.Null(WaveformCatalog.Find("trgauss"));
        Assert.Equal("pulse, sin, pwl, exp, sffm, am, trnoise or trrandom", WaveformCatalog.NameList());
    }

    [Fact]
    public void OnlyTheNoiseWaveformsAddToTheDcValue()
    {
        var ctx = new WaveformContext(null, 0, _ => 1);
        var adding = WaveformCatalog.All.Where(k => k.Create(Enumerable.Repeat(1.0, k.MinValues).ToArray(), ctx) is IAddsToDcValue)
            .Select(k => k.Name);
        Assert.Equal(new[] { "trnoise", "trrandom" }, adding);
    }

    [Fact]
    public void PwlDelayMovesTimesAndRepeatPoint()
    {
        var kind = WaveformCatalog.Find("pwl")!;
        var w = kind.Create([0, 0, 1, 1, 2, 0], new WaveformContext(0, 0.5, _ => 1));
        w.Prepare(new TransientSpec(0.1, 10), new List<double>());
        Assert.Equal(0, w.Value(0.5), 12);
        Assert.Equal(1, w.Value(1.5), 12);
        Assert.Equal(1, w.Value(3.5), 12);   // repeats every 2 from 0.5
    }
}
