using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// Q and J elements through the whole command (netlist reader, registry, binder, analyses, output) against
/// ngspice 39: the example examples/bjt_ce_amplifier.cir (References/bjt_ce_amplifier, from
/// make_ngspice_refs.py: op within 1e-6 relative + 1e-12, ac magnitude within 1e-6 relative and phase within
/// 1e-6 rad), and dc output curves (netlists beside this file) against the device tests' ngspice tables
/// (tests/Devices.Tests/References/{Bjt,Jfet}, ngspice at reltol 1e-9; currents within 1e-6 relative + 1e-12 A).
/// </summary>
public class BjtJfetTests
{
    private static Dictionary<string, double[]> Run(string netlist, string kind, params string[] extra)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run(new[] { "run", netlist, "-o", dir, "--quiet" }.Concat(extra).ToArray());
        Assert.True(code == 0, $"exit {code}: {errors}");
        return Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
    }

    private static void AssertClose(double[] mine, double[] theirs, string what)
    {
        Assert.Equal(theirs.Length, mine.Length);
        for (int k = 0; k < theirs.Length; k++)
            Assert.True(Math.Abs(mine[k] - theirs[k]) <= 1e-6 * Math.Abs(theirs[k]) + 1e-12,
                $"{what}[{k}]: {mine[k]} vs ngspice {theirs[k]}");
    }

    [Fact]
    public void CommonEmitterAmplifierExampleMatchesNgspice()
    {
        var op = Run(Repo.Example("bjt_ce_amplifier"), "op");
        var opRef = Repo.ReadNgspice(Repo.Reference("bjt_ce_amplifier", "op"));
        int compared = 0;
        foreach (var (name, values) in opRef)
        {
            if (!op.TryGetValue(name, out var mine)) continue;
            AssertClose(mine, values, name);
            compared++;
        }
        Assert.True(compared >= 10, $"only {compared} op columns compared");

        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example("bjt_ce_amplifier"), "-o", dir, "--quiet", "--plot");
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(Path.Combine(dir, "ac-bode.svg")), "Bode plot written");
        var ac = Repo.ReadCsv(Path.Combine(dir, "ac.csv"));
        var acRef = Repo.ReadNgspice(Repo.Reference("bjt_ce_amplifier", "ac"));
        Assert.Equal(acRef["frequency"].Length, ac["frequency"].Length);
        for (int k = 0; k < acRef["frequency"].Length; k++)
        {
            Assert.True(Math.Abs(ac["vm(out)"][k] / acRef["vm(out)"][k] - 1) < 1e-6, $"vm(out) at {acRef["frequency"][k]} Hz");
            Assert.True(Math.Abs(ac["vp(out)"][k] * Math.PI / 180 - acRef["vp(out)"][k]) < 1e-6, $"vp(out) at {acRef["frequency"][k]} Hz");
        }
        // midband gain -gm·(rc || rl) ≈ 194 = 45.7 dB
        Assert.InRange(ac["vdb(out)"][30], 45.6, 45.8);
    }

    [Theory]
    [InlineData("bjt_output_curves", "Bjt", "npn_vbe_steps")]
    [InlineData("jfet_output_curves", "Jfet", "njf_output")]
    [InlineData("pjfet_output_curves", "Jfet", "pjf_output")]
    public void OutputCurvesMatchNgspice(string netlist, string folder, string reference)
    {
        var mine = Run(Path.Combine(Repo.Root, "tests", "Cli.Tests", "EndToEnd", netlist + ".cir"), "dc");
        var theirs = Repo.ReadNgspice(Path.Combine(Repo.Root, "tests", "Devices.Tests", "References", folder, reference + ".txt"));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (!name.StartsWith("i(") || !mine.TryGetValue(name, out var got)) continue;
            AssertClose(got, values, name);
            compared++;
        }
        Assert.True(compared >= 2, $"only {compared} columns compared");
    }
}
