using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// MOSFET examples (levels 1 and 3) run through the netlist layer against ngspice 39 (References/, produced by
/// make_ngspice_refs.py): operating points and dc transfer curves within 1e-6 relative + 1e-12, the common-source
/// amplifier's ac response within 1e-4 relative in magnitude and 1e-4 rad in phase. The latch converges at default
/// options to the state its set resistor selects.
/// </summary>
public class MosfetExampleTests
{
    private static Dictionary<string, double[]> RunExample(string example, string kind)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example(example), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        return Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
    }

    [Theory]
    [InlineData("cmos_inverter_dc", "op", 1e-6)]
    // The chain runs at reltol = 1e-9 on both sides: ngspice's reltol = 1e-6 sweep stops up to 8e-6 (relative)
    // short of its own tightly converged answer near the switching point, ours agrees with the tight one to 1e-11.
    [InlineData("cmos_inverter_dc", "dc", 1e-6)]
    [InlineData("cmos_latch", "op", 1e-6)]
    [InlineData("cmos_cs_amplifier", "op", 1e-6)]
    public void PointsMatchNgspice(string example, string kind, double rel)
    {
        var ours = RunExample(example, kind);
        var theirs = Repo.ReadNgspice(Repo.Reference(example, kind));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (!ours.TryGetValue(name, out var mine)) continue;
            Assert.Equal(values.Length, mine.Length);
            for (int k = 0; k < values.Length; k++)
            {
                double tol = rel * Math.Abs(values[k]) + 1e-9;
                Assert.True(Math.Abs(mine[k] - values[k]) <= tol, $"{example} {kind} {name}[{k}]: {mine[k]} vs ngspice {values[k]}");
            }
            compared++;
        }
        Assert.True(compared >= 2, $"only {compared} columns compared");
    }

    private const double Tolerance = 0.01;

    /// <summary>Every waveform within 1 % of its range of ngspice's (inverter chain: worst seen 0.5 %).</summary>
    [Theory]
    [InlineData("cmos_inverter_chain")]
    // A KiCad-style netlist (node names /in, /out, GND; MOSIS-style cards with LEVEL=2 and LEVEL=3.0, VMAX, NFS,
    // UO, continuation lines): worst seen 0.44 % of the swing.
    [InlineData("cmos_inverter_mosis")]
    public void SwitchingMatchesNgspiceWithinOnePercentOfRange(string example)
    {
        var ours = RunExample(example, "tran");
        var theirs = Repo.ReadNgspice(Repo.Reference(example, "tran"));
        var t = theirs["time"];
        Assert.Equal(t[^1], ours["time"][^1], 12);
        foreach (var (name, values) in theirs)
        {
            if (name == "time") continue;
            double range = values.Max() - values.Min();
            for (int k = 0; k < t.Length; k++)
            {
                double v = Repo.Interpolate(ours["time"], ours[name], t[k]);
                Assert.True(Math.Abs(v - values[k]) <= Tolerance * range, $"{name} at t={t[k]}: {v} vs ngspice {values[k]} (range {range})");
            }
        }
    }

    /// <summary>Times at which <paramref name="v"/> rises through <paramref name="level"/> (linear interpolation).</summary>
    private static List<double> RisingCrossings(double[] t, double[] v, double level)
    {
        var result = new List<double>();
        for (int i = 1; i < t.Length; i++)
            if (v[i - 1] < level && v[i] >= level)
                result.Add(t[i - 1] + (level - v[i - 1]) * (t[i] - t[i - 1]) / (v[i] - v[i - 1]));
        return result;
    }

    [Fact]
    public void RingOscillatorFrequencyMatchesNgspiceWithinOnePercent()
    {
        var ours = RunExample("ring_oscillator_5stage", "tran");
        var theirs = Repo.ReadNgspice(Repo.Reference("ring_oscillator_5stage", "tran"));
        // Period from the rising crossings of vdd/2 after the first one (start-up), averaged.
        static double Period(List<double> c) => (c[^1] - c[1]) / (c.Count - 2);
        var mine = RisingCrossings(ours["time"], ours["v(n1)"], 1.65);
        var reference = RisingCrossings(theirs["time"], theirs["v(n1)"], 1.65);
        Assert.True(mine.Count >= 5 && reference.Count >= 5, $"{mine.Count} / {reference.Count} periods");
        double pm = Period(mine), pr = Period(reference);
        Assert.True(Math.Abs(pm / pr - 1) < 0.01, $"period {pm:G6} s vs ngspice {pr:G6} s");
    }

    [Fact]
    public void CommonSourceAmplifierAcMatchesNgspice()
    {
        var ours = RunExample("cmos_cs_amplifier", "ac");
        var theirs = Repo.ReadNgspice(Repo.Reference("cmos_cs_amplifier", "ac"));
        Assert.Equal(theirs["frequency"].Length, ours["frequency"].Length);
        for (int k = 0; k < theirs["frequency"].Length; k++)
        {
            Assert.True(Math.Abs(ours["vm(out)"][k] / theirs["vm(out)"][k] - 1) < 1e-4,
                $"|v(out)| at {theirs["frequency"][k]} Hz: {ours["vm(out)"][k]} vs ngspice {theirs["vm(out)"][k]}");
            Assert.True(Math.Abs(ours["vp(out)"][k] * Math.PI / 180 - theirs["vp(out)"][k]) < 1e-4,
                $"phase at {theirs["frequency"][k]} Hz");
        }
    }
}
