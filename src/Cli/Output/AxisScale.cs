namespace Perovspice.Cli.Output;

/// <summary>
/// Maps data values on one axis to pixels (linear or logarithmic) and picks tick marks at "nice" numbers
/// (1, 2, 5 × 10ⁿ; decades on log axes). Degenerate ranges (one value, zero width, non-finite) are widened
/// so that mapping never fails.
/// </summary>
public sealed class AxisScale
{
    private AxisScale(double min, double max, bool isLog, double pixelFrom, double pixelTo, IReadOnlyList<double> ticks, double step)
    {
        Min = min; Max = max; IsLog = isLog; PixelFrom = pixelFrom; PixelTo = pixelTo; Ticks = ticks; TickStep = step;
    }

    /// <summary>Lower end of the axis (data units).</summary>
    public double Min { get; }
    /// <summary>Upper end of the axis (data units).</summary>
    public double Max { get; }
    /// <summary>True for a logarithmic axis.</summary>
    public bool IsLog { get; }
    /// <summary>Pixel coordinate of <see cref="Min"/>.</summary>
    public double PixelFrom { get; }
    /// <summary>Pixel coordinate of <see cref="Max"/> (smaller than <see cref="PixelFrom"/> for a y axis).</summary>
    public double PixelTo { get; }
    /// <summary>Tick values inside [Min, Max].</summary>
    public IReadOnlyList<double> Ticks { get; }
    /// <summary>Spacing of linear ticks (0 on log axes); used to format labels.</summary>
    public double TickStep { get; }
    /// <summary>Data units per pixel of a linear axis.</summary>
    public double UnitsPerPixel => (Max / 2 - Min / 2) * 2 / Math.Abs(PixelTo - PixelFrom);

    /// <summary>Pixel coordinate of <paramref name="value"/> (may lie outside the axis for values outside the range).</summary>
    public double Map(double value)
    {
        double t = IsLog
            ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
            : (value / 2 - Min / 2) / (Max / 2 - Min / 2); // halves: no overflow for ±1e308
        return PixelFrom + t * (PixelTo - PixelFrom);
    }

    /// <summary>A linear axis covering [dataMin, dataMax], widened to nice tick bounds if <paramref name="nice"/>.</summary>
    public static AxisScale Linear(double dataMin, double dataMax, double pixelFrom, double pixelTo, bool nice = true, int targetTicks = 6)
    {
        (dataMin, dataMax) = Widen(dataMin, dataMax);
        double step = NiceStep(dataMin, dataMax, targetTicks);
        if (nice && step > 0)
        {
            double lo = Math.Floor(dataMin / step) * step, hi = Math.Ceiling(dataMax / step) * step;
            if (double.IsFinite(lo) && double.IsFinite(hi) && lo < hi) (dataMin, dataMax) = (lo, hi);
        }
        return new AxisScale(dataMin, dataMax, false, pixelFrom, pixelTo, LinearTicks(dataMin, dataMax, step), step);
    }

    /// <summary>A linear axis over [dataMin, dataMax] widened to multiples of a given tick <paramref name="step"/>.</summary>
    public static AxisScale LinearWithStep(double dataMin, double dataMax, double pixelFrom, double pixelTo, double step)
    {
        (dataMin, dataMax) = Widen(dataMin, dataMax);
        if (!(step > 0) || (dataMax - dataMin) / step > 50) return Linear(dataMin, dataMax, pixelFrom, pixelTo);
        double lo = Math.Floor(dataMin / step) * step, hi = Math.Ceiling(dataMax / step) * step;
        if (!(lo < hi)) hi = lo + step;
        return new AxisScale(lo, hi, false, pixelFrom, pixelTo, LinearTicks(lo, hi, step), step);
    }

