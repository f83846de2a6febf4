namespace Perovspice.Engine.Analysis.Measurements;

/// <summary>A value with the abscissa where it occurs (<c>MIN</c>, <c>MAX</c>).</summary>
/// <param name="Value">The extreme value.</param>
/// <param name="At">Its abscissa.</param>
public readonly record struct Extremum(double Value, double At);

/// <summary>
/// Statistics of a sampled waveform y(x) over a window [from, to] (<c>.meas … AVG RMS MIN MAX PP INTEG FROM= TO=</c>).
/// </summary>
/// <remarks>
/// INTEG is the trapezoidal integral of the piecewise-linear interpolant over the window, its ends interpolated:
/// ∫ y dx = Σ (x₁ − x₀)(y₀ + y₁)/2. AVG = INTEG/(to − from). RMS = √(Σ (x₁ − x₀)(y₀² + y₁²)/2 / (to − from)), the
/// trapezoidal rule applied to y². MIN, MAX and PP look at the samples inside the window (as ngspice does: the window's
/// ends are not interpolated for them). A window that holds no sample, or whose width is zero, has no value.
/// </remarks>
public static class WindowStatistics
{
    /// <summary>Trapezoidal integral of y over [from, to]; null when the window is outside the samples.</summary>
    public static double? Integral(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to) =>
        Trapezoid(x, y, from, to, v => v);

    /// <summary>Mean of y over [from, to]; null for an empty or zero-width window.</summary>
    public static double? Average(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to) =>
        to != from && Integral(x, y, from, to) is { } i ? i / (to - from) : null;

    /// <summary>Root mean square of y over [from, to]; null for an empty or zero-width window.</summary>
    public static double? Rms(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to) =>
        to != from && Trapezoid(x, y, from, to, v => v * v) is { } i ? Math.Sqrt(Math.Max(0, i / (to - from))) : null;

    /// <summary>Smallest sample in [from, to] (the first one on a tie); null when there is none.</summary>
    public static Extremum? Min(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to) =>
        Extreme(x, y, from, to, -1);

    /// <summary>Largest sample in [from, to] (the first one on a tie); null when there is none.</summary>
    public static Extremum? Max(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to) =>
        Extreme(x, y, from, to, +1);

    /// <summary>Largest minus smallest sample in [from, to]; null when there is none.</summary>
    public static double? PeakToPeak(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to) =>
        Max(x, y, from, to) is { } hi && Min(x, y, from, to) is { } lo ? hi.Value - lo.Value : null;

    private static Extremum? Extreme(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to, int sign)
    {
        double lo = Math.Min(from, to), hi = Math.Max(from, to);
        Extremum? best = null;
        for (int i = 0; i < x.Count; i++)
        {
            if (x[i] < lo || x[i] > hi) continue;
            if (best is null || sign * (y[i] - best.Value.Value) > 0) best = new Extremum(y[i], x[i]);
        }
        return best;
    }

    private static double? Trapezoid(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to, Func<double, double> f)
    {
        int n = x.Count;
        if (n < 2) return null;
        bool up = x[n - 1] >= x[0];
        double lo = Math.Min(from, to), hi = Math.Max(from, to);
        double first = up ? x[0] : x[n - 1], last = up ? x[n - 1] : x[0];
        if (lo < first || hi > last) return null;
        double sum = 0;
        for (int i = 0; i < n - 1; i++)
        {
            double a = x[i], b = x[i + 1];
            double segLo = Math.Min(a, b), segHi = Math.Max(a, b);
            double l = Math.Max(segLo, lo), h = Math.Min(segHi, hi);
            if (h <= l) continue;
            double ya = Interp(a, b, y[i], y[i + 1], l), yb = Interp(a, b, y[i], y[i + 1], h);
            sum += (h - l) * (f(ya) + f(yb)) / 2;
        }
        return to >= from ? sum : -sum;
    }

    private static double Interp(double a, double b, double ya, double yb, double at) =>
        b == a ? ya : ya + (yb - ya) * (at - a) / (b - a);
}
