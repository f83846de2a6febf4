using Perovspice.Devices.Bsim3;
using static Perovspice.Devices.Bsim4.Bsim4Constants;
using D3 = Perovspice.Devices.Bsim3.Dual3;

namespace Perovspice.Devices.Bsim4;

/// <summary>Bias-dependent quantities of one BSIM4 channel evaluation in the normal-mode frame (vds ≥ 0 after
/// source/drain interchange), with derivatives with respect to the type-frame vgs, vds, vbs of the instance.</summary>
public struct Bsim4Bias
{
#pragma warning disable CS1591 // names follow the BSIM4 manual
    public D3 Vbs, VgsEff, Vbseff, Phis, SqrtPhis, Xdep, Vth, N, Vgsteff, Abulk0, Abulk, Ueff, Vdsat, Vdseff, Coxeff;
    /// <summary>Channel current drain → source of the normal-mode frame, all fingers (A).</summary>
    public D3 Ids;
    /// <summary>Substrate (impact ionization) current from the mode-frame drain to the body, all fingers.</summary>
    public D3 Isub;
    /// <summary>Gate-to-channel tunneling current parts to the mode-frame source and drain, all fingers.</summary>
    public D3 Igcs, Igcd;
    /// <summary>Gate-to-body tunneling current, all fingers.</summary>
    public D3 Igb;
    /// <summary>The intrinsic-input conductance of the bias-dependent gate resistance (rgatemod 2, 3; manual eq.
    /// 4.4): xrcrg1·(xrcrg2·vt·β + Ids/Vdseff)·nf.</summary>
    public D3 Gcrg;
    /// <summary>Abulk before the keta body-bias factor (the value ngspice's noise model reads).</summary>
    public D3 AbulkNoKeta;
    /// <summary>The internal LDD resistance of rdsmod 0 (eq. 5.1; 0 with rdsmod 1), Ω.</summary>
    public D3 Rds;
    /// <summary>EsatL = 2vsat·Leff/μeff (after the velocity-overshoot factor when lambda is given), V.</summary>
    public D3 EsatL;
    /// <summary>Ids/Vdseff of all fingers (floored at 1e-9 per finger), the conductance the tnoimod 1 noise uses.</summary>
    public double IdovVds;
#pragma warning restore CS1591
}

/// <summary>
/// BSIM4.8 dc currents (manual ch. 2-7): threshold voltage with body effect, lateral non-uniform doping, short
/// channel (1/(2(cosh − 1)) shape), narrow width, DIBL and DITS (pocket) shifts; poly depletion; the unified
/// Vgsteff with minv/voffl; mobility (mobmod 0, 1, 2); bulk charge Abulk; velocity saturation with the internal
/// LDD resistance (rdsmod 0) and the charge-centroid Coxeff; Vdsat, Vdseff; output resistance (CLM with pocket
/// fprout, DIBL, DITS, SCBE, pvag); velocity overshoot (lambda) and source-end velocity limit (vtl); substrate
/// current; gate tunneling (igcmod 1/2: Igc split into Igcs/Igcd, Igs/Igd edge currents; igbmod 1: Igb in
/// accumulation and inversion); GIDL/GISL (gidlmod 0/1). Written on <see cref="Dual3"/>, so each quantity carries
/// its exact derivatives.
/// </summary>
public static class Bsim4Dc
{
    private const double Delta3 = 0.02;

