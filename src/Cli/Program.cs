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
    /// <summary>The perovspice command: exit 0 success, 1 netlist errors, 2 simulation failure, 64 usage.</summary>
    internal static class PerovspiceCommand
    {
        private const int Ok = 0, NetlistErrors = 1, SimulationFailed = 2, UsageError = 64, InternalError = 70;

        public static int Execute(string[] args)
        {
            try
            {
                if (args.Length > 0 && args[0] == "fit") return Fitting.FitCommand.Execute(args[1..], CommandLine.Usage);
                if (args.Length > 0 && Sharding.Cluster.Handles(args[0])) return Sharding.Cluster.Execute(args);
                var (shardArgs, shard, shardError) = Sharding.ShardSpec.Extract(args);
                var (line, error) = shardError is null ? CommandLine.Parse(shardArgs) : (null, shardError);
                if (line == null)
                {
                    Console.Error.WriteLine($"perovspice: {error}");
                    Console.Error.WriteLine(CommandLine.Usage);
                    return UsageError;
                }
                switch (line.Verb)
                {
                    case "version":
                        Console.WriteLine($"perovspice {Version()}");
                        return Ok;
                    case "help" when line.Netlist is { } topic:
                        if (ModelHelp.Write(topic, Console.Out)) return Ok;
                        Console.Error.WriteLine($"perovspice: no help on '{topic}'; topics: {string.Join(" ", ModelHelp.Topics)}");
                        return UsageError;
                    case "help":
                        Console.WriteLine(CommandLine.Usage);
                        return Ok;
                }
                var job = Load(line.Netlist!, line.Quiet, out int code);
                if (job == null) return code;
                if (line.Verb == "check")
                {
                    string steps = job.Parameter is null ? "" : $", {job.Cases.Count} steps of {job.Parameter}";
                    if (!line.Quiet) Console.WriteLine($"{line.Netlist}: ok ({job.Cases[0].Job.Circuit.Devices.Count} elements, {job.Analyses.Count} analyses{steps})");
                    return Ok;
                }
                return shard is null ? Run(job, line) : Sharding.Cluster.Guard(() => Sharding.ShardRunner.Run(job, line, shard));
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"perovspice: internal error: {e.Message}");
                return InternalError;
            }
        }

        private static string Version() =>
            typeof(PerovspiceCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

        /// <summary>
        /// Reads and binds the netlist (once per <c>.step</c> value, all before any analysis runs); prints
        /// diagnostics; null with an exit code on errors.
        /// </summary>
        private static SteppedJob? Load(string path, bool quiet, out int code)
        {
            code = Ok;
            try
            {
                var flat = NetlistReader.ReadFile(path);
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
        /// written, so a failure leaves the files of the analyses before it (complete over all steps).
        /// </summary>
        private static int Run(SteppedJob job, CommandLine line)
        {
            string stem = Path.GetFileNameWithoutExtension(line.Netlist!);
            string outDir = line.OutputDir ?? Path.Combine(Directory.GetCurrentDirectory(), stem + ".out");
            Directory.CreateDirectory(outDir);
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
                IReadOnlyList<ResultTable> tables;
                try
                {
                    tables = runner.Run(i);
                }
                catch (SimulationException e)
                {
                    progress?.Done();
                    var p = analysis.Statement.Position;
                    Console.Error.WriteLine($"{p.File}:{p.Line}:{p.Column}: error: simulation failed: {e.Message}");
                    return SimulationFailed;
                }
                progress?.Done();
                progress = null;
                foreach (var table in tables)
                {
                    string ext = Write(table, outDir, line);
                    if (!line.Quiet) Console.Error.WriteLine($"{table.FileStem}: {table.RowCount} points -> {Path.Combine(outDir, table.FileStem)}.{ext}");
                }
                texts.Write(runner.TextOutputs, outDir, line.Quiet);
            }
            return Ok;
        }

        /// <summary>Writes one table; returns the extension used. The Hopf points table is a list of crossings, not
        /// vectors over a scale: it is always CSV and has no picture.</summary>
        private static string Write(ResultTable table, string outDir, CommandLine line)
        {
            bool points = table.Kind == "hopf-points";
            string ext = line.Format == "raw" && !points ? "raw" : "csv";
            if (ext == "raw") RawWriter.Write(table, Path.Combine(outDir, table.FileStem + ".raw"));
            else CsvWriter.Write(table, Path.Combine(outDir, table.FileStem + ".csv"));
            if (line.Plot && !points) SvgPlotter.Write(table, outDir);
            return ext;
        }
    }
}
