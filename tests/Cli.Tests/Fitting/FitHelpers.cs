using Xunit;
using System.Globalization;

namespace Perovspice.Cli.Tests.Fitting;

/// <summary>Runs `perovspice fit` in-process on the committed synthetic data and reads fit.csv.</summary>
internal static class FitHelpers
{
    public static string Ref(string name) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "fit", name);

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "perovspice-fit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>fit.csv rows by parameter name: value, stderr, lo95, hi95.</summary>
    public static Dictionary<string, (double Value, double StdErr, double Lo95, double Hi95)> ReadFit(string dir)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, "fit.csv"));
        Assert.Equal("param,value,stderr,lo95,hi95,start,lo,hi", lines[0]);
        var result = new Dictionary<string, (double, double, double, double)>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            double P(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            result[f[0]] = (P(1), P(2), P(3), P(4));
        }
        return result;
    }

    /// <summary>Asserts the fitted value within <paramref name="relTol"/> of the truth and, when asked, the truth inside the 95 % interval.</summary>
    public static void Recovered(Dictionary<string, (double Value, double StdErr, double Lo95, double Hi95)> fit, string name, double truth,
        double relTol = 0.05, bool inInterval = true)
    {
        var p = fit[name];
        Assert.True(Math.Abs(p.Value - truth) <= relTol * Math.Abs(truth), $"{name} = {p.Value}, true {truth}");
        if (inInterval) Assert.True(p.Lo95 <= truth && truth <= p.Hi95, $"{name}: true {truth} outside [{p.Lo95}, {p.Hi95}]");
    }
}
