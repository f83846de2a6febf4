using System.Globalization;
using Perovspice.Devices.Mosfet;
using Perovspice.Engine;

namespace Perovspice.Devices.Tests.Mosfet;

/// <summary>
/// Reads the small reference netlists of References/Mosfet (the very files ngspice ran, so both sides simulate the
/// same circuit): `.model` (nmos/pmos), M, V (dc, ac, pulse), R, C lines and `.temp`; and the ngspice wrdata
/// outputs beside them. A test-side reader only, until the netlist layer reads M elements from the registry.
/// </summary>
internal static class MosKit
{
    public static string Path(string file) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "References", "Mosfet", file);

    public static double Number(string s)
    {
        s = s.ToLowerInvariant();
        int end = 0;
        while (end < s.Length && (char.IsDigit(s[end]) || s[end] is '.' or '-' or '+' or 'e'))
        {
            if (s[end] == 'e' && (end + 1 >= s.Length || !(char.IsDigit(s[end + 1]) || s[end + 1] is '-' or '+'))) break;
            end++;
        }
        double v = double.Parse(s[..end], CultureInfo.InvariantCulture);
        string suffix = s[end..];
        double scale = suffix.StartsWith("meg") ? 1e6 : suffix.Length == 0 ? 1 : suffix[0] switch
        {
            'f' => 1e-15, 'p' => 1e-12, 'n' => 1e-9, 'u' => 1e-6, 'm' => 1e-3, 'k' => 1e3, 'g' => 1e9, 't' => 1e12,
            _ => 1,
        };
        return v * scale;
    }

    private static List<string> Words(string line) =>
        line.Replace("(", " ").Replace(")", " ").Replace(",", " ").Replace(" = ", "=").Replace("= ", "=")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>The circuit of <paramref name="file"/>.</summary>
    public static Circuit Load(string file)
    {
        var lines = File.ReadAllLines(Path(file)).Skip(1)
            .TakeWhile(l => !l.Trim().StartsWith(".control", StringComparison.OrdinalIgnoreCase)).ToList();
        double temp = Units.NominalTemperature;
        foreach (var l in lines)
            if (l.StartsWith(".temp", StringComparison.OrdinalIgnoreCase)) temp = Number(Words(l)[1]) + Units.CelsiusToKelvin;
        var models = new Dictionary<string, IMosfetModel>();
        foreach (var l in lines.Where(l => l.StartsWith(".model", StringComparison.OrdinalIgnoreCase)))
        {
            var w = Words(l.ToLowerInvariant());
            var given = new Dictionary<string, double>();
            int level = 1;
            foreach (var kv in w.Skip(3))
            {
                var parts = kv.Split('=');
                if (parts[0] == "level") level = (int)Number(parts[1]);
                else given[parts[0]] = Number(parts[1]);
            }
            var req = new ModelRequest { Name = w[1], Type = w[2], Level = level, Given = given, Temperature = temp };
            var lv = MosfetKind.Family.Find(level) ?? throw new ArgumentException($"no level {level}");
            models[w[1]] = (IMosfetModel)lv.Create(req);
        }
        var ckt = new Circuit();
        foreach (var raw in lines)
        {
            var l = raw.ToLowerInvariant().Trim();
            if (l.Length == 0 || l[0] is '*' or '.') continue;
            var w = Words(l);
            switch (l[0])
            {
                case 'm':
                {
                    var p = new Dictionary<string, double>();
                    var lists = new Dictionary<string, IReadOnlyList<double>>();
                    var flags = new HashSet<string>();
                    for (int i = 6; i < w.Count; i++)
                    {
                        if (w[i] == "off") { flags.Add("off"); continue; }
                        var parts = w[i].Split('=');
                        if (parts[0] == "ic")
                        {
                            var vals = new List<double> { Number(parts[1]) };
                            while (i + 1 < w.Count && !w[i + 1].Contains('=') && w[i + 1] != "off") vals.Add(Number(w[++i]));
                            lists["ic"] = vals;
                        }
                        else p[parts[0]] = Number(parts[1]);
                    }
                    var req = new DeviceRequest
                    {
                        Name = w[0], Nodes = w.Skip(1).Take(4).ToList(), Model = models[w[5]], Parameters = p,
                        ListParameters = lists, Flags = flags, Temperature = temp,
                    };
                    ckt.Add(MosfetKind.Kind.Create(req));
                    break;
                }
                case 'v':
                {
                    var value = new SourceValue();
                    double dc = 0, ac = 0;
                    Waveform? wave = null;
                    for (int i = 3; i < w.Count; i++)
                    {
                        if (w[i] == "dc") dc = Number(w[++i]);
                        else if (w[i] == "ac") ac = Number(w[++i]);
                        else if (w[i] == "pulse")
                        {
                            var a = new List<double>();
                            while (i + 1 < w.Count) a.Add(Number(w[++i]));
                            wave = new PulseWaveform(a);
                        }
                        else dc = Number(w[i]);
                    }
                    ckt.Add(new VoltageSource(w[0], w[1], w[2], new SourceValue { Dc = dc, AcMagnitude = ac, Waveform = wave }));
                    break;
                }
                case 'r': ckt.Add(new Resistor(w[0], w[1], w[2], Number(w[3]))); break;
                case 'c': ckt.Add(new Capacitor(w[0], w[1], w[2], Number(w[3]))); break;
                default: throw new InvalidOperationException($"MosKit cannot read '{raw}'");
            }
        }
        return ckt;
    }

    /// <summary>The numeric rows of an ngspice wrdata file (header skipped).</summary>
    public static List<double[]> Rows(string file) =>
        File.ReadLines(Path(file)).Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray()).ToList();

    /// <summary>Runs a nested dc sweep and returns -X[branch of <paramref name="probe"/>]… as ngspice's i(probe)
    /// (current into the source's + terminal), one value per point, inner sweep fastest.</summary>
    public static List<double> SweepCurrent(Circuit ckt, string probe, double reltol, params DcSweepSpec[] sweeps)
    {
        var sim = new Simulator(ckt, new SimulationOptions { RelTol = reltol });
        int k = ckt.Find(probe)!.BranchIndex;
        var result = new List<double>();
        sim.DcSweep(sweeps, (_, s) => result.Add(s.X[k]));
        return result;
    }
}