    /// <summary>Evaluates the channel at normal-mode biases (the caller interchanges source and drain for vds &lt; 0).
    /// <paramref name="vgsEffMode"/> is the poly-depleted gate voltage of the mode frame.</summary>
    public static Bsim4Bias Evaluate(Bsim4Model m, Bsim4Size p, D3 vgsEffMode, D3 vds, D3 vbs)
    {
        var r = new Bsim4Bias { VgsEff = vgsEffMode, Vbs = vbs };
        double toxe = p.Toxe, coxe = m.Coxe, vtm = p.Vtm, epssub = EpsSi, leff = p.Leff;

        // Effective body bias (manual eq. 2.9) and the forward-bias limit at 0.95·φs.
        D3 t0 = vbs - p.Vbsc - 0.001;
        D3 t1 = D3.Sqrt(t0 * t0 - 0.004 * p.Vbsc);
        D3 vbseff = t0.V >= 0 ? p.Vbsc + 0.5 * (t0 + t1) : p.Vbsc * (1 + (-0.002 / (t1 - t0)));
        double t9 = 0.95 * p.Phi;
        t0 = t9 - vbseff - 0.001;
        t1 = D3.Sqrt(t0 * t0 + 0.004 * t9);
        vbseff = t9 - 0.5 * (t0 + t1);
        r.Vbseff = vbseff;
        D3 phis = p.Phi - vbseff, sqrtPhis = D3.Sqrt(phis);
        r.Phis = phis;
        r.SqrtPhis = sqrtPhis;
        D3 xdep = p.Xdep0 * sqrtPhis / p.SqrtPhi;
        r.Xdep = xdep;

        // Threshold voltage (manual eqs. 2.5-2.24).
        D3 sqrtXdep = D3.Sqrt(xdep);
        double v0 = p.Vbi - p.Phi;
        D3 lt1 = p.Factor1 * sqrtXdep * SoftOnePlus(p.Dvt2 * vbseff);
        D3 ltw = p.Factor1 * sqrtXdep * SoftOnePlus(p.Dvt2w * vbseff);
        D3 theta0 = CoshTheta(p.Dvt1 * leff / lt1);
        D3 deltVth = p.Dvt0 * theta0 * v0;
        D3 deltVthW = p.Dvt0w * CoshTheta(p.Dvt1w * p.Weff * leff / ltw) * v0;
        double tempRatio = p.TRatio - 1;
        D3 lateral = p.K1ox * (Math.Sqrt(1 + p.Lpe0 / leff) - 1) * p.SqrtPhi
            + (p.Kt1 + p.Kt1l / leff + p.Kt2 * vbseff) * tempRatio;
        double narrowW = toxe * p.Phi / (p.Weff + p.W0);
        D3 eta = p.Eta0 + p.Etab * vbseff;
        if (eta.V < 1e-4) eta = (2e-4 - eta) / (3 - 2e4 * eta);
        D3 diblSft = eta * p.Theta0vb0 * vds;
        double lpeVb = Math.Sqrt(1 + p.Lpeb / leff);
        D3 vth = m.Type * p.Vth0 + (p.K1ox * sqrtPhis - p.K1 * p.SqrtPhi) * lpeVb - p.K2ox * vbseff - deltVth
            - deltVthW + (p.K3 + p.K3b * vbseff) * narrowW + lateral - diblSft;

        // Subthreshold swing factor n (eq. 4.3).
        D3 tmp1 = epssub / xdep;
        D3 tmp2 = p.Nfactor * tmp1;
        D3 tmp3 = p.Cdsc + p.Cdscb * vbseff + p.Cdscd * vds;
        D3 tmp4 = (tmp2 + tmp3 * theta0 + p.Cit) / coxe;
        D3 n = tmp4.V >= -0.5 ? 1 + tmp4 : (1 + 3 * tmp4) / (3 + 8 * tmp4);
        r.N = n;

        // Drain-induced threshold shift of the pocket implant (DITS, eq. 2.22) and its BSIM4.7 extension.
        if (p.Dvtp0 > 0)
        {
            D3 a = -p.Dvtp1 * vds;
            D3 e = a.V < -ExpThreshold ? (D3)MinExp : D3.Exp(a);
            D3 t3 = leff + p.Dvtp0 * (1 + e);
            vth -= n * ((m.Get("tempmod") < 2 ? vtm : p.Vtm0) * D3.Log(leff / t3));
        }
        if (p.Dvtp4 != 0 && p.Dvtp2Factor != 0)
        {
            D3 e = DexpD(2 * p.Dvtp4 * vds);
            vth -= p.Dvtp2Factor * (e - 1) / (e + 1);
        }
        r.Vth = vth;

        // Unified Vgsteff (eq. 3.1) with minv (m*) and voffl.
        D3 vgst = vgsEffMode - vth;
        D3 nvt = n * vtm;
        D3 a10 = p.Mstar * vgst / nvt, t10;
        if (a10.V > ExpThreshold) t10 = p.Mstar * vgst;
        else if (a10.V < -ExpThreshold) t10 = vtm * Math.Log(1 + MinExp) * n;
        else t10 = n * (vtm * D3.Log(1 + D3.Exp(a10)));
        D3 a9 = (p.Voffcbn - (1 - p.Mstar) * vgst) / nvt, t9d;
        if (a9.V < -ExpThreshold) t9d = p.Mstar + coxe * MinExp / p.Cdep0 * n;
        else if (a9.V > ExpThreshold) t9d = p.Mstar + coxe * MaxExp / p.Cdep0 * n;
        else t9d = p.Mstar + n * (coxe / p.Cdep0 * D3.Exp(a9));
        D3 vgsteff = t10 / t9d;
        r.Vgsteff = vgsteff;

        // Bias-dependent width and the internal LDD resistance (rdsmod 0, eq. 5.1).
        D3 sq = sqrtPhis - p.SqrtPhi;
        D3 weff = p.Weff - 2 * (p.Dwg * vgsteff + p.Dwb * sq);
        if (weff.V < 2e-8) weff = 2e-8 * (4e-8 - weff) / (6e-8 - 2 * weff);
        D3 rds = 0;
        if (m.Get("rdsmod") == 0)
        {
            D3 a = 1 / (1 + p.Prwg * vgsteff) + p.Prwb * sq;
            D3 t3 = a + D3.Sqrt(a * a + 0.01);
            rds = p.RdswMin + t3 * (p.Rds0 * 0.5);
        }
        r.Rds = rds;

        // Abulk (eq. 3.11).
        D3 k1h = 0.5 * p.K1ox * lpeVb / sqrtPhis;
        D3 ta = k1h + p.K2ox - p.K3b * narrowW;
        D3 sxj = D3.Sqrt(p.Xj * xdep);
        D3 t5 = leff / (leff + 2 * sxj);
        D3 t2 = p.A0 * t5 + p.B0 / (p.Weff + p.B1);
        D3 abulk0 = 1 + ta * t2;
        D3 abulk = abulk0 - ta * (p.Ags * p.A0 * t5 * t5 * t5) * vgsteff;
        if (abulk0.V < 0.1) abulk0 = (0.2 - abulk0) / (3 - 20 * abulk0);
        if (abulk.V < 0.1) abulk = (0.2 - abulk) / (3 - 20 * abulk);
        r.AbulkNoKeta = abulk;
        D3 kb = p.Keta * vbseff;
        D3 kf = kb.V >= -0.9 ? 1 / (1 + kb) : (17 + 20 * kb) / (0.8 + kb);
        abulk *= kf;
        abulk0 *= kf;
        r.Abulk = abulk;
        r.Abulk0 = abulk0;

        // Mobility (eqs. 6.1-6.3): mobmod 0, 1 and 2 with the Coulomb-scattering term ud.
        D3 coul, t5m;
        bool v45 = m.Generation == 45;
        if (v45)
        {
            // BSIM4.5: ud·(toxe·vth/(Vgsteff + 2vth))² (mobmod 0, 1), ud·vth²·toxe⁴/(Vgsteff + vtfbphi1)² (mobmod 2)
            D3 x = m.MobilityModel == 2 ? (vgsteff + p.Vtfbphi1) / (toxe * toxe) : (vgsteff + 2 * vth) / toxe;
            coul = p.Ud / (x * x) * vth * vth;
        }
        else
        {
            D3 t12 = D3.Sqrt(vth * vth + 0.0001);
            D3 tu = toxe / (vgsteff + 2 * t12);
            coul = p.Ud * tu * tu * vth * vth;
        }
        if (m.MobilityModel == 0)
        {
            D3 e = (vgsteff + vth + vth) / toxe;
            t5m = e * (p.Ua + p.Uc * vbseff + p.Ub * e) + coul;
        }
        else if (m.MobilityModel == 1)
        {
            D3 e = (vgsteff + vth + vth) / toxe;
            t5m = e * (p.Ua + p.Ub * e) * (1 + p.Uc * vbseff) + coul;
        }
        else if (m.MobilityModel == 2)
        {
            D3 e = (vgsteff + p.Vtfbphi1) / toxe;
            t5m = D3.Exp(p.Eu * D3.Log(e)) * (p.Ua + p.Uc * vbseff) + coul;
        }
        else
        {
            // mobmod 3 (BSIM4.6 on, high-k): universal term in MV/cm of the effective field (Vgsteff + vtfbphi1)/(6toxe)
            // and the Coulomb term ud/(½ + ½Vgsteff/VgsteffVth)^ucs
            D3 e = (vgsteff + p.Vtfbphi1) * 1e-8 / toxe / 6.0;
            t5m = D3.Exp(p.Eu * D3.Log(e)) * (p.Ua + p.Uc * vbseff)
                + p.Ud / D3.Exp(p.Ucs * D3.Log(0.5 + 0.5 * vgsteff / p.VgsteffVth));
        }
        D3 denomi = t5m.V >= -0.8 ? 1 + t5m : (0.6 + t5m) / (7 + 10 * t5m);
        D3 ueff = p.U0Temp / denomi;
        r.Ueff = ueff;

        // Saturation voltage (eqs. 7.1-7.7).
        D3 wvCox = weff * p.VsatTemp * coxe;
        D3 wvCoxRds = wvCox * rds;
        D3 esat = 2 * p.VsatTemp / ueff;
        D3 esatL = esat * leff;
        D3 lambda = BsimCommon.Lambda(vgsteff, p.A1, p.A2);
        D3 vgst2Vtm = vgsteff + 2 * vtm;
        D3 vdsat;
        if (rds.V == 0 && lambda.V == 1)
            vdsat = esatL * vgst2Vtm / (abulk * esatL + vgst2Vtm);
        else
        {
            D3 a9r = abulk * wvCoxRds;
            D3 t7 = vgst2Vtm * a9r;
            D3 t6 = vgst2Vtm * wvCoxRds;
            D3 qa = 2 * abulk * (a9r - 1 + 1 / lambda);
            D3 qb = vgst2Vtm * (2 / lambda - 1) + abulk * esatL + 3 * t7;
            D3 qc = vgst2Vtm * (esatL + 2 * t6);
            vdsat = (qb - D3.Sqrt(qb * qb - 2 * qa * qc)) / qa;
        }
        r.Vdsat = vdsat;

        // Effective vds (eq. 7.8).
        D3 u = vdsat - vds - p.Delta;
        D3 s = D3.Sqrt(u * u + 4 * p.Delta * vdsat);
        D3 vdseff = u.V >= 0 ? vdsat - 0.5 * (u + s) : vdsat * (1 - 2 * p.Delta / (s - u));
        if (vds.V == 0) vdseff = new D3(0, 0, vdseff.D, 0);
        if (vdseff.V > vds.V) vdseff = new D3(vds.V, vdseff.G, vdseff.D, vdseff.B);
        D3 diffVds = vds - vdseff;
        r.Vdseff = vdseff;

        // Velocity overshoot (eq. 7.13), only when lambda is given.
        if (m.Has("lambda") && m.Get("lambda") > 0)
        {
            D3 a2 = p.Lambda / (leff * ueff);
            D3 a5 = 1 / (esat * p.Litl);
            D3 a6 = 1 + diffVds * a5;
            D3 a8 = 1 - 2 / (a6 * a6 + 1);
            D3 a10o = 1 + a2 * a8;
            esatL *= a10o;
            esat = esatL / leff;
        }

        // Vasat (eq. 7.10).
        D3 vtmp4 = 1 - 0.5 * abulk * vdsat / vgst2Vtm;
        D3 vasat = (esatL + vdsat + 2 * wvCoxRds * vgsteff * vtmp4) / (2 / lambda - 1 + wvCoxRds * abulk);

        // Linear current with the charge-centroid oxide capacitance (eqs. 4.6, 7.9).
        D3 tcx = (vgsteff + p.Vtfbphi2) / (2e8 * p.Toxp);
        D3 tcen = m.Get("ados") * 1.9e-9 / (1 + D3.Exp(m.Get("bdos") * 0.7 * D3.Log(tcx)));
        D3 coxeff = epssub * m.Coxp / (epssub + m.Coxp * tcen);
        r.Coxeff = coxeff;
        D3 beta = ueff * coxeff * weff / leff;
        D3 fgche1 = vgsteff * (1 - 0.5 * vdseff * abulk / vgst2Vtm);
        D3 fgche2 = 1 + vdseff / esatL;
        D3 gche = beta * fgche1 / fgche2;
        D3 idl = gche / (1 + gche * rds);

        // Output resistance (eqs. 8.1-8.14).
        D3 fp = p.Fprout <= 0 ? (D3)1 : 1 / (1 + p.Fprout * Math.Sqrt(leff) / vgst2Vtm);
        D3 t9p = p.Pvag / esatL * vgsteff;
        D3 pvagTerm = t9p.V > -0.9 ? 1 + t9p : (0.8 + t9p) / (17 + 20 * t9p);
        D3 cclm, vaclm;
        if (p.Pclm > MinExp && diffVds.V > 1e-10)
        {
            cclm = fp * pvagTerm * (1 + rds * idl) * (leff + vdsat / esat) / (p.Pclm * p.Litl);
            vaclm = cclm * diffVds;
        }
        else cclm = vaclm = MaxExp;
        D3 vadibl;
        if (p.ThetaRout > MinExp)
        {
            D3 t8 = abulk * vdsat;
            vadibl = (vgst2Vtm - vgst2Vtm * t8 / (vgst2Vtm + t8)) / p.ThetaRout;
            D3 t7 = p.Pdiblb * vbseff;
            vadibl = t7.V >= -0.9 ? vadibl / (1 + t7) : vadibl * (17 + 20 * t7) / (0.8 + t7);
            vadibl *= pvagTerm;
        }
        else vadibl = MaxExp;
        D3 va = vasat + vaclm;
        D3 ed = p.Pditsd * vds;
        D3 e1 = ed.V > ExpThreshold ? (D3)MaxExp : D3.Exp(ed);
        D3 vadits = p.Pdits > MinExp ? (1 + (1 + m.Get("pditsl") * leff) * e1) / p.Pdits * fp : (D3)MaxExp;
        D3 vascbe;
        if (p.Pscbe2 > 0 && p.Pscbe1 >= 0)
            vascbe = diffVds.V > p.Pscbe1 * p.Litl / ExpThreshold
                ? leff * D3.Exp(p.Pscbe1 * p.Litl / diffVds) / p.Pscbe2
                : (D3)(MaxExp * leff / p.Pscbe2);
        else vascbe = MaxExp;
        D3 idsa = idl * (1 + diffVds / vadibl);
        idsa *= 1 + diffVds / vadits;
        idsa *= 1 + D3.Log(va / vasat) / cclm;

        // Substrate current (eq. 9.1).
        double alpha = p.Alpha0 + p.Alpha1 * leff;
        D3 isub = 0;
        if (alpha > 0 && p.Beta0 > 0)
        {
            double k = alpha / leff;
            D3 t1s = diffVds.V > p.Beta0 / ExpThreshold ? k * diffVds * D3.Exp(-p.Beta0 / diffVds)
                : k * MinExp * diffVds;
            isub = t1s * idsa * vdseff;
        }

        D3 ids = idsa * (1 + diffVds / vascbe);
        D3 cdrain = ids * vdseff;
        r.IdovVds = p.NF * Math.Max(ids.V, 1e-9);
        r.EsatL = esatL;
        r.Gcrg = p.NF * (p.Xrcrg1 * (p.Xrcrg2 * vtm * beta + ids));

        // Source-end velocity limit (eq. 7.15), only when vtl is given.
        if (m.Has("vtl") && m.Get("vtl") > 0)
        {
            D3 vs = cdrain / (leff * (coxeff * weff / leff)) / vgsteff;
            D3 x = vs / (p.Vtl * p.Tfactor);
            if (x.V > 0)
            {
                const double mm = 3;
                D3 t2v = 1 + D3.Exp(2 * mm * D3.Log(x));
                cdrain *= 1 / D3.Exp(D3.Log(t2v) / (2 * mm));
            }
        }

        // Gate tunneling (manual ch. 5).
        GateTunneling(m, p, ref r, vgsEffMode, vbseff, vgsteff, vdseff, vth);

        r.Ids = p.NF * cdrain;
        r.Isub = p.NF * isub;
        r.Igcs *= p.NF;
        r.Igcd *= p.NF;
        r.Igb *= p.NF;
        return r;
    }

