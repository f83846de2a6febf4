using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using Perovspice.Netlist;

namespace Perovspice.Cli;

/// <summary>The parsed <c>run</c>/<c>check</c> command line (see spec/cli.md).</summary>
internal sealed record CommandLine(string Verb, string? Netlist, string? OutputDir, string Format, bool Plot, bool Quiet)
{
    /// <summary>The synopsis printed after a usage error.</summary>
    public const string Usage =
        "usage: perovspice run NETLIST.cir [-o DIR] [--format csv|raw] [--plot] [--quiet] [LIMITS]\n" +
        "       perovspice check NETLIST.cir [LIMITS]\n" +
        Sharding.Cluster.UsageLines +
        Fitting.FitOptions.Usage + "\n" +
        "       perovspice help MODEL-TYPE|ELEMENT-LETTER   (e.g. help nmos, help q: parameter tables)\n" +
        "       perovspice completion bash   (tab completion: eval \"$(perovspice completion bash)\")\n" +
        "       perovspice --version | --help | VERB --help\n" +
        "limits: --max-points N (1e8) --max-values N (3e7) --max-devices N (1e6) --max-steps N (1e5) --max-file-bytes N (268435456) --max-stall N (1e5)";

    /// <summary>Sizes the netlist may not exceed (defaults unless raised with the <c>--max-…</c> options).</summary>
    public NetlistLimits Limits { get; init; } = NetlistLimits.Default;
}

/// <summary>A usage error found by a verb's action (exit 64, with the verb's synopsis).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>What the verbs do once their arguments are parsed (supplied by <see cref="PerovspiceCommand"/>).</summary>
/// <param name="RunOrCheck"><c>run</c> or <c>check</c> of a netlist, with the <c>--shard</c> of a <c>run</c>.</param>
/// <param name="Version">Prints <c>perovspice VERSION</c> (<c>--version</c>, <c>-V</c>).</param>
internal sealed record Verbs(Func<CommandLine, Sharding.ShardSpec?, int> RunOrCheck, Func<int> Version);

/// <summary>
/// The command tree on System.CommandLine: verbs, options with their descriptions (shown by <c>--help</c>), completions
/// (the <c>[suggest]</c> directive and <c>perovspice completion bash</c>), and the mapping of every parse error to
/// exit 64 with a <c>perovspice: …</c> message and the synopsis on stderr.
/// </summary>
internal static class CommandTree
{
    /// <summary>Exit code of a usage error (sysexits EX_USAGE).</summary>
    public const int UsageError = 64;

    /// <summary>Parses and runs <paramref name="args"/>; every usage error returns 64.</summary>
    public static int Invoke(string[] args, Verbs verbs)
    {
        var tree = new Tree(verbs);
        var result = tree.Root.Parse(args, Parsing);
        return tree.Invoke(result);
    }

    /// <summary>The command tree with actions that do nothing (for tests and documentation: every verb and option).</summary>
    public static RootCommand Build() => new Tree(new Verbs((_, _) => 0, () => 0)).Root;

    /// <summary>The completions offered for the command line <paramref name="line"/> (without the program name) with
    /// the cursor at its end: what <c>perovspice [suggest:N] "LINE"</c> prints, one a line.</summary>
    public static IReadOnlyList<string> Complete(string line)
    {
        return Build().Parse(line, Parsing).GetCompletions(line.Length).Select(c => c.Label).ToList();
    }

    /// <summary>The old parser's conventions: no response files (a netlist may be named <c>@x.cir</c>), no bundled
    /// short options.</summary>
    private static readonly ParserConfiguration Parsing = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    /// <summary>Bash completion through the <c>[suggest]</c> directive of the program itself.</summary>
    public const string BashScript =
        "# perovspice tab completion for bash (and zsh with bashcompinit). Enable it with\n" +
        "#   eval \"$(perovspice completion bash)\"        (e.g. in ~/.bashrc)\n" +
        "_perovspice_complete() {\n" +
        "    local line=\"${COMP_LINE:0:COMP_POINT}\"\n" +
        "    local args=\"${line#*[[:space:]]}\"\n" +
        "    [[ \"$args\" == \"$line\" ]] && args=\"\"\n" +
        "    local IFS=$'\\n'\n" +
        "    COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" \"[suggest:${#args}]\" \"$args\" 2>/dev/null)\" -- \"${COMP_WORDS[COMP_CWORD]}\"))\n" +
        "}\n" +
        "complete -o default -o bashdefault -F _perovspice_complete perovspice\n";

