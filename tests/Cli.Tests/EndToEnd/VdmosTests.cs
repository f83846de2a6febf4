using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>ngspice's VDMOS power MOSFET against ngspice 39 (References/vdmos: netlists, commands and numbers).</summary>
public class VdmosTests
{
    private static string Case(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "vdmos", file);

    private static Dictionary<string, double[]> Run(string netlist, string kind)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", netlist, "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        return Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
    }

    [Theory]
    [InlineData("nchan", "i(va)", "i(vb)")]
    [InlineData("pchan", "i(vd)")]
    [InlineData("diode", "i(va)", "i(vd)")]
    [InlineData("temp", "i(va)", "i(vb)")]
    [InlineData("temp2", "i(va)", "i(vb)")]
    public void DcCurrentsMatchNgspice(string name, params string[] columns)
    {
        var ours = Run(Case(name + ".cir"), "dc");
        var theirs = Repo.ReadNgspice(Case(name + ".ngspice.txt"));
        foreach (var column in columns)
        {
            var expected = theirs[column];
            Assert.Equal(expected.Length, ours[column].Length);
            for (int k = 0; k < expected.Length; k++)
            {
                // 1e-4 relative; 1e-12 A absolute where the current is gmin leakage (ngspice's Newton leaves
                // residues of 1e-13 A at vd = 0)
                double tol = 1e-4 * Math.Abs(expected[k]) + 1e-12;
                Assert.True(Math.Abs(ours[column][k] - expected[k]) <= tol,
                    $"{name} {column}[{k}]: {ours[column][k]} vs ngspice {expected[k]}");
            }
        }
    }

    [Theory]
    [InlineData("ac")]
    [InlineData("ac100")]
    public void SmallSignalMatchesNgspice(string name)
    {
        var ours = Run(Case(name + ".cir"), "ac");
        var theirs = Repo.ReadNgspice(Case(name + ".ngspice.txt"));
        for (int k = 0; k < theirs["frequency"].Length; k++)
            foreach (var node in new[] { "d", "g" })
            {
                double m = theirs[$"vm({node})"][k], p = theirs[$"vp({node})"][k]; // ngspice: radians
                Assert.True(Math.Abs(ours[$"vm({node})"][k] - m) <= 1e-6 * m, $"vm({node})[{k}]");
                double dp = Math.IEEERemainder(ours[$"vp({node})"][k] * Math.PI / 180 - p, 2 * Math.PI);
                Assert.True(Math.Abs(dp) <= 1e-6, $"vp({node})[{k}]: {ours[$"vp({node})"][k]}° vs {p} rad");
            }
    }

    [Theory]
    // v(g), v(d): within 1 % of range against our waveform within ±5 ns (one step) of each ngspice point, so that
    // a turn-off edge of 20 ns is not compared at a fixed instant. i(vdd): 1.5 %, since after each commutation
    // ngspice's trapezoidal rule rings by ±0.05 A (1.2 % of the range) for ~30 ns where ours is smooth.
    [InlineData("v(g)", 0.01)]
    [InlineData("v(d)", 0.01)]
    [InlineData("i(vdd)", 0.015)]
    public void InductiveSwitchingMatchesNgspice(string column, double fraction)
    {
        var ours = Run(Repo.Example("vdmos_switch"), "tran");
        var theirs = Repo.ReadNgspice(Case("switch.ngspice.txt"));
        var t = theirs["time"];
        var expected = theirs[column];
        double range = expected.Max() - expected.Min();
        const double window = 5e-9;
        for (int k = 0; k < t.Length; k++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (double at in new[] { t[k] - window, t[k], t[k] + window })
            {
                double v = Repo.Interpolate(ours["time"], ours[column], at);
                lo = Math.Min(lo, v); hi = Math.Max(hi, v);
            }
            for (int j = 0; j < ours["time"].Length; j++)
                if (Math.Abs(ours["time"][j] - t[k]) <= window)
                {
                    lo = Math.Min(lo, ours[column][j]); hi = Math.Max(hi, ours[column][j]);
                }
            double off = expected[k] < lo ? lo - expected[k] : expected[k] > hi ? expected[k] - hi : 0;
            Assert.True(off <= fraction * range, $"{column} at t={t[k]}: ngspice {expected[k]}, ours in [{lo}, {hi}] (range {range})");
        }
    }

    [Fact]
    public void PChannelHighSideSwitchMatchesNgspice()
    {
        var ours = Run(Case("pswitch.cir"), "tran");
        var theirs = Repo.ReadNgspice(Case("pswitch.ngspice.txt"));
        var t = theirs["time"];
        foreach (var column in new[] { "v(g)", "v(d)", "i(vdd)" })
        {
            var expected = theirs[column];
            double range = expected.Max() - expected.Min();
            for (int k = 0; k < t.Length; k++)
            {
                double v = Repo.Interpolate(ours["time"], ours[column], t[k]);
                Assert.True(Math.Abs(v - expected[k]) <= 0.01 * range, $"{column} at t={t[k]}: {v} vs ngspice {expected[k]} (range {range})");
            }
        }
    }
}
