using System.Globalization;
using Perovspice.Netlist;

namespace Perovspice.Cli;

/// <summary>The parsed command line (see spec/cli.md).</summary>
internal sealed record CommandLine(string Verb, string? Netlist, string? OutputDir, string Format, bool Plot, bool Quiet)
{
    public const string Usage =
        "usage: perovspice run NETLIST.cir [-o DIR] [--format csv|raw] [--plot] [--quiet] [LIMITS]\n" +
        "       perovspice check NETLIST.cir [LIMITS]\n" +
        Sharding.Cluster.UsageLines +
        Fitting.FitOptions.Usage + "\n" +
        "       perovspice help MODEL-TYPE|ELEMENT-LETTER   (e.g. help nmos, help q: parameter tables)\n" +
        "       perovspice --version | --help\n" +
        "limits: --max-points N (1e8) --max-values N (3e7) --max-devices N (1e6) --max-steps N (1e5) --max-file-bytes N (268435456)";

    /// <summary>Sizes the netlist may not exceed (defaults unless raised with the <c>--max-…</c> options).</summary>
    public NetlistLimits Limits { get; init; } = NetlistLimits.Default;

    /// <summary>Parses the arguments, or returns an error message.</summary>
    public static (CommandLine? Line, string? Error) Parse(string[] args)
    {
        if (args.Length == 0) return (null, "missing command");
        string verb = args[0];
        if (verb == "help" && args.Length == 2)
            return (new CommandLine("help", args[1], null, "csv", false, false), null); // help TOPIC: a model type or element
        if (verb is "--version" or "-V" or "--help" or "-h" or "help")
            return args.Length == 1 ? (new CommandLine(verb.TrimStart('-') == "V" ? "version" : verb.TrimStart('-'), null, null, "csv", false, false), null)
                                    : (null, $"unexpected argument '{args[1]}'");
        if (verb is not ("run" or "check")) return (null, $"unknown command '{verb}'");
        string? netlist = null, outDir = null, format = "csv";
        bool plot = false, quiet = false;
        var limits = NetlistLimits.Default;
        for (int i = 1; i < args.Length; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "-o" or "--output" when verb == "run":
                    if (++i >= args.Length) return (null, $"{a} needs a directory");
                    outDir = args[i];
                    break;
                case "--format" when verb == "run":
                    if (++i >= args.Length) return (null, "--format needs csv or raw");
                    format = args[i].ToLowerInvariant();
                    if (format is not ("csv" or "raw")) return (null, $"unknown format '{args[i]}' (csv or raw)");
                    break;
                case "--plot" when verb == "run":
                    plot = true;
                    break;
                case "--max-points" or "--max-values" or "--max-devices" or "--max-steps" or "--max-file-bytes":
                {
                    if (++i >= args.Length) return (null, $"{a} needs a number");
                    if (!double.TryParse(args[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || !(n >= 1) || n > 1e18)
                        return (null, $"{a} needs a number of at least 1, found '{args[i]}'");
                    limits = a switch
                    {
                        "--max-points" => limits with { MaxPoints = Math.Floor(n) },
                        "--max-devices" => limits with { MaxDevices = Math.Floor(n) },
                        "--max-values" => limits with { MaxValues = Math.Floor(n) },
                        "--max-steps" => limits with { MaxStepValues = Math.Floor(n) },
                        _ => limits with { MaxFileBytes = (long)n },
                    };
                    break;
                }
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
        if (netlist == null) return (null, $"'{verb}' needs a netlist file");
        return (new CommandLine(verb, netlist, outDir, format, plot, quiet) { Limits = limits }, null);
    }
}
