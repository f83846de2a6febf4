using System.CommandLine;
using System.Globalization;
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

    /// <summary>
    /// The <c>fit</c> verb on System.CommandLine; <paramref name="missing"/> registers the message of a missing value.
    /// Its action runs <see cref="FitCommand.Execute"/>.
    /// </summary>
    public static Command Command(Action<Symbol, string> missing)
    {
        var command = new Command("fit", "Least-squares fit of .param values of the netlist to measured data (docs/fit.md)");
        var netlist = new Argument<string>("NETLIST.cir") { Description = "The netlist whose .param values are fitted" };
        missing(netlist, "'fit' needs a netlist file");
        var data = new Option<string[]>("--data")
        {
            Description = "Measured data, CSV with a header (repeat for several files)", HelpName = "FILE.csv",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = r => r.Tokens.Any(t => t.Value.Length == 0) ? CommandTree.Error<string[]>(r, "--data needs a CSV file")
                : r.Tokens.Select(t => t.Value).ToArray(),
        };
        missing(data, "--data needs a CSV file");
        var vary = new Option<FitVary[]>("--vary")
        {
            Description = "A .param to fit between LO and HI (SPICE numbers), :log to fit its logarithm (repeat for several)",
            HelpName = "NAME=LO..HI[:log]",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = r =>
            {
                var list = new List<FitVary>();
                foreach (var t in r.Tokens)
                {
                    var (v, error) = ParseVary(t.Value);
                    if (v is null) return CommandTree.Error<FitVary[]>(r, error!);
                    if (list.Any(x => x.Name == v.Name)) return CommandTree.Error<FitVary[]>(r, $"--vary {v.Name} given twice");
                    list.Add(v);
                }
                return list.ToArray();
            },
        };
        missing(vary, "--vary needs NAME=LO..HI[:log]");
        var weight = new Option<string?>("--weight")
        {
            Description = "Residual weights: unit, modulus or proportional (see docs/fit.md)", HelpName = "unit|modulus|proportional",
            CustomParser = r => CommandTree.Last(r)?.ToLowerInvariant() is "unit" or "modulus" or "proportional" ? CommandTree.Last(r)!.ToLowerInvariant()
                : CommandTree.Error<string?>(r, "--weight needs unit, modulus or proportional"),
        };
        weight.CompletionSources.Add("unit", "modulus", "proportional");
        missing(weight, "--weight needs unit, modulus or proportional");
        var starts = Whole("--starts", "Number of starting points (the first at the .param values, the others random)", 1, 1, "--starts needs a whole number >= 1", missing);
        var seed = Whole("--seed", "Seed of the random starting points", 1, int.MinValue, "--seed needs a whole number", missing);
        var maxIter = Whole("--max-iter", "Most Levenberg-Marquardt iterations per start", 200, 1, "--max-iter needs a whole number >= 1", missing);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Directory of the fit files (default: ./NETLIST-stem.fit/)", HelpName = "DIR",
            CustomParser = r => CommandTree.Last(r),
        };
        missing(output, "-o needs a directory");
        var plot = new Option<bool>("--plot") { Description = "Also draw data and fitted curves (SVG)" };
        var quiet = CommandTree.Quiet();
        command.Arguments.Add(netlist);
        foreach (var o in new Option[] { data, vary, weight, starts, seed, maxIter, output, plot, quiet }) command.Options.Add(o);
        command.SetAction(r =>
        {
            if (r.GetResult(data) is null) throw new UsageException("'fit' needs at least one --data FILE.csv");
            if (r.GetResult(vary) is null) throw new UsageException("'fit' needs at least one --vary NAME=LO..HI");
            return FitCommand.Execute(new FitOptions(r.GetValue(netlist)!, r.GetValue(data) ?? [], r.GetValue(vary) ?? [],
            r.GetValue(weight), r.GetValue(starts), r.GetValue(seed), r.GetValue(output), r.GetValue(plot), r.GetValue(quiet), r.GetValue(maxIter)));
        });
        return command;
    }

    private static Option<int> Whole(string name, string description, int defaultValue, int least, string error, Action<Symbol, string> missing)
    {
        var o = new Option<int>(name)
        {
            Description = description, HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => int.TryParse(CommandTree.Last(r), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= least
                ? n : CommandTree.Error<int>(r, error),
        };
        missing(o, error);
        return o;
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
