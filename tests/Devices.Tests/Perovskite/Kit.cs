using Perovspice.Devices.Perovskite;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>Parameter sets and engine-independent references (closed forms, RK4) for the memristor tests.</summary>
internal static class Kit
{
    /// <summary>The paper's normalized units (rb = 1, ic0 = 10, vt = 1, vm = 0.05).</summary>
    public static Dictionary<string, double> Normalized(int level) => level == 1
        ? new() { ["cm"] = 0.1, ["rb"] = 1, ["ic0"] = 10, ["vt"] = 1, ["vm"] = 0.05, ["taud"] = 1 }
        : new() { ["cm"] = 0.1, ["rb"] = 1, ["ic0"] = 10, ["vt"] = 1, ["vm"] = 0.05, ["taud"] = 1, ["tauk"] = 0.5 };

    /// <summary>Physical units: rb = 1 MΩ, cm = 1 nF, ic0 = 10 µA, taud = 1 ms (tauk = 0.5 ms).</summary>
    public static Dictionary<string, double> Physical(int level)
    {
        var p = new Dictionary<string, double> { ["cm"] = 1e-9, ["rb"] = 1e6, ["ic0"] = 10e-6, ["vt"] = 1, ["vm"] = 0.05, ["taud"] = 1e-3 };
        if (level == 2) p["tauk"] = 0.5e-3;
        return p;
    }

    /// <summary>fss(u) = 1/(1 + exp(−(u − vt)/vm)) (Eq. 4), written independently of the device.</summary>
    public static double Fss(double u, double vt, double vm) => 1 / (1 + Math.Exp(-(u - vt) / vm));

    /// <summary>Relative difference |a − b| / |b|.</summary>
    public static double Rel(double a, double b) => Math.Abs(a - b) / Math.Abs(b);

    /// <summary>Classical fixed-step RK4 of dy/dt = f(t, y) from t0 to t1 with step h, recording every step.</summary>
    public static Trajectory Rk4(Func<double, double[], double[]> f, double[] y0, double t0, double t1, double h)
    {
        int steps = (int)Math.Round((t1 - t0) / h);
        var ys = new double[steps + 1][];
        ys[0] = (double[])y0.Clone();
        int n = y0.Length;
        var y = (double[])y0.Clone();
        var tmp = new double[n];
        for (int k = 0; k < steps; k++)
        {
            double t = t0 + k * h;
            var k1 = f(t, y);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + h / 2 * k1[i];
            var k2 = f(t + h / 2, tmp);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + h / 2 * k2[i];
            var k3 = f(t + h / 2, tmp);
            for (int i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
            var k4 = f(t + h, tmp);
            for (int i = 0; i < n; i++) y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            ys[k + 1] = (double[])y.Clone();
        }
        return new Trajectory(t0, h, ys);
    }

    /// <summary>Trapezoidal-ramp pulse value (as PULSE v1 v2 td tr tf pw per, single period).</summary>
    public static double Pulse(double t, double v1, double v2, double td, double tr, double tf, double pw)
    {
        if (t <= td) return v1;
        double tt = t - td;
        if (tt < tr) return v1 + (v2 - v1) * tt / tr;
        if (tt <= tr + pw) return v2;
        if (tt < tr + pw + tf) return v2 + (v1 - v2) * (tt - tr - pw) / tf;
        return v1;
    }

    /// <summary>Solves g(u) = target for an increasing g by bisection on [lo, hi].</summary>
    public static double Bisect(Func<double, double> g, double target, double lo, double hi)
    {
        for (int k = 0; k < 200; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (g(mid) < target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}

/// <summary>An RK4 trajectory on a uniform grid, read with cubic (Catmull-free, 4-point Lagrange) interpolation.</summary>
internal sealed record Trajectory(double T0, double H, double[][] Ys)
{
    /// <summary>Component <paramref name="i"/> at time <paramref name="t"/>.</summary>
    public double At(double t, int i)
    {
        double s = (t - T0) / H;
        int k = Math.Clamp((int)Math.Floor(s) - 1, 0, Ys.Length - 4);
        double x = s - k;
        double y0 = Ys[k][i], y1 = Ys[k + 1][i], y2 = Ys[k + 2][i], y3 = Ys[k + 3][i];
        // Lagrange through nodes 0..3 at position x.
        return y0 * (x - 1) * (x - 2) * (x - 3) / -6 + y1 * x * (x - 2) * (x - 3) / 2
             + y2 * x * (x - 1) * (x - 3) / -2 + y3 * x * (x - 1) * (x - 2) / 6;
    }

    /// <summary>max − min of component <paramref name="i"/>.</summary>
    public double Range(int i) => Ys.Max(y => y[i]) - Ys.Min(y => y[i]);
}