    /// <summary>
    /// A log axis covering the positive range [dataMin, dataMax], widened to whole decades; falls back to a linear
    /// axis if a bound is not positive.
    /// </summary>
    public static AxisScale Logarithmic(double dataMin, double dataMax, double pixelFrom, double pixelTo)
    {
        if (!(dataMin > 0) || !(dataMax > 0) || !double.IsFinite(dataMin) || !double.IsFinite(dataMax))
            return Linear(dataMin, dataMax, pixelFrom, pixelTo);
        if (dataMin > dataMax) (dataMin, dataMax) = (dataMax, dataMin);
        double lo = Math.Floor(Math.Log10(dataMin)), hi = Math.Ceiling(Math.Log10(dataMax));
        if (hi <= lo) hi = lo + 1;
        lo = Math.Max(lo, -320); hi = Math.Min(hi, 308);
        int decades = (int)(hi - lo);
        int every = Math.Max(1, (int)Math.Ceiling(decades / 10.0));
        var ticks = new List<double>();
        for (int d = 0; d <= decades; d += every) ticks.Add(Math.Pow(10, lo + d));
        if (decades <= 2)
            foreach (double m in new[] { 2.0, 5.0 })
                for (int d = 0; d < decades; d++) ticks.Add(m * Math.Pow(10, lo + d));
        ticks.Sort();
        return new AxisScale(Math.Pow(10, lo), Math.Pow(10, hi), true, pixelFrom, pixelTo, ticks, 0);
    }

    /// <summary>
    /// Widens one of two ranges (about its centre) so that both axes have the same data units per pixel on a
    /// plot area of <paramref name="width"/> × <paramref name="height"/> pixels (equal axes, e.g. Nyquist).
    /// </summary>
    public static ((double Min, double Max) X, (double Min, double Max) Y) EqualAspect(
        (double Min, double Max) x, (double Min, double Max) y, double width, double height)
    {
        x = Widen(x.Min, x.Max);
        y = Widen(y.Min, y.Max);
        double ux = (x.Max / 2 - x.Min / 2) * 2 / width, uy = (y.Max / 2 - y.Min / 2) * 2 / height;
        if (ux > uy) y = Around(y, ux * height);
        else x = Around(x, uy * width);
        return (x, y);
    }

    /// <summary>The nice tick step (1, 2 or 5 × 10ⁿ) giving about <paramref name="targetTicks"/> ticks over the range.</summary>
    public static double NiceStep(double min, double max, int targetTicks = 6)
    {
        double span = (max / 2 - min / 2) * 2;
        if (!double.IsFinite(span)) span = double.MaxValue;
        if (!(span > 0)) return 0;
        double raw = span / Math.Max(1, targetTicks - 1);
        double pow = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        if (pow == 0 || !double.IsFinite(pow)) return raw;
        double f = raw / pow;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * pow;
    }

    private static IReadOnlyList<double> LinearTicks(double min, double max, double step)
    {
        var ticks = new List<double>();
        if (!(step > 0)) return [min, max];
        double first = Math.Ceiling(min / step);
        for (int k = 0; k < 50; k++)
        {
            double t = (first + k) * step;
            if (!double.IsFinite(t) || t > max + step * 1e-9) break;
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }
        if (ticks.Count == 0) ticks.AddRange([min, max]);
        return ticks;
    }

    /// <summary>Orders the bounds, replaces non-finite ones and widens a zero-width range around its value.</summary>
    private static (double Min, double Max) Widen(double min, double max)
    {
        if (!double.IsFinite(min) && !double.IsFinite(max)) return (-1, 1);
        if (!double.IsFinite(min)) min = max;
        if (!double.IsFinite(max)) max = min;
        if (min > max) (min, max) = (max, min);
        if (max > min) return (min, max);
        double d = Math.Abs(min) * 0.1;
        double lo = min - d, hi = max + d;
        if (!double.IsFinite(lo)) lo = min;
        if (!double.IsFinite(hi)) hi = max;
        return lo < hi ? (lo, hi) : (min - 1, max + 1);
    }

    private static (double Min, double Max) Around((double Min, double Max) r, double span)
    {
        double mid = r.Min / 2 + r.Max / 2;
        return (mid - span / 2, mid + span / 2);
    }
}
