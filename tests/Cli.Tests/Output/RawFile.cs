using Xunit;
using System.Globalization;

namespace Perovspice.Cli.Tests.Output;

/// <summary>A minimal ASCII raw-file reader used to check what RawWriter wrote.</summary>
internal sealed class RawFile
{
    public Dictionary<string, string> Header { get; } = new();
    public List<(int Index, string Name, string Type)> Variables { get; } = new();
    /// <summary>[point][variable] = (re, im); im is 0 for real files.</summary>
    public List<(double Re, double Im)[]> Points { get; } = new();

    public static RawFile Read(string path)
    {
        var raw = new RawFile();
        var lines = File.ReadAllLines(path);
        int i = 0;
        for (; lines[i] != "Variables:"; i++)
        {
            int colon = lines[i].IndexOf(':');
            raw.Header[lines[i][..colon]] = lines[i][(colon + 1)..].Trim();
        }
        int nvar = int.Parse(raw.Header["No. Variables"], CultureInfo.InvariantCulture);
        int npts = int.Parse(raw.Header["No. Points"], CultureInfo.InvariantCulture);
        for (int k = 0; k < nvar; k++)
        {
            var f = lines[++i].Split('\t');
            Assert.Equal("", f[0]); // a leading tab
            raw.Variables.Add((int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3]));
        }
        Assert.Equal("Values:", lines[++i]);
        for (int p = 0; p < npts; p++)
        {
            var first = lines[++i];
            Assert.StartsWith(" ", first);
            var head = first[1..].Split('\t');
            Assert.Equal(p, int.Parse(head[0], CultureInfo.InvariantCulture));
            var values = new (double, double)[nvar];
            values[0] = Parse(head[1]);
            for (int k = 1; k < nvar; k++)
            {
                var line = lines[++i];
                Assert.StartsWith("\t", line);
                values[k] = Parse(line[1..]);
            }
            Assert.Equal("", lines[++i]); // blank line after each point
            raw.Points.Add(values);
        }
        Assert.Equal(lines.Length, i + 1);
        return raw;
    }

    private static (double, double) Parse(string s)
    {
        var parts = s.Split(',');
        double re = double.Parse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture);
        double im = parts.Length > 1 ? double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
        return (re, im);
    }
}
