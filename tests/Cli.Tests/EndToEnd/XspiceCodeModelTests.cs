using System.Numerics;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// XSPICE analog code models (A elements) against ngspice 39 (References/xspice, README there): the .dc chain of
/// gain, summer, mult, limit, pwl, divide and the %i/%id ports within 1e-9 relative; int, d_dt and s_xfer in .op
/// exactly and in .ac within 1e-9 relative; their transients against the closed forms (tight) and against ngspice
/// (loosely: ngspice's own code-model integration is first order, measured 0.15 % to 2.1 % of the range).
/// </summary>
public class XspiceCodeModelTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "xspice", file);

    private static string RunCase(string netlist)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Ref(netlist), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        return dir;
    }

    [Fact]
    public void DcChainMatchesNgspice()
    {
        var ours = Repo.ReadCsv(Path.Combine(RunCase("dc_chain.cir"), "dc.csv"));
        var theirs = Repo.ReadNgspice(Ref("dc_chain.ngspice.txt"));
        var sweep = theirs["v-sweep"];
        int compared = 0;
        foreach (var (name, expected) in theirs)
        {
            if (name == "v-sweep") continue;
            for (int k = 0; k < expected.Length; k++)
            {
                // ngspice 39's divide smooths a negative denominator differently from a positive one (see README):
                // den = v(in) + 1.05 at -0.15 and -0.1, inside −(den_lower_limit + den_domain), is left out
                if (name == "v(d1)" && sweep[k] is > -1.21 and < -1.14) continue;
                // absolute 1e-9: ngspice's sweep passes 1.2e-15 instead of 0, which the gain of 2000 in v(i1) shows
                Assert.True(Math.Abs(ours[name][k] - expected[k]) <= 1e-9 * Math.Abs(expected[k]) + 1e-9,
                    $"{name} at {sweep[k]}: {ours[name][k]} vs ngspice {expected[k]}");
            }
            compared++;
        }
        Assert.Equal(9, compared);
    }

    [Fact]
    public void DynamicModelsMatchNgspiceInOpAndAc()
    {
        string dir = RunCase("dynamic.cir");
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var opRef = Repo.ReadNgspice(Ref("dynamic.ngspice.op.txt"));
        foreach (var node in new[] { "v(int1)", "v(lp1)", "v(dd1)", "v(n2)" })
            Assert.Equal(opRef[node][0], op[node][0], 12);
        var ac = Repo.ReadCsv(Path.Combine(dir, "ac.csv"));
        var acRef = Repo.ReadNgspice(Ref("dynamic.ngspice.ac.txt"));
        foreach (var node in new[] { "int1", "lp1", "dd1", "n2" })
        {
            var re = acRef[$"vr({node})"]; var im = acRef[$"vi({node})"];
            for (int k = 0; k < re.Length; k++)
            {
                var expected = new Complex(re[k], im[k]);
                var mine = new Complex(ac[$"vr({node})"][k], ac[$"vi({node})"][k]);
                Assert.True((mine - expected).Magnitude <= 1e-9 * expected.Magnitude + 1e-15, $"{node}[{k}]: {mine} vs ngspice {expected}");
            }
        }
    }

    [Fact]
    public void DynamicTransientsMatchClosedFormsAndNgspice()
    {
        var ours = Repo.ReadCsv(Path.Combine(RunCase("dynamic.cir"), "tran.csv"));
        var theirs = Repo.ReadNgspice(Ref("dynamic.ngspice.tran.txt"));
        double w = 2 * Math.PI * 1000;
        var t = ours["time"];
        for (int k = 0; k < t.Length; k++)
        {
            double tk = t[k];
            // integrator: −0.2 + 1000·∫(0.6 + 0.5·sin ωt) dt
            double integral = -0.2 + 1000 * (0.6 * tk + 0.5 * (1 - Math.Cos(w * tk)) / w);
            Assert.True(Math.Abs(ours["v(int1)"][k] - integral) < 2e-4, $"int at {tk}: {ours["v(int1)"][k]} vs {integral}");
            // low-pass 2/(1 + s/ω) from 0: dc part 1 − e^(−ωt), sine part through ω/(s + ω)
            var h = w / new Complex(w, w);
            double lowPass = 1 - Math.Exp(-w * tk) + h.Magnitude * (Math.Sin(w * tk + h.Phase) - Math.Sin(h.Phase) * Math.Exp(-w * tk));
            Assert.True(Math.Abs(ours["v(lp1)"][k] - lowPass) < 5e-4, $"s_xfer at {tk}: {ours["v(lp1)"][k]} vs {lowPass}");
            if (tk > 1e-6)
            {
                double derivative = 1e-3 * 0.5 * w * Math.Cos(w * tk) + 0.1;
                Assert.True(Math.Abs(ours["v(dd1)"][k] - derivative) < 3e-3, $"d_dt at {tk}: {ours["v(dd1)"][k]} vs {derivative}");
            }
        }
        // against ngspice, in fractions of each waveform's range (measured: 0.15 %, 2.1 %, 1.6 %, 0.84 %)
        foreach (var (name, limit) in new[] { ("v(int1)", 0.005), ("v(lp1)", 0.025), ("v(dd1)", 0.02), ("v(n2)", 0.012) })
        {
            var values = theirs[name];
            double range = values.Max() - values.Min();
            for (int k = 0; k < values.Length; k++)
            {
                double tk = theirs["time"][k];
                if (name == "v(dd1)" && tk < 2e-5) continue;   // ngspice's first-order difference right after t = 0
                double mine = Repo.Interpolate(t, ours[name], tk);
                Assert.True(Math.Abs(mine - values[k]) <= limit * range, $"{name} at {tk}: {mine} vs ngspice {values[k]}");
            }
        }
    }

    [Fact]
    public void LimitedIntegratorSaturatesWithoutWindup()
    {
        var ours = Repo.ReadCsv(Path.Combine(RunCase("int_limit.cir"), "tran.csv"));
        var theirs = Repo.ReadNgspice(Ref("int_limit.ngspice.txt"));
        var t = ours["time"];
        // ramps at 1000 V/s from 0, saturates at 0.5, leaves the limit as soon as the input reverses at 1 ms
        Assert.Equal(0.3, Repo.Interpolate(t, ours["v(out)"], 0.3e-3), 9);
        Assert.Equal(0.5, Repo.Interpolate(t, ours["v(out)"], 0.95e-3), 4);
        double fall = Repo.Interpolate(t, ours["v(out)"], 1.2e-3) - Repo.Interpolate(t, ours["v(out)"], 1.4e-3);
        Assert.Equal(0.2, fall, 6);
        Assert.Equal(-0.5, Repo.Interpolate(t, ours["v(out)"], 2.9e-3), 4);
        // ngspice settles at ±0.4847 (a level its time step sets) and its output leaves the limit 0.025 lower: within
        // 4.2 % of the range everywhere (measured 0.040)
        var values = theirs["v(out)"];
        double range = values.Max() - values.Min();
        for (int k = 0; k < values.Length; k++)
        {
            double mine = Repo.Interpolate(t, ours["v(out)"], theirs["time"][k]);
            Assert.True(Math.Abs(mine - values[k]) <= 0.042 * range, $"at {theirs["time"][k]}: {mine} vs ngspice {values[k]}");
        }
    }

    [Fact]
    public void HysteresisMatchesNgspice()
    {
        string dir = RunCase("hyst.cir");
        Assert.Equal(Repo.ReadNgspice(Ref("hyst.ngspice.op.txt"))["v(out)"][0], Repo.ReadCsv(Path.Combine(dir, "op.csv"))["v(out)"][0], 12);
        // the sweep runs down from 2: the falling ramp, its corners included
        var dc = Repo.ReadCsv(Path.Combine(dir, "dc.csv"))["v(out)"];
        var dcRef = Repo.ReadNgspice(Ref("hyst.ngspice.dc.txt"))["v(out)"];
        Assert.Equal(dcRef.Length, dc.Length);
        for (int k = 0; k < dc.Length; k++) Assert.True(Math.Abs(dc[k] - dcRef[k]) <= 1e-12, $"dc[{k}]: {dc[k]} vs ngspice {dcRef[k]}");
        // the triangle switches ramps at each reversal; at ngspice's time points within 0.5 % of the range (the
        // difference is linear interpolation across the smoothed corners)
        var ours = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        var theirs = Repo.ReadNgspice(Ref("hyst.ngspice.tran.txt"));
        for (int k = 0; k < theirs["time"].Length; k++)
        {
            double mine = Repo.Interpolate(ours["time"], ours["v(out)"], theirs["time"][k]);
            Assert.True(Math.Abs(mine - theirs["v(out)"][k]) <= 0.01, $"at {theirs["time"][k]}: {mine} vs ngspice {theirs["v(out)"][k]}");
        }
    }

    [Fact]
    public void SlewAndLimitedPwlMatchNgspice()
    {
        string dir = RunCase("slew.cir");
        var dc = Repo.ReadCsv(Path.Combine(dir, "dc.csv"));
        var dcRef = Repo.ReadNgspice(Ref("slew.ngspice.dc.txt"));
        foreach (var name in new[] { "v(out)", "v(cl)" })
            for (int k = 0; k < dcRef[name].Length; k++)
                Assert.True(Math.Abs(dc[name][k] - dcRef[name][k]) <= 1e-12, $"{name}[{k}]: {dc[name][k]} vs ngspice {dcRef[name][k]}");
        // steps slewed at 0.5 V/µs up and 1 V/µs down, the slow ramp tracked: within 1e-5 (measured 4.2e-6)
        var ours = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        var theirs = Repo.ReadNgspice(Ref("slew.ngspice.tran.txt"));
        for (int k = 0; k < theirs["time"].Length; k++)
        {
            double mine = Repo.Interpolate(ours["time"], ours["v(out)"], theirs["time"][k]);
            Assert.True(Math.Abs(mine - theirs["v(out)"][k]) <= 1e-5, $"at {theirs["time"][k]}: {mine} vs ngspice {theirs["v(out)"][k]}");
        }
    }

    [Fact]
    public void ControlledLimitMatchesNgspice()
    {
        // two nested sweeps (input, upper control) in ngspice's row order; measured within 1.2e-15
        var ours = Repo.ReadCsv(Path.Combine(RunCase("climit.cir"), "dc.csv"));
        var theirs = Repo.ReadNgspice(Ref("climit.ngspice.txt"));
        foreach (var name in new[] { "v(o1)", "v(o2)" })
        {
            Assert.Equal(theirs[name].Length, ours[name].Length);
            for (int k = 0; k < theirs[name].Length; k++)
                Assert.True(Math.Abs(ours[name][k] - theirs[name][k]) <= 1e-12, $"{name}[{k}]: {ours[name][k]} vs ngspice {theirs[name][k]}");
        }
    }
}
