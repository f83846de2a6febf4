using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>ngspice 39's names of device quantities that netlists print: a diode's <c>@d[id]</c> and a resistor's
/// dissipated power <c>@r[p]</c> (ngspice 39 on this netlist: @r1[i] 3.705592e-04, @r1[p] 1.373141e-04,
/// @d1[id] 3.705603e-04).</summary>
public class NgspiceQuantityNameTests
{
    [Fact]
    public void DiodeCurrentAndResistorPowerAsNgspiceNamesThem()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "q\nV1 a 0 1\nR1 a b 1k\nD1 b 0 dm\n.model dm d\n.op\n.print op @r1[i] @r1[p] @d1[id] @d1[i]\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        double i = op["@r1[i]"][0];
        Assert.Equal(3.705592e-04, i, 5e-10);
        Assert.Equal(1.373141e-04, op["@r1[p]"][0], 5e-10);
        Assert.Equal(i * i * 1e3, op["@r1[p]"][0], 1e-15);
        Assert.Equal(op["@d1[i]"][0], op["@d1[id]"][0]);
        Assert.Equal(3.705603e-04, op["@d1[id]"][0], 5e-10);   // 1.1 nA above R1's current in ngspice too (Newton tolerance)
    }
}