    private const string Epilogue =
        "\nModel parameters: perovspice help MODEL-TYPE|ELEMENT-LETTER (e.g. help nmos, help q) lists name, default, unit and meaning.\n" +
        "Tab completion (bash): eval \"$(perovspice completion bash)\"\n" +
        "Exit codes: 0 success; 1 netlist errors; 2 simulation failed; 64 command-line usage; 73 an output that cannot be\n" +
        "written; 130/143 interrupted (SIGINT/SIGTERM); 70 internal error (a bug).\n";

    /// <summary>One command tree; built per invocation (a few dozen objects, no reflection).</summary>
    private sealed class Tree
    {
        public readonly RootCommand Root;
        private readonly Verbs verbs;
        private readonly Option<bool> version = new("--version", "-V") { Description = "Show the version" };

        /// <summary>The message of a missing value or argument, by option/argument.</summary>
        private readonly Dictionary<Symbol, string> missing = [];

        /// <summary>The synopsis printed after a usage error of a verb (the full one otherwise).</summary>
        private readonly Dictionary<Command, string> usage = [];

        public Tree(Verbs verbs)
        {
            this.verbs = verbs;
            Root = new RootCommand("perovspice: SPICE-style circuit simulation with memristor and perovskite models.");
            // The standard --version prints the bare version and has no -V; ours prints "perovspice X".
            foreach (var o in Root.Options.Where(o => o is VersionOption).ToList()) Root.Options.Remove(o);
            // --help and -h only: "/h" and "/?" are file names on Unix.
            foreach (var o in Root.Options.Where(o => o is HelpOption).ToList()) Root.Options.Remove(o);
            var help = new HelpOption("--help", "-h");
            help.Action = new HelpWithEpilogue((HelpAction)help.Action!);
            Root.Options.Add(help);
            Root.Options.Add(version);
            Root.SetAction(r => r.GetValue(version) ? verbs.Version() : Fail("missing command", Root));

            Root.Subcommands.Add(RunOrCheck("run", "Run every analysis of the netlist and write one table per analysis to DIR"));
            Root.Subcommands.Add(RunOrCheck("check", "Parse and validate the netlist only; list every error"));
            Root.Subcommands.Add(Add(Fitting.FitOptions.Command(Register), "usage: " + Fitting.FitOptions.Usage["       ".Length..]));
            Root.Subcommands.Add(Add(Sharding.MergeCommand.Command(Register), Sharding.MergeCommand.Usage));
            Root.Subcommands.Add(Add(Sharding.SlurmCommand.Command(Register), Sharding.SlurmCommand.Usage));
            Root.Subcommands.Add(HelpVerb());
            Root.Subcommands.Add(Completion());
            foreach (var c in Root.Subcommands)
            {
                // An option given twice takes the last value, as the old parser did (--shard excepted: an error).
                foreach (var o in c.Options)
                    if (o.Arity.MinimumNumberOfValues == 1 && o.Arity.MaximumNumberOfValues == 1 && o.Name != "--shard")
                        o.Arity = ArgumentArity.OneOrMore;
                // An unknown option is not taken for a file or directory name.
                foreach (var arg in c.Arguments)
                    arg.Validators.Add(r =>
                    {
                        if (r.Tokens.FirstOrDefault(t => t.Value.Length > 1 && t.Value[0] == '-') is { } t) r.AddError($"unknown option '{t.Value}'");
                    });
            }
        }

        private Command Add(Command c, string synopsis)
        {
            usage[c] = synopsis;
            return c;
        }

        /// <summary>Registers the message for a missing value of <paramref name="s"/>; returns it.</summary>
        private T Missing<T>(T s, string message) where T : Symbol
        {
            missing[s] = message;
            return s;
        }

        private void Register(Symbol s, string message) => missing[s] = message;

        public int Invoke(ParseResult result)
        {
            if (result.Action is not { ClearsParseErrors: true } && Errors(result).FirstOrDefault() is { } first)
                return Fail(Errors(result), result.CommandResult.Command);
            var config = new InvocationConfiguration
            {
                Output = Console.Out,
                Error = Console.Error,
                EnableDefaultExceptionHandler = false,   // exceptions reach PerovspiceCommand (73, 70)
                ProcessTerminationTimeout = null,        // signals are handled by Running.Interruption (130, 143)
            };
            try
            {
                return result.Invoke(config);
            }
            catch (UsageException e)
            {
                return Fail(e.Message, result.CommandResult.Command);
            }
        }

