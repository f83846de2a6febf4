using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Cli.Tests;

/// <summary>
/// Fuzzing: seeded mutations (<see cref="NetlistMutator"/>) of the examples and test netlists run in-process through
/// <see cref="PerovspiceCommand.Execute"/>, each with a time budget, the whole test with a time cap. Every case must
/// keep the exit-code contract (0, 1 with a located error, 2 with a located error, or 130 when the budget stopped it;
/// never 70 or a trace) and leave clean outputs (each CSV whole: header, at least one row, finite numbers; no temporary
/// or lock file). The seed is printed; replay with <c>PEROVSPICE_FUZZ_SEED=&lt;seed&gt;</c> (and
/// <c>PEROVSPICE_FUZZ_CASES</c>, <c>PEROVSPICE_FUZZ_SECONDS</c>), or one case with <c>PEROVSPICE_FUZZ_CASE=&lt;case seed&gt;</c>.
/// </summary>
public class FuzzTests
{
    private readonly ITestOutputHelper _out;

    public FuzzTests(ITestOutputHelper output) { _out = output; }

    /// <summary>Limits kept small so that every case is cheap; the limits themselves are part of what is tested.</summary>
    private static readonly string[] Limits = { "--max-points", "20000", "--max-devices", "20000", "--max-steps", "50", "--max-file-bytes", "2000000" };

