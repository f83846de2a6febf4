using Xunit;
using System.Xml.Linq;
using Perovspice.Cli.Output;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Tests.Output;

public class SvgPlotterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Load(string path) => XDocument.Load(path);
    private static int Polylines(XDocument d) => d.Descendants(Svg + "polyline").Count();

    [Fact]
    public void TranChartHasOnePolylinePerColumnAndLegend()
    {
        string dir = TestTables.TempDir();
        var paths = SvgPlotter.Write(TestTables.Tran(200), dir);
        Assert.Equal([Path.Combine(dir, "tran.svg")], paths);
        var d = Load(paths[0]);
        Assert.Equal(2, Polylines(d));
        var legend = d.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["v(out)", "i(v1)"], legend.Elements(Svg + "text").Select(t => t.Value));
        var ticks = d.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "ticks");
        Assert.Contains("10m", ticks.Elements(Svg + "text").Select(t => t.Value)); // time axis 0 .. 20 ms
        var points = d.Descendants(Svg + "polyline").First().Attribute("points")!.Value.Split(' ');
        Assert.Equal(200, points.Length);
    }

    [Fact]
    public void AcWritesBodeWithTwoPanelsAndNyquist()
    {
        string dir = TestTables.TempDir();
        var paths = SvgPlotter.Write(TestTables.Ac(), dir);
        Assert.Equal([Path.Combine(dir, "ac-bode.svg"), Path.Combine(dir, "ac-nyquist.svg")], paths);
        var bode = Load(paths[0]);
        Assert.Equal(4, Polylines(bode)); // 2 complex vectors × (magnitude, phase)
        Assert.Equal(2, bode.Descendants(Svg + "clipPath").Count());
        var nyq = Load(paths[1]);
        Assert.Equal(2, Polylines(nyq));
        Assert.Equal(2, nyq.Descendants(Svg + "circle").Count());
    }

    [Theory]
    [InlineData(3.0, 1.0, 1.0)]      // a circle of radius 1 around (3, 0)
    [InlineData(1e-6, 1e-6, 4e-6)]   // an ellipse (-Im 4x wider than Re), tiny values
    [InlineData(1e4, 50.0, 5.0)]     // a flat ellipse far from the origin
    public void NyquistAxesAreEqual(double centre, double radiusRe, double radiusIm)
    {
        var t = new ResultTable("ac", "ac", "AC Analysis", "circle");
        var f = new RawVector("frequency", VectorType.Frequency, false);
        var z = new RawVector("v(z)", VectorType.Voltage, true);
        for (int k = 0; k <= 360; k++)
        {
            double a = k * Math.PI / 180;
            f.Real.Add(k + 1);
            z.Real.Add(centre + radiusRe * Math.Cos(a));
            z.Imag.Add(-radiusIm * Math.Sin(a));
        }
        t.Vectors.AddRange([f, z]);
        var svg = SvgPlotter.Nyquist(t);
        var pts = svg.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        double width = pts.Max(p => p[0]) - pts.Min(p => p[0]);
        double height = pts.Max(p => p[1]) - pts.Min(p => p[1]);
        // pixel extents in the ratio of the data extents: same units per pixel on both axes
        Assert.Equal(radiusIm / radiusRe, height / width, 0.02 * radiusIm / radiusRe);
        // and the shape fits inside the frame
        var frame = svg.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "frame");
        double fx = double.Parse(frame.Attribute("x")!.Value), fw = double.Parse(frame.Attribute("width")!.Value);
        double fy = double.Parse(frame.Attribute("y")!.Value), fh = double.Parse(frame.Attribute("height")!.Value);
        Assert.All(pts, p => Assert.InRange(p[0], fx - 0.01, fx + fw + 0.01));
        Assert.All(pts, p => Assert.InRange(p[1], fy - 0.01, fy + fh + 0.01));
    }

    [Fact]
    public void NamesAreEscapedAndDegenerateDataWork()
    {
        var t = new ResultTable("dc", "dc-2", "DC transfer characteristic", "a <b> & \"c\"\u0001");
        foreach (string name in new[] { "v1", "@n1[ic]", "v(a<b)" })
        {
            var c = new ResultColumn(name);
            c.Values.Add(1.5);
            t.Columns.Add(c);
        }
        string dir = TestTables.TempDir();
        var d = Load(SvgPlotter.Write(t, dir).Single());
        Assert.Equal(2, Polylines(d));
        Assert.Contains(d.Descendants(Svg + "text"), e => e.Value == "v(a<b)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void EmptyOnePointAndConstantTables(int rows)
    {
        string dir = TestTables.TempDir();
        var tran = TestTables.Tran(rows);
        foreach (var v in tran.Columns[1].Values.ToList().Select((_, i) => i)) tran.Columns[1].Values[v] = 3; // constant
        Assert.Equal(2, Polylines(Load(SvgPlotter.Write(tran, dir).Single())));
        var ac = TestTables.Ac(1, 0);
        while (ac.Vectors[0].Real.Count > rows) foreach (var v in ac.Vectors) { v.Real.RemoveAt(0); if (v.IsComplex) v.Imag.RemoveAt(0); }
        var both = SvgPlotter.Write(ac, dir);
        Assert.Equal(4, Polylines(Load(both[0])));
        Assert.Equal(2, Polylines(Load(both[1])));
    }

    [Fact]
    public void HugeRangesAndZeroMagnitude()
    {
        var t = TestTables.Tran(3);
        t.Columns[1].Values[0] = -1e308; t.Columns[1].Values[2] = 1e308;
        t.Columns[2].Values[1] = 1e-320;
        var ac = TestTables.Ac(2, 1);
        ac.Vectors[1].Real[0] = 0; ac.Vectors[1].Imag[0] = 0; // -inf dB: point skipped
        string dir = TestTables.TempDir();
        Assert.Equal(2, Polylines(Load(SvgPlotter.Write(t, dir).Single())));
        Assert.Equal(4, Polylines(Load(SvgPlotter.Write(ac, dir)[0])));
    }

    [Fact]
    public void OpWritesValueList()
    {
        string dir = TestTables.TempDir();
        var d = Load(SvgPlotter.Write(TestTables.Op(), dir).Single());
        Assert.Contains(d.Descendants(Svg + "text"), e => e.Value == "i(v1) = -500u");
    }

    [Fact]
    public void LongSeriesAreReducedButKeepTheEnvelope()
    {
        var t = TestTables.Tran(100_000);
        for (int i = 0; i < 100_000; i++) t.Columns[1].Values[i] = i % 2 == 0 ? 1 : -1;
        var svg = SvgPlotter.Waveforms(t);
        var pts = svg.Descendants(Svg + "polyline").First().Attribute("points")!.Value.Split(' ');
        Assert.True(pts.Length < 5000, $"{pts.Length} points");
        var ys = pts.Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys.Max() - ys.Min() > 300); // both extremes still drawn
    }
}
