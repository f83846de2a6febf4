using System.Diagnostics;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// <c>run --shard K/N</c> and <c>merge</c> in-process: merging the shards gives files byte-identical to the
/// unsharded run (CSV; raw and meas.csv for the grid), and every misuse is a clear error with nothing written.
/// </summary>
public class ShardMergeTests
{
    internal static string Netlist(string name) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "EndToEnd", "MonteCarlo", name);

    internal static void AssertSameFiles(string expectedDir, string actualDir)
    {
        var expected = Directory.GetFiles(expectedDir).Select(Path.GetFileName).Order().ToList();
        var actual = Directory.GetFiles(actualDir).Select(Path.GetFileName).Where(f => !f!.StartsWith("shard.")).Order().ToList();
        Assert.Equal(expected, actual);
        foreach (var f in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedDir, f!)).SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, f!))),
                $"{f} differs between {expectedDir} and {actualDir}");
    }

    private static void Ok(params string[] args)
    {
        var (code, err) = Repo.Run(args);
        Assert.True(code == 0, $"perovspice {string.Join(' ', args)}: exit {code}\n{err}");
    }

    [Fact]
    public void CrossbarMonteCarlo_FourShardsMerged_IsByteIdentical_AndRunsDiffer()
    {
        string net = Netlist("crossbar_mc.cir"), d = Repo.TempDir();
        Ok("run", net, "-q", "-o", Path.Combine(d, "full"));
        for (int k = 1; k <= 4; k++) Ok("run", net, "-q", "--shard", $"{k}/4", "-o", Path.Combine(d, $"s{k}"));
        // a shard holds only its steps: shard 2 of 4 holds runs 2 and 6
        var s2 = Repo.ReadCsv(Path.Combine(d, "s2", "tran.csv"));
        Assert.Equal(new[] { 2.0, 6 }, s2["run"].Distinct().ToArray());
        Ok("merge", Path.Combine(d, "s3"), Path.Combine(d, "s1"), Path.Combine(d, "s4"), Path.Combine(d, "s2"), "-q", "-o", Path.Combine(d, "merged"));
        AssertSameFiles(Path.Combine(d, "full"), Path.Combine(d, "merged"));
        // the Monte-Carlo runs really differ (every cell draws again in every run)
        var full = Repo.ReadCsv(Path.Combine(d, "full", "tran.csv"));
        var finals = Enumerable.Range(0, full["run"].Length).Where(r => full["time"][r] == 0.6).Select(r => full["@x11.n1[w]"][r]).ToList();
        Assert.Equal(8, finals.Count);
        Assert.Equal(8, finals.Distinct().Count());
    }

    [Fact]
    public void GridSweep_RawAndMeas_ThreeShardsMerged_IsByteIdentical()
    {
        string net = Netlist("grid_raw.cir"), d = Repo.TempDir();
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1700000000");   // the raw header's Date
        Ok("run", net, "-q", "--format", "raw", "-o", Path.Combine(d, "full"));
        for (int k = 1; k <= 3; k++) Ok("run", net, "-q", "--format", "raw", "--shard", $"{k}/3", "-o", Path.Combine(d, $"s{k}"));
        Ok("merge", Path.Combine(d, "s1"), Path.Combine(d, "s2"), Path.Combine(d, "s3"), "-q", "-o", Path.Combine(d, "merged"));
        AssertSameFiles(Path.Combine(d, "full"), Path.Combine(d, "merged"));
        Assert.True(File.Exists(Path.Combine(d, "merged", "meas.csv")));
        Assert.True(File.Exists(Path.Combine(d, "merged", "tran.raw")));
    }

    [Theory]
    [InlineData("0/4", "--shard 0/4: K must be between 1 and 4")]
    [InlineData("5/4", "--shard 5/4: K must be between 1 and 4")]
    [InlineData("1/0", "the number of shards N must be at least 1")]
    [InlineData("a/4", "--shard needs K/N")]
    public void BadShard_IsUsageError_NothingWritten(string spec, string message)
    {
        string d = Path.Combine(Repo.TempDir(), "out");
        var (code, err) = Repo.Run("run", Netlist("grid_raw.cir"), "--shard", spec, "-o", d);
        Assert.Equal(64, code);
        Assert.Contains(message, err);
        Assert.False(Directory.Exists(d));
    }

    [Fact]
    public void Merge_MissingDuplicateOrForeignShard_IsAnErrorNamingIt_NothingWritten()
    {
        string net = Netlist("grid_raw.cir"), d = Repo.TempDir();
        for (int k = 1; k <= 3; k++) Ok("run", net, "-q", "--shard", $"{k}/3", "-o", Path.Combine(d, $"s{k}"));
        string other = Path.Combine(d, "other.cir");
        File.WriteAllText(other, File.ReadAllText(net).Replace("C1 out 0 1u", "C1 out 0 2u"));
        Ok("run", other, "-q", "--shard", "2/3", "-o", Path.Combine(d, "o2"));
        string S(string n) => Path.Combine(d, n);
        string outDir = S("merged");

        var (code, err) = Repo.Run("merge", S("s1"), S("s3"), "-o", outDir);
        Assert.Equal(1, code);
        Assert.Contains("shard 2/3 missing", err);

        (code, err) = Repo.Run("merge", S("s1"), S("s2"), S("s2"), S("s3"), "-o", outDir);
        Assert.Equal(1, code);
        Assert.Contains($"shard 2/3 given twice: {S("s2")} and {S("s2")}", err);

        (code, err) = Repo.Run("merge", S("s1"), S("o2"), S("s3"), "-o", outDir);
        Assert.Equal(1, code);
        Assert.Contains($"{S("o2")} (shard 2/3) is from a different netlist than {S("s1")}", err);

        (code, err) = Repo.Run("merge", S("s1"), S("nowhere"), "-o", outDir);
        Assert.Equal(1, code);
        Assert.Contains("nowhere: no shard.txt", err);

        (code, err) = Repo.Run("merge", S("s1"));
        Assert.Equal(64, code);
        Assert.Contains("'merge' needs -o DIR", err);

        Assert.False(Directory.Exists(outDir));
        Assert.DoesNotContain(Directory.GetDirectories(d), x => Path.GetFileName(x).StartsWith('.'));   // no staging left
    }

    [Fact]
    public void Slurm_WritesArrayAndMergeScripts()
    {
        string d = Path.Combine(Repo.TempDir(), "job");
        var (code, err) = Repo.Run("slurm", Netlist("grid_raw.cir"), "--tasks", "3", "--partition", "debug", "--time", "00:05:00",
            "--cpus", "1", "-o", d);
        Assert.True(code == 0, err);
        string array = File.ReadAllText(Path.Combine(d, "slurm", "array.sh"));
        string merge = File.ReadAllText(Path.Combine(d, "slurm", "merge.sh"));
        Assert.Contains("#SBATCH --array=1-3", array);
        Assert.Contains("#SBATCH --partition=debug", array);
        Assert.Contains("#SBATCH --time=00:05:00", array);
        Assert.Contains("#SBATCH --cpus-per-task=1", array);
        Assert.Contains("--shard \"$K/3\"", array);
        Assert.Contains("K=${SLURM_ARRAY_TASK_ID", array);
        Assert.Contains(" merge ", merge);
        Assert.Contains(Path.Combine(d, "shards", "3"), merge);
    }

    [Fact]
    public void Slurm_SubmitWithoutSbatchOnPath_FailsCleanly_NothingWritten()
    {
        string d = Path.Combine(Repo.TempDir(), "job");
        string dll = Path.Combine(AppContext.BaseDirectory, "perovspice.dll");
        var psi = new ProcessStartInfo(Environment.ProcessPath!.EndsWith("dotnet") ? Environment.ProcessPath : "dotnet")
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "slurm", Netlist("grid_raw.cir"), "--tasks", "2", "-o", d, "--submit" }) psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = Path.Combine(Repo.TempDir(), "empty-bin");
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(1, p.ExitCode);
        Assert.Contains("'sbatch' not found on PATH", err);
        Assert.False(Directory.Exists(d));
    }
}
