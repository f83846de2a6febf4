using System.Globalization;
using Perovspice.Devices.Bsim3;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Bsim3;

/// <summary>Operating-point quantities (@m[id], gm, gds, gmbs, vth, vdsat and the intrinsic capacitances) and
/// drain-source currents of five BSIM3 instances (NMOS/PMOS, forward and body bias, one in reverse mode, one with
/// m=3) against ngspice 39's (References/op_quantities.cir, .txt).</summary>
public class Bsim3OpTests(ITestOutputHelper output)
{
    [Fact]
    public void QuantitiesMatchNgspice()
    {
        var n = Bsim3Kit.Model("n018");
        var p = Bsim3Kit.Model("p018");
        var short1 = "w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u nrs=0.5 nrd=0.5";
        var ms = new[]
        {
            new Bsim3Mosfet("m1", "d1", "g1", "0", "b1", n, Bsim3Kit.Geometry(short1)),
            new Bsim3Mosfet("m2", "d2", "g2", "0", "0", n, Bsim3Kit.Geometry("w=10u l=2u")),
            new Bsim3Mosfet("m3", "d3", "g3", "0", "b3", p, Bsim3Kit.Geometry("w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u")),
            new Bsim3Mosfet("m4", "0", "g4", "d4", "0", n, Bsim3Kit.Geometry("w=1u l=0.5u")),
            new Bsim3Mosfet("m5", "d5", "g5", "0", "0", n, Bsim3Kit.Geometry("w=1u l=0.25u m=3 as=0.5p ad=0.5p ps=3u pd=3u")),
        };
        var ckt = new Circuit().Add(ms);
        ckt.Add(new VoltageSource("vd1", "d1", "0", 1.2), new VoltageSource("vg1", "g1", "0", 0.9),
            new VoltageSource("vb1", "b1", "0", -0.5), new VoltageSource("vd2", "d2", "0", 0.1),
            new VoltageSource("vg2", "g2", "0", 1.5), new VoltageSource("vd3", "d3", "0", -1.5),
            new VoltageSource("vg3", "g3", "0", -1.0), new VoltageSource("vb3", "b3", "0", 0.3),
            new VoltageSource("vd4", "d4", "0", 0.5), new VoltageSource("vg4", "g4", "0", 1.2),
            new VoltageSource("vd5", "d5", "0", 1.0), new VoltageSource("vg5", "g5", "0", 1.1));
        var s = new Simulator(ckt, Bsim3Kit.Options).OperatingPoint();
        int checkedCount = 0;
        double worst = 0;
        foreach (var line in File.ReadLines(Path.Combine(Bsim3Kit.Folder, "op_quantities.txt")))
        {
            var f = line.Split(' ');
            if (line.StartsWith("i(") && f.Length == 2)
            {
                var src = (VoltageSource)ckt.Find(f[0][2..^1])!;
                double want = double.Parse(f[1], CultureInfo.InvariantCulture), have = src.ReadQuantity("i", s);
                double ei = Math.Abs(have - want) / (1e-6 * Math.Abs(want) + 1e-12);
                output.WriteLine($"{f[0]}: {have:R} vs {want:R} ({ei:g3})");
                worst = Math.Max(worst, ei);
                checkedCount++;
                continue;
            }
            if (!line.StartsWith('@')) continue;
            var dev = f[0][1..f[0].IndexOf('[')];
            var q = f[0][(f[0].IndexOf('[') + 1)..^1];
            double expected = double.Parse(f[1], CultureInfo.InvariantCulture);
            double got = ms.Single(m => m.Name == dev).ReadQuantity(q, s);
            // Relative 1e-6, with a floor of 1e-6 of the device's cgg for the near-zero capacitances. ngspice reports
            // cgs = −(cgg + cgd + cgb) with an approximate ∂Qg/∂Vb when vbs ≠ 0: for m1 without series resistance,
            // the central difference of ngspice's own @m1[qg] over vbs = −0.5 ± 1e-4 V gives ∂Qg/∂Vb =
            // −5.45236e-17 F (overlap removed), exactly our analytic value, while its cgb is −5.45185e-17 F. So cgs
            // is held to 2e-3 of cgg only (m4, reverse mode, shows the largest difference, 1.1e-3).
            double cgg = Math.Abs(ms.Single(m => m.Name == dev).ReadQuantity("cgg", s));
            double floor = q.StartsWith('c') ? (q == "cgs" ? 2e-3 : 1e-6) * cgg : 1e-15;
            double e = Math.Abs(got - expected) / (1e-6 * Math.Abs(expected) + floor);
            output.WriteLine($"{dev} {q}: {got:R} vs {expected:R} ({e:g3})");
            worst = Math.Max(worst, e);
            checkedCount++;
        }
        Assert.Equal(70, checkedCount);
        Assert.True(worst <= 1, $"worst {worst:g3} × tolerance");
    }
}

