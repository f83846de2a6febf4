using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>
/// <c>.noise … pts_per_summary</c>: every device's and generator's output spectrum (<c>onoise_DEV</c>,
/// <c>onoise_DEV_GEN</c>) at every pts_per_summary-th frequency and their integrated noise (<c>onoise_total_DEV…</c>,
/// <c>inoise_total_DEV…</c>), against ngspice 39 (References/noise_summary: summary.cir ours, the .control block
/// and the files ngspice wrote from make_refs.py there; the tests never run ngspice). Also ngspice's
/// <c>R n+ n- value mname</c>, which that netlist uses.
/// </summary>
public class NoiseSummaryTests
{
    private static string Reference(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "noise_summary", file);

    private static (int Code, string Errors, string Dir) Run(string path)
    {
        string dir = Path.Combine(Repo.TempDir(), "out");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        return (code, errors, dir);
    }

    [Fact]
    public void EveryGeneratorsSpectrumAndTotalMatchNgspice()
    {
        var (code, errors, dir) = Run(Reference("summary.cir"));
        Assert.True(code == 0, errors);
        foreach (var (ours, theirs) in new[] { ("noise.csv", "summary.ngspice.txt"), ("noise-total.csv", "summary.total.ngspice.txt") })
        {
            var mine = Repo.ReadCsv(Path.Combine(dir, ours));
            var reference = Repo.ReadNgspice(Reference(theirs));
            // the same vectors as ngspice (its files also repeat the scale vector), every one compared
            Assert.Equal(reference.Keys.OrderBy(k => k, StringComparer.Ordinal), mine.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var (name, values) in reference)
            {
                Assert.Equal(values.Length, mine[name].Length);
                for (int k = 0; k < values.Length; k++)
                    // 2e-6: the BJT's operating point (Newton tolerance) moves its smallest generators (rc: 3e-13 V/√Hz)
                    Assert.True(Math.Abs(mine[name][k] - values[k]) <= 1e-5 * Math.Abs(values[k]) + 1e-30,
                        $"{ours} {name}[{k}]: {mine[name][k]} vs ngspice {values[k]}");
            }
        }
        // 10 frequencies, every second one written (ngspice 39: indices 0, 2, 4, 6, 8)
        Assert.Equal(5, Repo.ReadCsv(Path.Combine(dir, "noise.csv"))["frequency"].Length);
    }

    [Fact]
    public void DeviceSpectrumIsTheRootSumSquareOfItsGenerators()
    {
        var (code, errors, dir) = Run(Reference("summary.cir"));
        Assert.True(code == 0, errors);
        var noise = Repo.ReadCsv(Path.Combine(dir, "noise.csv"));
        var total = Repo.ReadCsv(Path.Combine(dir, "noise-total.csv"));
        string[] diode = { "1overf", "id", "rs" };
        for (int k = 0; k < noise["frequency"].Length; k++)
        {
            double sum = diode.Sum(g => Math.Pow(noise[$"onoise_d1_{g}"][k], 2));
            Assert.Equal(Math.Sqrt(sum), noise["onoise_d1"][k], 1e-12 * noise["onoise_d1"][k]);
        }
        // the generators' integrated noise adds as squares to the circuit's
        double all = total.Keys.Where(n => n.StartsWith("onoise_total_") && n.Count(ch => ch == '_') == 3)
            .Sum(n => Math.Pow(total[n][0], 2));
        Assert.Equal(total["onoise_total"][0], Math.Sqrt(all), 1e-10 * total["onoise_total"][0]);
    }

    [Fact]
    public void ResistorValueThenModelNameReadsTheModel()
    {
        // ngspice's R n+ n- value mname: 1 kΩ with the card's tc1 = 0.01 at 50 °C is 1.23 kΩ (1 V across it)
        string path = Path.Combine(Repo.TempDir(), "r.cir");
        File.WriteAllText(path, "r value then model\nv1 a 0 1\nr1 a 0 1k rmod\n.model rmod r tc1=0.01\n.temp 50\n.op\n.print op i(v1)\n.end\n");
        var (code, errors, dir) = Run(path);
        Assert.True(code == 0, errors);
        Assert.Equal(-1 / 1230.0, Repo.ReadCsv(Path.Combine(dir, "op.csv"))["i(v1)"][0], 1e-12);
    }
}
