using System.Globalization;
using Xunit;

namespace Perovspice.Packaging.Tests;

/// <summary>
/// The packages as a user gets them: examples/api (a console project that references only the
/// Perovspice.Netlist package) restored from the local feed, built and run; and the dotnet tool installed
/// from the feed and run from PATH. Needs the normal NuGet source for MathNet.Numerics and Sprache.
/// </summary>
public sealed class PackagingTests : IClassFixture<PackageFeed>
{
    private readonly PackageFeed _feed;

    public PackagingTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void PackMakesLibraryAndToolPackagesWithSymbols()
    {
        Assert.True(_feed.Pack.ExitCode == 0, "dotnet pack: " + _feed.Pack);
        foreach (var id in new[] { "Perovspice.Engine", "Perovspice.Devices", "Perovspice.Netlist", "perovspice" })
        {
            Assert.True(File.Exists(Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.nupkg")), $"{id}.{_feed.Version}.nupkg missing");
            Assert.True(File.Exists(Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.snupkg")), $"{id}.{_feed.Version}.snupkg missing");
        }
        using var netlist = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_feed.Feed, $"Perovspice.Netlist.{_feed.Version}.nupkg"));
        var entries = netlist.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.Contains("lib/net10.0/Perovspice.Netlist.dll", entries);
        Assert.Contains("lib/net10.0/Perovspice.Netlist.xml", entries);
    }

    [Fact]
    public void ApiExampleBuiltAgainstThePackageMatchesTheNetlistRoute()
    {
        Assert.True(_feed.Pack.ExitCode == 0, "dotnet pack: " + _feed.Pack);
        // A copy of examples/api outside the repository: no Directory.Build.props, no project references.
        string app = Path.Combine(_feed.Temp, "api");
        Directory.CreateDirectory(app);
        foreach (var file in new[] { "Program.cs", "Perovspice.ApiExample.csproj" })
            File.Copy(Path.Combine(_feed.Root, "examples", "api", file), Path.Combine(app, file));
        // perovspice packages from the local feed only (source mapping), everything else from nuget.org
        PackageFeed.WriteNuGetConfig(app, $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_feed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="perovspice*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var build = _feed.Run(app, "dotnet", "build", "-c", "Release", $"-p:PerovspiceVersion={_feed.Version}");
        Assert.True(build.ExitCode == 0, "dotnet build examples/api: " + build);
        // the package, not anything else, was restored
        Assert.True(Directory.Exists(Path.Combine(_feed.Packages, "perovspice.netlist", _feed.Version)), build.Output);

        var run = _feed.Run(app, "dotnet", Path.Combine(app, "bin", "Release", "net10.0", "Perovspice.ApiExample.dll"));
        Assert.True(run.ExitCode == 0, "examples/api: " + run);
        Assert.Contains("max relative difference, code vs netlist: ", run.Output);
        string diff = run.Output.Split("max relative difference, code vs netlist: ")[1].Split('\n')[0].Trim();
        Assert.True(double.Parse(diff, CultureInfo.InvariantCulture) <= 1e-12, run.Output);
        Assert.Matches(@"transient: \d{2,} time points", run.Output);
        Assert.Matches(@"ac: 61 frequencies", run.Output);
    }

    [Fact]
    public void ToolInstallsFromTheFeedAndRunsFromPath()
    {
        Assert.True(_feed.Pack.ExitCode == 0, "dotnet pack: " + _feed.Pack);
        // A directory whose NuGet.config lists no source: the tool comes from --add-source only (a tool package
        // carries its dependencies). A sibling of the api directory, so its NuGet.config is not inherited.
        string work = Path.Combine(_feed.Temp, "tool");
        string tools = Path.Combine(_feed.Temp, "tools");
        string output = Path.Combine(_feed.Temp, "rc_lowpass.out");
        Directory.CreateDirectory(work);
        PackageFeed.WriteNuGetConfig(work, "<configuration><packageSources><clear /></packageSources></configuration>\n");
        var install = _feed.Run(work, "dotnet", "tool", "install", "perovspice", "--version", _feed.Version,
            "--tool-path", tools, "--add-source", _feed.Feed);
        Assert.True(install.ExitCode == 0, "dotnet tool install: " + install);

        var version = _feed.RunFromPath(work, tools, "perovspice", "--version");
        Assert.True(version.ExitCode == 0, "perovspice --version: " + version);
        Assert.Equal($"perovspice {_feed.Version}", version.Output.Trim());

        var run = _feed.RunFromPath(work, tools, "perovspice", "run", Path.Combine(_feed.Root, "examples", "rc_lowpass.cir"), "-o", output);
        Assert.True(run.ExitCode == 0, "perovspice run: " + run);

        // R = 1 kΩ, C = 1 µF: dc v(out) = 1 V; the step at 1 ms (1 µs rise) has settled to 1 − e^−7 at 8 ms;
        // |H(f)| = 1/√(1 + (f/fc)²), fc = 1/(2π RC).
        var op = ReadCsv(Path.Combine(output, "op.csv"));
        Assert.Equal(1.0, op["v(out)"][0], 9);
        var tran = ReadCsv(Path.Combine(output, "tran.csv"));
        Assert.Equal(8e-3, tran["time"][^1], 12);
        Assert.Equal(1 - Math.Exp(-(8e-3 - 1.0005e-3) / 1e-3), tran["v(out)"][^1], 4);
        var ac = ReadCsv(Path.Combine(output, "ac.csv"));
        Assert.Equal(101, ac["frequency"].Length);
        double fc = 1 / (2 * Math.PI * 1e3 * 1e-6);
        for (int k = 0; k < ac["frequency"].Length; k++)
        {
            double f = ac["frequency"][k];
            Assert.Equal(1 / Math.Sqrt(1 + f * f / (fc * fc)), ac["vm(out)"][k], 9);
        }
    }

    private static Dictionary<string, double[]> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var head = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return head.Select((name, c) => (name, values: rows.Select(r => r[c]).ToArray())).ToDictionary(p => p.name, p => p.values);
    }
}
