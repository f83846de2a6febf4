using static Perovspice.Devices.Bsim3.Bsim3Constants;
using D3 = Perovspice.Devices.Bsim3.Dual3;

namespace Perovspice.Devices.Bsim3;

/// <summary>Intermediate bias-dependent quantities of one evaluation, shared by the current and charge models
/// (all in the device's normal-mode frame, vds ≥ 0 after source/drain interchange).</summary>
public struct Bsim3Bias
{
#pragma warning disable CS1591 // names follow the BSIM3 manual
    public D3 Vgs, Vds, Vbs, Vbseff, Phis, SqrtPhis, Xdep, Vth, N, VgsEff, Vgsteff, Abulk0, Abulk, Vdsat, Vdseff;
    public D3 Ueff, Rds, Ids, Isub;
#pragma warning restore CS1591
    /// <summary>Abulk before its body-bias factor 1/(1 + keta·Vbseff) (the Abulk ngspice 39 keeps for the flicker
    /// noise of noimod 2 and 3).</summary>
    public D3 AbulkNoKeta;
}

/// <summary>
/// BSIM3v3.3 drain current (manual ch. 3-5, Appendix B "equation list"): threshold voltage with body effect,
/// short-channel, narrow-width and DIBL terms, unified Vgsteff across subthreshold and strong inversion,
/// mobility (mobmod 1-3), bulk charge Abulk, velocity saturation with source/drain resistance rds, unified
/// Vdseff, output resistance (CLM, DIBL, SCBE, pvag) and substrate current. Written on <see cref="Dual3"/>, so
/// each quantity carries its exact derivatives with respect to vgs, vds and vbs.
/// </summary>
public static class Bsim3Dc
{
    private const double Delta1 = 0.001;

