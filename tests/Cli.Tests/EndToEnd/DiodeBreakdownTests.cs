using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>Diode breakdown against ngspice 39 (References/diode_breakdown: netlists, numbers and commands).</summary>
public class DiodeBreakdownTests
{
    private static string Case(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "diode_breakdown", file);

    [Fact]
    public void PinDiodeWithSmallIbvMatchesNgspice()
    {
        // ngspice 39: v(k) = 8.196443e+00, i(v1) = -1.80356e-03 (printed to 7 digits)
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Case("pin.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        Assert.Equal(8.196443, op["v(k)"][0], 5e-6);
        Assert.Equal(-1.80356e-3, op["i(v1)"][0], 5e-9);
    }

    [Fact]
    public void ZenerSweepThroughForwardReverseAndBreakdownMatchesNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Case("zener.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var ours = Repo.ReadCsv(Path.Combine(dir, "dc.csv"));
        var theirs = Repo.ReadNgspice(Case("zener.ngspice.txt"));
        foreach (var name in new[] { "v(k)", "i(v1)" })
        {
            var expected = theirs[name];
            Assert.Equal(expected.Length, ours[name].Length);
            for (int k = 0; k < expected.Length; k++)
            {
                // ngspice's own Newton stops within its reltol (1e-6): at v1 = -1 it is 1.2e-6 off the exact
                // forward current (checked below), so allow 2e-6 relative
                double tol = 2e-6 * Math.Abs(expected[k]) + 1e-12;
                Assert.True(Math.Abs(ours[name][k] - expected[k]) <= tol,
                    $"{name}[{k}] (v1 = {theirs["v-sweep"][k]}): {ours[name][k]} vs ngspice {expected[k]}");
            }
        }
        // Exact forward current at v1 = -1 by bisection on vd + I(rs + R) = 1, vd = n·vt·ln(1 + I/is) (gmin ignored:
        // 1e-12 S × 0.8 V is 1e-12 A):
        const double vt = 1.380649e-23 * 300.15 / 1.602176634e-19;
        double lo = 1e-6, hi = 1e-2;
        for (int k = 0; k < 200; k++)
        {
            double mid = (lo + hi) / 2;
            if (1.2 * vt * Math.Log(1 + mid / 1e-14) + mid * 100.5 - 1 > 0) hi = mid; else lo = mid;
        }
        Assert.True(Math.Abs(ours["i(v1)"][2] / lo - 1) < 1e-8, $"{ours["i(v1)"][2]} vs exact {lo}");
    }
}
