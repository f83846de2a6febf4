using Xunit;
using System.Diagnostics;
using System.Globalization;
using Perovspice.Cli.Output;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Tests.Output;

public class CsvWriterTests
{
    private static ResultTable Table(params (string Name, double[] Values)[] cols)
    {
        var t = new ResultTable("dc", "dc", "DC transfer characteristic", "t");
        foreach (var (name, values) in cols)
        {
            var c = new ResultColumn(name);
            c.Values.AddRange(values);
            t.Columns.Add(c);
        }
        return t;
    }

    [Fact]
    public void WritesExactText()
    {
        var t = Table(("v1", [0, 0.1, 1e-5, 2.5]), ("v(out)", [-0.0, 0.1 + 0.2, 123456789012, -1.5e300]), ("@n1[ic]", [1, 2, 3, 4]));
        string path = Path.Combine(TestTables.TempDir(), "dc.csv");
        CsvWriter.Write(t, path);
        string text = File.ReadAllText(path);
        Assert.Equal(
            "v1,v(out),@n1[ic]\n" +
            "0,-0,1\n" +
            "0.1,0.30000000000000004,2\n" +
            "1E-05,123456789012,3\n" +
            "2.5,-1.5E+300,4\n", text);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.30000000000000004)]
    [InlineData(1e-300)]
    [InlineData(4.9406564584124654e-324)]
    [InlineData(double.MaxValue)]
    [InlineData(-0.0)]
    [InlineData(1.0 / 3)]
    [InlineData(123456.789e-20)]
    public void NumbersRoundTrip(double value)
    {
        string s = NumberFormat.RoundTrip(value);
        Assert.DoesNotContain(" ", s);
        double back = double.Parse(s, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back));
        // .NET's default ToString() gives the same shortest round-trip form as "R".
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), s);
    }

    [Fact]
    public void ShortestForms()
    {
        Assert.Equal("0.1", NumberFormat.RoundTrip(0.1));
        Assert.Equal("1E-05", NumberFormat.RoundTrip(1e-5));
        Assert.Equal("0.0001", NumberFormat.RoundTrip(1e-4));
        Assert.Equal("1000000000000000", NumberFormat.RoundTrip(1e15));
        Assert.Equal("10000000000000000", NumberFormat.RoundTrip(1e16));
        Assert.Equal("1E+17", NumberFormat.RoundTrip(1e17));
        Assert.Equal("1E-300", NumberFormat.RoundTrip(1e-300));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteIsRefusedWithColumnAndRow(double bad)
    {
        var t = Table(("time", [0, 1, 2]), ("v(a)", [0, 1, bad]));
        string path = Path.Combine(TestTables.TempDir(), "tran.csv");
        var e = Assert.Throws<InvalidOperationException>(() => CsvWriter.Write(t, path));
        Assert.Contains("v(a)", e.Message);
        Assert.Contains("row 2", e.Message);
        Assert.False(File.Exists(path)); // checked before anything is written
    }

    [Fact]
    public void UnequalColumnsAreRefused()
    {
        var t = Table(("time", [0, 1, 2]), ("v(a)", [0, 1]));
        Assert.Throws<InvalidOperationException>(() => CsvWriter.Write(t, new StringWriter()));
    }

    [Fact]
    public void OpTableHasOneRowAndNoSweepColumn()
    {
        var sw = new StringWriter();
        CsvWriter.Write(TestTables.Op(), sw);
        Assert.Equal("v(in),v(out),i(v1)\n1,0.5,-0.0005\n", sw.ToString());
    }

    [Fact]
    public void NameWithCommaIsQuoted()
    {
        var sw = new StringWriter();
        CsvWriter.Write(Table(("v(a,b)", [1])), sw);
        Assert.Equal("\"v(a,b)\"\n1\n", sw.ToString());
    }
}
