using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>
/// ngspice's <c>.dc R1 start stop step</c>: a resistor's value as the swept variable (each value binds the circuit
/// again with that resistance; tc1/tc2, scale and m still apply, as ngspice 39 does — checked: a divider with
/// m=2, tc1=0.01 at 50 °C, References/ngspice_forms/dc_res).
/// </summary>
public class DcResistorSweepTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "ngspice_forms", file);

    [Fact]
    public void DividerFollowsTheSweptResistance()
    {
        var (code, errors, dir) = Repo.RunNetlist("t\nV1 in 0 1\nR1 in out 1k\nR2 out 0 1k\n.dc R2 1k 5k 1k\n.print dc v(out)\n.end\n");
        Assert.True(code == 0, errors);
        var dc = Repo.ReadCsv(Path.Combine(dir, "dc.csv"));
        Assert.Equal(new[] { 1000.0, 2000, 3000, 4000, 5000 }, dc["r2"]);
        for (int k = 0; k < 5; k++) Assert.Equal(dc["r2"][k] / (1000 + dc["r2"][k]), dc["v(out)"][k], 1e-12);
    }

    [Fact]
    public void MultiplierAndTemperatureCoefficientStillApply()
    {
        var (code, errors, dir) = Repo.RunNetlist("t\nV1 in 0 1\nR1 in out 1k\nR2 out 0 1k m=2 tc1=0.01\n.temp 50\n.dc R2 1k 2k 1k\n.print dc v(out)\n.end\n");
        Assert.True(code == 0, errors);
        var dc = Repo.ReadCsv(Path.Combine(dir, "dc.csv"));
        double[] ngspice = Repo.ReadNgspice(Ref("dc_res.ngspice.txt"))["v(out)"];
        for (int k = 0; k < 2; k++)
        {
            double r = dc["r2"][k] * (1 + 0.01 * 23) / 2;
            Assert.Equal(r / (1000 + r), dc["v(out)"][k], 1e-12);
            Assert.Equal(ngspice[k], dc["v(out)"][k], 1e-12);
        }
    }

    [Fact]
    public void NestedWithASourceSweep()
    {
        var (code, errors, dir) = Repo.RunNetlist("t\nV1 in 0 1\nR1 in out 1k\nR2 out 0 1k\n.dc V1 0 1 0.5 R2 1k 2k 1k\n.print dc v(out)\n.end\n");
        Assert.True(code == 0, errors);
        var dc = Repo.ReadCsv(Path.Combine(dir, "dc.csv"));
        Assert.Equal(6, dc["v1"].Length);
        for (int k = 0; k < 6; k++) Assert.Equal(dc["v1"][k] * dc["r2"][k] / (1000 + dc["r2"][k]), dc["v(out)"][k], 1e-12);
    }

    [Theory]
    [InlineData(".dc C1 1p 2p 1p", "t.cir:6:5: error: unknown independent source or resistor 'C1' in '.dc'")]
    [InlineData(".dc R2 0 1k 500", "t.cir:6:8: error: the resistances of '.dc R2' must be greater than zero")]
    [InlineData(".dc temp 0 50 25 R2 1k 2k 1k", "t.cir:6:18: error: '.dc' sweeps at most one of the temperature and a resistor's value")]
    public void ErrorsAreLocated(string dc, string error)
    {
        var (code, errors, _) = Repo.RunNetlist($"t\nV1 in 0 1\nR1 in out 1k\nR2 out 0 1k\nC1 out 0 1p\n{dc}\n.end\n");
        Assert.Equal(1, code);
        Assert.Contains(error, errors);
    }
}
