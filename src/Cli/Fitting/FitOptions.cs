using Perovspice.Netlist;

namespace Perovspice.Cli.Fitting;

/// <summary>One <c>--vary NAME=LO..HI[:log]</c>: a global parameter, its bounds, and whether log(value) is fitted.</summary>
internal sealed record FitVary(string Name, double Lo, double Hi, bool Log, string Written);

/// <summary>The parsed <c>perovspice fit</c> command line (see docs/fit.md).</summary>
internal sealed record FitOptions(string Netlist, IReadOnlyList<string> Data, IReadOnlyList<FitVary> Vary, string? Weight,
    int Starts, int Seed, string? OutputDir, bool Plot, bool Quiet, int MaxIterations)
{
    /// <summary>The usage line of the verb.</summary>
    public const string Usage =
        "       perovspice fit NETLIST.cir --data FILE.csv [--data ...] --vary NAME=LO..HI[:log] [--vary ...]\n" +
        "                      [--weight unit|modulus|proportional] [--starts N] [--seed S] [--max-iter N] [-o DIR] [--plot] [--quiet]";

    /// <summary>Parses the arguments after <c>fit</c>, or returns a usage error message.</summary>
    public static (FitOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? netlist = null, outDir = null, weight = null;
        var data = new List<string>();
        var vary = new List<FitVary>();
        int starts = 1, seed = 1, maxIter = 200;
        bool plot = false, quiet = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (a)
            {
                case "--data":
                    data.Add(Next() ?? "");
                    if (data[^1].Length == 0) return (null, "--data needs a CSV file");
                    break;
                case "--vary":
                {
                    string? spec = Next();
                    if (spec is null) return (null, "--vary needs NAME=LO..HI[:log]");
                    var (v, error) = ParseVary(spec);
                    if (v is null) return (null, error);
                    if (vary.Any(x => x.Name == v.Name)) return (null, $"--vary {v.Name} given twice");
                    vary.Add(v);
                    break;
                }
                case "--weight":
                    weight = Next()?.ToLowerInvariant();
                    if (weight is not ("unit" or "modulus" or "proportional")) return (null, "--weight needs unit, modulus or proportional");
                    break;
                case "--starts":
                    if (!int.TryParse(Next(), out starts) || starts < 1) return (null, "--starts needs a whole number >= 1");
                    break;
                case "--seed":
                    if (!int.TryParse(Next(), out seed)) return (null, "--seed needs a whole number");
                    break;
                case "--max-iter":
                    if (!int.TryParse(Next(), out maxIter) || maxIter < 1) return (null, "--max-iter needs a whole number >= 1");
                    break;
                case "-o" or "--output":
                    outDir = Next();
                    if (outDir is null) return (null, $"{a} needs a directory");
                    break;
                case "--plot":
                    plot = true;
                    break;
                case "--quiet" or "-q":
                    quiet = true;
                    break;
                default:
                    if (a.StartsWith('-') && a.Length > 1) return (null, $"unknown option '{a}'");
                    if (netlist != null) return (null, $"unexpected argument '{a}'");
                    netlist = a;
                    break;
            }
        }
        if (netlist == null) return (null, "'fit' needs a netlist file");
        if (data.Count == 0) return (null, "'fit' needs at least one --data FILE.csv");
        if (vary.Count == 0) return (null, "'fit' needs at least one --vary NAME=LO..HI");
        return (new FitOptions(netlist, data, vary, weight, starts, seed, outDir, plot, quiet, maxIter), null);
    }

    /// <summary>NAME=LO..HI[:log] with SPICE numbers; the order of the bounds is checked later (against the netlist).</summary>
    private static (FitVary?, string?) ParseVary(string spec)
    {
        string bad = $"bad --vary '{spec}': expected NAME=LO..HI or NAME=LO..HI:log";
        int eq = spec.IndexOf('=');
        if (eq <= 0) return (null, bad);
        string name = spec[..eq].Trim().ToLowerInvariant();
        string rest = spec[(eq + 1)..];
        bool log = false;
        if (rest.EndsWith(":log", StringComparison.OrdinalIgnoreCase)) { log = true; rest = rest[..^4]; }
        int dots = rest.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0 || name.Length == 0) return (null, bad);
        if (!SpiceNumber.TryParse(rest[..dots], out double lo) || !SpiceNumber.TryParse(rest[(dots + 2)..], out double hi)
            || !double.IsFinite(lo) || !double.IsFinite(hi))
            return (null, bad);
        return (new FitVary(name, lo, hi, log, spec), null);
    }
}
