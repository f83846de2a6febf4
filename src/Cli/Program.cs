using System.Reflection;
using Perovspice.Cli;
using Perovspice.Cli.Output;
using Perovspice.Cli.Results;
using Perovspice.Cli.Running;
using Perovspice.Engine;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;

return PerovspiceCommand.Execute(args);

namespace Perovspice.Cli
{
    /// <summary>The perovspice command: exit 0 success, 1 netlist errors, 2 simulation failure, 64 usage, 73 an output
    /// that cannot be written, 130/143 interrupted (SIGINT/SIGTERM), 70 an internal bug (see spec/cli.md).</summary>
    internal static class PerovspiceCommand
    {
        private const int Ok = 0, NetlistErrors = 1, SimulationFailed = 2, InternalError = 70, OutputError = 73;

        /// <summary>Where an internal error is to be reported.</summary>
        public const string ReportTo = "please report it with the netlist to the perovspice issue tracker";

        /// <summary>Runs the command; <paramref name="cancel"/> stops a run like SIGINT does (tests use it as a time budget).</summary>
        public static int Execute(string[] args, CancellationToken cancel = default)
        {
            try
            {
                // The bare version query skips building the command tree (start-up time of the native binary).
                if (args is ["--version"] or ["-V"]) return PrintVersion();
                return CommandTree.Invoke(args, new Verbs((line, shard) => RunOrCheck(line, shard, cancel), PrintVersion));
            }
            catch (OutputException e)
            {
                Console.Error.WriteLine($"perovspice: {e.Message}");
                return OutputError;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"perovspice: internal error (a bug; {ReportTo}): {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("PEROVSPICE_TRACE") == "1") Console.Error.WriteLine(e);
                return InternalError;
            }
        }

        /// <summary>Loads the netlist; <c>check</c> reports it, <c>run</c> runs it (one shard of it with <paramref name="shard"/>).</summary>
        private static int RunOrCheck(CommandLine line, Sharding.ShardSpec? shard, CancellationToken cancel)
        {
            using var interruption = new Interruption(cancel);
            var job = Load(line.Netlist!, line.Quiet, line.Limits, out int code);
            if (job == null) return code;
            if (line.Verb == "check")
            {
                string steps = job.Parameter is null ? "" : $", {job.Cases.Count} steps of {job.Parameter}";
                if (!line.Quiet) Console.WriteLine($"{line.Netlist}: ok ({job.Cases[0].Job.Circuit.Devices.Count} elements, {job.Analyses.Count} analyses{steps})");
                return Ok;
            }
            return shard is null ? Run(job, line, interruption) : Sharding.Cluster.Guard(() => Sharding.ShardRunner.Run(job, line, shard));
        }

        private static int PrintVersion()
        {
            Console.WriteLine($"perovspice {Version()}");
            return Ok;
        }

