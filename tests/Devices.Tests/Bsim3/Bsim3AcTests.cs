using System.Globalization;
using Perovspice.Devices.Bsim3;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Bsim3;

/// <summary>BSIM3 small-signal capacitances: the ac gate, drain and bulk currents at 1 MHz for a 1 V gate
/// excitation (imaginary parts = ω·cgg, ω·cdg, ω·cbg, intrinsic plus overlap parts), or a bulk excitation for the
/// "_bx" cases (ω·cgb, ω·cdb, ω·cbb, with the junction capacitances), over a grid of dc biases, against ngspice 39
/// (References/make_ac_refs.py, ac_*.txt).</summary>
public class Bsim3AcTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => new()
    {
        "n_short_c3", "n_long_c3", "p_short_c3", "n_long_c2", "n_short_c3_x1", "n_long_c3_x05",
        "n_long_c0", "n_short_c0_x1", "p_short_c0_x05", "n_long_c1", "n_short_c1_x1", "p_short_c1",
        "n_short_c3_t85", "n_short_c2_t85_bx", "p_long_c2_bx",
    };

    private static Bsim3Model CaseModel(string name)
    {
        var p = name.StartsWith('p');
        var over = new Dictionary<string, double>();
        if (name.Contains("_c2")) over["capmod"] = 2;
        if (name.Contains("_c1")) over["capmod"] = 1;
        if (name.Contains("_c0")) over["capmod"] = 0;
        if (name == "n_long_c0") over["vfbcv"] = -0.9;
        if (name.Contains("_t85"))
        {
            over["tcj"] = 1e-3; over["tpb"] = 1.5e-3; over["tcjsw"] = 8e-4; over["tpbsw"] = 1e-3;
            over["tcjswg"] = 6e-4; over["tpbswg"] = 2e-3;
        }
        if (name.EndsWith("_x1")) over["xpart"] = 1;
        if (name.EndsWith("_x05")) over["xpart"] = 0.5;
        return Bsim3Kit.Model(p ? "p018" : "n018", over);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AcCurrentsMatchNgspice(string name)
    {
        var model = CaseModel(name);
        var geometry = Bsim3Kit.Geometry(Bsim3Kit.Geometries[name.Split('_')[1]]);
        double worstG = 0, worstDB = 0;
        foreach (var line in File.ReadLines(Path.Combine(Bsim3Kit.Folder, $"ac_{name}.txt")).Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            bool bulk = name.EndsWith("_bx");
            var vg = new VoltageSource("vg", "g", "0", new SourceValue { Dc = f[0], AcMagnitude = bulk ? 0 : 1 });
            var vd = new VoltageSource("vd", "d", "0", f[1]);
            var vb = new VoltageSource("vb", "b", "0", new SourceValue { Dc = f[2], AcMagnitude = bulk ? 1 : 0 });
            double temp = name.Contains("_t85") ? 85 + Units.CelsiusToKelvin : Units.NominalTemperature;
            var ckt = new Circuit().Add(vg, vd, vb, new Bsim3Mosfet("m1", "d", "g", "0", "b", model, geometry, temp));
            var sim = new Simulator(ckt, Bsim3Kit.Options);
            int points = 0;
            sim.Ac(new AcSpec(AcSweepKind.Linear, 1, 1e6, 1e6), s =>
            {
                points++;
                double ig = s.X[vg.BranchIndex].Imaginary, id = s.X[vd.BranchIndex].Imaginary;
                double ib = s.X[vb.BranchIndex].Imaginary;
                // The excited source's current (ω·cgg, or ω·cbb with the bulk excited) relative; the other two
                // relative to it.
                double main = bulk ? ib : ig, mainRef = bulk ? f[8] : f[4];
                double eg = Math.Abs(main / mainRef - 1);
                double scale = Math.Abs(mainRef);
                double edb = Math.Max(Math.Abs(id - f[6]), Math.Abs(bulk ? ig - f[4] : ib - f[8])) / scale;
                if (Math.Max(eg, edb) > 1e-4)
                    output.WriteLine($"{name} vgs={f[0]} vds={f[1]} vbs={f[2]}: ig {ig:R} vs {f[4]:R}; id {id:R} vs {f[6]:R}; ib {ib:R} vs {f[8]:R}");
                worstG = Math.Max(worstG, eg);
                worstDB = Math.Max(worstDB, edb);
            });
            Assert.Equal(1, points);
        }
        output.WriteLine($"{name}: worst error of the excited source current {worstG:g3}, of the other two {worstDB:g3} (relative to it)");
        Assert.True(worstG < 1e-4, $"excited source current error {worstG:g3}");
        Assert.True(worstDB < 1e-4, $"other currents error {worstDB:g3}");
    }

    /// <summary>
    /// capmod 3 bulk derivatives against central differences of ngspice's own charges (References/fd_bulk.txt:
    /// @m1[qg], @m1[qb], @m1[qd] at vbs = ±1e-4 V, 85 °C): ngspice's ac analysis reports bulk-excited currents
    /// 0.8-3 % away from these differences at this bias (its analytic capmod-3 ∂/∂Vb is approximate), so the
    /// charges, not its ac, are the reference here. The central difference is good to ≈ 1e-4.
    /// </summary>
    [Fact]
    public void Capmod3BulkDerivativesMatchCentralDifferencesOfNgspiceCharges()
    {
        var rows = File.ReadLines(Path.Combine(Bsim3Kit.Folder, "fd_bulk.txt")).Skip(1)
            .Select(l => l.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        double h = rows[2][0] - rows[0][0], w = 2 * Math.PI * 1e6;
        double[] expected = Enumerable.Range(1, 3).Select(c => -w * (rows[2][c] - rows[0][c]) / h).ToArray(); // g, b, d
        var vg = new VoltageSource("vg", "g", "0", 0.6);
        var vd = new VoltageSource("vd", "d", "0", 0.05);
        var vb = new VoltageSource("vb", "b", "0", new SourceValue { Dc = 0, AcMagnitude = 1 });
        var ckt = new Circuit().Add(vg, vd, vb, new Bsim3Mosfet("m1", "d", "g", "0", "b", Bsim3Kit.Model("n018"),
            Bsim3Kit.Geometry("w=1u l=0.18u nrs=0 nrd=0"), 85 + Units.CelsiusToKelvin));
        var options = new SimulationOptions { RelTol = 1e-9, AbsTol = 1e-18, VnTol = 1e-12 };
        new Simulator(ckt, options).Ac(new AcSpec(AcSweepKind.Linear, 1, 1e6, 1e6), s =>
        {
            double[] got = { s.X[vg.BranchIndex].Imaginary, s.X[vb.BranchIndex].Imaginary, s.X[vd.BranchIndex].Imaginary };
            for (int k = 0; k < 3; k++)
            {
                double e = Math.Abs(got[k] / expected[k] - 1);
                output.WriteLine($"{"gbd"[k]}: {got[k]:R} vs central difference {expected[k]:R} ({e:g3})");
                Assert.True(e < 2e-4, $"{"gbd"[k]}: {got[k]:R} vs {expected[k]:R}");
            }
        });
    }
}