    private static void GateTunneling(Bsim4Model m, Bsim4Size p, ref Bsim4Bias r, D3 vgsEff, D3 vbseff, D3 vgsteff,
        D3 vdseff, D3 vth)
    {
        bool igc = m.Get("igcmod") != 0, igb = m.Get("igbmod") != 0;
        if (!igc && !igb) return;
        double vfb = p.Vfbzb;
        D3 v3 = vfb - vgsEff + vbseff - Delta3;
        D3 s = vfb <= 0 ? D3.Sqrt(v3 * v3 - 4 * Delta3 * vfb) : D3.Sqrt(v3 * v3 + 4 * Delta3 * vfb);
        D3 vfbeff = vfb - 0.5 * (v3 + s);
        D3 voxacc = vfb - vfbeff;
        if (voxacc.V < 0) voxacc = 0;
        double k = 0.5 * p.K1ox;
        D3 t3 = vgsEff - vfbeff - vbseff - vgsteff;
        D3 voxdepinv = p.K1ox == 0 ? 0 : t3.V < 0 ? -t3 : p.K1ox * (D3.Sqrt(k * k + t3) - k);
        voxdepinv += vgsteff;
        double vt = m.Get("tempmod") < 2 ? p.Vtm : p.Vtm0;

        if (igc)
        {
            double t0 = vt * p.Nigc;
            D3 vx = m.Get("igcmod") == 1 ? vgsEff - m.Type * p.Vth0 : vgsEff - vth;
            D3 vaux = SoftPlus(vx, t0);
            D3 t2 = vgsEff * vaux;
            double a3 = p.Aigc * p.Cigc - p.Bigc, a4 = p.Bigc * p.Cigc;
            D3 t6 = ClampedExp(p.Bechvb * (p.Aigc + a3 * voxdepinv - a4 * voxdepinv * voxdepinv));
            D3 igcv = p.Aechvb * t2 * t6;
            D3 pigcd;
            if (m.Has("pigcd")) pigcd = p.Pigcd;
            else
            {
                // BSIM4.7 and later: B·toxe/Vgsteff²; BSIM4.5 and 4.6: −B·toxe² (their Bechvb·toxe)
                D3 t12 = vgsteff + 1e-20;
                double t11 = m.Generation >= 47 ? -p.Bechvb : p.Bechvb * p.Toxe;
                pigcd = t11 / (t12 * t12) * (1 - 0.5 * vdseff / t12);
            }
            D3 t7 = -pigcd * vdseff;
            D3 t8 = t7 * t7 + 2e-4;
            D3 t9 = ClampedExp(t7);
            r.Igcs = igcv * ((t9 - 1 + 1e-4 - t7) / t8);
            r.Igcd = igcv * ((t7 * t9 - (t9 - 1 - 1e-4)) / t8);
        }

        if (igb)
        {
            double t0 = vt * p.Nigbacc;
            D3 vaux = SoftPlus(-vgsEff + vbseff + vfb, t0);
            D3 t2 = (vgsEff - vbseff) * vaux;
            double t11 = 4.97232e-7 * p.Weff * p.Leff * p.ToxRatio, t12 = -7.45669e11 * p.Toxe;
            double a3 = p.Aigbacc * p.Cigbacc - p.Bigbacc, a4 = p.Bigbacc * p.Cigbacc;
            D3 t6 = ClampedExp(t12 * (p.Aigbacc + a3 * voxacc - a4 * voxacc * voxacc));
            D3 igbacc = t11 * t2 * t6;
            t0 = vt * p.Nigbinv;
            vaux = SoftPlus(voxdepinv - p.Eigbinv, t0);
            t2 = (vgsEff - vbseff) * vaux;
            t11 *= 0.75610;
            t12 *= 1.31724;
            a3 = p.Aigbinv * p.Cigbinv - p.Bigbinv;
            a4 = p.Bigbinv * p.Cigbinv;
            t6 = ClampedExp(t12 * (p.Aigbinv + a3 * voxdepinv - a4 * voxdepinv * voxdepinv));
            r.Igb = igbacc + t11 * t2 * t6;
        }
    }

