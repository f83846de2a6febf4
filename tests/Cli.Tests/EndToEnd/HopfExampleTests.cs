using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Cli.Tests;

/// <summary>
/// <c>.hopf</c> through the command: examples/hopf_memristor_l2.cir (Fig. 5a of Bisquert &amp; Guerrero 2022) writes
/// hopf.csv and hopf-points.csv with the contract's headers, and its Hopf points are the roots of c1c2 = c0 (corrected
/// c0) found here by bisection in u and converted to currents by Eq. 5.
/// </summary>
public class HopfExampleTests(ITestOutputHelper output)
{
    // The example's parameters: rb = 1, ic0 = 10, vt = 1, vm = 0.05, cm = 0.1, taud = 1, tauk = 0.5.
    private const double Rb = 1, Ic0 = 10, Vt = 1, Vm = 0.05, Cm = 0.1, Taud = 1, Tauk = 0.5;

    private static double Fss(double u) => 1 / (1 + Math.Exp(-(u - Vt) / Vm));

    private static (double Margin, double C1) Coefficients(double u)
    {
        double f = Fss(u), tm = Rb * Cm;
        double c2 = 1 / tm + 1 / Taud + 1 / (f * Tauk);
        double c1 = 1 / (f * Taud * Tauk) + 1 / (f * tm * Tauk) + 1 / (Taud * tm);
        double c0 = Ic0 * (1 - f) / (Taud * Tauk * Cm * Vm) + 1 / (tm * Taud * f * Tauk);
        return (c1 * c2 - c0, c1);
    }

    private static double Root(double lo, double hi)
    {
        bool negLo = Coefficients(lo).Margin < 0;
        Assert.NotEqual(negLo, Coefficients(hi).Margin < 0);
        for (int k = 0; k < 200; k++)
        {
            double mid = 0.5 * (lo + hi);
            if ((Coefficients(mid).Margin < 0) == negLo) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static string RunExample(params string[] extra)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run(new[] { "run", Repo.Example("hopf_memristor_l2"), "-o", dir, "--quiet" }.Concat(extra).ToArray());
        Assert.True(code == 0, $"exit {code}: {errors}");
        return dir;
    }

    [Fact]
    public void ExampleFindsTheTwoHopfPointsOfC1C2EqualsC0()
    {
        string dir = RunExample();
        Assert.Equal("i1,re(lambda),im(lambda),v(a),@n1[f]", File.ReadLines(Path.Combine(dir, "hopf.csv")).First());
        Assert.Equal("i1,frequency,omega,direction", File.ReadLines(Path.Combine(dir, "hopf-points.csv")).First());
        var sweep = Repo.ReadCsv(Path.Combine(dir, "hopf.csv"));
        var points = Repo.ReadCsv(Path.Combine(dir, "hopf-points.csv"));
        Assert.Equal(1001, sweep["i1"].Length);
        Assert.Equal(2, points["i1"].Length);
        Assert.Equal(new[] { 1.0, -1.0 }, points["direction"]);

        // The polynomial's window: c1c2 < c0 for u in (0.9168, 1.1049) with this set.
        double[] roots = { Root(0.85, 1.0), Root(1.0, 1.2) };
        for (int k = 0; k < 2; k++)
        {
            double u = roots[k], i = u / Rb + Ic0 * Fss(u), omega = Math.Sqrt(Coefficients(u).C1);
            double found = points["i1"][k], w = points["omega"][k];
            output.WriteLine($"predicted u = {u:G8}, I = {i:G8}, ω = {omega:G8}; found I = {found:G8}, ω = {w:G8}, f = {points["frequency"][k]:G6} Hz");
            Assert.True(Math.Abs(found / i - 1) < 1e-5, $"I {found} vs {i}");
            Assert.True(Math.Abs(w * w / (omega * omega) - 1) < 1e-5, $"ω {w} vs {omega}");
            Assert.Equal(w / (2 * Math.PI), points["frequency"][k], 12);
        }
        // Unstable (re > 0) exactly between the crossings; v(a) is the Eq. 5 bias.
        for (int r = 0; r < sweep["i1"].Length; r++)
        {
            double i = sweep["i1"][r];
            if (Math.Abs(i - points["i1"][0]) < 0.02 || Math.Abs(i - points["i1"][1]) < 0.02) continue;
            bool inside = i > points["i1"][0] && i < points["i1"][1];
            Assert.True(sweep["re(lambda)"][r] > 0 == inside, $"re(lambda) at I = {i}");
            double u = sweep["v(a)"][r];
            Assert.True(Math.Abs(u / Rb + Ic0 * Fss(u) - i) < 1e-9 * i);
        }
    }

    [Fact]
    public void RawFormatKeepsTheHopfPointsAsCsvAndPlotDrawsTheEigenvalue()
    {
        string dir = RunExample("--format", "raw", "--plot");
        var raw = File.ReadAllText(Path.Combine(dir, "hopf.raw"));
        Assert.Contains("\t0\ti1\tcurrent\n\t1\tre(lambda)\tnotype\n\t2\tim(lambda)\tnotype\n", raw);
        Assert.Contains("No. Points: 1001\n", raw);
        Assert.False(File.Exists(Path.Combine(dir, "hopf-points.raw")));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "hopf-points.csv")).Length);
        var svg = File.ReadAllText(Path.Combine(dir, "hopf.svg"));
        Assert.Contains("re(lambda)", svg);
        Assert.DoesNotContain("@n1[f]", svg);
    }

    [Fact]
    public void StableCircuitHasAnEmptyPointsFileAndNoDefaultColumns()
    {
        string dir = Repo.TempDir();
        string net = Path.Combine(dir, "rlc.cir");
        File.WriteAllText(net, "series RLC\nV1 in 0 DC 0\nR1 in a 10\nL1 a b 1m\nC1 b 0 1u\n.hopf V1 0 1 0.25\n.end\n");
        var (code, errors) = Repo.Run("run", net, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var lines = File.ReadAllLines(Path.Combine(dir, "hopf.csv"));
        Assert.Equal("v1,re(lambda),im(lambda)", lines[0]);
        Assert.Equal(6, lines.Length);
        // Closed form: λ = −R/2L ± i·sqrt(1/LC − (R/2L)²) = −5000 ± 31224.98999…i, to rounding.
        var first = lines[1].Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0, first[0]);
        Assert.Equal(-5000, first[1], 1e-12 * 5000);
        Assert.Equal(Math.Sqrt(1 / (1e-3 * 1e-6) - 5000.0 * 5000.0), first[2], 1e-12 * 31225);
        Assert.Equal(new[] { "v1,frequency,omega,direction" }, File.ReadAllLines(Path.Combine(dir, "hopf-points.csv")));
    }

    [Fact]
    public void CircuitWithoutStatesFailsClearly()
    {
        string dir = Repo.TempDir();
        string net = Path.Combine(dir, "div.cir");
        File.WriteAllText(net, "divider\nV1 in 0 DC 1\nR1 in a 1k\nR2 a 0 1k\n.hopf V1 0 1 0.5\n.end\n");
        var (code, errors) = Repo.Run("run", net, "-o", dir, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("div.cir:5:1: error: simulation failed: hopf analysis at V1=0", errors, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no finite natural frequencies", errors);
    }
}