        /// <summary>The parse errors in the old parser's words: unknown options and commands, surplus arguments, then
        /// the rest (values that do not parse, missing values and arguments).</summary>
        private IEnumerable<string> Errors(ParseResult result)
        {
            var command = result.CommandResult.Command;
            if (result.GetValue(version) && command != Root) yield return $"unexpected argument '{command.Name}'";
            foreach (var t in result.UnmatchedTokens.Take(1))
                yield return t.StartsWith('-') && t.Length > 1 ? $"unknown option '{t}'"
                    : command == Root ? $"unknown command '{t}'"
                    : $"unexpected argument '{t}'";
            foreach (var e in result.Errors)
                if (e.SymbolResult is not CommandResult || !result.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
                    yield return e.SymbolResult switch
                {
                    OptionResult o when o.Tokens.Count == 0 && missing.TryGetValue(o.Option, out var m) => m,
                    OptionResult o when o.Tokens.Count > 1 && o.Option.Arity.MaximumNumberOfValues == 1 => $"{o.Option.Name} given twice",
                    ArgumentResult a when a.Tokens.Count == 0 && missing.TryGetValue(a.Argument, out var m) => m,
                    CommandResult c when c.Tokens.Count == 0 && e.Message.StartsWith("Required argument missing", StringComparison.Ordinal)
                        && c.Command.Arguments.FirstOrDefault() is { } arg && missing.TryGetValue(arg, out var m) => m,
                    _ => e.Message,
                };
        }

        private int Fail(string message, Command command) => Fail([message], command);

        private int Fail(IEnumerable<string> messages, Command command)
        {
            foreach (var m in messages.Distinct()) Console.Error.WriteLine($"perovspice: {m}");
            Console.Error.WriteLine(usage.GetValueOrDefault(command, CommandLine.Usage));
            Console.Error.WriteLine(command == Root ? "(perovspice --help lists the options)" : $"(perovspice {command.Name} --help lists the options)");
            return UsageError;
        }

        private Command RunOrCheck(string verb, string description)
        {
            bool run = verb == "run";
            var command = new Command(verb, description);
            var netlist = Missing(new Argument<string>("NETLIST.cir") { Description = "The netlist file" }, $"'{verb}' needs a netlist file");
            command.Arguments.Add(netlist);
            Option<string>? output = null, format = null;
            Option<bool>? plot = null;
            Option<Sharding.ShardSpec?>? shard = null;
            if (run)
            {
                output = Missing(new Option<string>("--output", "-o")
                {
                    Description = "Directory of the result files (default: ./NETLIST-stem.out/)", HelpName = "DIR", CustomParser = Last,
                }, "-o needs a directory");
                format = Missing(new Option<string>("--format")
                {
                    Description = "Table format: csv, or ngspice-compatible raw files", HelpName = "csv|raw",
                    DefaultValueFactory = _ => "csv",
                    CustomParser = r => Last(r) is { } v && v.ToLowerInvariant() is "csv" or "raw" ? v.ToLowerInvariant()
                        : Error<string>(r, $"unknown format '{Last(r)}' (csv or raw)"),
                }, "--format needs csv or raw");
                format.CompletionSources.Add("csv", "raw");
                plot = new Option<bool>("--plot") { Description = "Also draw a picture per analysis (tran.svg, ac-nyquist.svg, ...)" };
                shard = Missing(new Option<Sharding.ShardSpec?>("--shard")
                {
                    Description = "Run only the .step values of shard K of N (index i with i mod N = K-1); join with 'merge'",
                    HelpName = "K/N",
                    CustomParser = r =>
                    {
                        if (r.Tokens.Count > 1) return Error<Sharding.ShardSpec?>(r, "--shard given twice");
                        var (s, error) = Sharding.ShardSpec.Parse(r.Tokens[0].Value);
                        return s ?? Error<Sharding.ShardSpec?>(r, error!);
                    },
                }, "--shard needs K/N");
                command.Options.Add(output);
                command.Options.Add(format);
                command.Options.Add(plot);
                command.Options.Add(shard);
            }
            var quiet = Quiet();
            command.Options.Add(quiet);
            var limits = new (Option<double?> Option, Func<NetlistLimits, double, NetlistLimits> Set)[]
            {
                (Limit("--max-points", "Most time/sweep points of one analysis", NetlistLimits.Default.MaxPoints), (l, n) => l with { MaxPoints = Math.Floor(n) }),
                (Limit("--max-values", "Most values held by one analysis (points x columns x steps)", NetlistLimits.Default.MaxValues), (l, n) => l with { MaxValues = Math.Floor(n) }),
                (Limit("--max-devices", "Most elements after subcircuit expansion", NetlistLimits.Default.MaxDevices), (l, n) => l with { MaxDevices = Math.Floor(n) }),
                (Limit("--max-steps", "Most .step values", NetlistLimits.Default.MaxStepValues), (l, n) => l with { MaxStepValues = Math.Floor(n) }),
                (Limit("--max-stall", "Most transient points without advancing one maximum step", NetlistLimits.Default.MaxStall), (l, n) => l with { MaxStall = Math.Floor(n) }),
                (Limit("--max-file-bytes", "Largest netlist or include file, bytes", NetlistLimits.Default.MaxFileBytes), (l, n) => l with { MaxFileBytes = (long)n }),
            };
            foreach (var l in limits) command.Options.Add(l.Option);
            command.SetAction(r =>
            {
                var lim = NetlistLimits.Default;
                foreach (var l in limits)
                    if (r.GetValue(l.Option) is { } n) lim = l.Set(lim, n);
                var line = new CommandLine(verb, r.GetValue(netlist), output is null ? null : r.GetValue(output),
                    format is null ? "csv" : r.GetValue(format)!, plot is not null && r.GetValue(plot), r.GetValue(quiet)) { Limits = lim };
                return verbs.RunOrCheck(line, shard is null ? null : r.GetValue(shard));
            });
            return command;
        }

        private Option<double?> Limit(string name, string description, double defaultValue) => Missing(new Option<double?>(name)
        {
            Description = $"{description} (default {defaultValue.ToString("G", CultureInfo.InvariantCulture)})",
            HelpName = "N",
            CustomParser = r =>
            {
                string text = Last(r)!;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || !(n >= 1) || n > 1e18)
                    return Error<double?>(r, $"{name} needs a number of at least 1, found '{text}'");
                return n;
            },
        }, $"{name} needs a number");

