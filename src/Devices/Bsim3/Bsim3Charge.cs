using static Perovspice.Devices.Bsim3.Bsim3Constants;
using D3 = Perovspice.Devices.Bsim3.Dual3;

namespace Perovspice.Devices.Bsim3;

/// <summary>
/// BSIM3v3.3 intrinsic charges (manual ch. 4 "capacitance model"), charge conserving, in the normal-mode frame:
/// capmod 0 and 1 (piece-wise), capmod 2 (smooth single-equation model) and capmod 3 (capmod 2 plus the charge-thickness model: finite
/// inversion and accumulation layer thickness Tcen and the gate-bias dependent surface potential ΔΦ). The channel
/// charge is split between source and drain by xpart (0: 40/60, 0.5: 50/50, 1: 0/100). Also the bias-dependent
/// overlap charges (cgso/cgsl/ckappa) of the gate over source and drain.
/// </summary>
public static class Bsim3Charge
{
    private const double Delta3 = 0.02, Delta4 = 0.02, DeltaOverlap = 0.02;

    /// <summary>Intrinsic gate, bulk, source and drain charges (normal-mode frame; they sum to zero).</summary>
    public static void Intrinsic(Bsim3Model m, Bsim3Size p, in Bsim3Bias r, out D3 qg, out D3 qb, out D3 qs,
        out D3 qd) => Intrinsic(m, p, r, out qg, out qb, out qs, out qd, out _);

    /// <summary>The magnitude of the inversion-layer charge of the charge model (≥ 0, C; 0 in capmod 0's
    /// accumulation and depletion), the Qinv of BSIM3's thermal noise (noimod 2, 4).</summary>
    public static D3 InversionCharge(Bsim3Model m, Bsim3Size p, in Bsim3Bias r)
    {
        Intrinsic(m, p, r, out _, out _, out _, out _, out D3 qinv);
        return qinv;
    }

