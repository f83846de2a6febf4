using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>A <c>+</c> line inside <c>.control</c> continues the command above (ngspice joins them before running
/// the block: its bipolar-noise example writes <c>plot</c> over several lines), and ngspice 44's <c>noiseless</c>
/// resistor flag (its resdiv example; ngspice 39 has <c>noisy=0</c> only).</summary>
public class ControlContinuationTests
{
    private static (int Code, string Errors, string Dir) RunLoud(string netlist) => Repo.RunNetlist(netlist, quiet: false);

    [Fact]
    public void ContinuedAnalysisCommandRuns()
    {
        var (code, errors, dir) = RunLoud("t\nV1 a 0 dc 1 ac 1\nR1 a b 1k\nC1 b 0 1u\n.control\nac dec 10\n+ 1 1k\nplot vm(b)\n+ vp(b)\n.endc\n.end\n");
        Assert.True(code == 0, errors);
        Assert.Equal(31, Repo.ReadCsv(Path.Combine(dir, "ac.csv"))["frequency"].Length);   // 1 Hz .. 1 kHz, 10 per decade
        Assert.Contains("commands not supported, skipped: plot", errors);
        Assert.DoesNotContain("+", errors.Split("skipped:")[1]);
    }

    [Fact]
    public void NoiselessResistorHasNoGenerator()
    {
        // 10 kΩ over 10 kΩ (noiseless): only R1's 4kT/R1 into R1 ∥ R2 = 5 kΩ
        var (code, errors, dir) = RunLoud("t\nV1 1 0 dc 0 ac 1\nR1 1 2 10k\nR2 2 0 10k noiseless\n.noise v(2) V1 dec 1 1 10\n.end\n");
        Assert.True(code == 0, errors);
        double expected = Math.Sqrt(4 * 1.38064852e-23 * 300.15 / 10e3) * 5e3;
        foreach (double v in Repo.ReadCsv(Path.Combine(dir, "noise.csv"))["onoise_spectrum"])
            Assert.Equal(expected, v, 1e-12 * expected);
    }
}
