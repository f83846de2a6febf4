using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// Examples without perovskite devices against ngspice 39 (numbers committed under References/, produced by
/// References/make_ngspice_refs.py): .op and .dc within 1e-6 relative, .tran within 1 % of each waveform's range,
/// .ac magnitude within 1e-6 relative and phase within 1e-6 rad.
/// </summary>
public class NgspiceComparisonTests
{
    private static Dictionary<string, double[]> RunExample(string example, string kind)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example(example), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        return Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
    }

    public static IEnumerable<object[]> PointCases() => new[]
    {
        new object[] { "rc_lowpass", "op" },
        new object[] { "ladder_hierarchy", "op" },
        new object[] { "controlled_sources", "op" },
        new object[] { "controlled_sources", "dc" },
        new object[] { "divider_sweep", "dc" },
    };

    [Theory]
    [MemberData(nameof(PointCases))]
    public void OperatingPointsAndSweepsMatchNgspice(string example, string kind)
    {
        var ours = RunExample(example, kind);
        var theirs = Repo.ReadNgspice(Repo.Reference(example, kind));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (!ours.TryGetValue(name, out var mine)) continue;
            for (int k = 0; k < values.Length; k++)
            {
                double tol = 1e-6 * Math.Abs(values[k]) + 1e-12;
                Assert.True(Math.Abs(mine[k] - values[k]) <= tol, $"{example} {kind} {name}[{k}]: {mine[k]} vs ngspice {values[k]}");
            }
            compared++;
        }
        Assert.True(compared >= 2, $"only {compared} columns compared");
    }

    [Theory]
    [InlineData("rc_lowpass")]
    [InlineData("rlc_ringing")]
    [InlineData("ladder_hierarchy")]
    // The rectifier's diode current is compared by peak and ripple in Devices.Tests (RectifierTests): ngspice
    // steps over the turn-on edges with 4 µs steps, so a pointwise comparison of i(v1) measures its error there.
    [InlineData("half_wave_rectifier", "v(in)", "v(out)")]
    [InlineData("coupled_transformer")]
    [InlineData("tline_reflections")]
    public void TransientWaveformsMatchNgspiceWithinOnePercentOfRange(string example, params string[] only)
    {
        var ours = RunExample(example, "tran");
        var theirs = Repo.ReadNgspice(Repo.Reference(example, "tran"));
        var t = theirs["time"];
        Assert.Equal(t[^1], ours["time"][^1], 12);
        foreach (var (name, values) in theirs)
        {
            if (name == "time" || (only.Length > 0 && !only.Contains(name))) continue;
            var mine = ours[name];
            double range = values.Max() - values.Min();
            for (int k = 0; k < t.Length; k++)
            {
                double v = Repo.Interpolate(ours["time"], mine, t[k]);
                Assert.True(Math.Abs(v - values[k]) <= 0.01 * range, $"{example} {name} at t={t[k]}: {v} vs ngspice {values[k]} (range {range})");
            }
        }
    }

    [Fact]
    public void AcMatchesNgspice()
    {
        var ours = RunExample("rc_lowpass", "ac");
        var theirs = Repo.ReadNgspice(Repo.Reference("rc_lowpass", "ac"));
        Assert.Equal(theirs["frequency"].Length, ours["frequency"].Length);
        for (int k = 0; k < theirs["frequency"].Length; k++)
        {
            Assert.Equal(theirs["frequency"][k], ours["frequency"][k], 1e-9 * theirs["frequency"][k]);
            Assert.True(Math.Abs(ours["vm(out)"][k] / theirs["vm(out)"][k] - 1) < 1e-6);
            Assert.True(Math.Abs(ours["vp(out)"][k] * Math.PI / 180 - theirs["vp(out)"][k]) < 1e-6);
        }
    }

    /// <summary>Ac of the coupled-inductor and transmission-line examples: every vm within 1e-4 relative and
    /// every vp within 1e-4 rad (phases compared modulo 2π: a delay line's phase wraps).</summary>
    [Theory]
    [InlineData("coupled_transformer")]
    [InlineData("tline_reflections")]
    public void DeviceAcMatchesNgspice(string example)
    {
        var ours = RunExample(example, "ac");
        var theirs = Repo.ReadNgspice(Repo.Reference(example, "ac"));
        var f = theirs["frequency"];
        Assert.Equal(f.Length, ours["frequency"].Length);
        int columns = 0;
        foreach (var (name, values) in theirs)
        {
            if (name == "frequency") continue;
            columns++;
            var mine = ours[name];
            for (int k = 0; k < f.Length; k++)
            {
                if (name.StartsWith("vm"))
                    Assert.True(Math.Abs(mine[k] / values[k] - 1) < 1e-4, $"{example} {name} at {f[k]}: {mine[k]} vs ngspice {values[k]}");
                else
                {
                    double d = Math.IEEERemainder(mine[k] * Math.PI / 180 - values[k], 2 * Math.PI);
                    Assert.True(Math.Abs(d) < 1e-4, $"{example} {name} at {f[k]}: {mine[k]} deg vs ngspice {values[k]} rad");
                }
            }
        }
        Assert.True(columns >= 2);
    }
}
