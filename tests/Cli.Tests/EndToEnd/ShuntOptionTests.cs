using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary><c>.options rshunt=R cshunt=C</c>, as ngspice 39: a resistor and a capacitor from every node to ground
/// (the divider below against ngspice 39: References/ngspice_forms/rshunt).</summary>
public class ShuntOptionTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "ngspice_forms", file);

    [Fact]
    public void RshuntLoadsEveryNode()
    {
        // 1 kΩ into node b, whose only dc path is rshunt = 1 MΩ; c sits behind a capacitor and follows ground
        var (code, errors, dir) = Repo.RunNetlist("t\nV1 a 0 1\nR1 a b 1k\nC1 b c 1u\nR2 c 0 1k\n.options rshunt=1e6\n.op\n.print op v(b) v(c)\n.end\n");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        Assert.Equal(1e6 / (1e6 + 1e3), op["v(b)"][0], 1e-12);
        Assert.Equal(Repo.ReadNgspice(Ref("rshunt.ngspice.txt"))["v(b)"][0], op["v(b)"][0], 1e-12);   // ngspice 39
        Assert.Equal(0, op["v(c)"][0], 1e-15);
    }

    [Fact]
    public void RshuntGivesAFloatingNodeItsDcPath()
    {
        const string net = "t\nV1 a 0 1\nC1 a b 1u\nC2 b 0 1u\n.op\n.print op v(b)\n.end\n";
        Assert.Equal(1, Repo.RunNetlist(net).Code);   // b has no dc path
        var (code, errors, dir) = Repo.RunNetlist(net.Replace(".op", ".options rshunt=1e12\n.op"));
        Assert.True(code == 0, errors);
        Assert.Equal(0, Repo.ReadCsv(Path.Combine(dir, "op.csv"))["v(b)"][0], 1e-12);
    }

    [Fact]
    public void CshuntAddsACapacitorToEveryNode()
    {
        // a 1 V step through 1 kΩ into b (1 MΩ to ground) with cshunt = 1 nF: v(b) = V∞(1 − e^(−t/τ)), τ = (1k ∥ 1M)·1 nF
        var (code, errors, dir) = Repo.RunNetlist("t\nV1 a 0 PULSE(0 1 0 1p 1p 1 2)\nR1 a b 1k\nR2 b 0 1meg\n.options cshunt=1n\n.tran 0.1u 3u 0 10n\n.print tran v(b)\n.end\n");
        Assert.True(code == 0, errors);
        var tran = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        double tau = 1e3 * 1e6 / (1e3 + 1e6) * 1e-9, final = 1e6 / (1e6 + 1e3);
        for (int k = 0; k < tran["time"].Length; k++)
        {
            double t = tran["time"][k];
            if (t < 50e-9) continue;   // the 1 ps edge
            Assert.Equal(final * (1 - Math.Exp(-t / tau)), tran["v(b)"][k], 2e-3);
        }
    }

    [Fact]
    public void NonPositiveShuntIsAnError()
    {
        var (code, errors, _) = Repo.RunNetlist("t\nV1 a 0 1\nR1 a 0 1k\n.options rshunt=0\n.op\n.end\n");
        Assert.Equal(1, code);
        Assert.Contains("t.cir:4:10: error: option 'rshunt' must be > 0", errors);
    }
}