        private static string Version() =>
            typeof(PerovspiceCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

        /// <summary>
        /// Reads and binds the netlist (once per <c>.step</c> value, all before any analysis runs); prints
        /// diagnostics; null with an exit code on errors.
        /// </summary>
        private static SteppedJob? Load(string path, bool quiet, NetlistLimits limits, out int code)
        {
            code = Ok;
            try
            {
                var flat = NetlistReader.ReadFile(path, limits);
                var job = StepBinder.Bind(flat, path);
                if (!quiet) foreach (var w in job.Warnings) Console.Error.WriteLine(w);
                return job;
            }
            catch (NetlistException e)
            {
                foreach (var d in e.Diagnostics)
                    if (!d.IsWarning || !quiet) Console.Error.WriteLine(d);
                code = NetlistErrors;
                return null;
            }
        }

        /// <summary>
        /// Runs analysis by analysis; with <c>.step</c> each analysis runs for every step value before its table is
        /// written, so a failure or an interruption leaves the files of the analyses before it (complete over all
        /// steps) and none of its own. The output directory is created and locked before anything runs.
        /// </summary>
        private static int Run(SteppedJob job, CommandLine line, Interruption interruption)
        {
            string stem = Path.GetFileNameWithoutExtension(line.Netlist!);
            using var output = OutputDirectory.Open(line.OutputDir ?? Path.Combine(Directory.GetCurrentDirectory(), stem + ".out"));
            string outDir = output.Path;
            foreach (var c in job.Cases) c.Job.Options.Cancellation = interruption.Token;
            bool showProgress = !line.Quiet && !Console.IsErrorRedirected;
            ProgressReporter? progress = null;
            var runner = new StepRunner(job, showProgress ? (kind, value, total, count) =>
            {
                progress ??= new ProgressReporter(kind, total, true);
                progress.Report(value, count);
            } : null);
            var texts = new TextOutputs();
            for (int i = 0; i < runner.Analyses.Count; i++)
            {
                var analysis = runner.Analyses[i];
                var p = analysis.Statement.Position;
                IReadOnlyList<ResultTable> tables;
                try
                {
                    if (interruption.Requested) throw new OperationCanceledException();
                    LimitPoints(job, i, line.Limits);
                    tables = runner.Run(i);
                }
                catch (SimulationException e)
                {
                    progress?.Done();
                    string hint = e.Message.Contains("the limit", StringComparison.Ordinal) ? " (raise it with --max-points or --max-values)" : "";
                    Console.Error.WriteLine($"{p.File}:{p.Line}:{p.Column}: error: simulation failed: {e.Message}{hint}");
                    return SimulationFailed;
                }
                catch (OperationCanceledException)
                {
                    progress?.Done();
                    Console.Error.WriteLine($"{p.File}:{p.Line}:{p.Column}: interrupted by {interruption.SignalName}: " +
                        $"'.{analysis.Kind}' stopped and not written; the files of the analyses before it are complete");
                    return interruption.ExitCode;
                }
                progress?.Done();
                progress = null;
                foreach (var table in tables)
                {
                    string ext = Write(table, output, line);
                    if (!line.Quiet) Console.Error.WriteLine($"{table.FileStem}: {table.RowCount} points -> {Path.Combine(outDir, table.FileStem)}.{ext}");
                }
                texts.Write(runner.TextOutputs, outDir, line.Quiet);
                if (!line.Quiet && runner.Accounting(i) is { } acct) Console.Error.WriteLine(acct);   // --quiet: errors only
            }
            return Ok;   // every analysis finished and was written, even if a signal came during the last write
        }

        /// <summary>
        /// The points analysis <paramref name="index"/> may take in each step case: the point limit, and the value
        /// limit shared out over its output columns (+1 for the sweep) and the step values, so that no analysis fills
        /// the memory (thousands of <c>.print</c> columns over a long transient used to take gigabytes).
        /// </summary>
        private static void LimitPoints(SteppedJob job, int index, NetlistLimits limits)
        {
            double columns = job.Analyses[index].Outputs.Count + 1;
            if (job.Analyses[index].Statement is AcStatement) columns *= 2;   // complex: two columns and two raw parts each
            double points = Math.Min(limits.MaxPoints, Math.Max(1, Math.Floor(limits.MaxValues / columns / job.Cases.Count)));
            foreach (var c in job.Cases)
            {
                c.Job.Options.MaxPoints = (long)Math.Min(points, long.MaxValue / 2);
                c.Job.Options.MaxStallPoints = (long)Math.Min(limits.MaxStall, long.MaxValue / 2);
            }
        }

        /// <summary>Writes one table (each file whole or not at all); returns the extension used. The Hopf points table
        /// is a list of crossings, not vectors over a scale: it is always CSV and has no picture.</summary>
        private static string Write(ResultTable table, OutputDirectory output, CommandLine line)
        {
            bool points = table.Kind == "hopf-points";
            string ext = line.Format == "raw" && !points ? "raw" : "csv";
            if (ext == "raw") output.WriteFile(table.FileStem + ".raw", path => RawWriter.Write(table, path));
            else output.WriteFile(table.FileStem + ".csv", path => CsvWriter.Write(table, path));
            if (line.Plot && !points) SvgPlotter.Write(table, output);
            return ext;
        }
    }
}