/// <summary>The `off` flag: a cross-coupled latch is symmetric, so its operating point from scratch is the
/// metastable one (v(a) = v(b) ≈ 0.857 V, in ngspice too) unless `off` breaks the symmetry. Here `off` holds the
/// device at zero bias until the rest of the circuit has settled, so with mn1 off the latch settles with a high
/// and b low. ngspice leaves its hold (MODEINITFIX) after the first iteration without limiting and lands,
/// path-dependently, in the other state (mn1 off gives a low there); by the circuit's symmetry the state with a
/// high is ngspice's latch with `off` on mn2 (References/latch_off.cir), whose numbers we compare with.</summary>
public class Bsim3OffTests(ITestOutputHelper output)
{
    [Fact]
    public void OffPicksTheSameLatchStateAsNgspice()
    {
        var n = Bsim3Kit.Model("n018");
        var p = Bsim3Kit.Model("p018");
        var gp = Bsim3Kit.Geometry("w=2u l=0.18u");
        var gn = Bsim3Kit.Geometry("w=1u l=0.18u");
        var off = new Bsim3Geometry { W = gn.W, L = gn.L, Off = true };
        var ckt = new Circuit().Add(new VoltageSource("vdd", "vdd", "0", 1.8),
            new Bsim3Mosfet("mp1", "a", "b", "vdd", "vdd", p, gp), new Bsim3Mosfet("mn1", "a", "b", "0", "0", n, off),
            new Bsim3Mosfet("mp2", "b", "a", "vdd", "vdd", p, gp), new Bsim3Mosfet("mn2", "b", "a", "0", "0", n, gn));
        var s = new Simulator(ckt, Bsim3Kit.Options).OperatingPoint();
        var r = File.ReadLines(Path.Combine(Bsim3Kit.Folder, "latch_off.txt")).Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' ')).ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
        output.WriteLine($"v(a) {s.V("a"):R} vs {r["v(a)"]:R}; v(b) {s.V("b"):R} vs {r["v(b)"]:R}");
        Assert.True(Math.Abs(s.V("a") - r["v(a)"]) < 1e-6 && Math.Abs(s.V("b") - r["v(b)"]) < 1e-6);
    }
}