    internal static IReadOnlyList<string> Corpus()
    {
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "examples"), "*.cir")
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests"), "*.cir", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
            .Order(StringComparer.Ordinal);
        var list = files.Select(File.ReadAllText).ToList();
        list.Add("t\nV1 a 0 1\nR1 a 0 1k\n.op\n.dc V1 0 1 0.1\n.end\n");
        list.Add("t\nV1 a 0 PULSE(0 1 0 1u 1u 10u 20u)\nR1 a b 1k\nC1 b 0 1n\n.tran 1u 100u\n.ac dec 5 1 1meg\n.print tran v(b)\n.end\n");
        list.Add("t\n.param r=1k\n.subckt d a b rr=1\nR1 a m {rr}\nR2 m b {rr}\n.ends\nV1 a 0 1\nX1 a 0 d rr={r}\n.step param r 1k 3k 1k\n.op\n.end\n");
        list.Add("t\nV1 a 0 1\nB1 b 0 v=v(a)*2+sin(v(a))\nR1 b 0 1k\nR2 a 0 1k\n.dc V1 -1 1 0.5\n.end\n");
        return list;
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;

    [Fact]
    public void MutatedNetlistsKeepTheExitCodeContract()
    {
        int baseSeed = EnvInt("PEROVSPICE_FUZZ_SEED", Random.Shared.Next(1, int.MaxValue / 2));
        int cases = EnvInt("PEROVSPICE_FUZZ_CASES", 2500);
        double seconds = EnvInt("PEROVSPICE_FUZZ_SECONDS", 110);
        int single = EnvInt("PEROVSPICE_FUZZ_CASE", -1);
        _out.WriteLine($"fuzz seed {baseSeed} (replay: PEROVSPICE_FUZZ_SEED={baseSeed})");
        var corpus = Corpus();
        if (single >= 0 && Environment.GetEnvironmentVariable("PEROVSPICE_FUZZ_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(dump, NetlistMutator.Mutate(corpus, single));   // only write the case, to run it by hand
            return;
        }
        string root = Repo.TempDir();
        var failures = new List<string>();
        var codes = new Dictionary<int, int>();
        int ran = 0;
        int current = -1;
        var total = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            lock (Repo.ConsoleLock)
            {
                var oldErr = Console.Error;
                var oldOut = Console.Out;
                try
                {
                    Console.SetOut(TextWriter.Null);
                    for (int k = 0; single >= 0 ? k < 1 : k < cases && total.Elapsed.TotalSeconds < seconds; k++)
                    {
                        int seed = single >= 0 ? single : baseSeed + k;
                        current = seed;
                        string? problem = RunCase(corpus, seed, Path.Combine(root, k.ToString(CultureInfo.InvariantCulture)), out int code);
                        codes[code] = codes.GetValueOrDefault(code) + 1;
                        ran++;
                        if (problem is not null) failures.Add($"case seed {seed}: {problem}");
                        if (failures.Count >= 10) break;
                    }
                }
                finally
                {
                    Console.SetError(oldErr);
                    Console.SetOut(oldOut);
                }
            }
        }, 8 << 20) { IsBackground = true };   // the main thread's stack size, as the command has when run
        worker.Start();
        // The cap on the whole test: a case that ignores its budget fails the test instead of hanging CI.
        if (!worker.Join(TimeSpan.FromSeconds(seconds + 60)))
            Assert.Fail($"fuzz seed {baseSeed}: case seed {current} still running {seconds + 60:F0} s after the start (budget 2 s); replay with PEROVSPICE_FUZZ_CASE={current}");
        try { Directory.Delete(root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        string summary = $"fuzz seed {baseSeed}: {ran} cases in {total.Elapsed.TotalSeconds:F0} s, exit codes " +
                         string.Join(", ", codes.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
        _out.WriteLine(summary);
        Console.Error.WriteLine(summary);
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures));
    }

    /// <summary>Runs one mutated netlist; returns a description of what is wrong, or null.</summary>
    private static string? RunCase(IReadOnlyList<string> corpus, int seed, string dir, out int code)
    {
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "fuzz.cir");
        File.WriteAllBytes(path, NetlistMutator.Mutate(corpus, seed));
        string outDir = Path.Combine(dir, "out");
        var err = new StringWriter();
        Console.SetError(err);
        var sw = Stopwatch.StartNew();
        using (var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            code = PerovspiceCommand.Execute(new[] { "run", path, "-o", outDir, "--quiet" }.Concat(Limits).ToArray(), budget.Token);
        double elapsed = sw.Elapsed.TotalSeconds;
        string errors = err.ToString();
        try
        {
            return Check(code, errors, outDir, elapsed);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static readonly Regex Located = new(@"(?m)^.+:\d+:\d+: (error|interrupted)");

    internal static string? Check(int code, string errors, string outDir, double seconds)
    {
        string first = errors.Split('\n')[0];
        if (code is not (0 or 1 or 2 or 130)) return $"exit {code}: {first}";
        if (errors.Contains("internal error", StringComparison.Ordinal)) return $"internal error: {first}";
        if (Regex.IsMatch(errors, @"(?m)^\s+at \S+\(")) return $"stack trace: {first}";
        if (code is 1 or 2 or 130 && !Located.IsMatch(errors)) return $"exit {code} without a located message: {first}";
        if (seconds > 20) return $"took {seconds:F1} s (budget 2 s)";
        if (!Directory.Exists(outDir)) return null;
        foreach (var f in Directory.GetFiles(outDir))
        {
            string name = Path.GetFileName(f);
            if (name.EndsWith(".tmp", StringComparison.Ordinal) || name == ".perovspice.lock") return $"left {name}";
            if (name.EndsWith(".csv", StringComparison.Ordinal) && CheckCsv(f) is { } bad) return $"{name}: {bad}";
        }
        return null;
    }

    /// <summary>Cells of a row (names with a comma or quote are quoted, RFC 4180).</summary>
    private static int HeaderWidth(string header)
    {
        int cells = 1;
        bool quoted = false;
        foreach (char c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) cells++;
        }
        return cells;
    }

    /// <summary>A CSV is whole: a header, at least one row (for the sweep tables: op, dc, tran, ac, hopf), every row as
    /// wide as the header, every value a finite number (text cells only outside the sweep tables).</summary>
    internal static string? CheckCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) return "empty file";
        int width = HeaderWidth(lines[0]);
        string stem = Path.GetFileNameWithoutExtension(path);
        bool sweep = Regex.IsMatch(stem, @"^(op|dc|tran|ac|hopf)(-\d+)?$");
        if (lines.Length == 1 && sweep) return "header only";
        for (int i = 1; i < lines.Length; i++)
        {
            int cells = HeaderWidth(lines[i]);
            if (cells != width) return $"row {i} has {cells} cells, the header {width}";
            foreach (var c in lines[i].Split(','))
            {
                bool number = double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out double v);
                // sweep tables hold numbers only; others (.meas, .four, .pz) may have text cells, but no NaN or infinity
                if (sweep ? !number || !double.IsFinite(v) : number && !double.IsFinite(v) || c is "NaN" or "Infinity" or "-Infinity" or "∞")
                    return $"row {i}: '{c}' is not a finite number";
            }
        }
        return null;
    }
}
