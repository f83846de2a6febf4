using Perovspice.Devices.Bsim3;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Bsim3;

/// <summary>BSIM3 dc sweeps (Id–Vd families and Id–Vg curves, NMOS and PMOS, short and long channel, vbs 0 and
/// −1 V, two at 85 °C) against ngspice 39 (References/*.cir, *.txt from make_refs.py), at reltol 1e-6 in both.</summary>
public class Bsim3DcTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases()
    {
        var d = new TheoryData<string>();
        foreach (var dev in new[] { "n", "p" })
            foreach (var g in new[] { "short", "long" })
                foreach (var vb in new[] { 0, 1 })
                    foreach (var k in new[] { "idvd", "idvg" })
                        d.Add($"{dev}_{g}_vb{vb}_{k}");
        d.Add("n_short_vb0_idvd_t85");
        d.Add("p_long_vb1_idvg_t85");
        d.Add("n_short_vb1_idvg_mob2");
        d.Add("n_short_vb1_idvd_mob3");
        d.Add("n_long_vb0_idvd_ngate");
        d.Add("p_short_vb1_idvd_bin0");
        d.Add("n_short_vb1_idvd_k1calc");
        d.Add("n_long_vb1_idvg_k1calc");
        d.Add("n_long_fwdb");
        d.Add("p_long_fwdb_t85");
        return d;
    }

    /// <summary>The card variants of make_refs.py (NaN removes a parameter from the card).</summary>
    private static readonly Dictionary<string, Dictionary<string, double>> Variants = new()
    {
        ["mob2"] = new() { ["mobmod"] = 2 },
        ["mob3"] = new() { ["mobmod"] = 3, ["uc"] = -0.04, ["uc1"] = -0.05 },
        ["ngate"] = new() { ["ngate"] = 3e19 },
        ["bin0"] = new() { ["binunit"] = 0, ["lvth0"] = -1e-9, ["wketa"] = 2e-9, ["pu0"] = 0.5e-12 },
        ["k1calc"] = new()
        {
            ["k1"] = double.NaN, ["k2"] = double.NaN, ["nch"] = double.NaN, ["gamma1"] = 0.45, ["nsub"] = 2e17,
            ["xt"] = 1.2e-7, ["vbm"] = -2.5,
        },
    };

    /// <summary>Runs one case in perovspice and returns the worst error of i(vd) and i(vb) against ngspice,
    /// relative to 1e-6·|ref| + 1e-12 A (so a value ≤ 1 passes).</summary>
    public static double Run(string name, Action<string>? log = null) => Run(name, out _, log);

    /// <summary>As <see cref="Run(string, Action{string})"/>; <paramref name="worstRelative"/> is the worst error of
    /// i(vd) relative to 1e-6·|i| + 2 fA (twice the abstol to which ngspice converged the references): the
    /// subthreshold, log-scale view, which a 1 pA floor would hide.</summary>
    public static double Run(string name, out double worstRelative, Action<string>? log = null)
    {
        var parts = name.Split('_');
        bool p = parts[0] == "p";
        double sgn = p ? -1 : 1;
        if (parts[2] == "fwdb") return RunForwardBulk(name, parts, p, sgn, out worstRelative, log);
        double vb = -sgn * double.Parse(parts[2][2..]);
        bool idvd = parts[3] == "idvd";
        string suffix = parts.Length > 4 ? parts[4] : "";
        double temp = suffix == "t85" ? 85 + Units.CelsiusToKelvin : Units.NominalTemperature;
        var model = Variants.TryGetValue(suffix, out var over)
            ? Bsim3Kit.Model(p ? "p018" : "n018", over)
            : Bsim3Kit.Model(p ? "p018" : "n018");
        var vd = new VoltageSource("vd", "d", "0", 0);
        var vbs = new VoltageSource("vb", "b", "0", vb);
        var ckt = new Circuit().Add(vd, new VoltageSource("vg", "g", "0", 0), vbs,
            new Bsim3Mosfet("m1", "d", "g", "0", "b", model, Bsim3Kit.Geometry(Bsim3Kit.Geometries[parts[1]]), temp));
        var sweeps = idvd
            ? new[] { new DcSweepSpec("vd", 0, sgn * 1.8, sgn * 0.05), new DcSweepSpec("vg", sgn * 0.6, sgn * 1.8, sgn * 0.3) }
            : new[] { new DcSweepSpec("vg", 0, sgn * 1.8, sgn * 0.025), new DcSweepSpec("vd", sgn * 0.05, sgn * 1.8, sgn * 1.75) };
        var (_, rows) = Bsim3Kit.Table(name + ".txt");
        int k = 0;
        double worst = 0, worstRel = 0;
        new Simulator(ckt, Bsim3Kit.Options).DcSweep(sweeps, (values, s) =>
        {
            var r = rows[k++];
            double id = vd.ReadQuantity("i", s), ib = vbs.ReadQuantity("i", s);
            double ed = Math.Abs(id - r[1]) / (1e-6 * Math.Abs(r[1]) + 1e-12);
            double eb = Math.Abs(ib - r[2]) / (1e-6 * Math.Abs(r[2]) + 1e-12);
            if (Math.Max(ed, eb) > 1 && log != null)
                log($"{name} point {k - 1} ({values[0]}, {values[1]}): id {id:R} vs {r[1]:R} ({ed:g3}); ib {ib:R} vs {r[2]:R} ({eb:g3})");
            worst = Math.Max(worst, Math.Max(ed, eb));
            worstRel = Math.Max(worstRel, Math.Abs(id - r[1]) / (1e-6 * Math.Abs(r[1]) + 2e-15));
        });
        worstRelative = worstRel;
        Assert.Equal(rows.Count, k);
        return worst;
    }

    /// <summary>The forward-bulk cases: vb swept 0..1 V (vd = 0.05 and 1.05 V, vg = 0.8 V; PMOS mirrored), at
    /// reltol 1e-9 in both simulators.</summary>
    private static double RunForwardBulk(string name, string[] parts, bool p, double sgn, out double worstRelative,
        Action<string>? log)
    {
        double temp = parts.Length > 3 && parts[3] == "t85" ? 85 + Units.CelsiusToKelvin : Units.NominalTemperature;
        var vd = new VoltageSource("vd", "d", "0", 0);
        var vbs = new VoltageSource("vb", "b", "0", 0);
        var ckt = new Circuit().Add(vd, new VoltageSource("vg", "g", "0", sgn * 0.8), vbs,
            new Bsim3Mosfet("m1", "d", "g", "0", "b", Bsim3Kit.Model(p ? "p018" : "n018"),
                Bsim3Kit.Geometry("w=10u l=2u as=20p ad=20p ps=24u pd=24u nrs=0.05 nrd=0.05"), temp));
        var sweeps = new[] { new DcSweepSpec("vb", 0, sgn * 1.0, sgn * 0.02), new DcSweepSpec("vd", sgn * 0.05, sgn * 1.05, sgn * 1.0) };
        var (_, rows) = Bsim3Kit.Table(name + ".txt");
        int k = 0;
        double worst = 0, worstRel = 0;
        var options = Bsim3Kit.Options;
        options.RelTol = 1e-9; // as the reference run (make_refs.py)
        new Simulator(ckt, options).DcSweep(sweeps, (values, s) =>
        {
            var r = rows[k++];
            double id = vd.ReadQuantity("i", s), ib = vbs.ReadQuantity("i", s);
            double ed = Math.Abs(id - r[1]) / (1e-6 * Math.Abs(r[1]) + 1e-12);
            double eb = Math.Abs(ib - r[2]) / (1e-6 * Math.Abs(r[2]) + 1e-12);
            if (Math.Max(ed, eb) > 0.3 && log != null)
                log($"{name} point {k - 1} ({values[0]}, {values[1]}): id {id:R} vs {r[1]:R} ({ed:g3}); ib {ib:R} vs {r[2]:R} ({eb:g3})");
            worst = Math.Max(worst, Math.Max(ed, eb));
            worstRel = Math.Max(worstRel, Math.Abs(id - r[1]) / (1e-6 * Math.Abs(r[1]) + 2e-15));
        });
        Assert.Equal(rows.Count, k);
        worstRelative = worstRel;
        return worst;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DrainAndBulkCurrentsMatchNgspice(string name)
    {
        int shown = 0;
        double worst = Run(name, out double rel, m => { if (shown++ < 8) output.WriteLine(m); });
        output.WriteLine($"{name}: worst error {worst:g3} × (1e-6·|i| + 1 pA); of i(vd) {rel:g3} × (1e-6·|i| + 2 fA)");
        Assert.True(worst <= 1, $"{name}: worst error {worst:g3} × tolerance");
        Assert.True(rel <= 1, $"{name}: worst i(vd) error {rel:g3} × (1e-6·|i| + 2 fA)");
    }
}
