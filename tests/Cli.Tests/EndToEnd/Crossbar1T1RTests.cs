using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>The 8×8 1T1R crossbar example (NMOS access transistors, level-3 memristors): it converges at default
/// options, the programmed cells hold their memory, and the read shows them.</summary>
public class Crossbar1T1RTests
{
    [Fact]
    public void ProgrammedRowReadsHigherAndUnselectedCellsStayUnprogrammed()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example("crossbar_1t1r_8x8"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var t = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        var time = t["time"];
        // programming trains end at 0.7 s; read pulse (1 V on every bit line, every word line high) 0.8–0.82 s
        double Mid(string c) => Repo.Interpolate(time, t[c], 0.81);
        Assert.True(Mid("v(s1)") > 1.1 * Mid("v(s4)"), $"read: row 1 {Mid("v(s1)")} vs row 4 {Mid("v(s4)")}");
        Assert.Equal(Mid("v(s4)"), Mid("v(s8)"), 1e-9); // two unprogrammed rows read the same
        double w11 = Repo.Interpolate(time, t["@n1_1[w]"], 0.75), w14 = Repo.Interpolate(time, t["@n1_4[w]"], 0.75);
        double w88 = Repo.Interpolate(time, t["@n8_8[w]"], 0.75);
        Assert.True(w11 > w14 && w14 > 0, $"w(1,1) = {w11} at 1.4 V, w(1,4) = {w14} at 1.2 V");
        Assert.True(Math.Abs(w88) < 1e-3 * w14, $"unselected cell: w = {w88}"); // its word line was low
        // potentiation: row 1's current at the end of the third pulse exceeds that of the first
        double first = Repo.Interpolate(time, t["v(s1)"], 0.1 + 0.1), third = Repo.Interpolate(time, t["v(s1)"], 0.5 + 0.1);
        Assert.True(third > first, $"end of pulse 1: {first}, pulse 3: {third}");
    }
}