    /// <summary>Evaluates the channel at normal-mode biases (vds ≥ 0; the caller interchanges source and drain).</summary>
    public static Bsim3Bias Evaluate(Bsim3Model m, Bsim3Size p, D3 vgs, D3 vds, D3 vbs)
    {
        var r = new Bsim3Bias { Vgs = vgs, Vds = vds, Vbs = vbs };
        double tox = p.Tox, cox = m.Cox, vtm = p.Vtm;

        // Effective body bias (manual eq. 2.1.26 / B.1): smooth clamp above vbsc.
        D3 t0 = vbs - p.Vbsc - Delta1;
        D3 t1 = D3.Sqrt(t0 * t0 - 4 * Delta1 * p.Vbsc);
        D3 vbseff = p.Vbsc + 0.5 * (t0 + t1);
        if (vbseff.V < vbs.V) vbseff = vbs;
        r.Vbseff = vbseff;

        D3 phis, sqrtPhis;
        if (vbseff.V > 0)
        {
            D3 a = p.Phi / (p.Phi + vbseff);
            phis = p.Phi * a;
            sqrtPhis = p.Phis3 / (p.Phi + 0.5 * vbseff);
        }
        else
        {
            phis = p.Phi - vbseff;
            sqrtPhis = D3.Sqrt(phis);
        }
        r.Phis = phis;
        r.SqrtPhis = sqrtPhis;
        D3 xdep = p.Xdep0 * sqrtPhis / p.SqrtPhi;
        r.Xdep = xdep;

        // Threshold voltage (manual ch. 2, eq. B.3).
        D3 sqrtXdep = D3.Sqrt(xdep);
        double v0 = p.Vbi - p.Phi;
        D3 lt1 = p.Factor1 * sqrtXdep * SoftOnePlus(p.Dvt2 * vbseff);
        D3 ltw = p.Factor1 * sqrtXdep * SoftOnePlus(p.Dvt2w * vbseff);
        D3 theta0 = Theta(-0.5 * p.Dvt1 * p.Leff / lt1);
        D3 deltVthL = p.Dvt0 * theta0 * v0;
        D3 deltVthW = p.Dvt0w * Theta(-0.5 * p.Dvt1w * p.Weff * p.Leff / ltw) * v0;
        double dT = p.TempRatio - 1;
        D3 lateral = p.K1ox * (Math.Sqrt(1 + p.Nlx / p.Leff) - 1) * p.SqrtPhi
            + (p.Kt1 + p.Kt1l / p.Leff + p.Kt2 * vbseff) * dT;
        double narrow = tox * p.Phi / (p.Weff + p.W0);
        D3 eta = p.Eta0 + p.Etab * vbseff;
        if (eta.V < 1e-4)
        {
            D3 k = 1 / (3 - 2e4 * eta);
            eta = (2e-4 - eta) * k;
        }
        D3 diblSft = eta * p.Theta0vb0 * vds;
        D3 vth = m.Type * p.Vth0 - p.K1 * p.SqrtPhi + p.K1ox * sqrtPhis - p.K2ox * vbseff - deltVthL - deltVthW
            + (p.K3 + p.K3b * vbseff) * narrow + lateral - diblSft;
        r.Vth = vth;

        // Subthreshold swing factor n (eq. B.7).
        D3 tmp2 = p.Nfactor * EpsSi / xdep;
        D3 tmp3 = p.Cdsc + p.Cdscb * vbseff + p.Cdscd * vds;
        D3 tmp4 = (tmp2 + tmp3 * theta0 + p.Cit) / cox;
        D3 n = tmp4.V >= -0.5 ? 1 + tmp4 : (1 + 3 * tmp4) / (3 + 8 * tmp4);
        r.N = n;

        // Poly gate depletion (eq. B.9).
        D3 vgsEff = vgs;
        if (p.Ngate > 1e18 && p.Ngate < 1e25 && vgs.V > p.Vfb + p.Phi)
        {
            double a = 1e6 * Q * EpsSi * p.Ngate / (cox * cox);
            D3 s = D3.Sqrt(1 + 2 * (vgs - p.Vfb - p.Phi) / a);
            D3 b = a * (s - 1);
            D3 c = 0.5 * b * b / a;
            D3 d = 1.12 - c - 0.05;
            D3 e = D3.Sqrt(d * d + 0.224);
            D3 f = 1.12 - 0.5 * (d + e);
            vgsEff = vgs - f;
        }
        r.VgsEff = vgsEff;

        // Unified Vgsteff (eq. B.10).
        D3 vgst = vgsEff - vth;
        D3 t10 = 2 * n * vtm;
        D3 vgstNVt = vgst / t10;
        D3 expArg = (2 * p.Voff - vgst) / t10;
        D3 vgsteff;
        if (vgstNVt.V > ExpThreshold) vgsteff = vgst;
        else if (expArg.V > ExpThreshold)
            vgsteff = vtm * p.Cdep0 / cox * D3.Exp((vgst - p.Voff) / (n * vtm));
        else
        {
            D3 num = t10 * D3.Log(1 + D3.Exp(vgstNVt));
            D3 den = 1 + t10 * cox / (vtm * p.Cdep0) * D3.Exp(expArg);
            vgsteff = num / den;
        }
        r.Vgsteff = vgsteff;

        // Bias-dependent width and rds (eqs. B.11, B.12).
        D3 sq = sqrtPhis - p.SqrtPhi;
        D3 weff = p.Weff - 2 * (p.Dwg * vgsteff + p.Dwb * sq);
        if (weff.V < 2e-8) weff = 2e-8 * (4e-8 - weff) / (6e-8 - 2 * weff);
        D3 pr = p.Prwg * vgsteff + p.Prwb * sq;
        D3 rds = pr.V >= -0.9 ? p.Rds0 * (1 + pr) : p.Rds0 * (0.8 + pr) / (17 + 20 * pr);
        r.Rds = rds;

        // Abulk (eq. B.13).
        D3 k1h = 0.5 * p.K1ox / sqrtPhis;
        D3 sxj = D3.Sqrt(p.Xj * xdep);
        D3 t5 = p.Leff / (p.Leff + 2 * sxj);
        D3 t2 = p.A0 * t5 + p.B0 / (p.Weff + p.B1);
        D3 abulk0 = 1 + k1h * t2;
        D3 abulk = abulk0 - k1h * p.Ags * p.A0 * t5 * t5 * t5 * vgsteff;
        if (abulk0.V < 0.1) abulk0 = (0.2 - abulk0) / (3 - 20 * abulk0);
        if (abulk.V < 0.1) abulk = (0.2 - abulk) / (3 - 20 * abulk);
        r.AbulkNoKeta = abulk;
        D3 kb = p.Keta * vbseff;
        D3 kf = kb.V >= -0.9 ? 1 / (1 + kb) : (17 + 20 * kb) / (0.8 + kb);
        abulk *= kf;
        abulk0 *= kf;
        r.Abulk = abulk;
        r.Abulk0 = abulk0;

        // Mobility (eqs. B.14-B.16).
        D3 denom;
        if (m.MobilityModel == 1)
        {
            D3 a = (vgsteff + 2 * vth) / tox;
            denom = a * (p.Ua + p.Uc * vbseff + p.Ub * a);
        }
        else if (m.MobilityModel == 2)
        {
            D3 a = vgsteff / tox;
            denom = a * (p.Ua + p.Uc * vbseff + p.Ub * a);
        }
        else
        {
            D3 a = (vgsteff + 2 * vth) / tox;
            denom = a * (p.Ua + p.Ub * a) * (1 + p.Uc * vbseff);
        }
        denom = denom.V >= -0.8 ? 1 + denom : (0.6 + denom) / (7 + 10 * denom);
        D3 ueff = p.U0Temp / denom;
        r.Ueff = ueff;

        // Saturation voltage (eq. B.17-B.19).
        D3 wvCox = weff * p.VsatTemp * cox;
        D3 wvCoxRds = wvCox * rds;
        D3 esat = 2 * p.VsatTemp / ueff;
        D3 esatL = esat * p.Leff;
        D3 lambda = BsimCommon.Lambda(vgsteff, p.A1, p.A2);
        D3 vgst2Vtm = vgsteff + 2 * vtm;
        D3 vdsat;
        if (p.Rds0 == 0 && lambda.V == 1 && lambda.G == 0)
            vdsat = esatL * vgst2Vtm / (abulk * esatL + vgst2Vtm);
        else
        {
            D3 t9 = abulk * wvCoxRds;
            D3 t7 = vgst2Vtm * t9;
            D3 t6 = vgst2Vtm * wvCoxRds;
            D3 a = 2 * abulk * (t9 - 1 + 1 / lambda);
            D3 b = vgst2Vtm * (2 / lambda - 1) + abulk * esatL + 3 * t7;
            D3 c = vgst2Vtm * (esatL + 2 * t6);
            vdsat = (b - D3.Sqrt(b * b - 2 * a * c)) / a;
        }
        r.Vdsat = vdsat;

        // Effective vds (eq. B.20).
        D3 u = vdsat - vds - p.Delta;
        D3 vdseff = vdsat - 0.5 * (u + D3.Sqrt(u * u + 4 * p.Delta * vdsat));
        if (vds.V == 0) vdseff = new D3(0, 0, vdseff.D, 0); // exactly 0 at vds = 0, slope kept
        r.Vdseff = vdseff;

        // Early voltages (eqs. B.21-B.26).
        D3 tmp = 1 - 0.5 * abulk * vdsat / vgst2Vtm;
        D3 vasat = (esatL + vdsat + 2 * wvCoxRds * vgsteff * tmp) / (2 / lambda - 1 + wvCoxRds * abulk);
        D3 diffVds = vds - vdseff;
        D3 vaclm = p.Pclm > 0 && diffVds.V > 1e-10
            ? p.Leff * (abulk + vgsteff / esatL) * diffVds / (p.Pclm * abulk * p.Litl)
            : (D3)MaxExp;
        D3 vadibl;
        if (p.ThetaRout > 0)
        {
            D3 t8 = abulk * vdsat;
            vadibl = (vgst2Vtm - vgst2Vtm * t8 / (vgst2Vtm + t8)) / p.ThetaRout;
            D3 t7 = p.Pdiblb * vbseff;
            vadibl = t7.V >= -0.9 ? vadibl / (1 + t7) : vadibl * (17 + 20 * t7) / (0.8 + t7);
        }
        else vadibl = MaxExp;
        D3 t9v = p.Pvag / esatL * vgsteff;
        D3 pvagF = t9v.V > -0.9 ? 1 + t9v : (0.8 + t9v) / (17 + 20 * t9v);
        D3 va = vasat + pvagF * vaclm * vadibl / (vaclm + vadibl);
        D3 vascbe;
        if (p.Pscbe2 > 0)
            vascbe = diffVds.V > p.Pscbe1 * p.Litl / ExpThreshold
                ? p.Leff * D3.Exp(p.Pscbe1 * p.Litl / diffVds) / p.Pscbe2
                : (D3)(MaxExp * p.Leff / p.Pscbe2);
        else vascbe = MaxExp;

        // Drain current (eq. B.27).
        D3 beta = ueff * cox * weff / p.Leff;
        D3 fgche1 = vgsteff * (1 - 0.5 * vdseff * abulk / vgst2Vtm);
        D3 fgche2 = 1 + vdseff / esatL;
        D3 gche = beta * fgche1 / fgche2;
        D3 idl = gche * vdseff / (1 + gche * rds);
        D3 idsa = idl * (1 + diffVds / va);
        r.Ids = idsa * (1 + diffVds / vascbe);

        // Substrate current (eq. B.28).
        double alpha = p.Alpha0 + p.Alpha1 * p.Leff;
        if (alpha <= 0 || p.Beta0 <= 0) r.Isub = 0;
        else
        {
            double k = alpha / p.Leff;
            r.Isub = diffVds.V > p.Beta0 / ExpThreshold
                ? k * diffVds * D3.Exp(-p.Beta0 / diffVds) * idsa
                : k * MinExp * diffVds * idsa;
        }
        return r;
    }

    /// <summary>1 + x for x ≥ −0.5, continued smoothly and positively below (the manual's lt1/ltw guard).</summary>
    private static D3 SoftOnePlus(D3 x) => x.V >= -0.5 ? 1 + x : (1 + 3 * x) / (3 + 8 * x);

    /// <summary>θ(x) = e^x (1 + 2e^x) with the exponent floored at −34.</summary>
    private static D3 Theta(D3 x)
    {
        if (x.V > -ExpThreshold)
        {
            D3 e = D3.Exp(x);
            return e * (1 + 2 * e);
        }
        return MinExp * (1 + 2 * MinExp);
    }
}
