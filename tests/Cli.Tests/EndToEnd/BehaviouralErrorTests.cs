using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>B-source errors through the command: bad names are located netlist errors (exit 1); an expression
/// leaving its domain at run time fails the simulation (exit 2) naming the device.</summary>
public class BehaviouralErrorTests
{
    private static (int Code, string Errors) RunText(string text)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "b.cir");
        File.WriteAllText(path, text);
        return Repo.Run("run", path, "-o", Path.Combine(dir, "out"), "--quiet");
    }

    [Fact]
    public void UnknownNodeInV()
    {
        var (code, errors) = RunText("t\nV1 a 0 1\nR1 a 0 1k\nB1 b 0 V={2*v(nope)}\nR2 b 0 1k\n.op\n.end\n");
        Assert.Equal(1, code);
        Assert.Contains("b.cir:4:15: error: unknown node 'nope' in v(...) of 'b1'", errors);
    }

    [Fact]
    public void UnknownSourceInI()
    {
        var (code, errors) = RunText("t\nV1 a 0 1\nR1 a 0 1k\nB1 b 0 I={1m*i(vx)}\nR2 b 0 1k\n.op\n.end\n");
        Assert.Equal(1, code);
        Assert.Contains("b.cir:4:16: error: unknown source 'vx' in i(...) of 'b1'", errors);
    }

    [Fact]
    public void LogOfNegativeValueAtRunTimeFailsTheSimulationNamingTheDevice()
    {
        var (code, errors) = RunText("t\nV1 a 0 -1\nR1 a 0 1k\nBlog b 0 V={ln(v(a))}\nR2 b 0 1k\n.op\n.end\n");
        Assert.Equal(2, code);
        Assert.Contains("b.cir:6:1: error: simulation failed:", errors);
        Assert.Contains("behavioural source 'blog'", errors);
        Assert.Contains("logarithm of a non-positive value (-1)", errors);
        Assert.DoesNotContain("Exception", errors);
    }

    [Fact]
    public void DomainErrorInTransientNamesTheTime()
    {
        var (code, errors) = RunText("t\nV1 a 0 PWL(0 1 1m -1)\nR1 a 0 1k\nB1 b 0 V={sqrt(v(a))}\nR2 b 0 1k\n.tran 10u 1m\n.end\n");
        Assert.Equal(2, code);
        Assert.Contains("transient at t=0.0005", errors);
        Assert.Matches(@"behavioural source 'b1' at time 0\.0005[0-9]*: square root of a negative value", errors);
    }

    [Fact]
    public void MultiplierExampleRuns()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example("behavioural_multiplier"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var dc = Repo.ReadCsv(Path.Combine(dir, "dc.csv"));
        var va = dc["va"];
        var prod = dc["v(prod)"];
        for (int k = 0; k < va.Length; k++) Assert.True(Math.Abs(prod[k] - va[k] * 0.5) <= 1e-9, $"va={va[k]}: {prod[k]}");
    }
}
