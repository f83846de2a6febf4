using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>
/// <c>.nodeset</c> picks the operating point of a bistable circuit (a CMOS latch, level-1 MOSFETs): the nodes are
/// held at the given values, then released. References: ngspice 39 on the same latch
/// (References/binning_nodeset/latch*.ngspice.cir, README there): q = 6.365385e-09 V, qb = 3.3 V with
/// <c>.nodeset v(q)=0 v(qb)=3.3</c>, the mirror image with the opposite nodeset, 1.65 V both without.
/// </summary>
public class NodeSetTests
{
    private const string Latch = """
        cmos latch
        .model nm nmos level=1 vto=0.7 kp=100u
        .model pm pmos level=1 vto=-0.7 kp=50u
        vdd vdd 0 3.3
        mn1 q qb 0 0 nm l=1u w=2u
        mp1 q qb vdd vdd pm l=1u w=4u
        mn2 qb q 0 0 nm l=1u w=2u
        mp2 qb q vdd vdd pm l=1u w=4u
        """;

    private static (int Code, string Errors, string Dir) Run(string extra)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "latch.cir");
        File.WriteAllText(path, Latch + "\n" + extra + "\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", Path.Combine(dir, "out"), "--quiet");
        return (code, errors, Path.Combine(dir, "out"));
    }

    private static string Reference(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "binning_nodeset", file);

    [Theory]
    [InlineData(".nodeset v(q)=0 v(qb)=3.3", "latch")]
    [InlineData(".nodeset v(q)=3.3 v(qb)=0", "latch2")]
    [InlineData("", "latch0")]
    public void NodeSetChoosesTheLatchStateNgspiceFinds(string nodeSet, string reference)
    {
        var (code, errors, dir) = Run(nodeSet + "\n.op\n.print op v(q) v(qb)");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var ngspice = Repo.ReadNgspice(Reference(reference + ".ngspice.txt"));
        foreach (var name in new[] { "v(q)", "v(qb)" })
            Assert.Equal(ngspice[name][0], op[name][0], 1e-6 * Math.Abs(ngspice[name][0]) + 1e-13);
    }

    [Fact]
    public void OneNodeIsEnoughToTipIt()
    {
        var (code, errors, dir) = Run(".nodeset v(qb)=2.5\n.op\n.print op v(q) v(qb)");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var ngspice = Repo.ReadNgspice(Reference("latch.ngspice.txt"));   // the state with qb high
        Assert.Equal(ngspice["v(qb)"][0], op["v(qb)"][0], 1e-6 * ngspice["v(qb)"][0]);
    }

    [Fact]
    public void TransientStartsFromTheNodeSetState()
    {
        var (code, errors, dir) = Run(".nodeset v(q)=3.3 v(qb)=0\n.tran 1n 10n\n.print tran v(q) v(qb)");
        Assert.True(code == 0, errors);
        var tran = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        Assert.All(tran["v(q)"], v => Assert.Equal(3.3, v, 1e-6));
        Assert.All(tran["v(qb)"], v => Assert.Equal(0, v, 1e-6));
    }

    [Fact]
    public void UnknownNodeIsALocatedError()
    {
        var (code, errors, _) = Run(".nodeset v(nowhere)=1\n.op");
        Assert.Equal(1, code);
        Assert.Contains("latch.cir:9:10: error: unknown node 'nowhere' in .nodeset", errors);
    }
}
