using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// BSIM4 (`level=54`) through the whole command — netlist reader, `.include`, model binning, binder, dc analyses,
/// output — against ngspice 39 (References/bsim4_netlist, README there): sky130-style binned cards (NAME.k, version
/// 4.5, binunit 2; l at a shared bin bound, nf = 2 with LOD) at the operating point, and a CMOS inverter of the PTM
/// 45 nm cards at 75 °C (dc transfer curve with its gate tunneling current), within 1e-6 relative + 1 pA (the output
/// voltage 1e-6·|v| + 5 µV).
/// </summary>
public class Bsim4NetlistTests
{
    private static string Folder => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "bsim4_netlist");

    [Theory]
    [InlineData("bins", "op", 5)]
    [InlineData("inverter", "dc", 3)]
    public void MatchesNgspice(string circuit, string kind, int columns)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Path.Combine(Folder, circuit + ".cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        var ours = Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
        var theirs = Repo.ReadNgspice(Path.Combine(Folder, circuit + ".ngspice.txt"));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (!ours.TryGetValue(name, out var mine) || name == "v-sweep") continue;
            Assert.Equal(values.Length, mine.Length);
            double floor = name.StartsWith("v(", StringComparison.Ordinal) ? 5e-6 : 1e-12;
            for (int k = 0; k < values.Length; k++)
                Assert.True(Math.Abs(mine[k] - values[k]) <= 1e-6 * Math.Abs(values[k]) + floor,
                    $"{circuit} {name}[{k}]: {mine[k]} vs ngspice {values[k]}");
            compared++;
        }
        Assert.Equal(columns, compared);
    }

    /// <summary>A BSIM4 card with a parameter its version lacks: run, with a warning naming it (as ngspice).</summary>
    [Fact]
    public void ParametersTheVersionLacksAreWarnedAndIgnored()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "v45.cir");
        File.WriteAllText(path, "version warning\nvd d 0 1\nm1 d d 0 0 nch l=1u w=1u\n.model nch nmos level=54 version=4.5 gidlmod=1 dvtp4=0.2\n.op\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.True(code == 0, errors);
        Assert.Contains("model parameter 'gidlmod' does not exist in BSIM4.5 (version 4.5)", errors);
        Assert.Contains("'dvtp4'", errors);
    }
}
