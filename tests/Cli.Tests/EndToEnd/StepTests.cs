using System.Diagnostics;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// <c>.step param</c>: every analysis repeated per value, the rows of all steps in one table per analysis with the
/// parameter's column first. References are closed forms (divider ratio, 1 − e^{−1} at t = RC, 1/√2 at the corner).
/// </summary>
public class StepTests
{
    private static (int Code, string Errors, string Dir) RunText(string netlist, params string[] extra)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, netlist);
        string outDir = Path.Combine(dir, "out");
        var (code, errors) = Repo.Run(new[] { "run", path, "-o", outDir, "--quiet" }.Concat(extra).ToArray());
        return (code, errors.Replace(dir + Path.DirectorySeparatorChar, ""), outDir);
    }

    private static string Header(string csv) => File.ReadLines(csv).First();

    private const string Divider = "divider\n.param r=1k\nV1 in 0 DC 3\nR1 in out 1k\nR2 out 0 {r}\n" +
                                   ".step param r list 1k 2k 4k\n.op\n.print op v(out)\n.end\n";

    [Fact]
    public void DividerOpHasOneRowPerStepValue()
    {
        var (code, errors, dir) = RunText(Divider);
        Assert.True(code == 0, errors);
        string csv = Path.Combine(dir, "op.csv");
        Assert.Equal("r,v(out)", Header(csv));
        var t = Repo.ReadCsv(csv);
        Assert.Equal(new[] { 1e3, 2e3, 4e3 }, t["r"]);
        for (int k = 0; k < 3; k++)
        {
            double r2 = t["r"][k];
            Assert.Equal(3 * r2 / (1e3 + r2), t["v(out)"][k], 1e-9);
        }
    }

    [Fact]
    public void RcTransientSteppedOverCapacitanceReachesOneMinusInverseEAtTau()
    {
        var (code, errors, dir) = RunText("rc\n.param c=1u\nV1 in 0 PULSE(0 1 0 1n 1n 1 2)\nR1 in out 1k\nC1 out 0 {c}\n" +
                                          ".step param c 1u 3u 1u\n.tran 5u 4m\n.print tran v(out)\n.end\n");
        Assert.True(code == 0, errors);
        string csv = Path.Combine(dir, "tran.csv");
        Assert.Equal("c,time,v(out)", Header(csv));
        var t = Repo.ReadCsv(csv);
        var steps = t["c"].Distinct().ToArray();
        Assert.Equal(3, steps.Length);
        foreach (double c in steps)
        {
            var rows = Enumerable.Range(0, t["c"].Length).Where(i => t["c"][i] == c).ToArray();
            var time = rows.Select(i => t["time"][i]).ToArray();
            var v = rows.Select(i => t["v(out)"][i]).ToArray();
            Assert.Equal(0.0, time[0]);
            Assert.Equal(4e-3, time[^1], 1e-12);
            double tau = 1e3 * c;
            Assert.Equal(1 - Math.Exp(-1), Repo.Interpolate(time, v, tau), 1e-3);
        }
        Assert.Equal(new[] { 1e-6, 2e-6, 3e-6 }, steps.Select(s => Math.Round(s * 1e12) / 1e12));
    }

    [Fact]
    public void AcSteppedOverResistanceIsMinus3dBAtEachCorner()
    {
        // The .ac frequency itself depends on the stepped parameter: each step sits exactly on its corner.
        var (code, errors, dir) = RunText("rc ac\n.param r=1k\nV1 in 0 DC 0 AC 1\nR1 in out {r}\nC1 out 0 1u\n" +
                                          ".step param r list 500 1k 10k\n.ac lin 1 {1/(2*pi*r*1u)} {1/(2*pi*r*1u)}\n" +
                                          ".print ac vm(out)\n.end\n");
        Assert.True(code == 0, errors);
        string csv = Path.Combine(dir, "ac.csv");
        Assert.Equal("r,frequency,vm(out)", Header(csv));
        var t = Repo.ReadCsv(csv);
        Assert.Equal(new[] { 500.0, 1e3, 1e4 }, t["r"]);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(1 / (2 * Math.PI * t["r"][k] * 1e-6), t["frequency"][k], 1e-9);
            Assert.Equal(1 / Math.Sqrt(2), t["vm(out)"][k], 1e-6);
        }
    }

    [Fact]
    public void ExampleWritesSteppedAcAndTran()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example("step_rc_corner"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        Assert.Equal("r,frequency,vm(out),vp(out)", Header(Path.Combine(dir, "ac.csv")));
        Assert.Equal("r,time,v(out)", Header(Path.Combine(dir, "tran.csv")));
        var tran = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        Assert.Equal(new[] { 1e3, 2e3, 4e3 }, tran["r"].Distinct());
    }

    [Fact]
    public void UndeclaredButUsedParameterIsDefinedByStep()
    {
        // As in LTspice: .step may define a parameter that no .param declares, as long as something uses it.
        var (code, errors, dir) = RunText("t\nV1 a 0 1\nR1 a 0 {rr}\n.step param rr list 1 2\n.op\n.print op i(v1)\n");
        Assert.True(code == 0, errors);
        var t = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        Assert.Equal(new[] { -1.0, -0.5 }, t["i(v1)"]);
    }

    [Theory]
    [InlineData("t\nV1 a 0 1\nR1 a 0 {r}\n.param r=1k\n.step param q list 1 2\n.op\n",
        "t.cir:5:13: error: unknown parameter 'q' in '.step': no global .param defines it and no expression uses it")]
    [InlineData("t\nV1 a 0 1\nX1 a sub\n.subckt sub a params: r=1\nR1 a 0 {r}\n.ends\n.step param r list 1 2\n.op\n",
        "t.cir:7:13: error: unknown parameter 'r' in '.step': no global .param defines it and no expression uses it")]
    [InlineData("t\nV1 a 0 1\nR1 a 0 {r}\n.param r=1k\n.step param r 1k 3k 0\n.op\n",
        "t.cir:5:21: error: the step of '.step' must not be zero")]
    [InlineData("t\nV1 a 0 1\nR1 a 0 {r}\n.param r=1k\n.step param r 3k 1k 1k\n.op\n",
        "t.cir:5:21: error: the step of '.step' has the wrong sign: 3000 to 1000 by 1000 never ends")]
    [InlineData("t\nV1 a 0 1\nL1 a c {r}\nR9 c 0 1k\n.param r=1k\n.step param r list 1k 0 2k\n.op\n",
        "t.cir:3:8: error: inductance of 'l1' must be finite and non-zero (at .step r = 0)")]
    public void BadStepIsALocatedErrorAndRunsNothing(string netlist, string expected)
    {
        var (code, errors, dir) = RunText(netlist);
        Assert.Equal(1, code);
        Assert.Equal(expected, errors.Trim());
        Assert.False(Directory.Exists(dir) && Directory.EnumerateFiles(dir).Any(), "no analysis may run");
    }

    [Fact]
    public void CheckBindsEveryStepValueAndNamesTheFailingOnes()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "t\nV1 a 0 1\nL1 a c {r}\nC1 a b 1u\nR9 c 0 1\n.param r=1k\n.step param r list 1k 0 2k\n.op\n");
        var (code, errors) = Repo.Run("check", path);
        errors = errors.Replace(dir + Path.DirectorySeparatorChar, "");
        Assert.Equal(1, code);
        Assert.Equal(new[]
        {
            "t.cir:3:8: error: inductance of 'l1' must be finite and non-zero (at .step r = 0)",
            "t.cir:4:6: error: node 'b' has no dc path to ground; give it one (a large resistor to ground) or start the " +
            "transient from initial conditions ('.tran ... uic') (at .step r = 1000, 2000)",
        }, errors.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void ParameterDefaultIsNotBoundOnItsOwn()
    {
        // .param r=0 would be an error, but only the step values are run.
        var (code, errors, _) = RunText("t\nV1 a 0 1\nR1 a 0 {r}\n.param r=0\n.step param r list 1k 2k\n.op\n");
        Assert.True(code == 0, errors);
    }

    [Fact]
    public void FailureInOneStepExits2NamingTheValueAndKeepsEarlierAnalyses()
    {
        // The op converges for both values; the transient of the second value (a diode driven to 1 MV in 1 ps with
        // itl4=2) cannot.
        var (code, errors, dir) = RunText("t\n.param vp=2\nV1 a 0 DC 1 PULSE(1 {vp} 0 1p 1p 1 2)\nR1 a b 1\nD1 b 0 dmod\n" +
                                          ".model dmod d\n.op\n.tran 1n 1u\n.options itl4=2\n.step param vp list 2 1e6\n.end\n");
        Assert.Equal(2, code);
        Assert.Matches(@"t\.cir:8:1: error: simulation failed: at \.step vp = 1000000: transient", errors);
        Assert.Equal(2, Repo.ReadCsv(Path.Combine(dir, "op.csv"))["vp"].Length);
        Assert.False(File.Exists(Path.Combine(dir, "tran.csv")));
    }

    [Fact]
    public void RawFileHasOnePlotPerStepValue()
    {
        var (code, errors, dir) = RunText(Divider.Replace(".op\n", ".op\n.dc V1 0 1 0.5\n.print dc v(out)\n"), "--format", "raw");
        Assert.True(code == 0, errors);
        var op = File.ReadAllLines(Path.Combine(dir, "op.raw"));
        Assert.Equal(new[] { "Title: divider (.step r = 1000)", "Title: divider (.step r = 2000)", "Title: divider (.step r = 4000)" },
            op.Where(l => l.StartsWith("Title: ")));
        Assert.Equal(3, op.Count(l => l == "No. Points: 1"));
        Assert.Equal(3, op.Count(l => l == "Plotname: Operating Point"));
        var dc = File.ReadAllLines(Path.Combine(dir, "dc.raw"));
        Assert.Equal(3, dc.Count(l => l == "No. Points: 3"));
        Assert.Equal(3, dc.Count(l => l == "No. Variables: 2"));
        Assert.Equal(3, dc.Count(l => l == "\t0\tv1\tvoltage"));
        // the last value of the last plot is v(out) at V1 = 1 for R2 = 4k
        Assert.Equal(0.8, double.Parse(dc.Last(l => l.Length > 0).Trim(), System.Globalization.CultureInfo.InvariantCulture), 1e-12);
    }

    [Fact]
    public async Task NgspiceLoadsTheSteppedRawFile()
    {
        // Checked only where ngspice is installed (without it this test has nothing to check and passes).
        string? ngspice = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "ngspice")).FirstOrDefault(File.Exists);
        if (ngspice == null) return;
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example("step_rc_corner"), "-o", dir, "--quiet", "--format", "raw");
        Assert.True(code == 0, errors);
        string script = Path.Combine(dir, "load.sp");
        File.WriteAllText(script, $"* load\n.control\nload {Path.Combine(dir, "ac.raw")}\nsetplot\n" +
                                  "print length(ac1.frequency) length(ac3.frequency)\nprint vm(out)[40]\n.endc\n.end\n");
        var psi = new ProcessStartInfo(ngspice, new[] { "-b", script }) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        string text = await stdout + await stderr;
        Assert.Contains("(.step r = 4000)", text);
        Assert.Contains("length(ac1.frequency) = 8.100000e+01", text);
        Assert.Contains("length(ac3.frequency) = 8.100000e+01", text);
        // current plot is the last step (r = 4k): |H| at 100 Hz = 1/sqrt(1 + (2 pi 100 * 4e-3)^2)
        double expected = 1 / Math.Sqrt(1 + Math.Pow(2 * Math.PI * 100 * 4e-3, 2));
        var line = text.Split('\n').Single(l => l.StartsWith("vm(out)[40] = "));
        Assert.Equal(expected, double.Parse(line.Split('=')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture), 1e-6);
    }

    [Fact]
    public void PlotHasOneCurvePerStepValue()
    {
        var (code, errors, dir) = RunText("rc\n.param c=1u\nV1 in 0 DC 0 AC 1 PULSE(0 1 0 1n 1n 1 2)\nR1 in out 1k\nC1 out 0 {c}\n" +
                                          ".step param c list 1u 2u\n.tran 10u 2m\n.ac dec 5 10 1k\n.op\n.print tran v(out)\n.print ac v(out)\n.end\n",
                                          "--plot");
        Assert.True(code == 0, errors);
        string tran = File.ReadAllText(Path.Combine(dir, "tran.svg"));
        Assert.Contains("v(out) @ c=1u", tran);
        Assert.Contains("v(out) @ c=2u", tran);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(tran, "<polyline").Count);
        string bode = File.ReadAllText(Path.Combine(dir, "ac-bode.svg"));
        Assert.Contains("v(out) @ c=2u", bode);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(bode, "<polyline").Count);
        Assert.Contains("v(out) @ c=1u", File.ReadAllText(Path.Combine(dir, "ac-nyquist.svg")));
        Assert.True(File.Exists(Path.Combine(dir, "op.svg")));
    }
}
