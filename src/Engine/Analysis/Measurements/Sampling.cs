namespace Perovspice.Engine.Analysis.Measurements;

/// <summary>Linear interpolation and slopes of a sampled waveform y(x) (<c>.meas … FIND … AT=</c>, <c>DERIV</c>).</summary>
public static class Sampling
{
    /// <summary>y at <paramref name="at"/> by linear interpolation between the two samples around it; null when
    /// <paramref name="at"/> is outside the sampled range. At a repeated abscissa (a breakpoint) the first sample wins.</summary>
    public static double? ValueAt(IReadOnlyList<double> x, IReadOnlyList<double> y, double at)
    {
        int i = Segment(x, at);
        if (i < 0) return null;
        if (i == x.Count - 1) return y[i];
        double dx = x[i + 1] - x[i];
        return dx == 0 ? y[i] : y[i] + (y[i + 1] - y[i]) * (at - x[i]) / dx;
    }

    /// <summary>dy/dx at <paramref name="at"/>: the slope of the interpolating segment that contains it; exactly on an
    /// interior sample, the mean of the slopes on both sides (the central difference). Null outside the range or
    /// with fewer than two samples.</summary>
    public static double? SlopeAt(IReadOnlyList<double> x, IReadOnlyList<double> y, double at)
    {
        if (x.Count < 2) return null;
        int i = Segment(x, at);
        if (i < 0) return null;
        if (i == x.Count - 1) i--;
        double s = Slope(x, y, i);
        if (at == x[i] && i > 0) return 0.5 * (Slope(x, y, i - 1) + s);
        return s;
    }

    private static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y, int i)
    {
        double dx = x[i + 1] - x[i];
        return dx == 0 ? 0 : (y[i + 1] - y[i]) / dx;
    }

    /// <summary>Index i of the segment [x[i], x[i+1]] holding <paramref name="at"/> (the last index when
    /// <paramref name="at"/> is the last sample); −1 outside. Works for increasing or decreasing x.</summary>
    internal static int Segment(IReadOnlyList<double> x, double at)
    {
        int n = x.Count;
        if (n == 0) return -1;
        bool up = x[n - 1] >= x[0];
        double lo = up ? x[0] : x[n - 1], hi = up ? x[n - 1] : x[0];
        if (!(at >= lo && at <= hi)) return -1;
        if (n == 1) return 0;
        for (int i = 0; i < n - 1; i++)
        {
            bool inside = up ? at >= x[i] && at < x[i + 1] : at <= x[i] && at > x[i + 1];
            if (inside) return i;
        }
        return n - 1;
    }
}
