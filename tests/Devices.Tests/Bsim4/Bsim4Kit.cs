using System.Globalization;
using Perovspice.Devices.Bsim3;
using Perovspice.Devices.Bsim4;
using Perovspice.Engine;

namespace Perovspice.Devices.Tests.Bsim4;

/// <summary>Test helpers of the BSIM4 dc tests: the cases of References/make_refs.py (read from their .case files),
/// the model cards they wrote (&lt;case&gt;.lib, read by a minimal card reader written here) and the ngspice tables.</summary>
public static class Bsim4Kit
{
    /// <summary>The References folder of the BSIM4 tests in the test output.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Bsim4", "References");

    /// <summary>The case names (one per .case file).</summary>
    public static IEnumerable<string> CaseNames() =>
        Directory.GetFiles(Folder, "*.case").Select(Path.GetFileNameWithoutExtension).Order()!;

    /// <summary>One case of make_refs.py.</summary>
    public sealed record Case(string Name, string Model, Dictionary<string, string> Instance, double Celsius, double Vb,
        DcSweepSpec Sweep1, DcSweepSpec Sweep2);

    /// <summary>Reads &lt;name&gt;.case.</summary>
    public static Case ReadCase(string name)
    {
        var d = File.ReadAllLines(Path.Combine(Folder, name + ".case"))
            .Select(l => l.Split(' ', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        static DcSweepSpec Sweep(string s)
        {
            var f = s.Split(' ');
            return new DcSweepSpec(f[0], Number(f[1]), Number(f[2]), Number(f[3]));
        }
        var inst = d["inst"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split('='))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        return new Case(name, d["model"], inst, Number(d["temp"]), Number(d["vb"]), Sweep(d["sweep1"]), Sweep(d["sweep2"]));
    }

    /// <summary>Parses a SPICE number with an engineering suffix.</summary>
    public static double Number(string s) => Bsim3.Bsim3Kit.Number(s);

    /// <summary>The model <paramref name="model"/> of the card file &lt;case&gt;.lib.</summary>
    public static Bsim4Model Model(string caseName, string model)
    {
        var lines = new List<string>();
        foreach (var raw in File.ReadAllLines(Path.Combine(Folder, caseName + ".lib")))
        {
            var line = raw.Replace('\t', ' ');
            if (line.StartsWith('*')) continue;
            if (line.StartsWith('+') && lines.Count > 0) lines[^1] += " " + line[1..];
            else lines.Add(line);
        }
        foreach (var line in lines)
        {
            var text = System.Text.RegularExpressions.Regex.Replace(line, @"\s*=\s*", "=");
            var parts = text.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || parts[0] != ".model" || parts[1] != model) continue;
            var given = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            string? version = null;
            foreach (var tok in parts[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = tok.Split('=');
                if (kv.Length != 2) continue;
                if (kv[0] == "version") version = kv[1];
                else if (kv[0] != "level") given[kv[0].ToLowerInvariant()] = Number(kv[1]);
            }
            return new Bsim4Model(model, parts[2], given, version: version);
        }
        throw new ArgumentException($"no model {model} in {caseName}.lib");
    }

    /// <summary>The device of a case, built by the model's factory from the instance parameters.</summary>
    public static Device Device(Case c, Bsim4Model model) => model.CreateDevice(new DeviceRequest
    {
        Name = "m1",
        Nodes = new[] { "d", "g", "0", "b" },
        Parameters = c.Instance.ToDictionary(kv => kv.Key, kv => Number(kv.Value), StringComparer.OrdinalIgnoreCase),
        Temperature = c.Celsius + Units.CelsiusToKelvin,
    });

    /// <summary>Reads an ngspice wrdata table: header names and rows.</summary>
    public static (string[] Header, List<double[]> Rows) Table(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name + ".txt"));
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

    /// <summary>Simulation options of the reference runs (make_refs.py: reltol 1e-9, abstol 1e-18, vntol 1e-12).</summary>
    public static SimulationOptions Options => new() { RelTol = 1e-9, AbsTol = 1e-18, VnTol = 1e-12, Gmin = 1e-12 };
}
