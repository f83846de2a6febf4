using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Perovspice.Packaging.Tests;

/// <summary>
/// Packs the libraries and the dotnet tool (already built, same configuration as this test assembly) into a
/// local folder feed under a fresh temp directory, once for the test class. Every restore and tool install
/// below uses a packages folder inside that directory (NUGET_PACKAGES), so a package re-packed with the same
/// version is never served stale from ~/.nuget/packages, and nothing leaks into it.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Root = FindRoot();
        Configuration = typeof(PackageFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        Temp = Path.Combine(Path.GetTempPath(), "perovspice-packaging", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Temp, "feed");
        Packages = Path.Combine(Temp, "packages");
        Directory.CreateDirectory(Feed);
        var watch = Stopwatch.StartNew();
        // --no-build: the projects were built with the solution (and before this assembly: see the csproj);
        // it also implies --no-restore, so packing does not touch the obj/ files other test runs read.
        Pack = Run(Root, "dotnet", "pack", "Perovspice.slnx", "-c", Configuration, "--no-build", "-o", Feed);
        PackSeconds = watch.Elapsed.TotalSeconds;
        Version = File.ReadAllText(Path.Combine(Root, "Directory.Build.props")) is var props
            && props.IndexOf("<Version>", StringComparison.Ordinal) is int i and >= 0
                ? props[(i + "<Version>".Length)..props.IndexOf("</Version>", i, StringComparison.Ordinal)].Trim()
                : throw new InvalidOperationException("no <Version> in Directory.Build.props");
    }

    /// <summary>The repository root (holds Perovspice.slnx).</summary>
    public string Root { get; }
    /// <summary>Build configuration of this test assembly, the one packed.</summary>
    public string Configuration { get; }
    /// <summary>The temp directory of this run (deleted at the end).</summary>
    public string Temp { get; }
    /// <summary>The local folder feed with the packed .nupkg/.snupkg files.</summary>
    public string Feed { get; }
    /// <summary>The NuGet global packages folder of this run.</summary>
    public string Packages { get; }
    /// <summary>The package version (Directory.Build.props).</summary>
    public string Version { get; }
    /// <summary>The result of `dotnet pack`.</summary>
    public ProcessResult Pack { get; }
    /// <summary>How long packing took.</summary>
    public double PackSeconds { get; }

    /// <summary>Runs a program in <paramref name="directory"/> with NUGET_PACKAGES set to this run's folder,
    /// an optional directory put first on PATH, and a time limit.</summary>
    public ProcessResult Run(string directory, string program, params string[] args) => Run(directory, null, program, args);

    /// <summary>Runs a command the way a user's shell does: <paramref name="command"/> is looked up on PATH, with
    /// <paramref name="pathFirst"/> first (Process.Start would look in this test's own directory first).</summary>
    public ProcessResult RunFromPath(string directory, string pathFirst, string command, params string[] args) =>
        Run(directory, pathFirst, "/bin/sh", new[] { "-c", "exec \"$0\" \"$@\"", command }.Concat(args).ToArray());

    private ProcessResult Run(string directory, string? pathFirst, string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NUGET_PACKAGES"] = Packages;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // `dotnet test` passes MSBuild's own variables to the test host; a nested dotnet build must find its SDK itself
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        if (pathFirst != null)
            start.Environment["PATH"] = pathFirst + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 5 minutes:\n{output}");
        }
        process.WaitForExit();
        lock (output) return new ProcessResult(process.ExitCode, output.ToString(), watch.Elapsed.TotalSeconds);
    }

    /// <summary>Writes a NuGet.config into <paramref name="directory"/>.</summary>
    public static void WriteNuGetConfig(string directory, string xml) =>
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + xml);

    public void Dispose()
    {
        try { Directory.Delete(Temp, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Perovspice.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

/// <summary>Exit code, standard output and error (interleaved) and duration of a process.</summary>
public sealed record ProcessResult(int ExitCode, string Output, double Seconds)
{
    public override string ToString() => $"exit code {ExitCode} after {Seconds:F1} s:\n{Output}";
}