/// <summary>Minimal cards (References/defaults.cir: only level and version) against ngspice 39: every default of
/// the parameter table and every derived default (k1/k2 from the doping, cf, cgso/cgdo from xj, vth0 and u0 by
/// type, L = W = 5 µm; for nv: vth0 from a given vfb, k2 when only k1 is given, overlaps from dlc and dwc) shows
/// in these currents, small-signal values and the 1 MHz gate-excited currents.</summary>
public class Bsim3DefaultsTests(ITestOutputHelper output)
{
    [Fact]
    public void MinimalCardsMatchNgspice()
    {
        var nd = new Bsim3Model("nd", "nmos", new Dictionary<string, double>(), version: "3.3");
        var pd = new Bsim3Model("pd", "pmos", new Dictionary<string, double>(), version: "3.3.0");
        var nv = new Bsim3Model("nv", "nmos", new Dictionary<string, double>
        {
            ["vfb"] = -0.9, ["k1"] = 0.6, ["dlc"] = 2e-8, ["dwc"] = 1e-8, ["lint"] = 1e-8, ["wint"] = 5e-9, ["capmod"] = 2,
        });
        var g1 = new Bsim3Geometry { W = 2e-6, L = 0.5e-6, AS = 2e-12, AD = 2e-12, PS = 6e-6, PD = 6e-6 };
        var ms = new[]
        {
            new Bsim3Mosfet("m1", "d1", "g1", "0", "b1", nd, g1),
            new Bsim3Mosfet("m2", "d2", "g2", "0", "0", nd, new Bsim3Geometry()),
            new Bsim3Mosfet("m3", "d3", "g3", "0", "0", pd, new Bsim3Geometry { W = 4e-6, L = 0.8e-6 }),
            new Bsim3Mosfet("m4", "d4", "g4", "0", "0", nd, new Bsim3Geometry { W = 2e-6, L = 0.5e-6 }),
            new Bsim3Mosfet("m5", "d5", "g5", "0", "0", nv, new Bsim3Geometry { W = 2e-6, L = 0.5e-6 }),
        };
        var vg4 = new VoltageSource("vg4", "g4", "0", new SourceValue { Dc = 3.5, AcMagnitude = 1 });
        var vg5 = new VoltageSource("vg5", "g5", "0", new SourceValue { Dc = 3, AcMagnitude = 1 });
        var ckt = new Circuit().Add(ms);
        ckt.Add(new VoltageSource("vd1", "d1", "0", 5), new VoltageSource("vg1", "g1", "0", 4.5),
            new VoltageSource("vb1", "b1", "0", -1), new VoltageSource("vd2", "d2", "0", 0.2),
            new VoltageSource("vg2", "g2", "0", 3.5), new VoltageSource("vd3", "d3", "0", -4),
            new VoltageSource("vg3", "g3", "0", -4.5), new VoltageSource("vd4", "d4", "0", 3), vg4,
            new VoltageSource("vd5", "d5", "0", 3), vg5);
        var sim = new Simulator(ckt, Bsim3Kit.Options);
        var s = sim.OperatingPoint();
        var reference = File.ReadLines(Path.Combine(Bsim3Kit.Folder, "defaults.txt")).Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' ')).ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
        double worst = 0;
        foreach (var (key, expected) in reference)
        {
            if (key.StartsWith("imag(")) continue;
            double got;
            if (key.StartsWith("i("))
                got = ((VoltageSource)ckt.Find(key[2..^1])!).ReadQuantity("i", s);
            else
            {
                var dev = key[1..key.IndexOf('[')];
                got = ms.Single(m => m.Name == dev).ReadQuantity(key[(key.IndexOf('[') + 1)..^1], s);
            }
            double floor = key.Contains("[c") ? 1e-21 : 1e-12;
            double e = Math.Abs(got - expected) / (1e-6 * Math.Abs(expected) + floor);
            output.WriteLine($"{key}: {got:R} vs {expected:R} ({e:g3})");
            worst = Math.Max(worst, e);
        }
        var vd4 = (VoltageSource)ckt.Find("vd4")!;
        var vd5 = (VoltageSource)ckt.Find("vd5")!;
        sim.Ac(new AcSpec(AcSweepKind.Linear, 1, 1e6, 1e6), a =>
        {
            foreach (var (src, key) in new[]
                     { (vg4, "imag(i(vg4))"), (vd4, "imag(i(vd4))"), (vg5, "imag(i(vg5))"), (vd5, "imag(i(vd5))") })
            {
                double got = a.X[src.BranchIndex].Imaginary, e = Math.Abs(got / reference[key] - 1) / 1e-4;
                output.WriteLine($"{key}: {got:R} vs {reference[key]:R} ({e:g3} × 1e-4)");
                worst = Math.Max(worst, e);
            }
        });
        Assert.True(worst <= 1, $"worst {worst:g3} × tolerance");
    }
}