    /// <summary>The gate–source (<paramref name="source"/>) or gate–drain edge tunneling current Igs/Igd at the
    /// physical gate-to-diffusion voltage <paramref name="vgx"/> (manual eq. 5.12), all fingers.</summary>
    public static D3 EdgeTunneling(Bsim4Model m, Bsim4Size p, D3 vgx, bool source)
    {
        if (m.Get("igcmod") == 0) return 0;
        D3 t0 = vgx - (p.Vfbsd + p.Vfbsdoff);
        D3 veff = D3.Sqrt(t0 * t0 + 1e-4);
        D3 t2 = vgx * veff;
        double a = source ? p.Aigs : p.Aigd, b = source ? p.Bigs : p.Bigd, c = source ? p.Cigs : p.Cigd;
        double a3 = a * c - b, a4 = b * c;
        D3 t6 = ClampedExp(p.BechvbEdge * (a + a3 * veff - a4 * veff * veff));
        return p.NF * ((source ? p.AechvbEdgeS : p.AechvbEdgeD) * t2 * t6);
    }

    /// <summary>GIDL (<paramref name="drain"/>: <paramref name="vxs"/> = vds, <paramref name="vgEff"/> = vgs_eff,
    /// <paramref name="vbx"/> = vbd) or GISL (−vds, vgd_eff, vbs) current from the diffusion into the body (manual
    /// ch. 9.2), all fingers.</summary>
    public static D3 Gidl(Bsim4Model m, Bsim4Size p, D3 vxs, D3 vgEff, D3 vbx, bool drain)
    {
        double a = drain ? p.Agidl : p.Agisl, b = drain ? p.Bgidl : p.Bgisl, c = drain ? p.Cgidl : p.Cgisl;
        double e = drain ? p.Egidl : p.Egisl;
        double t0 = 3 * p.Toxe;
        D3 i;
        if (m.Get("gidlmod") == 0)
        {
            D3 t1 = (vxs - vgEff - e) / t0;
            if (a <= 0 || b <= 0 || t1.V <= 0 || c <= 0 || vbx.V > 0) return 0;
            D3 t2 = b / t1;
            i = t2.V < 100 ? a * p.WeffCJ * t1 * D3.Exp(-t2) : a * p.WeffCJ * MinExpl * t1;
            D3 t5 = -vbx * vbx * vbx;
            i *= t5 / (c + t5);
        }
        else
        {
            double rg = drain ? p.Rgidl : p.Rgisl, kg = drain ? p.Kgidl : p.Kgisl, fg = drain ? p.Fgidl : p.Fgisl;
            D3 t1 = (vxs - rg * vgEff - e) / t0;
            if (a <= 0 || b <= 0 || t1.V <= 0 || c < 0) return 0;
            D3 t2 = b / t1;
            i = t2.V < ExplThreshold ? p.WeffCJ * a * t1 * D3.Exp(-t2) : p.WeffCJ * a * MinExpl * t1;
            D3 t4 = vbx - fg;
            D3 t5 = t4.V == 0 ? (D3)ExplThreshold : kg / t4;
            i *= t5.V < ExplThreshold ? D3.Exp(t5) : (D3)MaxExpl;
        }
        return p.NF * i;
    }

