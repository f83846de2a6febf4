using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Perovspice.Cli.Output;

/// <summary>One data series of a chart: a name and points in data coordinates.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">X values.</param>
/// <param name="Y">Y values (same length as <paramref name="X"/>).</param>
internal sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>Draws one rectangular chart panel (grid, frame, ticks, labels, polylines) into an SVG document.</summary>
internal static class SvgPanel
{
    internal static readonly XNamespace Ns = "http://www.w3.org/2000/svg";
    private static readonly string[] Palette =
        ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    internal static string Color(int i) => Palette[i % Palette.Length];

    internal static string F(double v) => Math.Clamp(v, -1e6, 1e6).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Removes characters XML cannot hold (XElement escapes &lt; &amp; and quotes itself).</summary>
    internal static string Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s) if (XmlConvert.IsXmlChar(c)) sb.Append(c);
        return sb.ToString();
    }

    internal static XElement NewSvg(double width, double height, string title)
    {
        var svg = new XElement(Ns + "svg",
            new XAttribute("width", F(width)), new XAttribute("height", F(height)),
            new XAttribute("viewBox", $"0 0 {F(width)} {F(height)}"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"),
            new XElement(Ns + "title", Clean(title)),
            new XElement(Ns + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")));
        svg.Add(Text(width / 2, 22, title, "middle", 15));
        return svg;
    }

    internal static XElement Text(double x, double y, string s, string anchor, double size = 12, string? transform = null)
    {
        var t = new XElement(Ns + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)),
            new XAttribute("text-anchor", anchor), Clean(s));
        if (size != 12) t.SetAttributeValue("font-size", F(size));
        if (transform != null) t.SetAttributeValue("transform", transform);
        return t;
    }

    /// <summary>Draws grid, frame, tick labels and axis titles of the panel spanned by the two scales.</summary>
    internal static void Axes(XElement svg, string id, AxisScale x, AxisScale y, string xTitle, string yTitle, bool xLabels = true)
    {
        double left = x.PixelFrom, right = x.PixelTo, bottom = y.PixelFrom, top = y.PixelTo;
        var grid = new XElement(Ns + "g", new XAttribute("class", "grid"), new XAttribute("stroke", "#dddddd"), new XAttribute("stroke-width", "1"));
        var labels = new XElement(Ns + "g", new XAttribute("class", "ticks"), new XAttribute("fill", "#333333"));
        foreach (double t in x.Ticks)
        {
            double px = x.Map(t);
            if (!(px >= left - 0.5 && px <= right + 0.5)) continue;
            grid.Add(Line(px, top, px, bottom));
            if (xLabels) labels.Add(Text(px, bottom + 16, x.IsLog ? EngineeringFormat.Format(t) : EngineeringFormat.FormatTick(t, x.TickStep), "middle"));
        }
        foreach (double t in y.Ticks)
        {
            double py = y.Map(t);
            if (!(py >= top - 0.5 && py <= bottom + 0.5)) continue;
            grid.Add(Line(left, py, right, py));
            labels.Add(Text(left - 6, py + 4, y.IsLog ? EngineeringFormat.Format(t) : EngineeringFormat.FormatTick(t, y.TickStep), "end"));
        }
        svg.Add(grid, labels);
        svg.Add(new XElement(Ns + "rect", new XAttribute("class", "frame"),
            new XAttribute("x", F(left)), new XAttribute("y", F(top)),
            new XAttribute("width", F(right - left)), new XAttribute("height", F(bottom - top)),
            new XAttribute("fill", "none"), new XAttribute("stroke", "#333333")));
        svg.Add(new XElement(Ns + "clipPath", new XAttribute("id", id),
            new XElement(Ns + "rect", new XAttribute("x", F(left)), new XAttribute("y", F(top)),
                new XAttribute("width", F(right - left)), new XAttribute("height", F(bottom - top)))));
        if (xTitle.Length > 0 && xLabels) svg.Add(Text((left + right) / 2, bottom + 38, xTitle, "middle"));
        if (yTitle.Length > 0)
        {
            double cx = left - 58, cy = (top + bottom) / 2;
            svg.Add(Text(cx, cy, yTitle, "middle", 12, $"rotate(-90 {F(cx)} {F(cy)})"));
        }
    }

    /// <summary>Draws the series as polylines clipped to the panel (one polyline per series).</summary>
    internal static void Lines(XElement svg, string clipId, AxisScale x, AxisScale y, IReadOnlyList<Series> series, int colorOffset = 0)
    {
        var g = new XElement(Ns + "g", new XAttribute("class", "data"), new XAttribute("clip-path", $"url(#{clipId})"),
            new XAttribute("fill", "none"), new XAttribute("stroke-width", "1.5"), new XAttribute("stroke-linejoin", "round"));
        for (int s = 0; s < series.Count; s++)
            g.Add(new XElement(Ns + "polyline", new XAttribute("stroke", Color(s + colorOffset)),
                new XAttribute("points", Points(x, y, series[s]))));
        svg.Add(g);
    }

    /// <summary>Legend entries (colour sample + name) stacked from (<paramref name="left"/>, <paramref name="top"/>).</summary>
    internal static void Legend(XElement svg, double left, double top, IReadOnlyList<string> names, int colorOffset = 0)
    {
        var g = new XElement(Ns + "g", new XAttribute("class", "legend"));
        for (int i = 0; i < names.Count; i++)
        {
            double y = top + 18 * i;
            g.Add(new XElement(Ns + "line", new XAttribute("x1", F(left)), new XAttribute("y1", F(y)),
                new XAttribute("x2", F(left + 22)), new XAttribute("y2", F(y)),
                new XAttribute("stroke", Color(i + colorOffset)), new XAttribute("stroke-width", "2.5")));
            g.Add(Text(left + 28, y + 4, names[i], "start"));
        }
        svg.Add(g);
    }

    private static XElement Line(double x1, double y1, double x2, double y2) =>
        new(Ns + "line", new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)));

    /// <summary>
    /// Maps points to pixels, skipping non-finite ones. Long series are reduced per pixel column to the first, lowest,
    /// highest and last point of each run of consecutive points falling into one column, which keeps the envelope.
    /// </summary>
    internal static string Points(AxisScale x, AxisScale y, Series s)
    {
        int n = Math.Min(s.X.Count, s.Y.Count);
        bool reduce = n > 4 * Math.Abs(x.PixelTo - x.PixelFrom);
        var sb = new StringBuilder(Math.Min(n, 20000) * 14);
        int column = int.MinValue;
        var run = new List<(double X, double Y)>();
        for (int i = 0; i < n; i++)
        {
            double px = x.Map(s.X[i]), py = y.Map(s.Y[i]);
            if (!double.IsFinite(px) || !double.IsFinite(py)) continue;
            if (!reduce) { Append(sb, px, py); continue; }
            int c = (int)Math.Floor(Math.Clamp(px, -1e6, 1e6));
            if (c != column) { Flush(sb, run); column = c; }
            run.Add((px, py));
        }
        Flush(sb, run);
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, List<(double X, double Y)> run)
    {
        if (run.Count == 0) return;
        if (run.Count <= 4) foreach (var p in run) Append(sb, p.X, p.Y);
        else
        {
            int lo = 0, hi = 0;
            for (int i = 1; i < run.Count; i++)
            {
                if (run[i].Y < run[lo].Y) lo = i;
                if (run[i].Y > run[hi].Y) hi = i;
            }
            Append(sb, run[0].X, run[0].Y);
            if (lo < hi) { Append(sb, run[lo].X, run[lo].Y); Append(sb, run[hi].X, run[hi].Y); }
            else { Append(sb, run[hi].X, run[hi].Y); Append(sb, run[lo].X, run[lo].Y); }
            Append(sb, run[^1].X, run[^1].Y);
        }
        run.Clear();
    }

    private static void Append(StringBuilder sb, double x, double y)
    {
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(F(x)).Append(',').Append(F(y));
    }
}
