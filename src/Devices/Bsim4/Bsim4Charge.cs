using static Perovspice.Devices.Bsim4.Bsim4Constants;
using D3 = Perovspice.Devices.Bsim3.Dual3;

namespace Perovspice.Devices.Bsim4;

/// <summary>
/// BSIM4 charges (manual ch. 7 "gate charge/capacitance model" and ch. 10.3 "junction capacitance"): capmod 0
/// (piece-wise long-channel charges with linear overlaps), capmod 1 (single-equation charges about the flat band
/// Vfbzb) and capmod 2 (capmod 1 plus the charge-thickness model: the accumulation/depletion centroid from acde and
/// ldeb, the inversion centroid ados·1.9 nm/(1 + ((Vgsteff + vtfbphi2)/2toxp)^(0.7·bdos)) in series with Coxp, and the
/// gate-bias dependent surface-potential shift ΔΦ with moin), the 40/60, 50/50 and 0/100 partitions (xpart), the
/// bias-dependent gate–source/drain overlap charges (cgso/cgdo, cgsl/cgdl, ckappas/ckappad), the gate–bulk overlap
/// cgbo, and the bottom/sidewall/gate-edge junction depletion charges. Written on <see cref="Bsim3.Dual3"/>: every
/// capacitance is an exact derivative.
/// </summary>
public static class Bsim4Charge
{
    private const double Delta1 = 0.02, Delta3 = 0.02, Delta4 = 0.02;

    /// <summary>Whether the model's charges are implemented, else the reason (a located error for analyses that
    /// need them).</summary>
    public static string? Missing(Bsim4Model m)
    {
        _ = m;
        return null;
    }