    /// <summary>The poly-depleted gate voltage (manual eq. 2.27) for the gate bias <paramref name="vgs"/>.</summary>
    public static D3 PolyDepletion(Bsim4Model m, Bsim4Size p, D3 vgs)
    {
        double phi = p.Vfb0 + p.Phi, ngate = p.Ngate;
        if (ngate > 1e18 && ngate < 1e25 && vgs.V > phi)
        {
            double t1 = 1e6 * Q * EpsSi * ngate / (m.Coxe * m.Coxe);
            D3 t8 = vgs - phi;
            D3 t4 = D3.Sqrt(1 + 2 * t8 / t1);
            D3 t2 = 2 * t8 / (t4 + 1);
            D3 t3 = 0.5 * t2 * t2 / t1;
            D3 t7 = 1.12 - t3 - 0.05;
            D3 t6 = D3.Sqrt(t7 * t7 + 0.224);
            return vgs - (1.12 - 0.5 * (t7 + t6));
        }
        return vgs;
    }

    private static D3 SoftOnePlus(D3 x) => x.V >= -0.5 ? 1 + x : (1 + 3 * x) / (3 + 8 * x);

    private static D3 CoshTheta(D3 x)
    {
        if (x.V < ExpThreshold)
        {
            D3 e = D3.Exp(x), d = e - 1;
            return e / (d * d + 2 * MinExp * e);
        }
        return 1 / (MaxExp - 2);
    }

    private static D3 DexpD(D3 a)
    {
        if (a.V > ExpThreshold) return MaxExp * (1 + a - ExpThreshold);
        if (a.V < -ExpThreshold) return MinExp;
        return D3.Exp(a);
    }

    private static D3 ClampedExp(D3 a) =>
        a.V > ExpThreshold ? (D3)MaxExp : a.V < -ExpThreshold ? (D3)MinExp : D3.Exp(a);

    /// <summary>t0·ln(1 + e^(x/t0)) with the reference's branches at ±34.</summary>
    private static D3 SoftPlus(D3 x, double t0)
    {
        D3 v = x / t0;
        if (v.V > ExpThreshold) return x;
        if (v.V < -ExpThreshold) return t0 * Math.Log(1 + MinExp);
        return t0 * D3.Log(1 + D3.Exp(v));
    }
}
