using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary><c>.options acct</c>: after each analysis the command line prints the solver's work (SPICE's accounting),
/// counted independently of the output: the accepted time points are the CSV's rows after t = 0.</summary>
public class AccountingTests
{
    private static Dictionary<string, long> Parse(string errors, string analysis)
    {
        var lines = errors.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int at = lines.FindIndex(l => l.StartsWith($"{analysis}: solver statistics", StringComparison.Ordinal));
        Assert.True(at >= 0, $"no statistics for {analysis} in:\n{errors}");
        var values = new Dictionary<string, long>();
        for (int i = at + 1; i < lines.Count && lines[i].StartsWith("  ", StringComparison.Ordinal); i++)
        {
            var parts = lines[i].Trim().Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (long.TryParse(parts[1], out long v)) values[parts[0]] = v;
        }
        return values;
    }

    [Fact]
    public void NonlinearTransientReportsItsWork()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "acct.cir");
        File.WriteAllText(path, """
            diode clipper with accounting
            V1 in 0 SIN(0 2 1k)
            R1 in out 1k
            D1 out 0 dmod
            C1 out 0 10n
            .model dmod D(is=1e-14)
            .options acct
            .op
            .tran 10u 2m
            .end
            """);
        var (code, errors) = Repo.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.True(code == 0, errors);
        var tran = Parse(errors, "tran");
        int rows = File.ReadAllLines(Path.Combine(dir, "out", "tran.csv")).Length - 1;   // header line
        Assert.Equal(rows - 1, tran["accepted time points"]);                           // t = 0 is not a step
        Assert.Equal(3, tran["circuit equations"]);                                        // in, out, V1's current
        // a nonlinear circuit: every Newton iteration is one solve, and SPICE's convergence test needs two per point
        Assert.Equal(tran["Newton iterations"], tran["LU solves"]);
        Assert.True(tran["Newton iterations"] >= 2 * tran["accepted time points"], errors);
        Assert.InRange(tran["LU factorizations"], 1, tran["Newton iterations"]);
        var op = Parse(errors, "op");
        Assert.False(op.ContainsKey("accepted time points"));
        Assert.InRange(op["Newton iterations"], 2, 100);
        // --quiet prints nothing but errors (cli.md), the statistics included
        (code, errors) = Repo.Run("run", path, "-o", Path.Combine(dir, "quiet"), "--quiet");
        Assert.Equal(0, code);
        Assert.Equal("", errors);
    }

    [Fact]
    public void WithoutTheOptionNothingIsPrinted()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "plain.cir");
        File.WriteAllText(path, "rc\nV1 in 0 1\nR1 in out 1k\nC1 out 0 1u\n.tran 10u 1m\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("solver statistics", errors);
    }

    [Fact]
    public void AcctZeroTurnsItOffAndOtherValuesAreRejected()
    {
        string dir = Repo.TempDir();
        string off = Path.Combine(dir, "off.cir");
        File.WriteAllText(off, "rc\nV1 in 0 1\nR1 in out 1k\nC1 out 0 1u\n.options acct=0\n.op\n.end\n");
        var (code, errors) = Repo.Run("run", off, "-o", Path.Combine(dir, "out"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("solver statistics", errors);
        Assert.DoesNotContain("not used", errors);
        string bad = Path.Combine(dir, "bad.cir");
        File.WriteAllText(bad, "rc\nV1 in 0 1\nR1 in out 1k\n.options acct=2\n.op\n.end\n");
        (code, errors) = Repo.Run("run", bad, "-o", Path.Combine(dir, "out2"), "--quiet");
        Assert.NotEqual(0, code);
        Assert.Contains("bad.cir:4:", errors);
        Assert.Contains("acct", errors);
    }
}
