namespace Perovspice.Engine.Analysis.Measurements;

/// <summary>Which level crossings of a waveform count (ngspice <c>RISE=</c>, <c>FALL=</c>, <c>CROSS=</c>).</summary>
public enum CrossingEdge
{
    /// <summary>Either direction.</summary>
    Cross,
    /// <summary>Upward: from below the level to at or above it.</summary>
    Rise,
    /// <summary>Downward: from above the level to at or below it.</summary>
    Fall,
}

/// <summary>
/// Level crossings of a sampled waveform y(x) with linear interpolation between samples: the abscissa of the n-th (or
/// the last) crossing of a level, counted from a delay. This is what <c>.meas … WHEN</c>, <c>TRIG</c> and <c>TARG</c>
/// evaluate.
/// </summary>
/// <remarks>
/// Between samples (x₀, y₀) and (x₁, y₁) the waveform is y₀ + (y₁ − y₀)(x − x₀)/(x₁ − x₀). A rise is a segment with
/// y₀ &lt; L ≤ y₁, a fall one with y₀ &gt; L ≥ y₁; the crossing is at x = x₀ + (L − y₀)(x₁ − x₀)/(y₁ − y₀). A segment
/// that starts exactly on the level does not cross it (the crossing was counted on the segment that reached it).
/// Only crossings at x ≥ <c>delay</c> count (<c>TD=</c>).
/// </remarks>
public static class Crossings
{
    /// <summary>Value used for <c>LAST</c> as the count of <see cref="Find"/>.</summary>
    public const int Last = -1;

    /// <summary>The abscissa of the <paramref name="count"/>-th crossing (1-based, or <see cref="Last"/>) of
    /// <paramref name="level"/> by y(x) at x ≥ <paramref name="delay"/>, or null when there is no such crossing.</summary>
    /// <param name="x">Abscissae (time, sweep value or frequency), monotonic.</param>
    /// <param name="y">Samples, as many as <paramref name="x"/>.</param>
    /// <param name="level">The level.</param>
    /// <param name="edge">Which direction counts.</param>
    /// <param name="count">1 for the first crossing, 2 for the second, …; <see cref="Last"/> for the last.</param>
    /// <param name="delay">Crossings before this abscissa are not counted.</param>
    public static double? Find(IReadOnlyList<double> x, IReadOnlyList<double> y, double level, CrossingEdge edge,
        int count, double delay = double.NegativeInfinity)
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y differ in length");
        int seen = 0;
        double? last = null;
        for (int i = 1; i < x.Count; i++)
        {
            double y0 = y[i - 1] - level, y1 = y[i] - level;
            bool rise = y0 < 0 && y1 >= 0, fall = y0 > 0 && y1 <= 0;
            if (!(edge switch { CrossingEdge.Rise => rise, CrossingEdge.Fall => fall, _ => rise || fall })) continue;
            double at = x[i - 1] + (x[i] - x[i - 1]) * (-y0) / (y1 - y0);
            if (IsBefore(at, delay, x)) continue;
            seen++;
            last = at;
            if (count != Last && seen == count) return at;
        }
        return count == Last ? last : null;
    }

    private static bool IsBefore(double at, double delay, IReadOnlyList<double> x)
    {
        if (double.IsNegativeInfinity(delay)) return false;
        bool increasing = x.Count < 2 || x[^1] >= x[0];
        return increasing ? at < delay : at > delay;
    }
}
