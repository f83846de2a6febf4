using System.Globalization;

namespace Perovspice.Devices.Tests;

/// <summary>Reads the committed ngspice reference tables (wrdata output with vector names) and the `.model`
/// cards of the reference netlists, so that a test builds exactly the circuit ngspice ran.</summary>
internal static class NgspiceReference
{
    public static string PathOf(string folder, string file) =>
        Path.Combine(AppContext.BaseDirectory, "References", folder, file);

    /// <summary>Columns by header name (the first, the sweep scale, is named as in the file, e.g. "v-sweep").</summary>
    public static Dictionary<string, double[]> Table(string folder, string file)
    {
        var lines = File.ReadAllLines(PathOf(folder, file)).Where(l => l.Trim().Length > 0).ToArray();
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cols = names.Select(_ => new List<double>()).ToArray();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int k = 0; k < names.Length; k++) cols[k].Add(double.Parse(parts[k], CultureInfo.InvariantCulture));
        }
        var table = new Dictionary<string, double[]>();
        for (int k = 0; k < names.Length; k++) table[names[k]] = cols[k].ToArray();
        return table;
    }

    /// <summary>The parameters of `.model name ...` in a reference netlist (continuation lines joined).</summary>
    public static Dictionary<string, double> Model(string folder, string file, string name)
    {
        var text = new List<string>();
        foreach (var raw in File.ReadAllLines(PathOf(folder, file)))
        {
            if (raw.StartsWith('+') && text.Count > 0) text[^1] += " " + raw[1..];
            else text.Add(raw);
        }
        var card = text.First(l => l.StartsWith(".model " + name + " ", StringComparison.OrdinalIgnoreCase));
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in card.Replace("(", " ").Replace(")", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3))
        {
            var kv = word.Split('=');
            values[kv[0]] = Number(kv[1]);
        }
        return values;
    }

    /// <summary>A SPICE number with an optional scale suffix.</summary>
    public static double Number(string s)
    {
        s = s.ToLowerInvariant();
        var scales = new (string, double)[] { ("meg", 1e6), ("t", 1e12), ("g", 1e9), ("k", 1e3), ("m", 1e-3), ("u", 1e-6), ("n", 1e-9), ("p", 1e-12), ("f", 1e-15) };
        int end = 0;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] is '.' or '-' or '+' || (s[end] == 'e' && end + 1 < s.Length && (char.IsDigit(s[end + 1]) || s[end + 1] is '-' or '+')))) end++;
        double v = double.Parse(s[..end], CultureInfo.InvariantCulture);
        string rest = s[end..];
        foreach (var (suffix, scale) in scales)
            if (rest.StartsWith(suffix)) return v * scale;
        return v;
    }

    /// <summary>Largest |a − b| / (rel·|b| + abs) over the points: ≤ 1 passes.</summary>
    public static double WorstRatio(IReadOnlyList<double> got, IReadOnlyList<double> expected, double rel, double abs, out int at)
    {
        double worst = 0;
        at = -1;
        for (int k = 0; k < expected.Count; k++)
        {
            double r = Math.Abs(got[k] - expected[k]) / (rel * Math.Abs(expected[k]) + abs);
            if (r > worst) { worst = r; at = k; }
        }
        return worst;
    }
}