    /// <summary>Intrinsic gate, bulk and drain charges of the mode frame (source = −(qg + qb + qd)), all fingers.</summary>
    public static void Intrinsic(Bsim4Model m, Bsim4Size p, in Bsim4Bias r, D3 vds, out D3 qg, out D3 qb, out D3 qd)
    {
        if (m.Get("capmod") == 0)
        {
            PieceWise(m, p, r, vds, out qg, out qb, out qd);
            return;
        }
        double vtm = p.Vtm, xpart = m.Get("xpart");
        D3 vbseffCV = r.Vbseff.V < 0 ? r.Vbseff : p.Phi - r.Phis;
        double coxWL = m.Coxe * p.WeffCV * p.LeffCV * p.NF;

        // Vgsteff for C-V: with noff and voffcv (cvchargemod 0), or the dc form with minvcv and voffcv + voffcvl/Leff
        // (cvchargemod 1, BSIM4.6 and later).
        D3 vgst = r.VgsEff - r.Vth;
        D3 vgsteff;
        if (m.Generation == 45 || m.Get("cvchargemod") == 0)
        {
            D3 t0n = vtm * (r.N * p.Noff);
            D3 x = (vgst - p.Voffcv) / t0n;
            vgsteff = x.V > ExpThreshold ? vgst - p.Voffcv
                : x.V < -ExpThreshold ? t0n * Math.Log(1 + MinExp)
                : t0n * D3.Log(1 + D3.Exp(x));
        }
        else
        {
            D3 nvt = r.N * vtm;
            D3 a10 = p.Mstarcv * vgst / nvt, t10, t9;
            if (a10.V > ExpThreshold) t10 = p.Mstarcv * vgst;
            else if (a10.V < -ExpThreshold) t10 = vtm * Math.Log(1 + MinExp) * r.N;
            else t10 = r.N * (vtm * D3.Log(1 + D3.Exp(a10)));
            D3 a9 = (p.Voffcbncv - (1 - p.Mstarcv) * vgst) / nvt;
            if (a9.V < -ExpThreshold) t9 = p.Mstarcv + m.Coxe * MinExp / p.Cdep0 * r.N;
            else if (a9.V > ExpThreshold) t9 = p.Mstarcv + m.Coxe * MaxExp / p.Cdep0 * r.N;
            else t9 = p.Mstarcv + r.N * (m.Coxe / p.Cdep0 * D3.Exp(a9));
            vgsteff = t10 / t9;
        }

        // Flat-band smoothing about Vfbzb (accumulation).
        double vfbzb = p.Vfbzb;
        D3 v3 = vfbzb - r.VgsEff + vbseffCV - Delta3;
        D3 s3 = vfbzb <= 0 ? D3.Sqrt(v3 * v3 - 4 * Delta3 * vfbzb) : D3.Sqrt(v3 * v3 + 4 * Delta3 * vfbzb);
        D3 vfbeff = vfbzb - 0.5 * (v3 + s3);
        D3 abulkCV = r.Abulk0 * p.AbulkCVfactor;

        D3 coxWLacc = coxWL, coxWLinv = coxWL, vg = vgsteff;
        if (m.Get("capmod") == 2)
        {
            // Accumulation/depletion charge centroid (eq. 7.3) in series with Coxp.
            double cox = m.Coxp, tox = 1e8 * m.Get("toxp");
            D3 a = (r.VgsEff - vbseffCV - vfbzb) / tox * p.Acde;
            D3 tcen = a.V > -ExpThreshold && a.V < ExpThreshold ? p.Ldeb * D3.Exp(a)
                : a.V <= -ExpThreshold ? (D3)(p.Ldeb * MinExp) : (D3)(p.Ldeb * MaxExp);
            double link = 1e-3 * m.Get("toxp");
            D3 v3c = p.Ldeb - tcen - link;
            tcen = p.Ldeb - 0.5 * (v3c + D3.Sqrt(v3c * v3c + 4 * link * p.Ldeb));
            D3 ccen = EpsSi / tcen;
            coxWLacc = coxWL * (cox / (cox + ccen) * ccen) / m.Coxe;

            // Gate-bias dependent surface-potential shift ΔΦ (eq. 7.7) and VgDP = Vgsteff − ΔΦ, smoothed.
            double denomi, t0;
            if (p.K1ox <= 0) { denomi = 0.25 * p.Moin * vtm; t0 = 0.5 * p.SqrtPhi; }
            else { denomi = p.Moin * vtm * p.K1ox * p.K1ox; t0 = p.K1ox * p.SqrtPhi; }
            D3 deltaPhi = vtm * D3.Log(1 + (2 * t0 + vgsteff) * vgsteff / denomi);
            D3 t0d = vgsteff - deltaPhi - 0.001;
            vg = 0.5 * (t0d + D3.Sqrt(t0d * t0d + vgsteff * 0.004));

            // Inversion charge centroid (eq. 7.5).
            D3 ti = (vgsteff + p.Vtfbphi2) / (2 * tox);
            double ados = m.Get("ados"), bdos = m.Get("bdos"); // 1 and 1 for BSIM4.5, which lacks them
            D3 tceni = ados * 1.9e-9 / (1 + D3.Exp(bdos * 0.7 * D3.Log(ti)));
            D3 cceni = EpsSi / tceni;
            coxWLinv = coxWL * (cox / (cox + cceni) * cceni) / m.Coxe;
        }

        D3 qac0 = coxWLacc * (vfbeff - vfbzb);
        double k = 0.5 * p.K1ox;
        D3 t3 = r.VgsEff - vfbeff - vbseffCV - vgsteff;
        D3 qsub0 = p.K1ox == 0 ? (D3)0
            : t3.V < 0 ? coxWLacc * p.K1ox * (t3 / p.K1ox)
            : coxWLacc * p.K1ox * (D3.Sqrt(k * k + t3) - k);

        // Inversion and bulk charges with VdseffCV (δ4 = 0.02).
        D3 vdsatCV = vg / abulkCV;
        D3 u = vdsatCV - vds - Delta4;
        D3 s = D3.Sqrt(u * u + 4 * Delta4 * vdsatCV);
        D3 vdseffCV = u.V >= 0 ? vdsatCV - 0.5 * (u + s) : vdsatCV * (1 - 2 * Delta4 / (s - u));
        if (vds.V == 0) vdseffCV = new D3(0, 0, vdseffCV.D, 0);

        D3 t0v = abulkCV * vdseffCV;
        D3 t2 = 12 * (vg - 0.5 * t0v + 1e-20);
        D3 qgate = coxWLinv * (vg - 0.5 * vdseffCV + t0v * vdseffCV / t2);
        D3 qbulk = coxWLinv * (1 - abulkCV) * (0.5 * vdseffCV - t0v * vdseffCV / t2);
        D3 qsrc;
        if (xpart > 0.5)
            qsrc = -coxWLinv * (0.5 * vg + 0.25 * t0v - t0v * t0v / (2 * t2));
        else if (xpart < 0.5)
        {
            D3 t1 = t2 / 12;
            D3 q = vg * (2 * t0v * t0v / 3 + vg * (vg - 4 * t0v / 3)) - 2 * t0v * t0v * t0v / 15;
            qsrc = -0.5 * coxWLinv / (t1 * t1) * q;
        }
        else qsrc = -0.5 * (qgate + qbulk);

        // (capmod 2 writes the inversion part as Qinv − qbulk; the sum is the same expression)
        qg = qgate + qac0 + qsub0;
        qb = qbulk - (qac0 + qsub0);
        qd = -(qg + qb + qsrc);
    }

