using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>ngspice 39's names of device quantities that netlists print: a diode's <c>@d[id]</c> and a resistor's
/// dissipated power <c>@r[p]</c>, against ngspice 39 on the same netlist (References/ngspice_forms/quantities).</summary>
public class NgspiceQuantityNameTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "ngspice_forms", file);

    [Fact]
    public void DiodeCurrentAndResistorPowerAsNgspiceNamesThem()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "q\nV1 a 0 1\nR1 a b 1k\nD1 b 0 dm\n.model dm d\n.op\n.print op @r1[i] @r1[p] @d1[id] @d1[i]\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var ngspice = Repo.ReadNgspice(Ref("quantities.ngspice.txt"));
        double i = op["@r1[i]"][0];
        Assert.Equal(ngspice["@r1[i]"][0], i, 1e-9 * i);
        Assert.Equal(ngspice["@r1[p]"][0], op["@r1[p]"][0], 1e-9 * op["@r1[p]"][0]);
        Assert.Equal(i * i * 1e3, op["@r1[p]"][0], 1e-15);
        Assert.Equal(op["@d1[i]"][0], op["@d1[id]"][0]);
        Assert.Equal(ngspice["@d1[id]"][0], op["@d1[id]"][0], 1e-9 * i);   // 1.1 nA above R1's current in ngspice too (Newton tolerance)
    }
}