    private static void Intrinsic(Bsim3Model m, Bsim3Size p, in Bsim3Bias r, out D3 qg, out D3 qb, out D3 qs,
        out D3 qd, out D3 qinv)
    {
        double vtm = p.Vtm, cox = m.Cox, xpart = p.Xpart;
        double coxWL = cox * p.WeffCV * p.LeffCV;

        // Vgsteff for CV (noff, voffcv) and the effective body bias for CV.
        D3 vgst = r.VgsEff - r.Vth;
        D3 nv = r.N * p.Noff * vtm;
        D3 x = (vgst - p.Voffcv) / nv;
        D3 vgsteff = x.V > ExpThreshold ? vgst - p.Voffcv
            : x.V < -ExpThreshold ? nv * Math.Log(1 + MinExp)
            : nv * D3.Log(1 + D3.Exp(x));
        D3 vbseffCV = r.Vbseff.V < 0 ? r.Vbseff : p.Phi - r.Phis;
        if (m.CapacitanceModel <= 1)
        {
            PieceWise(m, p, r, vgsteff, vbseffCV, coxWL, out qg, out qb, out qs, out qd, out qinv);
            return;
        }

        // Flat-band smoothing (accumulation).
        double vfbzb = p.Vfbzb;
        D3 v3 = vfbzb - r.VgsEff + vbseffCV - Delta3;
        D3 s3 = vfbzb <= 0 ? D3.Sqrt(v3 * v3 - 4 * Delta3 * vfbzb) : D3.Sqrt(v3 * v3 + 4 * Delta3 * vfbzb);
        D3 vfbeff = vfbzb - 0.5 * (v3 + s3);

        D3 coxWLacc = coxWL;
        if (m.CapacitanceModel == 3)
        {
            double toxA = 1e8 * p.Tox;
            D3 arg = (r.VgsEff - vbseffCV - vfbzb) / toxA * p.Acde;
            D3 tcen = arg.V > -ExpThreshold && arg.V < ExpThreshold ? p.Ldeb * D3.Exp(arg)
                : arg.V <= -ExpThreshold ? (D3)(p.Ldeb * MinExp) : (D3)(p.Ldeb * MaxExp);
            double link = 1e-3 * p.Tox;
            D3 a = p.Ldeb - tcen - link;
            tcen = p.Ldeb - 0.5 * (a + D3.Sqrt(a * a + 4 * link * p.Ldeb));
            D3 ccen = EpsSi / tcen;
            D3 coxeff = cox * ccen / (cox + ccen);
            coxWLacc = coxWL * coxeff / cox;
        }
        D3 qac0 = coxWLacc * (vfbeff - vfbzb);
        double k = 0.5 * p.K1ox;
        D3 t3 = r.VgsEff - vfbeff - vbseffCV - vgsteff;
        D3 qsub0;
        if (p.K1ox == 0) qsub0 = 0;
        else if (t3.V < 0) qsub0 = coxWLacc * p.K1ox * (t3 / p.K1ox);
        else qsub0 = coxWLacc * p.K1ox * (D3.Sqrt(k * k + t3) - k);

        D3 abulkCV = r.Abulk0 * p.AbulkCVfactor;
        D3 vg, coxWLinv;
        if (m.CapacitanceModel == 3)
        {
            // Gate-bias dependent surface potential ΔΦ and inversion-layer centroid.
            double denomi, kk;
            if (p.K1ox <= 0) { denomi = 0.25 * p.Moin * vtm; kk = 0.5 * p.SqrtPhi; }
            else { denomi = p.Moin * vtm * p.K1ox * p.K1ox; kk = p.K1ox * p.SqrtPhi; }
            D3 deltaPhi = vtm * D3.Log(1 + (2 * kk + vgsteff) * vgsteff / denomi);
            D3 t0 = vgsteff - deltaPhi - 0.001;
            vg = 0.5 * (t0 + D3.Sqrt(t0 * t0 + 0.004 * vgsteff));
            D3 t = 4 * (r.Vth - vfbzb - p.Phi);
            double tox2 = 2e8 * p.Tox;
            D3 b = t.V >= 0 ? (vgsteff + t) / tox2 : (vgsteff + 1e-20) / tox2;
            D3 tcen = 1.9e-9 / (1 + D3.Pow(b, 0.7));
            D3 ccen = EpsSi / tcen;
            D3 coxeff = cox * ccen / (cox + ccen);
            coxWLinv = coxWL * coxeff / cox;
        }
        else
        {
            vg = vgsteff;
            coxWLinv = coxWL;
        }

        D3 vdsatCV = vg / abulkCV;
        D3 v4 = vdsatCV - r.Vds - Delta4;
        D3 s4 = D3.Sqrt(v4 * v4 + 4 * Delta4 * vdsatCV);
        D3 vdseffCV = v4.V >= 0 ? vdsatCV - 0.5 * (v4 + s4) : vdsatCV * (1 - 2 * Delta4 / (s4 - v4));
        if (r.Vds.V == 0) vdseffCV = new D3(0, 0, vdseffCV.D, 0);
        Inversion(coxWLinv, vg, abulkCV, vdseffCV, xpart, out qinv, out D3 qbulkInv, out qs);
        qg = qinv - qbulkInv + qac0 + qsub0;
        qb = qbulkInv - qac0 - qsub0;
        qd = -(qg + qb + qs);
    }

    /// <summary>
    /// Inversion-layer charge magnitude qinv = CoxWL(Vg − A·V/2 + (A·V)²/(12(Vg − A·V/2))), the bulk charge
    /// correction CoxWL(1 − A)(V/2 − A·V²/(12(Vg − A·V/2))) and the source share of −qinv by xpart, for the
    /// effective gate drive <paramref name="vg"/>, AbulkCV <paramref name="a"/> and effective vds
    /// <paramref name="vds"/>.
    /// </summary>
    private static void Inversion(D3 coxWL, D3 vg, D3 a, D3 vds, double xpart, out D3 qinv, out D3 qbulk,
        out D3 qs)
    {
        D3 av = a * vds;                            // Abulk·Vds
        D3 d12 = 12 * (vg - 0.5 * av + 1e-20);      // 12(Vg − Abulk·Vds/2)
        qinv = coxWL * (vg - 0.5 * av + av * av / d12);
        qbulk = coxWL * (1 - a) * (0.5 * vds - av * vds / d12);
        if (xpart > 0.5)
            qs = -coxWL * (0.5 * vg + 0.25 * av - av * av / (2 * d12));
        else if (xpart < 0.5)
        {
            D3 h = d12 / 12;
            D3 poly = vg * (2 * av * av / 3 + vg * (vg - 4 * av / 3)) - 2 * av * av * av / 15;
            qs = -0.5 * coxWL / (h * h) * poly;
        }
        else qs = -0.5 * qinv;
    }

