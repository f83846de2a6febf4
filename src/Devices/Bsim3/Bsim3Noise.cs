using static Perovspice.Devices.Bsim3.Bsim3Constants;

namespace Perovspice.Devices.Bsim3;

/// <summary>
/// BSIM3v3.3's own noise models (manual ch. 7, "Noise modeling") at one bias point, per device (before m), in the
/// forms ngspice 39 evaluates (docs/measure.md, "Noise analysis"): the channel thermal noise of noimod 2 and 4 and the
/// unified flicker noise of noimod 2 and 3.
/// </summary>
internal static class Bsim3Noise
{
    /// <summary>N* of the subthreshold flicker noise as ngspice 39 takes it (cm⁻²·1e4: 2e14 m⁻²).</summary>
    private const double NStar = 2e14;

    /// <summary>kT/q, V, with the Boltzmann-over-charge ratio ngspice 39's BSIM3 noise writes (8.62e-5).</summary>
    private static double KTq(double kelvin) => 8.62e-5 * kelvin;

    /// <summary>The channel's noise conductance µeff·|Qinv|/(Leff² + µeff·|Qinv|·Rds) (S; 4kT times it is the
    /// thermal density), Qinv the charge model's inversion charge, Rds the bias-dependent source/drain
    /// resistance of the current model.</summary>
    public static double ThermalConductance(Bsim3Model m, Bsim3Size p, in Bsim3Bias r)
    {
        double qinv = Math.Abs(Bsim3Charge.InversionCharge(m, p, r).V), ueff = r.Ueff.V, leff = p.Leff;
        return ueff * qinv / (leff * leff + ueff * qinv * r.Rds.V);
    }

    /// <summary>
    /// The unified flicker noise at 1 Hz (A²/Hz; it falls as f^−ef): the strong-inversion density Ssi (oxide-trap
    /// number fluctuation with correlated mobility fluctuation, plus the velocity-saturated region ΔLclm) and the
    /// weak-inversion density Swi = noia·kT/q·Ids²/(Weff·Leff·N*²·1e8) combined as Ssi·Swi/(Ssi + Swi). Ssi's length
    /// is Leff − 2·lintnoi; its Abulk is the one before the keta factor, its Nl uses the full Abulk (ngspice 39).
    /// </summary>
    public static double UnifiedFlicker(Bsim3Model m, Bsim3Size p, in Bsim3Bias r, double kelvin)
    {
        double noia = m.Get("noia"), noib = m.Get("noib"), noic = m.Get("noic"), em = m.Get("em");
        double cox = m.Cox, kTq = KTq(kelvin), cd = Math.Abs(r.Ids.V), ueff = r.Ueff.V;
        // lintnoi shortens the strong-inversion length only
        double lnoi = p.Leff - 2 * m.Get("lintnoi"), leff = p.Leff, weff = p.Weff;
        double vgsteff = r.Vgsteff.V, vdseff = r.Vdseff.V;

        // ΔLclm = litl·ln(((Vds − Vdseff)/litl + em)/Esat), Esat = 2 vsat/µeff, never negative; 0 for em ≤ 0
        double dlclm = 0;
        if (em > 0)
        {
            double esat = 2 * p.VsatTemp / ueff;
            double x = ((r.Vds.V - vdseff) / p.Litl + em) / esat;
            dlclm = Math.Max(p.Litl * Math.Log(Math.Max(x, Flicker.MinimumLog)), 0);
        }
        // trapped-charge densities at the source and drain ends of the channel, m⁻²
        double q = Units.ElementaryCharge;
        double n0 = cox * vgsteff / q;
        double nl = cox * vgsteff * (1 - r.Abulk.V * vdseff / (vgsteff + 2 * p.Vtm)) / q;
        double traps = noia * Math.Log(Math.Max((n0 + NStar) / (nl + NStar), Flicker.MinimumLog))
            + noib * (n0 - nl) + 0.5 * noic * (n0 * n0 - nl * nl);
        double ssi = q * q * kTq * cd * ueff / (1e8 * r.AbulkNoKeta.V * cox * lnoi * lnoi) * traps
            + kTq * cd * cd * dlclm / (1e8 * lnoi * lnoi * weff)
            * (noia + noib * nl + noic * nl * nl) / ((nl + NStar) * (nl + NStar));
        double swi = noia * kTq * cd * cd / (weff * leff * NStar * NStar * 1e8);
        return ssi + swi > 0 ? ssi * swi / (ssi + swi) : 0;
    }
}
