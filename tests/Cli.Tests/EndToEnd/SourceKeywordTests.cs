using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>`dc=`/`ac=` keywords on sources and PWL `td=`/`r=` against ngspice 39 (References/source_keywords).</summary>
public class SourceKeywordTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "source_keywords", file);

    [Fact]
    public void KeywordSourcesAndDelayedRepeatingPwlMatchNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Ref("sources.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var opRef = Repo.ReadNgspice(Ref("op.txt"));
        Assert.Equal(opRef["v(3)"][0], op["v(3)"][0], 1e-9); // i1 dc=42mA into 100 Ω
        Assert.Equal(opRef["v(1)"][0], op["v(1)"][0], 1e-12);

        var ac = Repo.ReadCsv(Path.Combine(dir, "ac.csv"));
        var acRef = Repo.ReadNgspice(Ref("ac.txt"));
        for (int k = 0; k < acRef["frequency"].Length; k++)
        {
            Assert.Equal(acRef["vr(2)"][k], ac["vr(2)"][k], 1e-9);
            Assert.Equal(acRef["vi(2)"][k], ac["vi(2)"][k], 1e-9);
        }

        var tran = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        var tranRef = Repo.ReadNgspice(Ref("tran.txt"));
        for (int k = 0; k < tranRef["time"].Length; k++)
        {
            double mine = Repo.Interpolate(tran["time"], tran["v(4)"], tranRef["time"][k]);
            Assert.True(Math.Abs(mine - tranRef["v(4)"][k]) < 1e-9, $"t = {tranRef["time"][k]}: {mine} vs {tranRef["v(4)"][k]}");
        }
    }

    [Fact]
    public void PwlRepeatMustBeOneOfTheTimes()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "t\nv4 4 0 pwl(0 0 1m 1 2m 0) r=0.5m\nr4 4 0 1k\n.tran 1u 1m\n");
        var (code, errors) = Repo.Run("check", path);
        Assert.Equal(1, code);
        Assert.Contains("t.cir:2:8: error: pwl: PWL r= must be one of the points' times", errors);
    }
}
