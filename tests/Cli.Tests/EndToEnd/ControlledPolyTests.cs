using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>POLY(n) on E/G/F/H, VALUE/cur= and TABLE against ngspice 39 (References/controlled_poly).</summary>
public class ControlledPolyTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "controlled_poly", file);

    [Fact]
    public void PolyValueAndTableSourcesMatchNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Ref("poly.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var ours = Repo.ReadCsv(Path.Combine(dir, "dc.csv"));
        var theirs = Repo.ReadNgspice(Ref("poly.ngspice.txt"));
        int compared = 0;
        foreach (var (name, expected) in theirs)
        {
            if (name == "v-sweep") continue;
            for (int k = 0; k < expected.Length; k++)
                Assert.True(Math.Abs(ours[name][k] - expected[k]) <= 1e-9 * Math.Abs(expected[k]) + 1e-12,
                    $"{name}[{k}]: {ours[name][k]} vs ngspice {expected[k]}");
            compared++;
        }
        Assert.Equal(8, compared);
    }

    [Theory]
    [InlineData("E1 o 0 POLY(x) a 0 1", "t.cir:3:13: error: the dimension of POLY(n) must be a whole number from 1 to 20")]
    [InlineData("E1 o 0 POLY(1) a 0", "t.cir:3:19: error: expected POLY coefficients in 'E1'")]
    [InlineData("E1 o 0 TABLE {v(a)} = (0,0) (1)", "t.cir:3:29: error: expected a table point (x,y)")]
    public void MalformedFormsAreLocated(string line, string expected)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, $"t\nV1 a 0 1\n{line}\nR1 o 0 1k\n.op\n");
        var (code, errors) = Repo.Run("check", path);
        Assert.Equal(1, code);
        Assert.Equal(expected, errors.Replace(dir + Path.DirectorySeparatorChar, "").Trim());
    }
}
