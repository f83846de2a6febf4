using System.Numerics;
using System.Xml.Linq;
using Perovspice.Cli.Output;

namespace Perovspice.Cli.Fitting;

/// <summary>
/// Overlay pictures of a fit (<c>--plot</c>): data as markers, the fitted model as a line of the same colour. Ac data
/// with real and imaginary columns of one quantity: a Nyquist plot (−Im against Re, equal axes) and a Bode plot
/// (|Z| and phase against log frequency); every other file: its columns against the sweep variable.
/// </summary>
internal static class FitPlots
{
    private const double Width = 960, Left = 90, Right = 760, LegendLeft = 780;

    /// <summary>Writes the pictures of every data file into <paramref name="dir"/>; returns their paths.</summary>
    public static List<string> Write(string dir, FitModel model, double[][][] fitted)
    {
        var written = new List<string>();
        var stems = new HashSet<string>();
        for (int t = 0; t < model.Targets.Count; t++)
        {
            var target = model.Targets[t];
            string stem = target.Data.Stem;
            for (int k = 2; !stems.Add(stem); k++) stem = $"{target.Data.Stem}-{k}";
            void Save(XElement svg, string suffix)
            {
                string path = Path.Combine(dir, stem + ".fit" + suffix + ".svg");
                new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Save(path);
                written.Add(path);
            }
            var pairs = target.Kind == "ac" ? ComplexPairs(target, fitted[t]) : new();
            if (pairs.Count > 0)
            {
                Save(Nyquist(target, pairs), "-nyquist");
                Save(Bode(target, pairs), "-bode");
            }
            else Save(Curves(target, fitted[t]), "");
        }
        return written;
    }

    private sealed record Pair(string Name, Complex[] Data, Complex[] Fit);

    /// <summary>Real/imaginary column pairs of one print item (vr/vi, ir/ii, re/im of @dev[q]).</summary>
    private static List<Pair> ComplexPairs(FitTarget t, double[][] fit)
    {
        var list = new List<Pair>();
        foreach (var group in t.Columns.Select((c, i) => (c, i)).GroupBy(x => x.c.Probe))
        {
            var re = group.FirstOrDefault(x => x.c.Part!(new Complex(1, 2)) == 1);
            var im = group.FirstOrDefault(x => x.c.Part!(new Complex(1, 2)) == 2);
            if (re.c is null || im.c is null) continue;
            var data = t.Data.Rows.Select(r => new Complex(r[re.c.DataIndex], r[im.c.DataIndex])).ToArray();
            var model = fit[re.i].Select((v, k) => new Complex(v, fit[im.i][k])).ToArray();
            string name = re.c.Name.StartsWith("re(", StringComparison.OrdinalIgnoreCase) ? re.c.Name[3..^1] : re.c.Name[0] + re.c.Name[2..];
            list.Add(new Pair(name, data, model));
        }
        return list;
    }

    private static (double, double) Range(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToList();
        if (v.Count == 0) return (0, 1);
        double lo = v.Min(), hi = v.Max();
        if (hi == lo) { double d = lo == 0 ? 1 : Math.Abs(lo) * 0.1; return (lo - d, hi + d); }
        return (lo, hi);
    }

    private static XElement Nyquist(FitTarget t, List<Pair> pairs)
    {
        const double height = 760, top = 50, bottom = 690;
        var svg = SvgPanel.NewSvg(Width, height, $"{t.Data.Stem}: fit (Nyquist)");
        var data = pairs.Select(p => new Series(p.Name, p.Data.Select(z => z.Real).ToList(), p.Data.Select(z => -z.Imaginary).ToList())).ToList();
        var fit = pairs.Select(p => new Series(p.Name + " fit", p.Fit.Select(z => z.Real).ToList(), p.Fit.Select(z => -z.Imaginary).ToList())).ToList();
        var (xmin, xmax) = Range(data.Concat(fit).SelectMany(s => s.X));
        var (ymin, ymax) = Range(data.Concat(fit).SelectMany(s => s.Y));
        var nx = AxisScale.Linear(xmin, xmax, Left, Right);
        var ny = AxisScale.Linear(ymin, ymax, bottom, top);
        var (rx, ry) = AxisScale.EqualAspect((nx.Min, nx.Max), (ny.Min, ny.Max), Right - Left, bottom - top);
        var xs = AxisScale.Linear(rx.Min, rx.Max, Left, Right, nice: false, targetTicks: 8);
        var ys = AxisScale.Linear(ry.Min, ry.Max, bottom, top, nice: false, targetTicks: 8);
        SvgPanel.Axes(svg, "plot", xs, ys, "Re", "\u2212Im");
        Draw(svg, "plot", xs, ys, data, fit);
        Legend(svg, top + 10, data);
        return svg;
    }

