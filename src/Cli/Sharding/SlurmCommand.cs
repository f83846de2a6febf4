using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Perovspice.Cli.Sharding;

/// <summary>
/// <c>perovspice slurm NETLIST --tasks N [--partition P] [--time HH:MM:SS] [--cpus C] [--format csv|raw] -o DIR
/// [--submit]</c>: writes <c>DIR/slurm/array.sh</c>, a Slurm job array with one task per shard (task K runs
/// <c>run NETLIST --shard K/N -o DIR/shards/K</c>), and <c>DIR/slurm/merge.sh</c>, which merges the shards into DIR;
/// with <c>--submit</c> it submits both with <c>sbatch</c>, the merge with <c>--dependency=afterok</c> on the array,
/// and prints the two job ids. Exit 0, 1 when sbatch is missing or fails, 64 on a usage error.
/// </summary>
internal static partial class SlurmCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "usage: perovspice slurm NETLIST.cir --tasks N [--partition P] [--time HH:MM:SS] [--cpus C] [--format csv|raw] -o DIR [--submit]";

    [GeneratedRegex(@"^(\d+-)?\d+(:\d{1,2}){0,2}$")]
    private static partial Regex TimeLimit();

    [GeneratedRegex(@"^[A-Za-z0-9_.,-]+$")]
    private static partial Regex PartitionName();

    /// <summary>The verb on System.CommandLine; <paramref name="missing"/> registers the message of a missing value.</summary>
    public static Command Command(Action<Symbol, string> missing)
    {
        var command = new Command("slurm", "Write (and with --submit, submit) a Slurm job array of shards and the job that merges them (docs/cluster.md)");
        var netlist = new Argument<string>("NETLIST.cir") { Description = "The netlist (with .step values to share out)" };
        missing(netlist, "'slurm' needs a netlist file");
        Option<int> Count(string name, string description, string error)
        {
            var o = new Option<int>(name)
            {
                Description = description, HelpName = "N",
                CustomParser = r => int.TryParse(CommandTree.Last(r), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
                    ? n : CommandTree.Error<int>(r, error),
            };
            missing(o, error);
            return o;
        }
        var tasks = Count("--tasks", "Number of array tasks, one shard each (required)", "--tasks needs a whole number of at least 1");
        var cpus = Count("--cpus", "CPUs per task (#SBATCH --cpus-per-task)", "--cpus needs a whole number of at least 1");
        Option<string?> Text(string name, string description, string helpName, Func<string, bool> valid, string error)
        {
            var o = new Option<string?>(name)
            {
                Description = description, HelpName = helpName,
                CustomParser = r => CommandTree.Last(r) is { } v && valid(v) ? v : CommandTree.Error<string?>(r, error),
            };
            missing(o, error);
            return o;
        }
        var partition = Text("--partition", "Slurm partition (#SBATCH --partition)", "P", v => PartitionName().IsMatch(v), "--partition needs a partition name");
        var time = Text("--time", "Time limit per task (#SBATCH --time)", "HH:MM:SS", v => TimeLimit().IsMatch(v), "--time needs a Slurm time limit such as 01:30:00");
        var format = Text("--format", "Table format of the runs: csv or raw", "csv|raw", v => v.ToLowerInvariant() is "csv" or "raw", "--format needs csv or raw");
        format.CompletionSources.Add("csv", "raw");
        var output = Text("--output", "Directory of the scripts (DIR/slurm), shards (DIR/shards) and merged files (required)", "DIR", _ => true, "-o needs a directory");
        output.Aliases.Add("-o");
        var submit = new Option<bool>("--submit") { Description = "Submit the array and the merge job with sbatch; print their job ids" };
        command.Arguments.Add(netlist);
        foreach (var o in new Option[] { tasks, partition, time, cpus, format, output, submit }) command.Options.Add(o);
        command.SetAction(r => r.GetResult(tasks) is null ? throw new UsageException("'slurm' needs --tasks N")
            : r.GetResult(output) is null ? throw new UsageException("'slurm' needs -o DIR")
            : Cluster.Guard(() => Execute(r.GetValue(netlist)!, r.GetValue(tasks), r.GetValue(partition), r.GetValue(time),
            r.GetValue(cpus), r.GetValue(format)?.ToLowerInvariant() ?? "csv", r.GetValue(output)!, r.GetValue(submit))));
        return command;
    }

    /// <summary>Writes the scripts and with <paramref name="submit"/> submits them.</summary>
    public static int Execute(string netlist, int tasks, string? partition, string? time, int cpus, string format, string outDir, bool submit)
    {
        if (!File.Exists(netlist))
        {
            Console.Error.WriteLine($"perovspice: slurm: netlist '{netlist}' not found");
            return 1;
        }
        string? sbatch = null;
        if (submit && (sbatch = FindOnPath("sbatch")) is null)
        {
            Console.Error.WriteLine("perovspice: slurm: 'sbatch' not found on PATH (is this a Slurm login node?); nothing written. " +
                "Without --submit the batch scripts are written for you to submit elsewhere.");
            return 1;
        }

        string dir = Path.GetFullPath(outDir);
        string slurmDir = Path.Combine(dir, "slurm");
        string cmd = SelfCommand();
        string net = Quote(Path.GetFullPath(netlist));
        var head = new StringBuilder("#!/bin/bash\n");
        if (partition is not null) head.Append($"#SBATCH --partition={partition}\n");
        if (time is not null) head.Append($"#SBATCH --time={time}\n");
        if (cpus > 0) head.Append($"#SBATCH --cpus-per-task={cpus}\n");
        string name = Path.GetFileNameWithoutExtension(netlist);

        string array = $"{head}#SBATCH --job-name=perovspice-{Safe(name)}\n#SBATCH --array=1-{tasks}\n" +
            $"#SBATCH --output={Quote(Path.Combine(slurmDir, "shard-%a.log"))}\n" +
            "# One array task per shard: task K runs the step values with 0-based index i, i mod N = K - 1.\n" +
            "set -euo pipefail\n" +
            $"K=${{SLURM_ARRAY_TASK_ID:?not a Slurm array task}}\n" +
            $"exec {cmd} run {net} --shard \"$K/{tasks}\" --format {format} --quiet -o {Quote(Path.Combine(dir, "shards"))}/\"$K\"\n";
        var shardDirs = string.Join(" ", Enumerable.Range(1, tasks).Select(k => Quote(Path.Combine(dir, "shards", k.ToString(CultureInfo.InvariantCulture)))));
        string merge = $"{head}#SBATCH --job-name=perovspice-{Safe(name)}-merge\n" +
            $"#SBATCH --output={Quote(Path.Combine(slurmDir, "merge.log"))}\n" +
            "# Runs after every array task succeeded (sbatch --dependency=afterok:ARRAY_JOB_ID).\n" +
            "set -euo pipefail\n" +
            $"exec {cmd} merge {shardDirs} -o {Quote(dir)}\n";

        Directory.CreateDirectory(slurmDir);
        string arrayPath = Path.Combine(slurmDir, "array.sh"), mergePath = Path.Combine(slurmDir, "merge.sh");
        WriteScript(arrayPath, array);
        WriteScript(mergePath, merge);
        Console.Error.WriteLine($"wrote {arrayPath} and {mergePath}");
        if (!submit) return 0;

        var (ok1, arrayId) = Submit(sbatch!, arrayPath);
        if (!ok1) return 1;
        var (ok2, mergeId) = Submit(sbatch!, $"--dependency=afterok:{arrayId}", mergePath);
        if (!ok2) return 1;
        Console.WriteLine($"array job {arrayId}");
        Console.WriteLine($"merge job {mergeId}");
        return 0;
    }

    private static void WriteScript(string path, string text)
    {
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Runs <c>sbatch --parsable ARGS</c>; returns the job id (the part before any <c>;cluster</c>).</summary>
    private static (bool Ok, string Id) Submit(string sbatch, params string[] args)
    {
        var psi = new ProcessStartInfo(sbatch) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--parsable");
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        string id = output.Split(';')[0].Trim();
        if (p.ExitCode != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
        {
            Console.Error.WriteLine($"perovspice: slurm: sbatch {string.Join(' ', args)} failed (exit {p.ExitCode}): {stderr.Result.Trim()} {output}");
            return (false, "");
        }
        return (true, id);
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        foreach (var d in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string f = Path.Combine(d, name);
            if (File.Exists(f)) return f;
        }
        return null;
    }

    /// <summary>The shell command that runs this perovspice: <c>PEROVSPICE_COMMAND</c> if set, the native executable,
    /// or <c>dotnet perovspice.dll</c>.</summary>
    private static string SelfCommand()
    {
        if (Environment.GetEnvironmentVariable("PEROVSPICE_COMMAND") is { Length: > 0 } c) return c;
        string exe = Environment.ProcessPath ?? "perovspice";
        string dll = AppContext.BaseDirectory + "perovspice.dll";
        bool host = Path.GetFileNameWithoutExtension(exe) is "dotnet" or "testhost";
        if (host && File.Exists(dll))
            return $"{Quote(FindOnPath("dotnet") ?? "dotnet")} {Quote(dll)}";
        return Quote(exe);
    }

    private static string Safe(string s) => new(s.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_').ToArray());

    /// <summary>Single-quotes a word for the shell.</summary>
    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
