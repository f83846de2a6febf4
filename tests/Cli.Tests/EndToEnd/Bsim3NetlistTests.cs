using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// BSIM3 (M elements with `.model … nmos|pmos level=49`) through the whole command — netlist reader, registry,
/// binder, analyses, output — against ngspice 39: examples/bsim3_inverter.cir (References/bsim3_inverter from
/// make_ngspice_refs.py), a CMOS inverter at 85 °C: the operating point at the switching point (v(out), i(vdd) and
/// @mn/@mp[id, gm, gds, gmbs, vth, vdsat]) and the dc transfer curve, within 1e-6 relative + 1e-12 (the output
/// voltage within 1e-6·|v| + 5 µV: the gain is about −20 there).
/// </summary>
public class Bsim3NetlistTests
{
    private static Dictionary<string, double[]> Run(string kind)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example("bsim3_inverter"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        return Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
    }

    [Theory]
    [InlineData("op", 10)]
    [InlineData("dc", 2)]
    public void InverterExampleMatchesNgspice(string kind, int minColumns)
    {
        var ours = Run(kind);
        var theirs = Repo.ReadNgspice(Repo.Reference("bsim3_inverter", kind));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (name is "v-sweep" or "vdd" || !ours.TryGetValue(name, out var mine)) continue;
            Assert.Equal(values.Length, mine.Length);
            double floor = name == "v(out)" ? 5e-6 : 1e-12;
            for (int k = 0; k < values.Length; k++)
                Assert.True(Math.Abs(mine[k] - values[k]) <= 1e-6 * Math.Abs(values[k]) + floor,
                    $"{kind} {name}[{k}]: {mine[k]} vs ngspice {values[k]}");
            compared++;
        }
        Assert.True(compared >= minColumns, $"only {compared} columns compared");
    }
}
