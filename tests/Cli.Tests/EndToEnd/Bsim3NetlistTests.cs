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

    /// <summary>
    /// SPICE's bypass (default on; `.options bypass=0` turns it off): a ring of five BSIM3 inverters (the example's
    /// cards at default tolerances) oscillates the same with and without it — the waveforms within 0.5 % of their
    /// range over the same time span, a similar number of time points.
    /// </summary>
    [Fact]
    public void BypassKeepsTheRingOscillatorWaveform()
    {
        var lines = File.ReadAllLines(Repo.Example("bsim3_inverter"));
        var models = lines.SkipWhile(l => !l.StartsWith(".model", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith(".model", StringComparison.Ordinal) || l.StartsWith('+')).ToList();
        Dictionary<string, double[]> Ring(string options)
        {
            var net = new List<string> { "ring of five BSIM3 inverters", "vdd vdd 0 1.8" };
            for (int k = 0; k < 5; k++)
            {
                string i = $"n{k}", o = $"n{(k + 1) % 5}";
                net.Add($"mp{k} {o} {i} vdd vdd p018 w=2u l=0.18u as=1p ad=1p ps=5u pd=5u");
                net.Add($"mn{k} {o} {i} 0 0 n018 w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u");
                net.Add($"c{k} {o} 0 5f");
            }
            net.AddRange(models);
            net.Add(".ic v(n0)=0 v(n1)=1.8 v(n2)=0 v(n3)=1.8 v(n4)=0");
            net.Add(options);
            net.Add(".tran 5p 3n");
            net.Add(".print tran v(n0) v(n2)");
            return RunTran(net);
        }
        AssertSameWaveform(Ring("* default: bypass on"), Ring(".options bypass=0"), "v(n0)", "v(n2)");
    }

    /// <summary>The same for level-3 MOSFETs (Meyer capacitances): a five-stage ring (bench/gen_ring_osc.py's cards)
    /// with and without bypass within 0.5 % of range.</summary>
    [Fact]
    public void BypassKeepsTheLevel3RingWaveform()
    {
        Dictionary<string, double[]> Ring(string options)
        {
            var net = new List<string>
            {
                "ring of five level-3 inverters",
                ".model nch nmos level=3 vto=0.7 tox=20n nsub=1e16 u0=550 xj=0.3u ld=0.1u vmax=1.5e5 theta=0.07 eta=0.1 kappa=0.5 nfs=5e11 cgso=2.5e-10 cgdo=2.5e-10 cj=2e-4 cjsw=5e-10",
                ".model pch pmos level=3 vto=-0.75 tox=20n nsub=1.5e16 u0=220 xj=0.3u ld=0.1u vmax=1e5 theta=0.1 eta=0.1 kappa=0.5 nfs=5e11 cgso=2.5e-10 cgdo=2.5e-10 cj=3e-4 cjsw=6e-10",
                "vdd vdd 0 3.3",
            };
            for (int k = 1; k <= 5; k++)
            {
                string i = $"n{(k + 3) % 5 + 1}", o = $"n{k}";
                net.Add($"mp{k} {o} {i} vdd vdd pch l=1u w=6u ad=12p as=12p pd=16u ps=16u");
                net.Add($"mn{k} {o} {i} 0 0 nch l=1u w=3u ad=6p as=6p pd=10u ps=10u");
            }
            net.Add(".ic v(n1)=0 v(n2)=3.3 v(n3)=0 v(n4)=3.3 v(n5)=0");
            net.Add(options);
            net.Add(".tran 0.1n 20n");
            net.Add(".print tran v(n1) v(n3)");
            return RunTran(net);
        }
        AssertSameWaveform(Ring("* default: bypass on"), Ring(".options bypass=0"), "v(n1)", "v(n3)");
    }

    /// <summary>Runs the netlist lines and reads its tran.csv.</summary>
    private static Dictionary<string, double[]> RunTran(IEnumerable<string> net)
    {
        string dir = Repo.TempDir();
        File.WriteAllLines(Path.Combine(dir, "ring.cir"), net);
        var (code, errors) = Repo.Run("run", Path.Combine(dir, "ring.cir"), "-o", Path.Combine(dir, "out"), "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        return Repo.ReadCsv(Path.Combine(dir, "out", "tran.csv"));
    }

    private static void AssertSameWaveform(Dictionary<string, double[]> with, Dictionary<string, double[]> without, params string[] names)
    {
        Assert.InRange(with["time"].Length, 0.9 * without["time"].Length, 1.1 * without["time"].Length);
        foreach (var name in names)
        {
            double range = without[name].Max() - without[name].Min();
            Assert.True(range > 1.5, $"{name} does not oscillate (range {range})");
            double[] t1 = with["time"], v1 = with[name], t2 = without["time"], v2 = without[name];
            int j = 0;
            double worst = 0;
            for (int k = 0; k < t2.Length; k++)
            {
                while (j + 2 < t1.Length && t1[j + 1] < t2[k]) j++;
                double a = t1[j], b = t1[j + 1];
                double f = b > a ? Math.Clamp((t2[k] - a) / (b - a), 0, 1) : 0;
                worst = Math.Max(worst, Math.Abs(v1[j] + f * (v1[j + 1] - v1[j]) - v2[k]));
            }
            Assert.True(worst <= 0.005 * range, $"{name}: bypass moves the waveform by {worst / range:P3} of its range");
        }
    }
}