    /// <summary>
    /// capmod 0 (manual "long-channel, piece-wise" charges): threshold Vth = vfbcv + Φ + k1ox·√Φs; accumulation
    /// (Vgs − Vbs − vfbcv ≤ 0) Qg = CoxWL(Vgs − Vbs − vfbcv); depletion (Vgs &lt; Vth) Qg = CoxWL·k1ox(√(k1ox²/4 +
    /// Vgs − Vbs − vfbcv) − k1ox/2), Qb = −Qg, no inversion charge; inversion with Vdsat = (Vgs − Vth)/AbulkCV and
    /// vds clipped at Vdsat. capmod 1: capmod 2's Vgsteff,CV with the unsmoothed flat-band Vfbzb (the same
    /// accumulation/depletion branches on Vgs − Vbseff − Vfbzb − Vgsteff) and vds clipped at Vdsat,CV.
    /// </summary>
    private static void PieceWise(Bsim3Model m, Bsim3Size p, in Bsim3Bias r, D3 vgsteffCV, D3 vbseffCV,
        double coxWL, out D3 qg, out D3 qb, out D3 qs, out D3 qd, out D3 qinv)
    {
        double xpart = p.Xpart, k = 0.5 * p.K1ox;
        D3 abulkCV = r.Abulk0 * p.AbulkCVfactor;
        D3 arg, vg, qgBase;
        if (m.CapacitanceModel == 0)
        {
            D3 vbs = r.Vbseff.V < 0 ? r.Vbs : p.Phi - r.Phis;
            arg = r.VgsEff - vbs - p.Vfbcv;
            vg = r.VgsEff - (p.Vfbcv + p.Phi + p.K1ox * r.SqrtPhis);
            qgBase = coxWL * (r.VgsEff - p.Vfbcv - p.Phi);
        }
        else
        {
            arg = r.VgsEff - vbseffCV - p.Vfbzb - vgsteffCV;
            vg = vgsteffCV;
            qgBase = 0;
        }
        D3 qdep = arg.V <= 0 ? coxWL * arg : coxWL * p.K1ox * (D3.Sqrt(k * k + arg) - k);
        if (m.CapacitanceModel == 0 && (arg.V <= 0 || vg.V <= 0))
        {
            qg = qdep;
            qb = -qdep;
            qs = 0;
            qd = 0;
            qinv = 0;
            return;
        }
        D3 vdsat = vg / abulkCV;
        D3 vds = r.Vds.V < vdsat.V ? r.Vds : vdsat;
        Inversion(coxWL, vg, abulkCV, vds, xpart, out qinv, out D3 qbulkInv, out qs);
        if (m.CapacitanceModel == 0)
        {
            // Qg = CoxWL(Vgs − vfbcv − Φ − V/2 + A·V²/(12(Vg − A·V/2))): the inversion charge plus the depletion
            // charge at threshold, written from the gate side.
            qg = qgBase + (qinv - qbulkInv - coxWL * vg);
            qb = -(qg - qinv);
        }
        else
        {
            qg = qdep + qinv - qbulkInv;
            qb = -qdep + qbulkInv;
        }
        qd = -(qg + qb + qs);
    }

    /// <summary>Bias-dependent overlap charge of the gate over one diffusion (manual ch. 4 "overlap
    /// capacitance"): capmod 0 q = cgo·v; capmod 1 q = (cgo + cgl)·v for v ≥ 0 and cgo·v − cgl·κ/2·(√(1 − 4v/κ)
    /// − 1) below; capmod 2, 3 q = (cgo + cgl)·v − cgl·(v_ov + κ/2·(√(1 − 4 v_ov/κ) − 1)), v_ov the smooth
    /// negative part of v.</summary>
    public static D3 Overlap(int capmod, double cgo, double cgl, double ckappa, D3 v)
    {
        if (capmod == 0) return cgo * v;
        if (capmod == 1)
            return v.V >= 0 ? (cgo + cgl) * v : cgo * v - cgl * 0.5 * ckappa * (D3.Sqrt(1 - 4 * v / ckappa) - 1);
        D3 t0 = v + DeltaOverlap;
        D3 vov = 0.5 * (t0 - D3.Sqrt(t0 * t0 + 4 * DeltaOverlap));
        D3 t4 = D3.Sqrt(1 - 4 * vov / ckappa);
        return (cgo + cgl) * v - cgl * (vov + 0.5 * ckappa * (t4 - 1));
    }
}
