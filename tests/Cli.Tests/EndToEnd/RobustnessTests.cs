using System.Text;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>No input makes the command print a stack trace: every bad input is a located error with exit 1
/// (or 64 for bad usage).</summary>
public class RobustnessTests
{
    private static (int Code, string Errors) RunOn(byte[] content, string name = "bad.cir")
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return Repo.Run("run", path, "-o", Path.Combine(dir, "out"), "--quiet");
    }

    private static void AssertLocatedError((int Code, string Errors) r, string file = "bad.cir")
    {
        Assert.Equal(1, r.Code);
        Assert.Matches($@"{file.Replace(".", "\\.")}:\d+:\d+: error: ", r.Errors);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", r.Errors);
        Assert.DoesNotContain("Exception", r.Errors);
    }

    public static IEnumerable<object[]> BadInputs()
    {
        var rnd = new Random(7);
        var garbage = new byte[4096];
        rnd.NextBytes(garbage);
        yield return new object[] { "garbage bytes", garbage };
        yield return new object[] { "empty file", Array.Empty<byte>() };
        yield return new object[] { "title only", Encoding.UTF8.GetBytes("just a title\n") };
        yield return new object[] { "binary with NULs", new byte[] { 0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 0, 0, 10, 0, 0xff } };
        yield return new object[] { "unbalanced parentheses", Encoding.UTF8.GetBytes("t\nV1 a 0 PULSE(0 1 1m\nR1 a 0 {(1k}\n.tran 1u 1m\n.end\n") };
        yield return new object[] { "unknown element", Encoding.UTF8.GetBytes("t\nY1 a b c qmod\nR1 a 0 1k\n.op\n") };
        yield return new object[] { "floating node", Encoding.UTF8.GetBytes("t\nV1 a 0 1\nR1 a 0 1k\nC1 a b 1u\n.op\n") };
        yield return new object[] { "voltage loop", Encoding.UTF8.GetBytes("t\nV1 a 0 1\nV2 a 0 2\nR1 a 0 1k\n.op\n") };
        yield return new object[] { "zero inductor", Encoding.UTF8.GetBytes("t\nV1 a 0 1\nR1 a b 1\nL1 b 0 0\n.op\n") };
        yield return new object[] { "bad memristor parameter", Encoding.UTF8.GetBytes("t\nV1 a 0 1\nN1 a 0 pm\n.model pm perovskite level=1 cm=-1 tauk=3\n.op\n") };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputIsALocatedErrorWithoutTrace(string what, byte[] content)
    {
        _ = what;
        AssertLocatedError(RunOn(content));
    }

    [Fact]
    public void TenMegabyteLineIsAnError()
    {
        var sb = new StringBuilder("t\nR1 a 0 ");
        sb.Append('1', 10_000_000);
        sb.Append("x y z\n.op\n");
        AssertLocatedError(RunOn(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    [Fact]
    public void MissingFileIsAnErrorNamingIt()
    {
        string path = Path.Combine(Repo.TempDir(), "missing.cir");
        var (code, errors) = Repo.Run("check", path);
        Assert.Equal(1, code);
        Assert.Contains("missing.cir", errors);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", errors);
    }

    [Fact]
    public void EverySyntaxErrorIsListed()
    {
        var (code, errors) = RunOn(Encoding.UTF8.GetBytes("t\nV1 a 0 1\nR2 a 0\nY1 a b c\nR3 a 0 {1k*}\n.op\n"));
        Assert.Equal(1, code);
        Assert.Matches(@"bad\.cir:3:\d+: error: ", errors);
        Assert.Matches(@"bad\.cir:4:\d+: error: ", errors);
        Assert.Matches(@"bad\.cir:5:\d+: error: ", errors);
    }

    [Fact]
    public void EveryCircuitErrorIsListed()
    {
        var (code, errors) = RunOn(Encoding.UTF8.GetBytes("t\nV1 a 0 1\nL1 a c 0\nN1 a 0 pm taud=-1\n.model pm perovskite level=2 tauk=0\nR9 c 0 1\n.op\n"));
        Assert.Equal(1, code);
        Assert.Matches(@"bad\.cir:3:\d+: error: inductance", errors);
        Assert.Matches(@"bad\.cir:4:\d+: error: parameter 'taud' must be > 0", errors);
        Assert.Matches(@"bad\.cir:5:\d+: error: parameter 'tauk' must be > 0", errors);
    }

    [Theory]
    [InlineData]
    [InlineData("run")]
    [InlineData("frobnicate", "x.cir")]
    [InlineData("run", "a.cir", "--format", "xml")]
    [InlineData("run", "a.cir", "b.cir")]
    public void BadUsageExits64(params string[] args) => Assert.Equal(64, Repo.Run(args).Code);

    [Fact]
    public void FailedSimulationExits2AndKeepsEarlierResults()
    {
        // The op succeeds; the transient cannot converge on a diode driven to 1 MV in 1 ps.
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "fail.cir");
        File.WriteAllText(path, "t\nV1 a 0 DC 1 PULSE(1 1e6 0 1p 1p 1 2)\nR1 a b 1\nD1 b 0 dmod\n.model dmod d\n.op\n.tran 1n 1u\n.options itl4=2\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", Path.Combine(dir, "out"), "--quiet");
        if (code == 0) return; // converged after all: nothing to check about failures here
        Assert.Equal(2, code);
        Assert.Matches(@"fail\.cir:7:\d+: error: simulation failed: transient", errors);
        Assert.True(File.Exists(Path.Combine(dir, "out", "op.csv")));
    }
}