    /// <summary>capmod 0 (manual ch. 7.2): piece-wise long-channel charges about Vth = vfbcv + Φ + k1ox√Φs —
    /// accumulation, depletion, and inversion with vds clipped at Vdsat = (Vgs − Vth)/AbulkCV, in the xpart
    /// partition.</summary>
    private static void PieceWise(Bsim4Model m, Bsim4Size p, in Bsim4Bias r, D3 vds, out D3 qg, out D3 qb, out D3 qd)
    {
        double xpart = m.Get("xpart");
        D3 vbseffCV = r.Vbseff.V < 0 ? r.Vbs : p.Phi - r.Phis;
        double vfb = p.Vfbcv;
        D3 vth = vfb + p.Phi + p.K1ox * r.SqrtPhis;
        D3 vgst = r.VgsEff - vth;
        double coxWL = m.Coxe * p.WeffCV * p.LeffCV * p.NF;
        D3 arg1 = r.VgsEff - vbseffCV - vfb;
        if (arg1.V <= 0)
        {
            qg = coxWL * arg1; qb = -qg; qd = 0;
            return;
        }
        if (vgst.V <= 0)
        {
            double t1 = 0.5 * p.K1ox;
            qg = coxWL * p.K1ox * (D3.Sqrt(t1 * t1 + arg1) - t1); qb = -qg; qd = 0;
            return;
        }
        D3 abulkCV = r.Abulk0 * p.AbulkCVfactor;
        D3 vdsat = vgst / abulkCV;
        if (vdsat.V <= vds.V)
        {
            qg = coxWL * (r.VgsEff - vfb - p.Phi - vdsat / 3);
            D3 t2 = -2.0 / 3.0 * coxWL * vgst;
            qb = -(qg + t2);
            qd = xpart > 0.5 ? 0 : xpart < 0.5 ? 0.4 * t2 : 0.5 * t2;
            return;
        }
        D3 alphaz = vgst / vdsat;
        D3 a1 = 2 * vdsat - vds;
        D3 a2 = vds / (3 * a1);
        D3 a3 = a2 * vds;
        D3 a4 = 0.25 * coxWL * alphaz;
        qg = coxWL * (r.VgsEff - vfb - p.Phi - 0.5 * (vds - a3));
        if (xpart > 0.5)
        {
            qd = a4 * (2 * vds - a1 - 3 * a3);
            qb = -(qg + qd + a4 * (a3 - a1 - 2 * vds));
        }
        else if (xpart < 0.5)
        {
            D3 t6 = 8 * vdsat * vdsat - 6 * vdsat * vds + 1.2 * vds * vds;
            qd = a4 * (vds - a1 - a2 / a1 * t6);
            qb = -(qg - a4 * 2 * (a1 + a3));
        }
        else
        {
            qd = -a4 * (a1 + a3);
            qb = -(qg + 2 * qd);
        }
    }

    /// <summary>capmod 0's linear overlap charge cgso·v (cgdo·v), all fingers.</summary>
    public static D3 LinearOverlap(Bsim4Size p, D3 v, bool source) => p.NF * ((source ? p.Cgso : p.Cgdo) * v);

    /// <summary>The bias-dependent overlap charge of the gate over the source (or drain) diffusion at the gate-to-
    /// diffusion voltage <paramref name="v"/> (eq. 7.11, capmod ≠ 0), all fingers.</summary>
    public static D3 Overlap(Bsim4Size p, D3 v, bool source)
    {
        double cgo = source ? p.Cgso : p.Cgdo, cgl = p.WeffCV * (source ? p.Cgsl : p.Cgdl);
        double kappa = source ? p.Ckappas : p.Ckappad;
        D3 t0 = v + Delta1;
        D3 t1 = D3.Sqrt(t0 * t0 + 4 * Delta1);
        D3 t2 = 0.5 * (t0 - t1);
        D3 t4 = D3.Sqrt(1 - 4 * t2 / kappa);
        return p.NF * ((cgo + cgl) * v - cgl * (t2 + 0.5 * kappa * (t4 - 1)));
    }
}
