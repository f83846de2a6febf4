using Perovspice.Devices.Bsim3;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Bsim3;

/// <summary>A BSIM3 CMOS inverter driving 20 fF (References/inverter.cir) against ngspice 39's transient
/// (inverter.txt): v(out) within 1 % of the 1.8 V swing at every ngspice time point, and the supply current's
/// charge over the run within 1 %.</summary>
public class Bsim3TransientTests(ITestOutputHelper output)
{
    [Fact]
    public void InverterOutputMatchesNgspiceWithinOnePercentOfSwing()
    {
        var vin = new VoltageSource("vin", "in", "0",
            new SourceValue { Waveform = new PulseWaveform(new[] { 0, 1.8, 0.2e-9, 0.1e-9, 0.1e-9, 1e-9, 2.4e-9 }) });
        var vdd = new VoltageSource("vdd", "vdd", "0", 1.8);
        var ckt = new Circuit().Add(vdd, vin,
            new Bsim3Mosfet("mp", "out", "in", "vdd", "vdd", Bsim3Kit.Model("p018"),
                Bsim3Kit.Geometry("w=2u l=0.18u as=1p ad=1p ps=5u pd=5u")),
            new Bsim3Mosfet("mn", "out", "in", "0", "0", Bsim3Kit.Model("n018"),
                Bsim3Kit.Geometry("w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u")),
            new Capacitor("cl", "out", "0", 20e-15));
        var options = new SimulationOptions { RelTol = 1e-4, AbsTol = 1e-12, VnTol = 1e-7 };
        var times = new List<double>();
        var vout = new List<double>();
        double charge = 0, lastT = 0, lastI = 0;
        new Simulator(ckt, options).Transient(new TransientSpec(5e-12, 5e-9, 0, 5e-12), s =>
        {
            double i = vdd.ReadQuantity("i", s);
            if (times.Count > 0) charge += 0.5 * (i + lastI) * (s.Time - lastT);
            times.Add(s.Time);
            vout.Add(s.V("out"));
            lastT = s.Time;
            lastI = i;
        });
        var (_, rows) = Bsim3Kit.Table("inverter.txt");
        double worst = 0, refCharge = 0;
        for (int k = 0; k < rows.Count; k++)
        {
            double t = rows[k][0];
            if (k > 0) refCharge += 0.5 * (rows[k][3] + rows[k - 1][3]) * (t - rows[k - 1][0]);
            int j = times.BinarySearch(t);
            if (j < 0) j = Math.Max(1, Math.Min(times.Count - 1, ~j));
            double v = j < times.Count && times[j] == t ? vout[j]
                : vout[j - 1] + (vout[j] - vout[j - 1]) * (t - times[j - 1]) / (times[j] - times[j - 1]);
            worst = Math.Max(worst, Math.Abs(v - rows[k][1]));
        }
        output.WriteLine($"worst |Δv(out)| {worst:g3} V over {rows.Count} ngspice points ({times.Count} own); " +
                         $"supply charge {charge:g6} vs {refCharge:g6} C");
        Assert.True(worst < 0.018, $"worst |Δv(out)| {worst:g3} V");
        Assert.True(Math.Abs(charge / refCharge - 1) < 0.01, $"charge {charge:g6} vs {refCharge:g6}");
    }
}

/// <summary>The inverter's dc transfer curve at 85 °C (References/inverter_dc.cir) against ngspice 39 at reltol
/// 1e-6: v(out) within 1e-6·|v| + 5 µV (the gain reaches ≈ 20 at the switching point, so input-referred this is
/// 0.25 µV) and the supply current within 1e-6·|i| + 1 pA.</summary>
public class Bsim3InverterDcTests(ITestOutputHelper output)
{
    [Fact]
    public void TransferCurveMatchesNgspice()
    {
        var vin = new VoltageSource("vin", "in", "0", 0);
        var vdd = new VoltageSource("vdd", "vdd", "0", 1.8);
        double t = 85 + Units.CelsiusToKelvin;
        var ckt = new Circuit().Add(vdd, vin,
            new Bsim3Mosfet("mp", "out", "in", "vdd", "vdd", Bsim3Kit.Model("p018"),
                Bsim3Kit.Geometry("w=2u l=0.18u as=1p ad=1p ps=5u pd=5u"), t),
            new Bsim3Mosfet("mn", "out", "in", "0", "0", Bsim3Kit.Model("n018"),
                Bsim3Kit.Geometry("w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u"), t));
        var (_, rows) = Bsim3Kit.Table("inverter_dc.txt");
        int k = 0;
        double worstV = 0, worstI = 0;
        new Simulator(ckt, Bsim3Kit.Options).DcSweep(new[] { new DcSweepSpec("vin", 0, 1.8, 0.01) }, (_, s) =>
        {
            var r = rows[k++];
            worstV = Math.Max(worstV, Math.Abs(s.V("out") - r[1]) / (1e-6 * Math.Abs(r[1]) + 5e-6));
            worstI = Math.Max(worstI, Math.Abs(vdd.ReadQuantity("i", s) - r[2]) / (1e-6 * Math.Abs(r[2]) + 1e-12));
        });
        output.WriteLine($"worst v(out) {worstV:g3} × (1e-6·|v| + 5 µV), i(vdd) {worstI:g3} × (1e-6·|i| + 1 pA)");
        Assert.Equal(rows.Count, k);
        Assert.True(worstV <= 1 && worstI <= 1, $"v {worstV:g3}, i {worstI:g3}");
    }
}

