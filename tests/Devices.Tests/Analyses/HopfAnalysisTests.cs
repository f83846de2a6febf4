using System.Numerics;
using Perovspice.Engine;
using Perovspice.Engine.Analysis;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests;

/// <summary>The stability sweep's eigenvalues on linear circuits against closed-form natural frequencies, and the
/// Hopf tracker on synthetic eigenvalue paths.</summary>
public class HopfAnalysisTests(ITestOutputHelper output)
{
    /// <summary>The eigenvalues at every point of a short sweep of <paramref name="source"/> (linear circuits: the same
    /// at each point).</summary>
    private static List<Complex[]> Sweep(Circuit circuit, string source)
    {
        var all = new List<Complex[]>();
        new Simulator(circuit).Hopf(new DcSweepSpec(source, 0, 1, 0.5), (_, _, eig) => all.Add(eig.ToArray()));
        Assert.Equal(3, all.Count);
        return all;
    }

    private static double RelativeMismatch(IEnumerable<Complex> got, IReadOnlyList<Complex> exact)
    {
        var left = exact.ToList();
        double worst = 0;
        foreach (var g in got.OrderBy(z => z.Real).ThenBy(z => z.Imaginary))
        {
            var nearest = left.OrderBy(e => (e - g).Magnitude).First();
            worst = Math.Max(worst, (nearest - g).Magnitude / nearest.Magnitude);
            left.Remove(nearest);
        }
        return worst;
    }

    [Fact]
    public void SeriesRlcHasTheDampedNaturalFrequencies()
    {
        const double R = 10, L = 1e-3, C = 1e-6;
        var ckt = new Circuit().Add(new VoltageSource("v1", "in", "0", 0), new Resistor("r1", "in", "a", R),
            new Inductor("l1", "a", "b", L), new Capacitor("c1", "b", "0", C));
        double alpha = R / (2 * L), wd = Math.Sqrt(1 / (L * C) - alpha * alpha);
        var exact = new[] { new Complex(-alpha, wd), new Complex(-alpha, -wd) };
        foreach (var eig in Sweep(ckt, "v1"))
        {
            Assert.Equal(2, eig.Length);
            double err = RelativeMismatch(eig, exact);
            output.WriteLine($"λ = {string.Join(", ", eig)}; exact −{alpha} ± j{wd}; rel. error {err:E2}");
            Assert.True(err < 1e-9, $"{err:E2}");
            var right = PencilEigenvalues.Rightmost(eig);
            Assert.True(right.Imaginary > 0, "a tie prefers the positive imaginary part");
        }
    }

    [Fact]
    public void RcLadderHasTheClosedFormRealEigenvalues()
    {
        // N equal sections R–C driven by a voltage source, open at the far end: −(G/C) is tridiagonal (2, −1) with the
        // last diagonal 1, eigenvalues λk = −(2 − 2cos((2k − 1)π/(2N + 1)))/(RC), k = 1..N.
        const int N = 8;
        const double R = 1e3, C = 1e-9;
        var ckt = new Circuit().Add(new VoltageSource("v1", "n0", "0", 0));
        for (int k = 1; k <= N; k++)
            ckt.Add(new Resistor($"r{k}", $"n{k - 1}", $"n{k}", R), new Capacitor($"c{k}", $"n{k}", "0", C));
        var exact = Enumerable.Range(1, N)
            .Select(k => new Complex(-(2 - 2 * Math.Cos((2 * k - 1) * Math.PI / (2 * N + 1))) / (R * C), 0)).ToArray();
        foreach (var eig in Sweep(ckt, "v1"))
        {
            Assert.Equal(N, eig.Length);
            Assert.All(eig, l => Assert.Equal(0, l.Imaginary));
            double err = RelativeMismatch(eig, exact);
            output.WriteLine($"ladder: λ from {eig.Min(l => l.Real):G6} to {eig.Max(l => l.Real):G6}; rel. error {err:E2}");
            Assert.True(err < 1e-9, $"{err:E2}");
        }
    }

    [Fact]
    public void DividerWithOneCapacitorHasOneFiniteEigenvalue()
    {
        // Purely algebraic unknowns (v(in), v(mid), i(v1)) and one state: λ = −1/(Rth C), Rth = R1 ∥ R2 + R3.
        const double R1 = 1e3, R2 = 3e3, R3 = 250, C = 1e-6;
        var ckt = new Circuit().Add(new VoltageSource("v1", "in", "0", 1), new Resistor("r1", "in", "mid", R1),
            new Resistor("r2", "mid", "0", R2), new Resistor("r3", "mid", "a", R3), new Capacitor("c1", "a", "0", C));
        double exact = -1 / ((R1 * R2 / (R1 + R2) + R3) * C);
        foreach (var eig in Sweep(ckt, "v1"))
        {
            Assert.Single(eig);
            output.WriteLine($"λ = {eig[0]}, exact {exact}");
            Assert.True(Math.Abs(eig[0].Real / exact - 1) < 1e-9 && eig[0].Imaginary == 0);
        }
    }

