using Xunit;
using System.Diagnostics;
using System.Globalization;
using Perovspice.Cli.Output;
using Perovspice.Cli.Results;
using Xunit.Abstractions;

namespace Perovspice.Cli.Tests.Output;

public class RawWriterTests(ITestOutputHelper output)
{
    private static readonly DateTime Date = new(2026, 3, 5, 9, 4, 7);

    [Fact]
    public void RealFileStructureAndValues()
    {
        var t = TestTables.Tran(5);
        string path = Path.Combine(TestTables.TempDir(), "tran.raw");
        RawWriter.Write(t, path, Date);
        var raw = RawFile.Read(path);
        Assert.Equal("rc test", raw.Header["Title"]);
        Assert.Equal("Thu Mar  5 09:04:07  2026", raw.Header["Date"]);
        Assert.Equal("Transient Analysis", raw.Header["Plotname"]);
        Assert.Equal("real", raw.Header["Flags"]);
        Assert.Equal([(0, "time", "time"), (1, "v(out)", "voltage"), (2, "i(v1)", "current")], raw.Variables);
        Assert.Equal(5, raw.Points.Count);
        for (int p = 0; p < 5; p++)
            for (int k = 0; k < 3; k++)
                Assert.Equal(t.Vectors[k].Real[p], raw.Points[p][k].Re); // lossless
        string text = File.ReadAllText(path);
        Assert.StartsWith("Title: rc test\nDate: ", text);
        Assert.Contains("Values:\n 0\t0.0e+00\n\t0.0e+00\n\t-1.0e-03\n\n 1\t1.0e-04\n", text);
    }

    [Fact]
    public void ComplexFileWritesReImForEveryVectorAndLogGrid()
    {
        var t = TestTables.Ac(2, 2);
        string path = Path.Combine(TestTables.TempDir(), "ac.raw");
        RawWriter.Write(t, path, Date);
        var raw = RawFile.Read(path);
        Assert.Equal("complex", raw.Header["Flags"]);
        Assert.Equal("frequency grid=3", raw.Variables[0].Type);
        Assert.Equal(5, raw.Points.Count);
        for (int p = 0; p < 5; p++)
        {
            Assert.Equal((t.Vectors[0].Real[p], 0.0), raw.Points[p][0]);
            Assert.Equal((t.Vectors[1].Real[p], t.Vectors[1].Imag[p]), raw.Points[p][1]);
        }
    }

    [Fact]
    public void OpFileHasNoScaleAndOnePoint()
    {
        string path = Path.Combine(TestTables.TempDir(), "op.raw");
        RawWriter.Write(TestTables.Op(), path, Date);
        var raw = RawFile.Read(path);
        Assert.Equal("Operating Point", raw.Header["Plotname"]);
        Assert.Equal("1", raw.Header["No. Points"]);
        Assert.Equal([(0, "v(in)", "voltage"), (1, "v(out)", "voltage"), (2, "i(v1)", "current")], raw.Variables);
        Assert.Equal(-5e-4, raw.Points[0][2].Re);
    }

    [Fact]
    public void WritesOneFilePerTableNamedByStem()
    {
        string dir = TestTables.TempDir();
        var paths = RawWriter.Write([TestTables.Op(), TestTables.Tran()], dir);
        Assert.Equal([Path.Combine(dir, "op.raw"), Path.Combine(dir, "tran.raw")], paths);
        Assert.All(paths, p => Assert.True(File.Exists(p)));
    }

    [Fact]
    public void NonFiniteIsRefused()
    {
        var t = TestTables.Tran();
        t.Vectors[1].Real[1] = double.NaN;
        var e = Assert.Throws<InvalidOperationException>(() => RawWriter.Write(t, Path.Combine(TestTables.TempDir(), "x.raw")));
        Assert.Contains("v(out)", e.Message);
    }

    [Theory]
    [InlineData(0.0, "0.0e+00")]
    [InlineData(1.0, "1.0e+00")]
    [InlineData(0.1, "1.0e-01")]
    [InlineData(-123.25, "-1.2325e+02")]
    [InlineData(1e-300, "1.0e-300")]
    [InlineData(0.30000000000000004, "3.0000000000000004e-01")]
    [InlineData(12345678901234567890.0, "1.2345678901234567e+19")]
    public void ScientificIsShortestAndLossless(double value, string expected)
    {
        string s = NumberFormat.Scientific(value);
        Assert.Equal(expected, s);
        Assert.Equal(value, double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ScientificRoundTripsRandomValues()
    {
        var rnd = new Random(7);
        for (int k = 0; k < 20000; k++)
        {
            double v = BitConverter.Int64BitsToDouble(rnd.NextInt64());
            if (!double.IsFinite(v)) continue;
            string s = NumberFormat.Scientific(v);
            Assert.Equal(v, double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
            Assert.Matches(@"^-?\d\.\d+e[+-]\d\d\d?$", s);
        }
    }

    /// <summary>ngspice must load what we write; skipped (returns early) when ngspice is not installed.</summary>
    [Fact]
    public void NgspiceLoadsOurFiles()
    {
        string? ngspice = FindOnPath("ngspice");
        if (ngspice == null)
        {
            output.WriteLine("SKIPPED: ngspice is not on PATH");
            return;
        }
        string dir = TestTables.TempDir();
        var tran = TestTables.Tran(4);
        var ac = TestTables.Ac(1, 2);
        RawWriter.Write([tran, ac, TestTables.Op()], dir);
        string deck = Path.Combine(dir, "load.cir");
        File.WriteAllText(deck, $"""
            load test
            .control
            load {Path.Combine(dir, "tran.raw")}
            print v(out) i(v1)
            load {Path.Combine(dir, "ac.raw")}
            print v(out)
            load {Path.Combine(dir, "op.raw")}
            print v(out) i(v1)
            .endc
            .end

            """);
        var psi = new ProcessStartInfo(ngspice, ["-b", deck])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir,
        };
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.DoesNotContain("rror", stdout + stderr);
        Assert.Contains("time                : time, real, 4 long [default scale]", stdout);
        Assert.Contains("frequency           : frequency, complex, 3 long, grid = xlog [default scale]", stdout);
        // tran: v(out), i(v1) of point 3 (t = 0.3 ms), printed with 7 and 6 digits
        var row3 = Rows(stdout, 3).First();
        Assert.Equal(tran.Vectors[1].Real[3], row3[0], 1e-7);
        Assert.Equal(tran.Vectors[2].Real[3], row3[1], 1e-9);
        // ac: point 2 (1 kHz) v(out) printed as "re, im"
        Assert.Contains(ac.Vectors[1].Real[2].ToString("0.000000e+00", CultureInfo.InvariantCulture), stdout);
        // op
        Assert.Contains("v(out) = 5.000000e-01", stdout);
        Assert.Contains("i(v1) = -5.00000e-04", stdout);
    }

    /// <summary>Numbers of the table rows printed by ngspice whose index is <paramref name="index"/>.</summary>
    private static IEnumerable<double[]> Rows(string stdout, int index) =>
        stdout.Split('\n')
            .Select(l => l.Split(['\t', ' ', ','], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2 && f[0] == index.ToString(CultureInfo.InvariantCulture)
                        && f.Skip(1).All(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            .Select(f => f.Skip(1).Select(x => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());

    private static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