        private Command HelpVerb()
        {
            var command = new Command("help", "Without a topic: this help. With a .model type or element letter: its parameter tables " +
                "(name, default, unit, meaning) for every level, e.g. help nmos, help q");
            var topic = new Argument<string?>("TOPIC")
            {
                Arity = ArgumentArity.ZeroOrOne, HelpName = "TOPIC",
                Description = "A .model type (nmos, npn, d, sw, perovskite, ...) or an element letter (m, q, ...)",
            };
            topic.CompletionSources.Add(_ => ModelHelp.Topics);
            command.Arguments.Add(topic);
            command.SetAction(r =>
            {
                if (r.GetValue(topic) is not { } t) return Root.Parse(["--help"], Parsing).Invoke();
                if (ModelHelp.Write(t, Console.Out)) return 0;
                Console.Error.WriteLine($"perovspice: no help on '{t}'; topics: {string.Join(" ", ModelHelp.Topics)}");
                return UsageError;
            });
            return command;
        }

        private Command Completion()
        {
            var command = new Command("completion", "Print the shell script of tab completion: eval \"$(perovspice completion bash)\"");
            var shell = new Argument<string>("SHELL")
            {
                Description = "bash (also zsh with bashcompinit)",
                CustomParser = r => Last(r) == "bash" ? "bash" : Error<string>(r, $"unknown shell '{Last(r)}' (bash)"),
            };
            shell.CompletionSources.Add("bash");
            command.Arguments.Add(shell);
            missing[shell] = "'completion' needs a shell: bash";
            command.SetAction(_ =>
            {
                Console.Write(BashScript);
                return 0;
            });
            return command;
        }
    }

    /// <summary>The <c>--quiet</c>/<c>-q</c> option.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print nothing but errors" };

    /// <summary>The last value given (an option given twice takes the last, as the old parser did).</summary>
    public static string? Last(ArgumentResult r) => r.Tokens.Count == 0 ? null : r.Tokens[^1].Value;

    /// <summary>Records a usage error on <paramref name="r"/>.</summary>
    public static T Error<T>(ArgumentResult r, string message)
    {
        r.AddError(message);
        return default!;
    }

    /// <summary>Adds the root epilogue (model help, completion, exit codes) to the standard help.</summary>
    private sealed class HelpWithEpilogue(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand) parseResult.InvocationConfiguration.Output.Write(Epilogue);
            return code;
        }
    }
}
