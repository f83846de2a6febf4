using System.Xml.Linq;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Output;

/// <summary>
/// Writes hand-made SVG pictures of a result table (<c>--plot</c>): waveforms against the first column for
/// tran/dc, the rightmost eigenvalue's real and imaginary parts against the swept value for hopf, Bode and Nyquist
/// plots for ac, a value list for op.
/// </summary>
public static class SvgPlotter
{
    private const double Width = 960, Left = 90, Right = 760, LegendLeft = 780;

    /// <summary>
    /// Writes the picture(s) of <paramref name="table"/> into <paramref name="directory"/> and returns the paths:
    /// <c>&lt;FileStem&gt;-bode.svg</c> and <c>&lt;FileStem&gt;-nyquist.svg</c> for ac, <c>&lt;FileStem&gt;.svg</c> otherwise.
    /// Degenerate data (no rows, one point, constant columns) gives a valid picture, never an exception.
    /// </summary>
    public static IReadOnlyList<string> Write(ResultTable table, string directory)
    {
        Directory.CreateDirectory(directory);
        return Write(table, (name, svg) =>
        {
            string path = Path.Combine(directory, name);
            svg.Save(path);
            return path;
        });
    }

    /// <summary>As <see cref="Write(ResultTable, string)"/>, each file written whole (temporary name, then renamed).</summary>
    internal static IReadOnlyList<string> Write(ResultTable table, OutputDirectory output) =>
        Write(table, (name, svg) => output.WriteFile(name, svg.Save));

    private static IReadOnlyList<string> Write(ResultTable table, Func<string, XDocument, string> saveAs)
    {
        var written = new List<string>();
        void Save(XElement svg, string suffix) =>
            written.Add(saveAs(table.FileStem + suffix + ".svg", new XDocument(new XDeclaration("1.0", "utf-8", null), svg)));
        if (table.Kind == "ac")
        {
            Save(Bode(table), "-bode");
            Save(Nyquist(table), "-nyquist");
        }
        else if (table.Kind is "op" or "noise-total" && (table.StepParameter is null || table.RowCount <= 1)
                 || table.Columns.Count == 1 && table.RowCount <= 1)
            Save(ValueList(table), "");
        else if (table.Kind == "hopf")
            Save(Waveforms(FirstColumns(table, 3)), "");
        else
            Save(Waveforms(table), "");
        return written;
    }

    /// <summary>
    /// All columns after the first against the first, on one chart. With <c>.step</c> (except op, which is drawn
    /// against the stepped parameter) the first column is the parameter and the second the sweep: one curve per
    /// column and step value, named e.g. <c>v(out) @ r=1k</c>.
    /// </summary>
    public static XElement Waveforms(ResultTable table)
    {
        const double height = 560, top = 50, bottom = 490;
        var svg = SvgPanel.NewSvg(Width, height, $"{table.Title}: {table.PlotName}");
        var all = table.Columns;
        var segments = Segments(table);
        var cols = table.StepParameter is null || table.Kind == "op" ? all : all.Skip(1).ToList();
        var series = new List<Series>();
        foreach (var (first, count, suffix) in segments)
        {
            var x = cols.Count > 0 ? Slice(cols[0].Values, first, count) : new List<double>();
            for (int c = 1; c < cols.Count; c++) series.Add(new Series(cols[c].Name + suffix, x, Slice(cols[c].Values, first, count)));
            if (cols.Count == 1) series.Add(new Series(cols[0].Name + suffix, Enumerable.Range(0, x.Count).Select(i => (double)i).ToList(), x));
        }
        var (xmin, xmax) = Range(series.SelectMany(s => s.X));
        var (ymin, ymax) = Range(series.SelectMany(s => s.Y));
        var xs = AxisScale.Linear(xmin, xmax, Left, Right);
        var ys = AxisScale.Linear(ymin, ymax, bottom, top);
        SvgPanel.Axes(svg, "plot", xs, ys, cols.Count > 1 ? AxisTitle(cols[0].Name) : "index", "");
        SvgPanel.Lines(svg, "plot", xs, ys, series);
        Legend(svg, top + 10, series, height - top - 20);
        return svg;
    }

