using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>ngspice's model binning: a MOSFET naming family NAME gets the first card NAME.k whose lmin ≤ l ≤ lmax and
/// wmin ≤ w ≤ wmax hold. Checked against ngspice 39 numbers, against the same netlist naming the bins explicitly, inside
/// a subcircuit, and with a located error when no bin covers.</summary>
public class ModelBinningTests
{
    private const string Cards = """
        .model nch.1 nmos level=8 version=3.3.0 lmin=0.1u lmax=1u wmin=0.1u wmax=100u vth0=0.4 tox=4n
        .model nch.2 nmos level=8 version=3.3.0 lmin=1u lmax=20u wmin=0.1u wmax=100u vth0=0.6 tox=4n
        """;

    private static (int Code, string Errors, Dictionary<string, double[]>? Op) Run(string body)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "bins.cir");
        File.WriteAllText(path, "binned models\n" + body + "\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", Path.Combine(dir, "out"), "--quiet");
        string csv = Path.Combine(dir, "out", "op.csv");
        return (code, errors, code == 0 ? Repo.ReadCsv(csv) : null);
    }

    private static string Reference(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "binning_nodeset", file);

    /// <summary>Against ngspice 39 (References/binning_nodeset/bins: README there): the bins differ in vth0, so a wrong
    /// choice moves a current by a factor of several; l = 1 µm is both nch.1's lmax and nch.2's lmin (ngspice: nch.1),
    /// and the outer corners l = 20 µm, w = 100 µm and l = w = 0.1 µm are inside.</summary>
    [Fact]
    public void EachInstanceGetsTheBinNgspiceGivesIt()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Reference("bins.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var ours = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var ngspice = Repo.ReadNgspice(Reference("bins.ngspice.txt"));
        foreach (var name in new[] { "i(vd1)", "i(vd2)", "i(vd3)", "i(vd4)", "i(vd5)" })
            Assert.Equal(ngspice[name][0], ours[name][0], 1e-6 * Math.Abs(ngspice[name][0]));
        // the choice matters: nch.1 at l = 0.5 µm conducts several times what nch.2 does at l = 2 µm
        Assert.True(Math.Abs(ours["i(vd1)"][0]) > 4 * Math.Abs(ours["i(vd2)"][0]));
    }

    [Fact]
    public void BinnedInstancesEqualTheBinsNamedExplicitly()
    {
        const string devices = """
            vd d 0 1.2
            vg g 0 1.0
            m1 d g 0 0 {0} l=0.5u w=2u
            m2 d g 0 0 {1} l=2u w=2u
            m3 d g 0 0 {0} l=1u w=2u
            .op
            .print op @m1[id] @m2[id] @m3[id]
            """;
        var binned = Run(Cards + "\n" + devices.Replace("{0}", "nch").Replace("{1}", "nch"));
        var explicitBins = Run(Cards + "\n" + devices.Replace("{0}", "nch.1").Replace("{1}", "nch.2"));
        Assert.True(binned.Code == 0, binned.Errors);
        Assert.True(explicitBins.Code == 0, explicitBins.Errors);
        foreach (var name in new[] { "@m1[id]", "@m2[id]", "@m3[id]" })
            Assert.Equal(explicitBins.Op![name][0], binned.Op![name][0]);
    }

    [Fact]
    public void BinsInsideASubcircuit()
    {
        string sub = ".subckt inv d g\n" + Cards + "\nm1 d g 0 0 nch l=0.5u w=2u\n.ends\nvd d 0 1.2\nvg g 0 1.0\nx1 d g inv\n.op\n.print op i(vd)\n";
        string flat = Cards + "\nvd d 0 1.2\nvg g 0 1.0\nm1 d g 0 0 nch.1 l=0.5u w=2u\n.op\n.print op i(vd)\n";
        var a = Run(sub);
        var b = Run(flat);
        Assert.True(a.Code == 0, a.Errors);
        Assert.True(b.Code == 0, b.Errors);
        Assert.Equal(b.Op!["i(vd)"][0], a.Op!["i(vd)"][0]);
    }

    [Fact]
    public void OnlyMosfetsBin()
    {
        // ngspice bins MOSFET models only: a diode naming dm with only a card dm.1 names an unknown model
        var r = Run("v1 a 0 1\nr1 a k 1k\nd1 k 0 dm\n.model dm.1 d is=1e-14\n.op\n");
        Assert.Equal(1, r.Code);
        Assert.Contains("bins.cir:4:8: error: unknown model 'dm'", r.Errors);
    }

    [Fact]
    public void NoCoveringBinIsALocatedError()
    {
        var r = Run(Cards + "\nvd d 0 1.2\nvg g 0 1.0\nm1 d g 0 0 nch l=30u w=2u\n.op\n");
        Assert.Equal(1, r.Code);
        Assert.Contains("bins.cir:6:12: error: no bin of model 'nch' covers l = 3E-05 m, w = 2E-06 m", r.Errors);
    }
}
