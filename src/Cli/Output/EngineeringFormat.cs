using System.Globalization;

namespace Perovspice.Cli.Output;

/// <summary>Engineering notation with SI prefixes (f p n u m, k M G T): "1m", "10u", "2.5k".</summary>
public static class EngineeringFormat
{
    private static readonly string[] Prefixes = ["f", "p", "n", "u", "m", "", "k", "M", "G", "T"];
    private const int LowestExponent = -15;

    /// <summary>
    /// Formats <paramref name="value"/> with at most <paramref name="significant"/> significant digits and an SI
    /// prefix, trailing zeros dropped: 0.001 → "1m", 1.234e-5 → "12.3u", 0 → "0". Values outside the prefix range
    /// use exponent notation ("1e+18").
    /// </summary>
    public static string Format(double value, int significant = 3)
    {
        if (value == 0) return "0";
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        significant = Math.Clamp(significant, 1, 15);
        double rounded = double.Parse(value.ToString("E" + (significant - 1), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int exp3 = (int)Math.Floor(Math.Log10(Math.Abs(rounded)) / 3) * 3;
        int index = (exp3 - LowestExponent) / 3;
        if (index < 0 || index >= Prefixes.Length)
            return rounded.ToString("0.##e+0", CultureInfo.InvariantCulture);
        double mantissa = rounded / Math.Pow(10, exp3);
        // Division can leave 999.9999… or 1.0000001: round to the requested digits again.
        string text = mantissa.ToString("G" + significant, CultureInfo.InvariantCulture);
        if (text.Contains('E')) text = double.Parse(text, CultureInfo.InvariantCulture).ToString("0.###############", CultureInfo.InvariantCulture);
        return text + Prefixes[index];
    }

    /// <summary>Formats a tick label: enough digits to tell ticks <paramref name="step"/> apart, values within
    /// a tiny fraction of the step of zero shown as "0".</summary>
    public static string FormatTick(double value, double step)
    {
        if (step > 0 && Math.Abs(value) < step * 1e-9) return "0";
        int digits = 3;
        if (step > 0 && value != 0)
            digits = Math.Clamp((int)Math.Floor(Math.Log10(Math.Abs(value))) - (int)Math.Floor(Math.Log10(step)) + 1, 1, 15);
        return Format(value, Math.Max(digits, 1));
    }
}
