using Perovspice.Engine.Analysis.Measurements;

namespace Perovspice.Netlist.Measurements;

/// <summary>The result of one <c>.meas</c>: a value, or null with the reason it failed.</summary>
/// <param name="Name">Lower-case result name.</param>
/// <param name="Value">The value, or null when the measure failed (its condition never occurred).</param>
/// <param name="Failure">Why it failed, else null.</param>
public sealed record MeasureResult(string Name, double? Value, string? Failure);

/// <summary>
/// Evaluates <c>.meas</c> statements on the recorded vectors of one analysis (the scale: time, sweep value or
/// frequency; the vectors: real-valued, in ac already reduced to the part the vector names, see docs/measure.md).
/// The arithmetic is in <see cref="Crossings"/>, <see cref="Sampling"/> and <see cref="WindowStatistics"/>.
/// </summary>
public static class MeasureEvaluation
{
    /// <summary>Evaluates <paramref name="measures"/> in order. <paramref name="known"/> holds the results of earlier
    /// measures (of this and earlier analyses) by name for PARAM; each result is added to it.</summary>
    /// <param name="measures">The measures of this analysis, in file order.</param>
    /// <param name="scale">The abscissae.</param>
    /// <param name="vector">The samples of a vector (one per abscissa).</param>
    /// <param name="known">Results so far; updated.</param>
    public static IReadOnlyList<MeasureResult> Evaluate(IReadOnlyList<MeasureStatement> measures, IReadOnlyList<double> scale,
        Func<PrintItem, IReadOnlyList<double>> vector, IDictionary<string, double?> known)
    {
        var results = new List<MeasureResult>(measures.Count);
        foreach (var m in measures)
        {
            string? failure = null;
            double? value = m.Kind == MeasureKind.Param
                ? m.EvaluateParam(new Dictionary<string, double?>(known), out failure)
                : Evaluate(m, scale, vector, out failure);
            if (value is { } v && !double.IsFinite(v)) { value = null; failure = "the result is not finite"; }
            known[m.Name] = value;
            results.Add(new MeasureResult(m.Name, value, value is null ? failure ?? "failed" : null));
        }
        return results;
    }

    private static double? Evaluate(MeasureStatement m, IReadOnlyList<double> x, Func<PrintItem, IReadOnlyList<double>> vector,
        out string? failure)
    {
        failure = null;
        if (x.Count == 0) { failure = "the analysis produced no points"; return null; }
        double first = x[0], last = x[^1];
        double from = m.From ?? Math.Min(first, last), to = m.To ?? Math.Max(first, last);
        switch (m.Kind)
        {
            case MeasureKind.Find:
            case MeasureKind.Deriv:
            {
                var at = Point(m.Trigger!, x, vector, from, to, m.From is not null || m.To is not null, out failure);
                if (at is null) return null;
                var y = vector(m.Target!);
                var v = m.Kind == MeasureKind.Find ? Sampling.ValueAt(x, y, at.Value) : Sampling.SlopeAt(x, y, at.Value);
                if (v is null) failure = $"{Show(at.Value)} is outside the analysis ({Show(first)} to {Show(last)})";
                return v;
            }
            case MeasureKind.When:
                return Point(m.Trigger!, x, vector, from, to, m.From is not null || m.To is not null, out failure);
            case MeasureKind.TrigTarg:
            {
                var trig = Point(m.Trigger!, x, vector, from, to, false, out failure);
                if (trig is null) { failure = "trig: " + failure; return null; }
                var targ = Point(m.Targ!, x, vector, from, to, false, out failure);
                if (targ is null) { failure = "targ: " + failure; return null; }
                return targ - trig;
            }
            default:
            {
                var y = vector(m.Target!);
                // As ngspice 39: a window reaching past the analysis is cut to it (avg divides by the cut width)
                double lo = Math.Min(first, last), hi = Math.Max(first, last);
                if (from <= to && from < hi && to > lo) { from = Math.Max(from, lo); to = Math.Min(to, hi); }
                double? r = m.Kind switch
                {
                    MeasureKind.Avg => WindowStatistics.Average(x, y, from, to),
                    MeasureKind.Rms => WindowStatistics.Rms(x, y, from, to),
                    MeasureKind.Integ => WindowStatistics.Integral(x, y, from, to),
                    MeasureKind.Min => WindowStatistics.Min(x, y, from, to)?.Value,
                    MeasureKind.Max => WindowStatistics.Max(x, y, from, to)?.Value,
                    MeasureKind.MinAt => WindowStatistics.Min(x, y, from, to)?.At,
                    MeasureKind.MaxAt => WindowStatistics.Max(x, y, from, to)?.At,
                    MeasureKind.Pp => WindowStatistics.PeakToPeak(x, y, from, to),
                    _ => null,
                };
                if (r is null) failure = $"the window {Show(from)} to {Show(to)} is outside the analysis or holds no point";
                return r;
            }
        }
    }

    /// <summary>The abscissa of a point: AT=, or the crossing (optionally only inside [from, to]).</summary>
    private static double? Point(MeasurePoint p, IReadOnlyList<double> x, Func<PrintItem, IReadOnlyList<double>> vector,
        double from, double to, bool windowed, out string? failure)
    {
        failure = null;
        if (p.At is { } at) return at;
        IReadOnlyList<double> y = vector(p.Vector!);
        if (p.Other is { } other)
        {
            var b = vector(other);
            var d = new double[y.Count];
            for (int i = 0; i < d.Length; i++) d[i] = y[i] - b[i];
            y = d;
        }
        IReadOnlyList<double> xs = x;
        if (windowed) (xs, y) = Clip(x, y, from, to);
        double level = p.Other is null ? p.Level : 0;
        var edge = p.Edge switch { MeasureEdge.Rise => CrossingEdge.Rise, MeasureEdge.Fall => CrossingEdge.Fall, _ => CrossingEdge.Cross };
        var r = Crossings.Find(xs, y, level, edge, p.Count, p.Delay);
        if (r is null)
        {
            string what = p.Edge switch { MeasureEdge.Rise => "rise", MeasureEdge.Fall => "fall", _ => "cross" };
            string n = p.Count < 0 ? "last" : p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string rhs = p.Other is null ? Show(p.Level) : p.Other.Text;
            failure = $"{p.Vector!.Text} never reaches {rhs} ({what}={n})";
        }
        return r;
    }

    /// <summary>The samples inside [from, to] with the window's ends interpolated.</summary>
    private static (IReadOnlyList<double>, IReadOnlyList<double>) Clip(IReadOnlyList<double> x, IReadOnlyList<double> y, double from, double to)
    {
        var cx = new List<double>();
        var cy = new List<double>();
        if (Sampling.ValueAt(x, y, from) is { } y0) { cx.Add(from); cy.Add(y0); }
        for (int i = 0; i < x.Count; i++)
            if (x[i] > from && x[i] < to) { cx.Add(x[i]); cy.Add(y[i]); }
        if (to > from && Sampling.ValueAt(x, y, to) is { } y1) { cx.Add(to); cy.Add(y1); }
        return (cx, cy);
    }

    private static string Show(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
