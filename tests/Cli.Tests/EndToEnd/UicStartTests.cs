using System.Globalization;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// <c>.tran … uic</c> from a starting point that is not a solution (a diode's internal node and junction at 0 V
/// while the supply is not): the first step is accepted without a truncation-error check, as SPICE does, instead of
/// the run stopping near t = 1e-15 s. Measures against ngspice 39 (References/uic_start).
/// </summary>
public class UicStartTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "uic_start", file);

    [Fact]
    public void FlybackDriverFromAnInconsistentUicStartMatchesNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Ref("flyback.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var ours = File.ReadAllLines(Path.Combine(dir, "meas.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[1], f => double.Parse(f[2], CultureInfo.InvariantCulture));
        var theirs = File.ReadAllLines(Ref("ngspice_meas.txt")).Select(l => l.Split('=', StringSplitOptions.TrimEntries))
            .ToDictionary(f => f[0], f => double.Parse(f[1].Split(' ')[0], CultureInfo.InvariantCulture));
        // averages are smooth in the time grid; a crossing time (interpolated) and the peak depend on where the steps land
        foreach (var (name, tol) in new[] { ("ion", 1e-5), ("von", 1e-5), ("tdecay", 1e-4), ("vpk", 1e-3) })
            Assert.True(Math.Abs(ours[name] - theirs[name]) <= tol * Math.Abs(theirs[name]), $"{name}: {ours[name]} vs ngspice {theirs[name]}");
    }
}
