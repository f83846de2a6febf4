using System.Numerics;
using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Perovspice.Engine.Analysis;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>
/// The stability sweep of a current-driven level-2 device: the Hopf points it finds must be the roots of
/// c1(u)·c2(u) = c0(u) (corrected c0, f = fss(u); docs/models.md), found here by bisection in u and converted to the
/// source current by Eq. 5, I = u/rb + ic0·fss(u), and ω² = c1 there.
/// </summary>
public class HopfSweepTests(ITestOutputHelper output)
{
    /// <summary>c1c2 − c0 and c1 at inner voltage u (Eqs. 21–22 and the corrected Eq. 20).</summary>
    private static (double Margin, double C1) Coefficients(Dictionary<string, double> p, double u)
    {
        double cm = p["cm"], rb = p["rb"], ic0 = p["ic0"], taud = p["taud"], tauk = p["tauk"], vm = p["vm"], tm = rb * cm;
        double f = Kit.Fss(u, p["vt"], vm);
        double c2 = 1 / tm + 1 / taud + 1 / (f * tauk);
        double c1 = 1 / (f * taud * tauk) + 1 / (f * tm * tauk) + 1 / (taud * tm);
        double c0 = ic0 * (1 - f) / (taud * tauk * cm * vm) + 1 / (tm * taud * f * tauk);
        return (c1 * c2 - c0, c1);
    }

    private static double Bisect(Func<double, double> g, double lo, double hi)
    {
        double glo = g(lo);
        Assert.True(glo * g(hi) < 0);
        for (int k = 0; k < 200; k++)
        {
            double mid = 0.5 * (lo + hi);
            if ((g(mid) < 0) == (glo < 0)) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>The predicted Hopf points (u, I, ω) from the polynomial, scanning u on a fine grid and bisecting.</summary>
    private static List<(double U, double I, double Omega)> Predicted(Dictionary<string, double> p)
    {
        var list = new List<(double, double, double)>();
        Func<double, double> margin = u => Coefficients(p, u).Margin;
        for (double u = 0.5; u < 1.5; u += 1e-3)
            if ((margin(u) < 0) != (margin(u + 1e-3) < 0))
            {
                double root = Bisect(margin, u, u + 1e-3);
                double i = root / p["rb"] + p["ic0"] * Kit.Fss(root, p["vt"], p["vm"]);
                list.Add((root, i, Math.Sqrt(Coefficients(p, root).C1)));
            }
        return list;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HopfPointsAreTheRootsOfC1C2EqualsC0(bool physical)
    {
        // Normalized: [τm, τd, τk] = [0.1, 1, 0.5]; physical: rb = 1 MΩ, cm = 1 nF, taud = 1 ms, tauk = 0.5 ms.
        var p = physical ? Kit.Physical(2) : Kit.Normalized(2);
        var predicted = Predicted(p);
        Assert.Equal(2, predicted.Count);
        double unit = p["ic0"];                                   // 10 (normalized) or 10 µA
        double step = 1e-3 * unit;                                // 0.01 in normalized units
        var tight = new SimulationOptions { RelTol = 1e-9, VnTol = 1e-12, AbsTol = 1e-15 * unit };
        var src = new CurrentSource("i1", "0", "a", 0);
        var sim = new Simulator(new Circuit().Add(src, new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(2, p))), tight);
        var tracker = new HopfTracker();
        int points = 0;
        sim.Hopf(new DcSweepSpec("i1", 0.1 * unit, 1.2 * unit, step), (value, op, eig) =>
        {
            Assert.Equal(3, eig.Count);
            tracker.Add(value, eig);
            points++;
        });
        Assert.Equal(1101, points);
        Assert.Equal(2, tracker.Points.Count);
        Assert.Equal(new[] { 1, -1 }, tracker.Points.Select(h => h.Direction));
        for (int k = 0; k < 2; k++)
        {
            var (u, i, omega) = predicted[k];
            var found = tracker.Points[k];
            double di = Kit.Rel(found.Value, i), dw2 = Kit.Rel(found.Omega * found.Omega, omega * omega);
            output.WriteLine($"{(physical ? "physical" : "normalized")}: predicted u = {u:G8}, I = {i:G8}, ω = {omega:G8} " +
                             $"({omega / (2 * Math.PI):G6} Hz); found I = {found.Value:G8}, ω = {found.Omega:G8} ({found.Frequency:G6} Hz); " +
                             $"rel. error I {di:E2}, ω² {dw2:E2}");
            // Linear interpolation over a step of 1e-3·ic0 in current (relative step 4e-4 … 4e-3 of the crossing
            // currents): errors O(step²), measured 2e-7 … 7e-7 in I and 8e-8 … 1.1e-6 in ω²; bound 1e-5.
            Assert.True(di < 1e-5, $"I: {di:E2}");
            Assert.True(dw2 < 1e-5, $"ω²: {dw2:E2}");
        }
    }
}