    /// <summary>Magnitude (dB) and unwrapped phase (degrees) of every complex vector against log frequency.</summary>
    public static XElement Bode(ResultTable table)
    {
        const double height = 820, top1 = 50, bottom1 = 380, top2 = 420, bottom2 = 750;
        var svg = SvgPanel.NewSvg(Width, height, $"{table.Title}: {table.PlotName} (Bode)");
        var allF = Frequencies(table);
        var mag = new List<Series>();
        var phase = new List<Series>();
        foreach (var (v, f, suffix) in ComplexSegments(table, allF))
        {
            int n = Math.Min(f.Count, Math.Min(v.Real.Count, v.Imag.Count));
            var db = new double[n];
            var ph = new double[n];
            double offset = 0, previous = double.NaN;
            for (int i = 0; i < n; i++)
            {
                double re = v.Real[i], im = v.Imag[i];
                db[i] = 20 * Math.Log10(Math.Sqrt(re * re + im * im)); // -inf for 0: skipped when drawn
                double p = Math.Atan2(im, re) * 180 / Math.PI;
                if (double.IsFinite(previous))
                {
                    while (p + offset - previous > 180) offset -= 360;
                    while (p + offset - previous < -180) offset += 360;
                }
                ph[i] = p + offset;
                if (double.IsFinite(ph[i])) previous = ph[i];
            }
            mag.Add(new Series(v.Name + suffix, f, db));
            phase.Add(new Series(v.Name + suffix, f, ph));
        }
        var (fmin, fmax) = Range(allF);
        var x1 = fmin > 0 ? AxisScale.Logarithmic(fmin, fmax, Left, Right) : AxisScale.Linear(fmin, fmax, Left, Right);
        var x2 = fmin > 0 ? AxisScale.Logarithmic(fmin, fmax, Left, Right) : AxisScale.Linear(fmin, fmax, Left, Right);
        var (mmin, mmax) = Range(mag.SelectMany(s => s.Y));
        var (pmin, pmax) = Range(phase.SelectMany(s => s.Y));
        var y1 = AxisScale.Linear(mmin, mmax, bottom1, top1);
        double pspan = pmax - pmin;
        var y2 = pspan > 30 && pspan < 4000
            ? AxisScale.LinearWithStep(pmin, pmax, bottom2, top2, new[] { 15.0, 30, 45, 90, 180, 360 }.First(s => pspan / s <= 8 || s == 360))
            : AxisScale.Linear(pmin, pmax, bottom2, top2);
        SvgPanel.Axes(svg, "mag", x1, y1, "frequency (Hz)", "magnitude (dB)", xLabels: false);
        SvgPanel.Lines(svg, "mag", x1, y1, mag);
        SvgPanel.Axes(svg, "phase", x2, y2, "frequency (Hz)", "phase (deg)");
        SvgPanel.Lines(svg, "phase", x2, y2, phase);
        Legend(svg, top1 + 10, mag, height - top1 - 20);
        return svg;
    }

    /// <summary>−Im(z) against Re(z) for every complex vector, with equal data units per pixel on both axes.</summary>
    public static XElement Nyquist(ResultTable table)
    {
        const double height = 760, top = 50, bottom = 690;
        var svg = SvgPanel.NewSvg(Width, height, $"{table.Title}: {table.PlotName} (Nyquist)");
        var series = ComplexSegments(table, Frequencies(table))
            .Select(s => new Series(s.Vector.Name + s.Suffix, s.Vector.Real, s.Vector.Imag.Select(im => -im).ToList())).ToList();
        var (xmin, xmax) = Range(series.SelectMany(s => s.X));
        var (ymin, ymax) = Range(series.SelectMany(s => s.Y));
        // Nice bounds first, then widen one axis so both have the same units per pixel.
        var nx = AxisScale.Linear(xmin, xmax, Left, Right);
        var ny = AxisScale.Linear(ymin, ymax, bottom, top);
        var (rx, ry) = AxisScale.EqualAspect((nx.Min, nx.Max), (ny.Min, ny.Max), Right - Left, bottom - top);
        var xs = AxisScale.Linear(rx.Min, rx.Max, Left, Right, nice: false, targetTicks: 8);
        var ys = AxisScale.Linear(ry.Min, ry.Max, bottom, top, nice: false, targetTicks: 8);
        SvgPanel.Axes(svg, "plot", xs, ys, "Re", "\u2212Im");
        SvgPanel.Lines(svg, "plot", xs, ys, series);
        var marks = new XElement(SvgPanel.Ns + "g", new XAttribute("class", "start"), new XAttribute("clip-path", "url(#plot)"));
        for (int s = 0; s < series.Count; s++)
            if (series[s].X.Count > 0 && series[s].Y.Count > 0)
                marks.Add(new XElement(SvgPanel.Ns + "circle", new XAttribute("cx", SvgPanel.F(xs.Map(series[s].X[0]))),
                    new XAttribute("cy", SvgPanel.F(ys.Map(series[s].Y[0]))), new XAttribute("r", "3"),
                    new XAttribute("fill", SvgPanel.Color(s))));
        svg.Add(marks);
        int lines = Legend(svg, top + 10, series, height - top - 60);
        svg.Add(SvgPanel.Text(LegendLeft, top + 30 + 18 * lines, "\u25CF lowest frequency", "start", 11));
        return svg;
    }

