using System.Globalization;

namespace Perovspice.Devices.Tests;

/// <summary>Reads the committed ngspice reference tables (whitespace-separated, one header line).</summary>
internal static class Reference
{
    public static string PathOf(params string[] parts) =>
        Path.Combine(new[] { AppContext.BaseDirectory, "References" }.Concat(parts).ToArray());

    /// <summary>Columns of a wrdata table (time or frequency first).</summary>
    public static double[][] Table(params string[] parts)
    {
        var rows = new List<double[]>();
        foreach (var line in File.ReadLines(PathOf(parts)).Skip(1))
        {
            var cells = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length == 0) continue;
            rows.Add(cells.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray());
        }
        int n = rows[0].Length;
        return Enumerable.Range(0, n).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
    }

    /// <summary>The numbers of a one-line file.</summary>
    public static double[] Numbers(params string[] parts) =>
        File.ReadAllText(PathOf(parts)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Linear interpolation of (ts, ys) at t (ts increasing).</summary>
    public static double Interpolate(IReadOnlyList<double> ts, IReadOnlyList<double> ys, double t)
    {
        if (t <= ts[0]) return ys[0];
        if (t >= ts[^1]) return ys[^1];
        int lo = 0, hi = ts.Count - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (ts[mid] <= t) lo = mid; else hi = mid;
        }
        double f = (t - ts[lo]) / (ts[hi] - ts[lo]);
        return ys[lo] + f * (ys[hi] - ys[lo]);
    }

    /// <summary>Times at which ys crosses <paramref name="level"/> going down (linear interpolation).</summary>
    public static List<double> FallingCrossings(IReadOnlyList<double> ts, IReadOnlyList<double> ys, double level)
    {
        var list = new List<double>();
        for (int k = 1; k < ts.Count; k++)
            if (ys[k - 1] >= level && ys[k] < level)
                list.Add(ts[k - 1] + (level - ys[k - 1]) / (ys[k] - ys[k - 1]) * (ts[k] - ts[k - 1]));
        return list;
    }

    /// <summary>Times at which ys crosses <paramref name="level"/> going up (linear interpolation).</summary>
    public static List<double> RisingCrossings(IReadOnlyList<double> ts, IReadOnlyList<double> ys, double level)
    {
        var list = new List<double>();
        for (int k = 1; k < ts.Count; k++)
            if (ys[k - 1] <= level && ys[k] > level)
                list.Add(ts[k - 1] + (level - ys[k - 1]) / (ys[k] - ys[k - 1]) * (ts[k] - ts[k - 1]));
        return list;
    }
}
