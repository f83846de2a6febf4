using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>Ten series diodes across 20 V with 1 Ω, against a bisection solution written here.</summary>
public class DiodeChainTests
{
    private const int Count = 10;
    private const double V = 20, R = 1, Is = 1e-14, Gmin = 1e-12;
    private const double Vt = 1.38064852e-23 / 1.6021766208e-19 * 300.15;

    private static Circuit Chain()
    {
        var c = new Circuit().Add(new VoltageSource("v1", "n0", "0", V));
        for (int k = 0; k < Count; k++) c.Add(new Diode($"d{k}", $"n{k}", k == Count - 1 ? "m" : $"n{k + 1}"));
        return c.Add(new Resistor("r1", "m", "0", R));
    }

    private static double Bisect(Func<double, double> f, double lo, double hi)
    {
        for (int k = 0; k < 300 && hi - lo > 0; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) break;
            if (f(mid) > 0) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>The chain current: N·vd(I) + I·R = V with vd(I) the inverse of Is(e^(vd/Vt) − 1) + gmin·vd.</summary>
    private static double ExpectedCurrent()
    {
        double Vd(double i) => Bisect(v => Is * (Math.Exp(v / Vt) - 1) + Gmin * v - i, 0, 2);
        return Bisect(i => Count * Vd(i) + i * R - V, 0, V / R);
    }

    private static void AssertMatches(Solution op)
    {
        double expected = ExpectedCurrent();
        double current = op.V("m") / R;
        // Newton stops once its step is below reltol (1e-3) of the value; quadratic convergence leaves far less.
        Assert.True(Math.Abs(current / expected - 1) < 1e-4, $"i {current:R} vs {expected:R}");
    }

    [Fact]
    public void ConvergesAtDefaultOptions() => AssertMatches(new Simulator(Chain()).OperatingPoint());

    [Fact]
    public void SourceSteppingRescuesWhenPlainNewtonRunsOutOfIterations()
    {
        // With junction limiting and the vcrit start, plain Newton solves this chain in 4 iterations, well inside
        // the default itl1 = 100. To exercise the fallback we lower itl1 to 3: plain Newton alone (homotopy
        // off) must then fail, and the full strategy must still find the point (source stepping needs fewer
        // iterations per step).
        var plainOnly = new SimulationOptions { Itl1 = 3, GminStepping = false, SourceStepping = false };
        var e = Assert.Throws<NoConvergenceException>(() => new Simulator(Chain(), plainOnly).OperatingPoint());
        Assert.Contains("operating point", e.Message);

        var full = new SimulationOptions { Itl1 = 3 };
        AssertMatches(new Simulator(Chain(), full).OperatingPoint());
    }
}
