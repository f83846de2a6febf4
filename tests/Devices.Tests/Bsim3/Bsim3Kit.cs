using System.Globalization;
using Perovspice.Devices.Bsim3;
using Perovspice.Engine;

namespace Perovspice.Devices.Tests.Bsim3;

/// <summary>Test helpers: the committed model cards (References/bsim3_018.lib) read by a minimal card reader
/// written here, the instance geometries of make_refs.py, and the ngspice tables.</summary>
public static class Bsim3Kit
{
    /// <summary>The References folder of the BSIM3 tests in the test output.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Bsim3", "References");

    /// <summary>Parses a SPICE number with an engineering suffix.</summary>
    public static double Number(string s)
    {
        s = s.Trim().ToLowerInvariant();
        var scales = new (string, double)[]
        {
            ("meg", 1e6), ("mil", 25.4e-6), ("t", 1e12), ("g", 1e9), ("k", 1e3), ("m", 1e-3), ("u", 1e-6),
            ("n", 1e-9), ("p", 1e-12), ("f", 1e-15),
        };
        int end = 0;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] is '.' or '-' or '+' ||
               (s[end] == 'e' && end + 1 < s.Length && (char.IsDigit(s[end + 1]) || s[end + 1] is '-' or '+'))))
            end++;
        double v = double.Parse(s[..end], CultureInfo.InvariantCulture);
        string rest = s[end..];
        foreach (var (suffix, scale) in scales)
            if (rest.StartsWith(suffix)) return v * scale;
        return v;
    }

    /// <summary>Reads `name=value` pairs.</summary>
    public static Dictionary<string, double> Pairs(string text)
    {
        var d = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var tok in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = tok.Split('=');
            if (kv.Length == 2 && kv[0] != "version") d[kv[0].ToLowerInvariant()] = Number(kv[1]);
        }
        return d;
    }

    private static readonly Lazy<Dictionary<string, (Bsim3Model model, Dictionary<string, double> given)>> Cards = new(() =>
    {
        var result = new Dictionary<string, (Bsim3Model model, Dictionary<string, double> given)>();
        var lines = new List<string>();
        foreach (var raw in File.ReadAllLines(Path.Combine(Folder, "bsim3_018.lib")))
        {
            if (raw.StartsWith('*')) continue;
            if (raw.StartsWith('+') && lines.Count > 0) lines[^1] += " " + raw[1..];
            else lines.Add(raw);
        }
        foreach (var line in lines)
        {
            var parts = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || parts[0] != ".model") continue;
            var given = Pairs(parts[3]);
            given.Remove("level");
            result[parts[1]] = (new Bsim3Model(parts[1], parts[2], given, version: "3.3.0"), given);
        }
        return result;
    });

    /// <summary>The model card named <paramref name="name"/> ("n018", "p018").</summary>
    public static Bsim3Model Model(string name) => Cards.Value[name].model;

    /// <summary>The model card named <paramref name="name"/> with some values replaced (NaN removes one).</summary>
    public static Bsim3Model Model(string name, IReadOnlyDictionary<string, double> overrides)
    {
        var given = new Dictionary<string, double>(Cards.Value[name].given);
        foreach (var (k, v) in overrides)
            if (double.IsNaN(v)) given.Remove(k);
            else given[k] = v;
        return new Bsim3Model(name, Cards.Value[name].model.IsPmos ? "pmos" : "nmos", given, version: "3.3.0");
    }

    /// <summary>Instance geometry strings of make_refs.py.</summary>
    public static readonly Dictionary<string, string> Geometries = new()
    {
        ["short"] = "w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u nrs=0.5 nrd=0.5",
        ["long"] = "w=10u l=2u as=5p ad=5p ps=12u pd=12u nrs=0.05 nrd=0.05",
    };

    /// <summary>A geometry from an instance parameter string.</summary>
    public static Bsim3Geometry Geometry(string text)
    {
        var p = Pairs(text);
        double G(string k, double d) => p.TryGetValue(k, out var v) ? v : d;
        return new Bsim3Geometry
        {
            L = G("l", 100e-6), W = G("w", 100e-6), AS = G("as", 0), AD = G("ad", 0), PS = G("ps", 0),
            PD = G("pd", 0), NRS = G("nrs", 1), NRD = G("nrd", 1), M = G("m", 1),
        };
    }

    /// <summary>Reads an ngspice wrdata table: header names and rows.</summary>
    public static (string[] Header, List<double[]> Rows) Table(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));
        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = new List<double[]>();
        foreach (var l in lines.Skip(1))
        {
            var f = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            rows.Add(f.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        }
        return (header, rows);
    }

    /// <summary>Simulation options of the reference runs.</summary>
    public static SimulationOptions Options => new() { RelTol = 1e-6, AbsTol = 1e-15, VnTol = 1e-9 };
}
