namespace Perovspice.Devices.CodeModels;

/// <summary>The XSPICE corner smoothing: two straight lines through (xc, yc) with slopes s1 (left) and s2 (right),
/// joined over [xc − h, xc + h] by the parabola tangent to both (docs/models.md, eq. A.2).</summary>
internal static class Smoothing
{
    public static double Corner(double x, double xc, double yc, double h, double s1, double s2, out double slope)
    {
        if (h <= 0 || x <= xc - h)
        {
            if (h <= 0 && x > xc) { slope = s2; return yc + s2 * (x - xc); }
            slope = s1; return yc + s1 * (x - xc);
        }
        if (x >= xc + h) { slope = s2; return yc + s2 * (x - xc); }
        double d = x - xc + h;
        slope = s1 + (s2 - s1) * d / (2 * h);
        return yc + s1 * (x - xc) + (s2 - s1) * d * d / (4 * h);
    }

    /// <summary>Clamps <paramref name="x"/> to [lo, hi] with both corners smoothed over ±<paramref name="h"/>
    /// (the limit model; eq. A.5).</summary>
    public static double Clamp(double x, double lo, double hi, double h, out double slope)
    {
        h = Math.Min(h, (hi - lo) / 2);
        // the straight parts exactly (x itself, not lo + (x − lo): limits of 1e10 would cancel x's digits)
        if (x >= lo + h && x <= hi - h) { slope = 1; return x; }
        if (x <= lo - h) { slope = 0; return lo; }
        if (x >= hi + h) { slope = 0; return hi; }
        if (x < lo + h) return Corner(x, lo, lo, h, 0, 1, out slope);
        return Corner(x, hi, hi, h, 1, 0, out slope);
    }

    /// <summary><see cref="Clamp(double, double, double, double, out double)"/> with the derivatives with respect to the limits too (h held fixed): ∂y/∂lo = 1
    /// below the lower corner and 1 − slope inside it, ∂y/∂hi likewise at the upper one.</summary>
    public static double Clamp(double x, double lo, double hi, double h, out double slope, out double byLo, out double byHi)
    {
        double y = Clamp(x, lo, hi, h, out slope);
        byLo = byHi = 0;
        double mid = (lo + hi) / 2;
        if (x < mid) byLo = 1 - slope;
        else byHi = 1 - slope;
        return y;
    }
}