    private static XElement Bode(FitTarget t, List<Pair> pairs)
    {
        const double height = 820, top1 = 50, bottom1 = 380, top2 = 420, bottom2 = 750;
        var svg = SvgPanel.NewSvg(Width, height, $"{t.Data.Stem}: fit (Bode)");
        var f = t.Sweep.ToList();
        List<Series> Mag(Func<Pair, Complex[]> z, string suffix) => pairs.Select(p => new Series(p.Name + suffix, f, z(p).Select(c => c.Magnitude).ToList())).ToList();
        List<Series> Phase(Func<Pair, Complex[]> z, string suffix) => pairs.Select(p => new Series(p.Name + suffix, f, z(p).Select(c => c.Phase * 180 / Math.PI).ToList())).ToList();
        var md = Mag(p => p.Data, ""); var mf = Mag(p => p.Fit, " fit");
        var pd = Phase(p => p.Data, ""); var pf = Phase(p => p.Fit, " fit");
        var (fmin, fmax) = Range(f);
        var x = AxisScale.Logarithmic(fmin, fmax, Left, Right);
        var (mmin, mmax) = Range(md.Concat(mf).SelectMany(s => s.Y).Where(v => v > 0));
        var y1 = mmin > 0 ? AxisScale.Logarithmic(mmin, mmax, bottom1, top1) : AxisScale.Linear(mmin, mmax, bottom1, top1);
        var (pmin, pmax) = Range(pd.Concat(pf).SelectMany(s => s.Y));
        var y2 = AxisScale.Linear(pmin, pmax, bottom2, top2);
        SvgPanel.Axes(svg, "mag", x, y1, "frequency (Hz)", "|Z|", xLabels: false);
        Draw(svg, "mag", x, y1, md, mf);
        SvgPanel.Axes(svg, "phase", x, y2, "frequency (Hz)", "phase (deg)");
        Draw(svg, "phase", x, y2, pd, pf);
        Legend(svg, top1 + 10, md);
        return svg;
    }

    private static XElement Curves(FitTarget t, double[][] fit)
    {
        const double height = 560, top = 50, bottom = 490;
        var svg = SvgPanel.NewSvg(Width, height, $"{t.Data.Stem}: fit");
        var x = t.Sweep.ToList();
        var data = t.Columns.Select(c => new Series(c.Name, x, t.Data.Column(c.DataIndex).ToList())).ToList();
        var model = t.Columns.Select((c, i) => new Series(c.Name + ".fit", x, fit[i].ToList())).ToList();
        var (xmin, xmax) = Range(x);
        var (ymin, ymax) = Range(data.Concat(model).SelectMany(s => s.Y));
        var xs = AxisScale.Linear(xmin, xmax, Left, Right);
        var ys = AxisScale.Linear(ymin, ymax, bottom, top);
        SvgPanel.Axes(svg, "plot", xs, ys, t.Data.Header[0], "");
        Draw(svg, "plot", xs, ys, data, model);
        Legend(svg, top + 10, data);
        return svg;
    }

    /// <summary>Fit as lines, data as open circles of the same colour.</summary>
    private static void Draw(XElement svg, string clip, AxisScale x, AxisScale y, List<Series> data, List<Series> fit)
    {
        SvgPanel.Lines(svg, clip, x, y, fit);
        var g = new XElement(SvgPanel.Ns + "g", new XAttribute("class", "markers"), new XAttribute("clip-path", $"url(#{clip})"),
            new XAttribute("fill", "none"), new XAttribute("stroke-width", "1.2"));
        for (int s = 0; s < data.Count; s++)
            for (int i = 0; i < Math.Min(data[s].X.Count, data[s].Y.Count); i++)
            {
                double px = x.Map(data[s].X[i]), py = y.Map(data[s].Y[i]);
                if (!double.IsFinite(px) || !double.IsFinite(py)) continue;
                g.Add(new XElement(SvgPanel.Ns + "circle", new XAttribute("cx", SvgPanel.F(px)), new XAttribute("cy", SvgPanel.F(py)),
                    new XAttribute("r", "3"), new XAttribute("stroke", SvgPanel.Color(s))));
            }
        svg.Add(g);
    }

    private static void Legend(XElement svg, double top, List<Series> data)
    {
        SvgPanel.Legend(svg, LegendLeft, top, data.Select(s => s.Name).ToList());
        svg.Add(SvgPanel.Text(LegendLeft, top + 18 * data.Count + 10, "\u25CB data, \u2014 fit", "start", 11));
    }
}