    /// <summary>An op table (one row, no sweep): a list of name = value lines.</summary>
    public static XElement ValueList(ResultTable table)
    {
        double height = 70 + 20 * table.Columns.Count;
        var svg = SvgPanel.NewSvg(Width, height, $"{table.Title}: {table.PlotName}");
        for (int c = 0; c < table.Columns.Count; c++)
        {
            var values = table.Columns[c].Values;
            string value = values.Count > 0 ? EngineeringFormat.Format(values[0], 6) : "";
            svg.Add(SvgPanel.Text(Left, 60 + 20 * c, $"{table.Columns[c].Name} = {value}", "start"));
        }
        return svg;
    }

    /// <summary>A view of the table's first <paramref name="count"/> columns (hopf: sweep, re(lambda), im(lambda)).</summary>
    private static ResultTable FirstColumns(ResultTable table, int count)
    {
        var view = new ResultTable(table.Kind, table.FileStem, table.PlotName, table.Title);
        view.Columns.AddRange(table.Columns.Take(count));
        return view;
    }

    private static List<double> Frequencies(ResultTable table)
    {
        if (table.Vectors.Count > 0) return table.Vectors[0].Real;
        return table.Columns.Count > 0 ? table.Columns[0].Values : new List<double>();
    }

    private static IEnumerable<RawVector> ComplexVectors(ResultTable table) =>
        table.Vectors.Where(v => v.IsComplex && v.Type != VectorType.Frequency);

    /// <summary>Row ranges to draw as separate curves: one per <c>.step</c> value (legend suffix " @ r=1k"), else all rows.
    /// A stepped op table is one curve against the parameter.</summary>
    private static List<(int First, int Count, string Suffix)> Segments(ResultTable table)
    {
        if (table.Steps.Count == 0 || table.Kind == "op") return [(0, table.RowCount, "")];
        return table.Steps.Select(s => (s.FirstRow, s.RowCount, $" @ {table.StepParameter}={EngineeringFormat.Format(s.Value, 6)}")).ToList();
    }

    /// <summary>Every complex vector cut into its step segments, with the matching frequencies.</summary>
    private static IEnumerable<(RawVector Vector, List<double> F, string Suffix)> ComplexSegments(ResultTable table, List<double> f)
    {
        var segments = Segments(table);
        foreach (var (first, count, suffix) in segments)
            foreach (var v in ComplexVectors(table))
            {
                if (segments.Count == 1 && suffix.Length == 0) { yield return (v, f, ""); continue; }
                var part = new RawVector(v.Name, v.Type, true);
                int n = Math.Max(0, Math.Min(count, Math.Min(v.Real.Count, v.Imag.Count) - first));
                part.Real.AddRange(v.Real.GetRange(first, n));
                part.Imag.AddRange(v.Imag.GetRange(first, n));
                yield return (part, Slice(f, first, Math.Max(0, Math.Min(count, f.Count - first))), suffix);
            }
    }

    /// <summary>Draws the legend entries that fit in <paramref name="space"/> pixels (18 per line); the others are
    /// summarized as "… N more". Returns the number of lines drawn.</summary>
    private static int Legend(XElement svg, double top, List<Series> series, double space)
    {
        int fit = Math.Max(1, (int)(space / 18));
        if (series.Count <= fit)
        {
            SvgPanel.Legend(svg, LegendLeft, top, series.Select(s => s.Name).ToList());
            return series.Count;
        }
        SvgPanel.Legend(svg, LegendLeft, top, series.Take(fit - 1).Select(s => s.Name).ToList());
        svg.Add(SvgPanel.Text(LegendLeft + 28, top + 18 * (fit - 1) + 4, $"\u2026 {series.Count - fit + 1} more", "start"));
        return fit;
    }

    private static List<double> Slice(List<double> values, int first, int count) =>
        first == 0 && count == values.Count ? values : values.GetRange(first, count);

    private static string AxisTitle(string name) => name switch
    {
        "time" => "time (s)",
        "frequency" => "frequency (Hz)",
        _ => name,
    };

    /// <summary>Smallest and largest finite value (NaN, NaN if none).</summary>
    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min <= max ? (min, max) : (double.NaN, double.NaN);
    }
}
