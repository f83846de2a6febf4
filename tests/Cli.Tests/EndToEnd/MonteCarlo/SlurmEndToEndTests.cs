using System.Diagnostics;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// A [Fact] that runs only where a Slurm cluster answers (sbatch on PATH and <c>sinfo</c> succeeds), and is skipped
/// with the reason otherwise, unless <c>PEROVSPICE_SLURM=1</c> (set by .ci/run after starting the local cluster):
/// then it always runs, so a broken cluster fails CI instead of being skipped.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when no cluster is available and CI does not require one.</summary>
    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PEROVSPICE_SLURM") == "1") return;
        string? why = SlurmEndToEndTests.Unavailable();
        if (why is not null) Skip = $"no Slurm cluster ({why}); start one with tools/slurm/start_local_slurm.sh, or set PEROVSPICE_SLURM=1 to require it";
    }
}

/// <summary>
/// The Slurm end to end test (needs a real cluster, e.g. tools/slurm/start_local_slurm.sh): <c>perovspice slurm
/// --submit</c> with the built command-line program runs the crossbar Monte Carlo as a 4-task job array plus a merge
/// job, and the merged tran.csv is byte-identical to the single-machine run.
/// </summary>
public class SlurmEndToEndTests
{
    /// <summary>Why no cluster can be used, or null when one answers.</summary>
    internal static string? Unavailable() => Probe.Value;

    private static readonly Lazy<string?> Probe = new(ProbeCluster);

    private static string? ProbeCluster()
    {
        foreach (var tool in new[] { "sbatch", "sinfo" })
            if (FindOnPath(tool) is null) return $"'{tool}' not on PATH";
        var (code, _) = RunTool(5_000, "sinfo", "-h", "-o", "%T");
        return code == 0 ? null : code == -1 ? "sinfo did not answer within 5 s" : "sinfo failed";
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static (int Code, string Output) RunTool(int timeoutMs, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); return (-1, "timed out"); }
        return (p.ExitCode, output.Result + err.Result);
    }

    [SlurmFact]
    public void CrossbarMonteCarlo_JobArrayOfFourShards_MergedByDependentJob_IsByteIdentical()
    {
        string? unavailable = Unavailable();
        Assert.True(unavailable is null, $"PEROVSPICE_SLURM=1 but the cluster is not usable: {unavailable}");
        string net = ShardMergeTests.Netlist("crossbar_mc.cir"), d = Repo.TempDir();
        var (code, err) = Repo.Run("run", net, "-q", "-o", Path.Combine(d, "full"));
        Assert.True(code == 0, err);

        // the built program, run as a separate process (as the batch scripts will run it)
        string dotnet = FindOnPath("dotnet") ?? "dotnet";
        string dll = Path.Combine(AppContext.BaseDirectory, "perovspice.dll");
        string job = Path.Combine(d, "cluster");
        var (sc, output) = RunTool(60_000, dotnet, dll, "slurm", net, "--tasks", "4", "--time", "00:05:00", "-o", job, "--submit");
        Assert.True(sc == 0, output);
        Assert.Matches(@"array job \d+", output);
        Assert.Matches(@"merge job \d+", output);

        string merged = Path.Combine(job, "tran.csv");
        var sw = Stopwatch.StartNew();
        while (!File.Exists(merged) && sw.Elapsed < TimeSpan.FromSeconds(90)) Thread.Sleep(250);
        string logs = string.Join("\n", Directory.Exists(Path.Combine(job, "slurm"))
            ? Directory.GetFiles(Path.Combine(job, "slurm"), "*.log").Select(f => $"{f}:\n{File.ReadAllText(f)}") : Array.Empty<string>());
        Assert.True(File.Exists(merged), $"the merge job wrote no {merged} within 90 s\n{output}\n{logs}");
        for (int k = 1; k <= 4; k++) Assert.True(File.Exists(Path.Combine(job, "shards", $"{k}", "shard.txt")), $"shard {k} missing\n{logs}");
        Assert.True(File.ReadAllBytes(Path.Combine(d, "full", "tran.csv")).SequenceEqual(File.ReadAllBytes(merged)),
            "the Slurm-merged tran.csv differs from the single-machine run");
    }
}
