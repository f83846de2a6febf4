using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>Every netlist in examples/ runs through the command (exit 0) and writes finite numbers for each of
/// its analyses. The numbers themselves are checked against references in NgspiceComparisonTests and
/// PaperExampleTests.</summary>
public class AllExamplesTests
{
    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "examples"), "*.cir").OrderBy(f => f)
            .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleRunsAndWritesFiniteResults(string example)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example(example), "-o", dir, "--quiet");
        Assert.True(code == 0, $"{example}: exit {code}: {errors}");
        var csvs = Directory.GetFiles(dir, "*.csv");
        Assert.NotEmpty(csvs);
        // meas.csv, four*.csv and pz*.csv hold text columns (names, pole/zero): checked in MeasureTests
        foreach (var csv in csvs.Where(c => !IsTextTable(Path.GetFileName(c))))
            foreach (var (name, values) in Repo.ReadCsv(csv))
                Assert.All(values, v => Assert.True(double.IsFinite(v), $"{Path.GetFileName(csv)} {name}"));
    }

    private static bool IsTextTable(string file) =>
        file == "meas.csv" || file.StartsWith("four", StringComparison.Ordinal) || file.StartsWith("pz", StringComparison.Ordinal);
}
