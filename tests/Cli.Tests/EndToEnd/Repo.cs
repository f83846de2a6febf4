using System.Globalization;

namespace Perovspice.Cli.Tests;

/// <summary>Paths in the repository and helpers to run the command in-process and read its tables.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Perovspice.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    public static string Example(string name) => Path.Combine(Root, "examples", name + ".cir");

    public static string Reference(string example, string kind) =>
        Path.Combine(Root, "tests", "Cli.Tests", "References", example, kind + ".txt");

    /// <summary>Runs `perovspice args...` in-process, capturing stderr; returns the exit code and stderr text.</summary>
    /// <summary>Writes <paramref name="netlist"/> as <paramref name="file"/> in a new temporary folder and runs it there
    /// (output in the same folder; <c>--quiet</c> unless <paramref name="quiet"/> is false).</summary>
    public static (int Code, string Errors, string Dir) RunNetlist(string netlist, string file = "t.cir", bool quiet = true)
    {
        string dir = TempDir();
        string path = Path.Combine(dir, file);
        File.WriteAllText(path, netlist);
        var (code, errors) = quiet ? Run("run", path, "-o", dir, "--quiet") : Run("run", path, "-o", dir);
        return (code, errors, dir);
    }

    public static (int Code, string Errors) Run(params string[] args)
    {
        var (code, _, errors) = RunCaptured(args);
        return (code, errors);
    }

    /// <summary>Runs `perovspice args...` in-process; returns the exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) RunCaptured(params string[] args)
    {
        lock (ConsoleLock)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            try
            {
                Console.SetOut(o);
                Console.SetError(e);
                int code = PerovspiceCommand.Execute(args);
                return (code, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }

    /// <summary>Held by every test that swaps Console.Out/Error (process-wide state).</summary>
    public static readonly object ConsoleLock = new();

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "perovspice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>Reads a CSV written by the command: header and columns by name.</summary>
    public static Dictionary<string, double[]> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var head = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var table = new Dictionary<string, double[]>();
        for (int c = 0; c < head.Length; c++) table[head[c]] = rows.Select(r => r[c]).ToArray();
        return table;
    }

    /// <summary>Reads an ngspice wrdata table (whitespace separated, header of vector names).</summary>
    public static Dictionary<string, double[]> ReadNgspice(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        var head = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var table = new Dictionary<string, double[]>();
        for (int c = 0; c < head.Length; c++) table[head[c]] = rows.Select(r => r[c]).ToArray();
        return table;
    }

    /// <summary>Linear interpolation of (x, y) at xi (x ascending).</summary>
    public static double Interpolate(double[] x, double[] y, double xi)
    {
        int hi = Array.BinarySearch(x, xi);
        if (hi >= 0) return y[hi];
        hi = ~hi;
        if (hi == 0) return y[0];
        if (hi >= x.Length) return y[^1];
        int lo = hi - 1;
        return y[lo] + (y[hi] - y[lo]) * (xi - x[lo]) / (x[hi] - x[lo]);
    }
}
