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

    /// <summary>Runs the command on its arguments (after the verb).</summary>
    public static int Execute(IReadOnlyList<string> args)
    {
        string? netlist = null, outDir = null, partition = null, time = null, format = "csv";
        int tasks = 0, cpus = 0;
        bool submit = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string? Next() => ++i < args.Count ? args[i] : null;
            switch (a)
            {
                case "--tasks":
                    if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out tasks) || tasks < 1)
                        return Cluster.Usage("--tasks needs a whole number of at least 1", Usage);
                    break;
                case "--cpus":
                    if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out cpus) || cpus < 1)
                        return Cluster.Usage("--cpus needs a whole number of at least 1", Usage);
                    break;
                case "--partition":
                    partition = Next();
                    if (partition is null || !PartitionName().IsMatch(partition)) return Cluster.Usage("--partition needs a partition name", Usage);
                    break;
                case "--time":
                    time = Next();
                    if (time is null || !TimeLimit().IsMatch(time)) return Cluster.Usage("--time needs a Slurm time limit such as 01:30:00", Usage);
                    break;
                case "--format":
                    format = Next()?.ToLowerInvariant();
                    if (format is not ("csv" or "raw")) return Cluster.Usage("--format needs csv or raw", Usage);
                    break;
                case "-o" or "--output":
                    outDir = Next();
                    if (outDir is null) return Cluster.Usage("-o needs a directory", Usage);
                    break;
                case "--submit":
                    submit = true;
                    break;
                default:
                    if (a.StartsWith('-') && a.Length > 1) return Cluster.Usage($"unknown option '{a}'", Usage);
                    if (netlist is not null) return Cluster.Usage($"unexpected argument '{a}'", Usage);
                    netlist = a;
                    break;
            }
        }
        if (netlist is null) return Cluster.Usage("'slurm' needs a netlist file", Usage);
        if (tasks == 0) return Cluster.Usage("'slurm' needs --tasks N", Usage);
        if (outDir is null) return Cluster.Usage("'slurm' needs -o DIR", Usage);
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
