using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// Statements real ngspice netlists use that perovspice skips (with a warning) or reads as ngspice does:
/// <c>distof1/distof2</c> on a source, <c>.sens</c>, <c>.print pz</c> (and <c>.noise</c> with <c>.print noise</c>, now run), the diode's <c>cj0</c>
/// spelling of <c>cjo</c>, and <c>.ac lin</c> from 0 Hz. Numbers against ngspice 39 (References/ngspice_syntax).
/// </summary>
public class NgspiceSyntaxTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "ngspice_syntax", file);

    [Fact]
    public void SkippedStatementsLeaveTheOtherAnalysesMatchingNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Ref("syntax.cir"), "-o", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("10:1: warning: '.sens' analysis is not supported; statement on line 10 skipped", errors);
        // '.noise' runs, and '.print noise onoise' (the SPICE2 short form ngspice 39 rejects) names its column
        Assert.Equal(new[] { "frequency", "onoise" }, File.ReadLines(Path.Combine(dir, "noise.csv")).First().Split(','));
        Assert.Contains("12:1: warning: '.print pz' is not supported; statement on line 12 skipped", errors);

        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var opRef = Repo.ReadNgspice(Ref("op.txt"));
        Assert.Equal(opRef["v(2)"][0], op["v(2)"][0], 1e-9);

        var ac = Repo.ReadCsv(Path.Combine(dir, "ac.csv"));
        var acRef = Repo.ReadNgspice(Ref("ac.txt"));
        Assert.Equal(acRef["frequency"], ac["frequency"]);      // lin sweep from 0 Hz: 0, 100k, 200k
        foreach (string v in new[] { "vr(2)", "vi(2)", "vr(3)", "vi(3)" })
            for (int k = 0; k < acRef["frequency"].Length; k++)
                Assert.True(Math.Abs(acRef[v][k] - ac[v][k]) <= 1e-9, $"{v}[{k}]: {ac[v][k]} vs ngspice {acRef[v][k]}");
    }

    [Fact]
    public void VendorDiodeAndBjtParametersAreIgnoredWithAWarning()
    {
        // as KiCad's simulation demos ship them (a 1N4002 card with ikf/isr/nr, Diotec's BJT ratings bvcbo/bvbe)
        string dir = Repo.TempDir();
        string cir = Path.Combine(dir, "vendor.cir");
        File.WriteAllText(cir, "vendor cards\nv1 1 0 5\nr1 1 a 100\nd1 a 0 dv\nq1 1 a 0 qv\n" +
            ".model dv D (Is=14.11n N=1.984 Ikf=94.81 Isr=100.0E-12 Nr=2)\n.model qv npn (bf=100 Bvcbo=50 Bvbe=-5)\n.op\n.end\n");
        var (code, errors) = Repo.Run("run", cir, "-o", dir);
        Assert.True(code == 0, errors);
        foreach (string p in new[] { "ikf", "isr", "nr", "bvcbo", "bvbe" })
            Assert.Contains($"warning: model parameter '{p}' is not used by perovspice; ignored", errors);
    }
}
