using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>Bad MOSFET input is a located netlist error (exit 1), never a stack trace.</summary>
public class MosfetErrorTests
{
    private static (int Code, string Errors) RunText(string text)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "m.cir");
        File.WriteAllText(path, text);
        return Repo.Run("run", path, "-o", Path.Combine(dir, "out"), "--quiet");
    }

    [Theory]
    [InlineData(".model nm nmos level=7\nm1 d g 0 0 nm\n", "m.cir:2:16: error: MOSFET model level 7 does not exist (levels: 1, 2, 3, 8, 14, 49, 54)")]
    [InlineData(".model nm nmos level=1 ld=2u\nm1 d g 0 0 nm l=1u\n", "m.cir:3:1: error: effective channel length l − 2·ld")]
    [InlineData(".model nm nmos level=3 mj=1.5\nm1 d g 0 0 nm\n", "m.cir:2:24: error: parameter 'mj' must be in [0, 1)")]
    [InlineData(".model nm nmos\nm1 d g 0 0 nm w=-1u\n", "m.cir:3:15: error: parameter 'w' must be > 0")]
    [InlineData(".model nm nmos\nm1 d g 0 nm\n", "m.cir:3:")]
    [InlineData(".model nm nmos nsub=1e9 tox=10n\nm1 d g 0 0 nm\n", "m.cir:2:")]
    public void BadInputIsALocatedError(string lines, string expected)
    {
        var (code, errors) = RunText("t\n" + lines + "vd d 0 1\nvg g 0 1\n.op\n.end\n");
        Assert.Equal(1, code);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain("   at ", errors);
    }
}