    [Fact]
    public void CapacitorAcrossTheSourceAddsNoSpuriousEigenvalue()
    {
        // c0 straight across v1 is an index-2 part: a zero eigenvalue of M = (G + σC)⁻¹C in a Jordan block, which
        // rounding splits into μ ≈ ±1e-8·max|μ|, i.e. λ ≈ ±5e14 (one positive: it would be the rightmost). The two states
        // (v(mid) through cx to the fixed v(in), and v(a)) give λ from det(G2 + λC2) = 0 with the node equations
        // G2 = [[1/R1 + 1/R2 + 1/R3, −1/R3], [−1/R3, 1/R3]], C2 = diag(cx, C).
        const double R1 = 1e3, R2 = 3e3, R3 = 250, C = 1e-6, Cx = 1e-7;
        var ckt = new Circuit().Add(new VoltageSource("v1", "in", "0", 1), new Resistor("r1", "in", "mid", R1),
            new Resistor("r2", "mid", "0", R2), new Resistor("r3", "mid", "a", R3), new Capacitor("c1", "a", "0", C),
            new Capacitor("c0", "in", "0", 10e-6), new Capacitor("cx", "in", "mid", Cx));
        double g11 = 1 / R1 + 1 / R2 + 1 / R3, g12 = -1 / R3, g22 = 1 / R3;
        // (g11 + λcx)(g22 + λC) − g12² = 0  ⇔  cx·C λ² + (g11 C + g22 cx) λ + g11 g22 − g12² = 0
        double qa = Cx * C, qb = g11 * C + g22 * Cx, qc = g11 * g22 - g12 * g12;
        double disc = Math.Sqrt(qb * qb - 4 * qa * qc);
        double l1 = (-qb - disc) / (2 * qa), l2 = 2 * qc / (-qb - disc); // the second in the cancellation-free form
        foreach (var eig in Sweep(ckt, "v1"))
        {
            output.WriteLine($"λ = {string.Join(", ", eig)}; exact {l1}, {l2}");
            Assert.Equal(2, eig.Length);
            double err = RelativeMismatch(eig, new[] { new Complex(l1, 0), new Complex(l2, 0) });
            Assert.True(err < 1e-9, $"{err:E2}");
        }
    }

    [Fact]
    public void AboveTheDenseLimitTheSparseSolverFindsTheSlowModes()
    {
        // 2000 resistors of 1 Ω in series charging 1 µF: one finite eigenvalue, −1/(2000 Ω · 1 µF) = −500 /s.
        var ckt = new Circuit().Add(new VoltageSource("v1", "n0", "0", 1));
        for (int k = 1; k <= PencilEigenvalues.MaxUnknowns; k++) ckt.Add(new Resistor($"r{k}", $"n{k - 1}", $"n{k}", 1));
        ckt.Add(new Capacitor("c1", $"n{PencilEigenvalues.MaxUnknowns}", "0", 1e-6));
        var found = new List<Complex[]>();
        new Simulator(ckt).Hopf(new DcSweepSpec("v1", 0, 1, 1), (_, _, eig) => found.Add(eig.ToArray()));
        Assert.Equal(2, found.Count);
        foreach (var eig in found)
        {
            var l = Assert.Single(eig);
            Assert.True(Math.Abs(l.Real + 500) <= 1e-9 * 500 && l.Imaginary == 0, $"{l}");
        }
    }

    [Fact]
    public void TrackerInterpolatesAComplexCrossingAndIgnoresARealOne()
    {
        // Pair: Re = 0.5(v − 1.3), Im = ±(2 + v); a real eigenvalue crossing zero at v = 0.25 (a fold, not Hopf).
        var tracker = new HopfTracker();
        foreach (double v in new[] { 0.0, 0.5, 1.0, 1.5, 2.0 })
            tracker.Add(v, new[] { new Complex(0.5 * (v - 1.3), 2 + v), new Complex(0.5 * (v - 1.3), -2 - v), new Complex(v - 0.25, 0) });
        var p = Assert.Single(tracker.Points);
        Assert.Equal(1.3, p.Value, 12);
        Assert.Equal(3.3, p.Omega, 12);
        Assert.Equal(3.3 / (2 * Math.PI), p.Frequency, 12);
        Assert.Equal(1, p.Direction);
    }

    [Fact]
    public void TrackerDirectionFollowsIncreasingSweepValue()
    {
        // Swept downwards, the pair turns unstable as v decreases: it becomes stable with increasing v (−1).
        var tracker = new HopfTracker();
        foreach (double v in new[] { 2.0, 1.0, 0.0 })
            tracker.Add(v, new[] { new Complex(0.7 - v, 1), new Complex(0.7 - v, -1) });
        var p = Assert.Single(tracker.Points);
        Assert.Equal(0.7, p.Value, 12);
        Assert.Equal(-1, p.Direction);
        Assert.Null(HopfTracker.RightmostPair(new[] { new Complex(1, 0), new Complex(-2, 0) }));
    }
}
