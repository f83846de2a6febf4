using System.Globalization;
using Perovspice.Devices.Bsim3;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Bsim3;

/// <summary>BSIM3 small-signal capacitances: the ac gate, drain and bulk currents at 1 MHz for a 1 V gate
/// excitation (imaginary parts = ω·cgg, ω·cdg, ω·cbg, intrinsic plus overlap and junction parts) over a grid of
/// dc biases, against ngspice 39 (References/make_ac_refs.py, ac_*.txt).</summary>
public class Bsim3AcTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => new()
    {
        "n_short_c3", "n_long_c3", "p_short_c3", "n_long_c2", "n_short_c3_x1", "n_long_c3_x05",
        "n_long_c0", "n_short_c0_x1", "p_short_c0_x05", "n_long_c1", "n_short_c1_x1", "p_short_c1",
    };

    private static Bsim3Model CaseModel(string name)
    {
        var p = name.StartsWith('p');
        var over = new Dictionary<string, double>();
        if (name.Contains("_c2")) over["capmod"] = 2;
        if (name.Contains("_c1")) over["capmod"] = 1;
        if (name.Contains("_c0")) over["capmod"] = 0;
        if (name == "n_long_c0") over["vfbcv"] = -0.9;
        if (name.EndsWith("_x1")) over["xpart"] = 1;
        if (name.EndsWith("_x05")) over["xpart"] = 0.5;
        return Bsim3Kit.Model(p ? "p018" : "n018", over);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GateExcitedCurrentsMatchNgspice(string name)
    {
        var model = CaseModel(name);
        var geometry = Bsim3Kit.Geometry(Bsim3Kit.Geometries[name.Split('_')[1]]);
        double worstG = 0, worstDB = 0;
        foreach (var line in File.ReadLines(Path.Combine(Bsim3Kit.Folder, $"ac_{name}.txt")).Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var vg = new VoltageSource("vg", "g", "0", new SourceValue { Dc = f[0], AcMagnitude = 1 });
            var vd = new VoltageSource("vd", "d", "0", f[1]);
            var vb = new VoltageSource("vb", "b", "0", f[2]);
            var ckt = new Circuit().Add(vg, vd, vb, new Bsim3Mosfet("m1", "d", "g", "0", "b", model, geometry));
            var sim = new Simulator(ckt, Bsim3Kit.Options);
            int points = 0;
            sim.Ac(new AcSpec(AcSweepKind.Linear, 1, 1e6, 1e6), s =>
            {
                points++;
                double ig = s.X[vg.BranchIndex].Imaginary, id = s.X[vd.BranchIndex].Imaginary;
                double ib = s.X[vb.BranchIndex].Imaginary;
                double eg = Math.Abs(ig / f[4] - 1);
                double scale = Math.Abs(f[4]);
                double edb = Math.Max(Math.Abs(id - f[6]), Math.Abs(ib - f[8])) / scale;
                if (Math.Max(eg, edb) > 1e-4)
                    output.WriteLine($"{name} vgs={f[0]} vds={f[1]} vbs={f[2]}: ig {ig:R} vs {f[4]:R}; id {id:R} vs {f[6]:R}; ib {ib:R} vs {f[8]:R}");
                worstG = Math.Max(worstG, eg);
                worstDB = Math.Max(worstDB, edb);
            });
            Assert.Equal(1, points);
        }
        output.WriteLine($"{name}: worst cgg error {worstG:g3}, worst cdg/cbg error {worstDB:g3} (relative to cgg)");
        Assert.True(worstG < 1e-4, $"cgg error {worstG:g3}");
        Assert.True(worstDB < 1e-4, $"cdg/cbg error {worstDB:g3}");
    }
}
