using System.Globalization;
using Perovspice.Devices.Bsim3;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Bsim3;

/// <summary>Operating-point quantities (@m[id], gm, gds, gmbs, vth, vdsat and the intrinsic capacitances) of four
/// BSIM3 instances (NMOS/PMOS, forward and body bias, one in reverse mode) against ngspice 39's
/// (References/op_quantities.cir, .txt).</summary>
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
        };
        var ckt = new Circuit().Add(ms);
        ckt.Add(new VoltageSource("vd1", "d1", "0", 1.2), new VoltageSource("vg1", "g1", "0", 0.9),
            new VoltageSource("vb1", "b1", "0", -0.5), new VoltageSource("vd2", "d2", "0", 0.1),
            new VoltageSource("vg2", "g2", "0", 1.5), new VoltageSource("vd3", "d3", "0", -1.5),
            new VoltageSource("vg3", "g3", "0", -1.0), new VoltageSource("vb3", "b3", "0", 0.3),
            new VoltageSource("vd4", "d4", "0", 0.5), new VoltageSource("vg4", "g4", "0", 1.2));
        var s = new Simulator(ckt, Bsim3Kit.Options).OperatingPoint();
        int checkedCount = 0;
        double worst = 0;
        foreach (var line in File.ReadLines(Path.Combine(Bsim3Kit.Folder, "op_quantities.txt")))
        {
            if (!line.StartsWith('@')) continue;
            var f = line.Split(' ');
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
        Assert.Equal(52, checkedCount);
        Assert.True(worst <= 1, $"worst {worst:g3} × tolerance");
    }
}
