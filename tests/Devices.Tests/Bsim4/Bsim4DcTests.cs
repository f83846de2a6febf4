using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Bsim4;

/// <summary>BSIM4 dc sweeps against ngspice 39 (References/*.cir, *.txt from make_refs.py): Id–Vg and Id–Vd families
/// of the PTM 45 nm HP NMOS and PMOS cards (rgatemod=1, rbodymod=1, igcmod=1, igbmod=1, GIDL, impact ionization as
/// published) at vbs 0 and reverse bias, 75 °C (tempmod 0 and 1), mobmod 1 and 2, binning (binunit 1 and 2), nf &gt; 1
/// with geomod/rgeomod, LOD stress, WPE, delvto/mulu0, igcmod=2 with gidlmod=1, forward-biased bulk with dioMod 0,
/// 1, 2 and trap-assisted tunneling. All three terminal currents i(vd), i(vg), i(vb) are compared.</summary>
public class Bsim4DcTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases()
    {
        var d = new TheoryData<string>();
        foreach (var n in Bsim4Kit.CaseNames()) d.Add(n);
        return d;
    }

    /// <summary>Runs one case; returns the worst error of i(vd), i(vg), i(vb) relative to 1e-6·|ref| + 1 pA (≤ 1 passes)
    /// and, in <paramref name="worstRelative"/>, the worst of i(vd) relative to 1e-6·|ref| + 1 fA.</summary>
    public static double Run(string name, out double worstRelative, Action<string>? log = null)
    {
        var c = Bsim4Kit.ReadCase(name);
        var model = Bsim4Kit.Model(name, c.Model);
        var vd = new VoltageSource("vd", "d", "0", 0);
        var vg = new VoltageSource("vg", "g", "0", 0);
        var vb = new VoltageSource("vb", "b", "0", c.Vb);
        var ckt = new Circuit().Add(vd, vg, vb, Bsim4Kit.Device(c, model));
        var (_, rows) = Bsim4Kit.Table(name);
        int k = 0;
        double worst = 0, worstRel = 0;
        new Simulator(ckt, Bsim4Kit.Options).DcSweep(new[] { c.Sweep1, c.Sweep2 }, (values, s) =>
        {
            var r = rows[k++];
            double[] mine = { vd.ReadQuantity("i", s), vg.ReadQuantity("i", s), vb.ReadQuantity("i", s) };
            for (int i = 0; i < 3; i++)
            {
                double e = Math.Abs(mine[i] - r[i + 1]) / (1e-6 * Math.Abs(r[i + 1]) + 1e-12);
                if (e > 1 && log != null)
                    log($"{name} point {k - 1} ({values[0]}, {values[1]}) {"dgb"[i]}: {mine[i]:R} vs {r[i + 1]:R} ({e:g3})");
                worst = Math.Max(worst, e);
            }
            worstRel = Math.Max(worstRel, Math.Abs(mine[0] - r[1]) / (1e-6 * Math.Abs(r[1]) + 1e-15));
        });
        Assert.Equal(rows.Count, k);
        worstRelative = worstRel;
        return worst;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TerminalCurrentsMatchNgspice(string name)
    {
        int shown = 0;
        double worst = Run(name, out double rel, m => { if (shown++ < 8) output.WriteLine(m); });
        output.WriteLine($"{name}: worst error {worst:g3} × (1e-6·|i| + 1 pA); of i(vd) {rel:g3} × (1e-6·|i| + 1 fA)");
        Assert.True(worst <= 1, $"{name}: worst error {worst:g3} × tolerance");
        Assert.True(rel <= 1, $"{name}: worst i(vd) error {rel:g3} × (1e-6·|i| + 1 fA)");
    }
}
