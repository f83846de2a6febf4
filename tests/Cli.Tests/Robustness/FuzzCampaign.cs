using System.Diagnostics;
using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Cli.Tests;

/// <summary>
/// The long fuzz campaign (tools/fuzz-campaign.sh): the same mutations as <see cref="FuzzTests"/>, each run by the
/// published binary as its own process with the default limits, under <c>timeout</c> and <c>/usr/bin/time</c>, and a
/// GC heap limit. Counts crashes (signals), internal errors (exit 70), header-only results, runs past 10 s and runs past
/// 1 GB; the netlists of those cases are kept. Does nothing unless <c>PEROVSPICE_FUZZ_BINARY</c> names the binary.
/// </summary>
public class FuzzCampaign
{
    private readonly ITestOutputHelper _out;

    public FuzzCampaign(ITestOutputHelper output) { _out = output; }

    private static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;

    [Fact]
    public async Task Campaign()
    {
        string? binary = Environment.GetEnvironmentVariable("PEROVSPICE_FUZZ_BINARY");
        if (string.IsNullOrEmpty(binary)) return;
        int baseSeed = int.Parse(Env("PEROVSPICE_FUZZ_SEED", "1"), CultureInfo.InvariantCulture);
        int cases = int.Parse(Env("PEROVSPICE_FUZZ_CASES", "100000"), CultureInfo.InvariantCulture);
        double hours = double.Parse(Env("PEROVSPICE_FUZZ_HOURS", "24"), CultureInfo.InvariantCulture);
        string keep = Env("PEROVSPICE_FUZZ_KEEP", Path.Combine(Path.GetTempPath(), "perovspice-fuzz-findings"));
        string report = Env("PEROVSPICE_FUZZ_REPORT", Path.Combine(keep, "summary.txt"));
        Directory.CreateDirectory(keep);
        var corpus = FuzzTests.Corpus();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var codes = new SortedDictionary<int, int>();
        double slowest = 0, biggest = 0;
        var total = Stopwatch.StartNew();
        string work = Repo.TempDir();
        int ran = 0;
        for (int k = 0; k < cases && total.Elapsed.TotalHours < hours; k++)
        {
            int seed = baseSeed + k;
            string dir = Path.Combine(work, "c");
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            Directory.CreateDirectory(dir);
            string net = Path.Combine(dir, "fuzz.cir"), outDir = Path.Combine(dir, "out"), timing = Path.Combine(dir, "time.txt");
            File.WriteAllBytes(net, NetlistMutator.Mutate(corpus, seed));
            var psi = new ProcessStartInfo("timeout") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-s", "KILL", "60", "/usr/bin/time", "-f", "%e %M", "-o", timing, binary, "run", net, "-o", outDir, "--quiet" })
                psi.ArgumentList.Add(a);
            psi.Environment["DOTNET_GCHeapHardLimit"] = "0xC0000000";   // 3 GiB: a runaway is an OutOfMemory, not a stuck machine
            using var p = Process.Start(psi)!;
            var errTask = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            string errors = await errTask;
            int code = p.ExitCode;
            ran++;
            codes[code] = codes.GetValueOrDefault(code) + 1;
            double seconds = 0, megabytes = 0;
            if (File.Exists(timing))
            {
                var last = File.ReadAllLines(timing).LastOrDefault(l => l.Length > 0 && char.IsDigit(l[0]))?.Split(' ');
                if (last is { Length: 2 })
                {
                    seconds = double.Parse(last[0], CultureInfo.InvariantCulture);
                    megabytes = double.Parse(last[1], CultureInfo.InvariantCulture) / 1024;
                }
            }
            slowest = Math.Max(slowest, seconds);
            biggest = Math.Max(biggest, megabytes);
            var findings = new List<string>();
            if (code == 137) findings.Add("killed after 60 s");
            else if (code >= 128 && code is not (130 or 143)) findings.Add("crash");
            if (code == 70) findings.Add("internal error");
            if (seconds > 10) findings.Add("past 10 s");
            if (megabytes > 1024) findings.Add("past 1 GB");
            if (code < 128 && code != 70 && FuzzTests.Check(code, errors, outDir, 0) is { } problem)
                findings.Add(problem.Contains("header only", StringComparison.Ordinal) ? "header-only result" : "contract: " + problem);
            foreach (var f in findings)
            {
                string kind = f.StartsWith("contract", StringComparison.Ordinal) ? "contract" : f;
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                File.Copy(net, Path.Combine(keep, $"{seed}.cir"), true);
                File.AppendAllText(Path.Combine(keep, "findings.txt"), $"{seed}: {f} (exit {code}, {seconds:F1} s, {megabytes:F0} MB): {errors.Split('\n')[0]}\n");
            }
            if (ran % 500 == 0) File.WriteAllText(report, Summary());
        }
        string summary = Summary();
        File.WriteAllText(report, summary);
        _out.WriteLine(summary);
        try { Directory.Delete(work, true); } catch (IOException) { }

        string Summary() =>
            $"fuzz campaign: seeds {baseSeed}..{baseSeed + ran - 1}: {ran} cases in {total.Elapsed.TotalMinutes:F1} min; " +
            $"slowest {slowest:F2} s, largest {biggest:F0} MB; exit codes {string.Join(", ", codes.Select(c => $"{c.Key}: {c.Value}"))}; " +
            $"findings: {(counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")))}\n";
    }
}