/// <summary>A five-stage BSIM3 ring oscillator (References/ring5.cir, kicked by a current pulse) at the default
/// options (trapezoidal, reltol 1e-3) against ngspice 39: the rising 0.9 V crossings of v(n1) within 1 % of the
/// period, cycle by cycle. (BSIM3's capacitances jump where a vds changes sign; the resulting alternation of the
/// supply's algebraic branch current under trapezoidal integration is not a truncation error.)</summary>
public class Bsim3RingOscillatorTests(ITestOutputHelper output)
{
    private static List<double> Crossings(IReadOnlyList<double> t, IReadOnlyList<double> v)
    {
        var c = new List<double>();
        for (int k = 0; k + 1 < t.Count; k++)
            if (v[k] < 0.9 && v[k + 1] >= 0.9) c.Add(t[k] + (0.9 - v[k]) * (t[k + 1] - t[k]) / (v[k + 1] - v[k]));
        return c;
    }

    [Fact]
    public void CrossingsMatchNgspiceWithinOnePercentOfThePeriod()
    {
        var n = Bsim3Kit.Model("n018");
        var p = Bsim3Kit.Model("p018");
        var ckt = new Circuit().Add(new VoltageSource("vdd", "vdd", "0", 1.8),
            new CurrentSource("ikick", "0", "n1",
                new SourceValue { Waveform = new PulseWaveform(new[] { 0, 100e-6, 0.05e-9, 10e-12, 10e-12, 0.1e-9, 100e-9 }) }));
        for (int k = 1; k <= 5; k++)
        {
            string i = $"n{k}", o = $"n{k % 5 + 1}";
            ckt.Add(new Bsim3Mosfet($"mp{k}", o, i, "vdd", "vdd", p, Bsim3Kit.Geometry("w=2u l=0.18u as=1p ad=1p ps=5u pd=5u")),
                new Bsim3Mosfet($"mn{k}", o, i, "0", "0", n, Bsim3Kit.Geometry("w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u")),
                new Capacitor($"c{k}", i, "0", 5e-15));
        }
        var t = new List<double>();
        var v = new List<double>();
        var options = new SimulationOptions();
        new Simulator(ckt, options).Transient(new TransientSpec(2e-12, 6e-9, 0, 2e-12), s => { t.Add(s.Time); v.Add(s.V("n1")); });
        var (_, rows) = Bsim3Kit.Table("ring5.txt");
        var mine = Crossings(t, v);
        var theirs = Crossings(rows.Select(r => r[0]).ToList(), rows.Select(r => r[1]).ToList());
        double period = (theirs[^1] - theirs[1]) / (theirs.Count - 2);
        output.WriteLine($"ngspice period {period * 1e12:F2} ps; crossings {mine.Count} vs {theirs.Count}; " +
                         $"own period {(mine[^1] - mine[1]) / (mine.Count - 2) * 1e12:F2} ps; {t.Count} points");
        Assert.Equal(theirs.Count, mine.Count);
        double worst = mine.Zip(theirs).Max(z => Math.Abs(z.First - z.Second)) / period;
        output.WriteLine($"worst crossing difference {worst:P3} of the period");
        Assert.True(worst < 0.01, $"worst crossing difference {worst:P3} of the period");
    }
}

/// <summary>`uic` with ic= on the device (References/uic_discharge.cir): an NMOS discharging a 50 fF capacitor from
/// 1.8 V, v(d) within 1 % of the swing of ngspice 39 at every ngspice time point.</summary>
public class Bsim3UicTests(ITestOutputHelper output)
{
    [Fact]
    public void DischargeFromInitialConditionsMatchesNgspice()
    {
        var m = new Bsim3Mosfet("m1", "d", "g", "0", "0", Bsim3Kit.Model("n018"), new Bsim3Geometry
        {
            W = 1e-6, L = 0.18e-6, AS = 0.5e-12, AD = 0.5e-12, PS = 3e-6, PD = 3e-6, IcVds = 1.8, IcVgs = 1.2,
        });
        var ckt = new Circuit().Add(new VoltageSource("vg", "g", "0", 1.2), m, new Capacitor("c1", "d", "0", 50e-15, 1.8));
        var t = new List<double>();
        var v = new List<double>();
        new Simulator(ckt).Transient(new TransientSpec(1e-12, 300e-12, 0, 1e-12, UseInitialConditions: true),
            s => { t.Add(s.Time); v.Add(s.V("d")); });
        var (_, rows) = Bsim3Kit.Table("uic_discharge.txt");
        double worst = 0;
        foreach (var r in rows)
        {
            int j = t.BinarySearch(r[0]);
            double got = j >= 0 ? v[j] : v[~j - 1] + (v[~j] - v[~j - 1]) * (r[0] - t[~j - 1]) / (t[~j] - t[~j - 1]);
            worst = Math.Max(worst, Math.Abs(got - r[1]));
        }
        output.WriteLine($"worst |Δv(d)| {worst:g3} V; v(d) at 300 ps {v[^1]:g6} vs {rows[^1][1]:g6}");
        Assert.True(worst < 0.018, $"worst |Δv(d)| {worst:g3} V");
    }
}
