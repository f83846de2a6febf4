using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>ngspice's model binning: an instance naming family NAME gets the card NAME.k whose lmin ≤ l &lt; lmax and
/// wmin ≤ w &lt; wmax hold. Checked against the same netlist naming the bins explicitly (the bins differ in vth0, so a
/// wrong choice changes the currents), inside a subcircuit too, and with a located error when no bin covers.</summary>
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

    [Fact]
    public void EachInstanceGetsTheBinOfItsLength()
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
        var explicitBins = Run(Cards + "\n" + devices.Replace("{0}", "nch.1").Replace("{1}", "nch.2").Replace("m3 d g 0 0 nch.1", "m3 d g 0 0 nch.2"));
        Assert.True(binned.Code == 0, binned.Errors);
        Assert.True(explicitBins.Code == 0, explicitBins.Errors);
        foreach (var name in new[] { "@m1[id]", "@m2[id]", "@m3[id]" })
            Assert.Equal(explicitBins.Op![name][0], binned.Op![name][0]);
        // the bins really differ: l = 0.5u (vth0 0.4) conducts more per square than l = 2u (vth0 0.6) would at l = 0.5u
        Assert.True(binned.Op!["@m1[id]"][0] > 4 * binned.Op["@m2[id]"][0]);
        // l = lmax of bin 1 belongs to bin 2 (lmin ≤ l < lmax)
        Assert.Equal(explicitBins.Op!["@m3[id]"][0], binned.Op["@m3[id]"][0]);
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
