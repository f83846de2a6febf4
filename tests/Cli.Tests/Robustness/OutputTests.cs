using System.Diagnostics;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>Outputs that cannot be written are exit 73 with a message naming the path; files are whole or absent;
/// a second run into a locked output directory fails at once; interruptions leave only complete files.</summary>
public class OutputTests
{
    private const string Netlist = "t\nV1 a 0 1\nR1 a 0 1k\n.op\n.dc V1 0 1 0.5\n";

    private static string Write(string dir, string text = Netlist)
    {
        string path = Path.Combine(dir, "case.cir");
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertOutputError((int Code, string Errors) r, string path)
    {
        Assert.True(r.Code == 73, $"exit {r.Code}: {r.Errors}");
        Assert.Contains($"cannot write '{path}'", r.Errors);
        Assert.DoesNotContain("internal error", r.Errors);
    }

    [Fact]
    public void OutputThatIsAFile()
    {
        string dir = Repo.TempDir();
        string o = Path.Combine(dir, "afile");
        File.WriteAllText(o, "x");
        AssertOutputError(Repo.Run("run", Write(dir), "-o", o, "-q"), o);
    }

    [Fact]
    public void OutputThatIsADanglingSymlink()
    {
        string dir = Repo.TempDir();
        string o = Path.Combine(dir, "link");
        File.CreateSymbolicLink(o, Path.Combine(dir, "nowhere"));
        AssertOutputError(Repo.Run("run", Write(dir), "-o", o, "-q"), o);
    }

    [Fact]
    public void EmptyOutputName() => AssertOutputError(Repo.Run("run", Write(Repo.TempDir()), "-o", "", "-q"), "");

    [Fact]
    public void OutputUnderProc()
    {
        if (!Directory.Exists("/proc/self")) return;
        AssertOutputError(Repo.Run("run", Write(Repo.TempDir()), "-o", "/proc/perovspice-out", "-q"), "/proc/perovspice-out");
    }

    [Fact]
    public void OutputWithAComponentOver255Bytes()
    {
        string dir = Repo.TempDir();
        string o = Path.Combine(dir, new string('x', 300));
        AssertOutputError(Repo.Run("run", Write(dir), "-o", o, "-q"), o);
    }

    [Fact]
    public void ResultNameTakenByADirectoryKeepsEarlierFiles()
    {
        string dir = Repo.TempDir();
        string o = Path.Combine(dir, "out");
        Directory.CreateDirectory(Path.Combine(o, "dc.csv"));
        AssertOutputError(Repo.Run("run", Write(dir), "-o", o, "-q"), Path.Combine(o, "dc.csv"));
        Assert.True(File.Exists(Path.Combine(o, "op.csv")));
        Assert.Empty(Directory.GetFiles(o, "*.tmp"));
    }

    [Fact]
    public void ReadOnlyResultIsNotReplaced()
    {
        if (OperatingSystem.IsWindows()) return;
        string dir = Repo.TempDir();
        string o = Path.Combine(dir, "out");
        Directory.CreateDirectory(o);
        string op = Path.Combine(o, "op.csv");
        File.WriteAllText(op, "old\n");
        File.SetUnixFileMode(op, UnixFileMode.UserRead);
        AssertOutputError(Repo.Run("run", Write(dir), "-o", o, "-q"), op);
        Assert.Equal("old\n", File.ReadAllText(op));
    }

    [Fact]
    public void SecondRunIntoALockedDirectoryFailsAtOnce()
    {
        string dir = Repo.TempDir();
        string o = Path.Combine(dir, "out");
        Directory.CreateDirectory(o);
        using (new FileStream(Path.Combine(o, ".perovspice.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var r = Repo.Run("run", Write(dir), "-o", o, "-q");
            Assert.Equal(73, r.Code);
            Assert.Contains("another perovspice run", r.Errors);
        }
        Assert.Equal(0, Repo.Run("run", Write(dir), "-o", o, "-q").Code);
        Assert.False(File.Exists(Path.Combine(o, ".perovspice.lock")));
        Assert.Equal(new[] { "dc.csv", "op.csv" }, Directory.GetFiles(o).Select(Path.GetFileName).Order().ToArray());
    }

    [Fact]
    public void CancelledTransientLeavesOnlyFinishedFiles()
    {
        string dir = Repo.TempDir();
        string path = Write(dir, "t\nV1 a 0 SIN(0 1 1k)\nR1 a b 1k\nC1 b 0 1u\n.op\n.tran 1u 100 0 1u\n.dc V1 0 1 0.5\n");
        string o = Path.Combine(dir, "out");
        int code;
        string errors;
        lock (Repo.ConsoleLock)
        {
            var err = new StringWriter();
            var oldErr = Console.Error;
            Console.SetError(err);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try { code = PerovspiceCommand.Execute(new[] { "run", path, "-o", o, "-q", "--max-points", "1e9", "--max-values", "1e12" }, cts.Token); }
            finally { Console.SetError(oldErr); }
            errors = err.ToString();
        }
        Assert.True(code == 130, $"exit {code}: {errors}");
        Assert.Contains("interrupted", errors);
        Assert.Equal(new[] { "op.csv" }, Directory.GetFiles(o).Select(Path.GetFileName).ToArray());
    }

    /// <summary>The real thing: the built program gets SIGTERM during a long transient.</summary>
    [Fact]
    public async Task SigTermDuringATransientExits143WithoutAPartialFile()
    {
        if (!OperatingSystem.IsLinux()) return;
        await Task.Yield();
        string dll = Path.Combine(AppContext.BaseDirectory, "perovspice.dll");
        if (!File.Exists(dll)) return;
        string dir = Repo.TempDir();
        string path = Write(dir, "t\nV1 a 0 SIN(0 1 1k)\nR1 a b 1k\nC1 b 0 1u\n.op\n.tran 1u 100 0 1u\n");
        string o = Path.Combine(dir, "out");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { dll, "run", path, "-o", o, "-q", "--max-points", "1e9", "--max-values", "1e12" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(Path.Combine(o, "op.csv")) && DateTime.UtcNow < until && !p.HasExited) Thread.Sleep(20);
        Thread.Sleep(300);
        using (var kill = Process.Start("kill", $"-TERM {p.Id}")) kill.WaitForExit();
        Assert.True(p.WaitForExit(30_000), "did not stop");
        string text = await stderr;
        Assert.True(p.ExitCode == 143, $"exit {p.ExitCode}: {text}");
        Assert.Equal(new[] { "op.csv" }, Directory.GetFiles(o).Select(Path.GetFileName).ToArray());
    }
}
