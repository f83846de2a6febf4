using static Perovspice.Devices.Bsim3.Bsim3Constants;

namespace Perovspice.Devices.Bsim3;

/// <summary>
/// The size- and temperature-dependent values of one BSIM3 instance (manual ch. 2 "effective channel length and
/// width", Appendix B "parameter binning" and ch. 8 "temperature dependence"): Leff/Weff, binned parameters at
/// Leff/Weff, the derived doping quantities (φs, Xdep0, vbi, litl, k1/k2 from γ1/γ2) and the temperature-scaled
/// mobility, saturation velocity, rds and junction values.
/// </summary>
public sealed class Bsim3Size
{
#pragma warning disable CS1591 // the fields carry the manual's parameter names, documented in Bsim3Parameters
    public double Leff, Weff, LeffCV, WeffCV;
    public double Cdsc, Cdscb, Cdscd, Cit, Nfactor, Xj, Vsat, At, A0, Ags, A1, A2, Keta, Nsub, Npeak, Ngate;
    public double Gamma1, Gamma2, Vbx, Vbm, Xt, K1, Kt1, Kt1l, Kt2, K2, K3, K3b, W0, Nlx;
    public double Dvt0, Dvt1, Dvt2, Dvt0w, Dvt1w, Dvt2w, Drout, Dsub, Vth0, Ua, Ub, Uc, U0, Ute, Voff, Delta;
    public double Rdsw, Prwg, Prwb, Prt, Eta0, Etab, Pclm, Pdibl1, Pdibl2, Pdiblb, Pscbe1, Pscbe2, Pvag, Wr;
    public double Dwg, Dwb, B0, B1, Alpha0, Alpha1, Beta0, Vfb, Cgsl, Cgdl, Ckappa, Cf, Clc, Cle, Vfbcv, Noff,
        Voffcv, Acde, Moin;
    // derived
    public double Phi, SqrtPhi, Phis3, Xdep0, SqrtXdep0, Litl, Vbi, Cdep0, Ldeb, K1ox, K2ox, Vbsc, Factor1;
    public double Theta0vb0, ThetaRout, U0Temp, VsatTemp, Rds0, AbulkCVfactor, Vfbzb;
    public double Cgso, Cgdo, Cgbo;
    public double Vtm, Vtm0, TempRatio, Temperature, Tox, Xpart;
    // junctions (temperature-scaled)
    public double JsTemp, JswTemp, CjTemp, CjswTemp, CjswgTemp, PbTemp, PbswTemp, PbswgTemp;
#pragma warning restore CS1591

    /// <summary>Computes the values for drawn length <paramref name="l"/>, width <paramref name="w"/> (m) at
    /// temperature <paramref name="temperature"/> (K).</summary>
    public Bsim3Size(Bsim3Model m, double l, double w, double temperature)
    {
        if (!(l > 0) || !(w > 0)) throw new ArgumentException("L and W must be > 0");
        double tnom = m.NominalTemperature, temp = temperature;
        Temperature = temp;
        TempRatio = temp / tnom;
        Vtm0 = KboQ * tnom;
        Vtm = KboQ * temp;
        double eg0 = 1.16 - 7.02e-4 * tnom * tnom / (tnom + 1108.0);
        double ni = 1.45e10 * (tnom / 300.15) * Math.Sqrt(tnom / 300.15) * Math.Exp(21.5565981 - eg0 / (2 * Vtm0));
        double cox = m.Cox, tox = m.Get("tox");
        Tox = tox;
        Xpart = m.Get("xpart");

        // Effective channel length and width (manual eqs. 2.1-2.4).
        double ldrn = l, wdrn = w;
        double t0 = Math.Pow(ldrn, m.Get("lln")), t1 = Math.Pow(wdrn, m.Get("lwn"));
        double dl = m.Get("lint") + m.Get("ll") / t0 + m.Get("lw") / t1 + m.Get("lwl") / (t0 * t1);
        double dlc = m.Get("dlc") + m.Get("llc") / t0 + m.Get("lwc") / t1 + m.Get("lwlc") / (t0 * t1);
        double t2 = Math.Pow(ldrn, m.Get("wln")), t3 = Math.Pow(wdrn, m.Get("wwn"));
        double dw = m.Get("wint") + m.Get("wl") / t2 + m.Get("ww") / t3 + m.Get("wwl") / (t2 * t3);
        double dwc = m.Get("dwc") + m.Get("wlc") / t2 + m.Get("wwc") / t3 + m.Get("wwlc") / (t2 * t3);
        Leff = l + m.Get("xl") - 2 * dl;
        Weff = w + m.Get("xw") - 2 * dw;
        LeffCV = l + m.Get("xl") - 2 * dlc;
        WeffCV = w + m.Get("xw") - 2 * dwc;
        if (!(Leff > 0)) throw new ArgumentException($"effective channel length {Leff:g4} m is not positive");
        if (!(Weff > 0)) throw new ArgumentException($"effective channel width {Weff:g4} m is not positive");
        if (!(LeffCV > 0) || !(WeffCV > 0))
            throw new ArgumentException("effective channel length or width for CV (dlc, dwc) is not positive");

        // Binning (manual Appendix B), in µm when binunit = 1.
        double invL, invW, invLW;
        if (m.Get("binunit") == 1)
        {
            invL = 1e-6 / Leff; invW = 1e-6 / Weff; invLW = 1e-12 / (Leff * Weff);
        }
        else
        {
            invL = 1 / Leff; invW = 1 / Weff; invLW = 1 / (Leff * Weff);
        }
        double B(string n) => m.Binned(n, invL, invW, invLW);
        Cdsc = B("cdsc"); Cdscb = B("cdscb"); Cdscd = B("cdscd"); Cit = B("cit"); Nfactor = B("nfactor");
        Xj = B("xj"); Vsat = B("vsat"); At = B("at"); A0 = B("a0"); Ags = B("ags"); A1 = B("a1"); A2 = B("a2");
        Keta = B("keta"); Nsub = B("nsub"); Npeak = B("nch"); Ngate = B("ngate"); Gamma1 = B("gamma1");
        Gamma2 = B("gamma2"); Vbx = B("vbx"); Vbm = B("vbm"); Xt = B("xt"); K1 = B("k1"); Kt1 = B("kt1");
        Kt1l = B("kt1l"); Kt2 = B("kt2"); K2 = B("k2"); K3 = B("k3"); K3b = B("k3b"); W0 = B("w0"); Nlx = B("nlx");
        Dvt0 = B("dvt0"); Dvt1 = B("dvt1"); Dvt2 = B("dvt2"); Dvt0w = B("dvt0w"); Dvt1w = B("dvt1w");
        Dvt2w = B("dvt2w"); Drout = B("drout"); Dsub = B("dsub"); Vth0 = B("vth0"); Ua = B("ua"); Ub = B("ub");
        Uc = B("uc"); U0 = B("u0"); Ute = B("ute"); Voff = B("voff"); Delta = B("delta"); Rdsw = B("rdsw");
        Prwg = B("prwg"); Prwb = B("prwb"); Prt = B("prt"); Eta0 = B("eta0"); Etab = B("etab"); Pclm = B("pclm");
        Pdibl1 = B("pdiblc1"); Pdibl2 = B("pdiblc2"); Pdiblb = B("pdiblcb"); Pscbe1 = B("pscbe1");
        Pscbe2 = B("pscbe2"); Pvag = B("pvag"); Wr = B("wr"); Dwg = B("dwg"); Dwb = B("dwb"); B0 = B("b0");
        B1 = B("b1"); Alpha0 = B("alpha0"); Alpha1 = B("alpha1"); Beta0 = B("beta0"); Vfb = B("vfb");
        Cgsl = B("cgsl"); Cgdl = B("cgdl"); Ckappa = B("ckappa"); Cf = B("cf"); Clc = B("clc"); Cle = B("cle");
        Vfbcv = B("vfbcv"); Noff = B("noff"); Voffcv = B("voffcv"); Acde = B("acde"); Moin = B("moin");
        double ua1 = B("ua1"), ub1 = B("ub1"), uc1 = B("uc1");

        AbulkCVfactor = 1 + Math.Pow(Clc / LeffCV, Cle);

        // Temperature (manual ch. 8).
        double dT = TempRatio - 1;
        Ua += ua1 * dT;
        Ub += ub1 * dT;
        Uc += uc1 * dT;
        if (U0 > 1) U0 /= 1e4; // given in cm²/(V·s)
        U0Temp = U0 * Math.Pow(TempRatio, Ute);
        VsatTemp = Vsat - At * dT;
        Rds0 = (Rdsw + Prt * dT) / Math.Pow(Weff * 1e6, Wr);
        if (!(U0Temp > 0)) throw new ArgumentException("mobility u0 at the device temperature must be > 0");
        if (!(VsatTemp > 0)) throw new ArgumentException("saturation velocity vsat − at·(T/Tnom − 1) must be > 0");

        Cgdo = (m.Get("cgdo") + Cf) * WeffCV;
        Cgso = (m.Get("cgso") + Cf) * WeffCV;
        Cgbo = m.Get("cgbo") * LeffCV;

        // Doping-derived quantities (manual ch. 2 and Appendix A notes).
        if (!m.Has("nch") && m.Has("gamma1"))
        {
            double g = Gamma1 * cox;
            Npeak = 3.021e22 * g * g;
        }
        if (Npeak > 1e20) Npeak *= 1e-6;
        if (Ngate > 1e23) Ngate *= 1e-6;
        if (!(Npeak > 0)) throw new ArgumentException("parameter 'nch' must be > 0");
        Phi = 2 * Vtm0 * Math.Log(Npeak / ni);
        if (!(Phi > 0)) throw new ArgumentException("surface potential 2·vt·ln(nch/ni) is not positive (nch too low)");
        SqrtPhi = Math.Sqrt(Phi);
        Phis3 = SqrtPhi * Phi;
        Xdep0 = Math.Sqrt(2 * EpsSi / (Q * Npeak * 1e6)) * SqrtPhi;
        SqrtXdep0 = Math.Sqrt(Xdep0);
        Litl = Math.Sqrt(3 * Xj * tox);
        Vbi = Vtm0 * Math.Log(1e20 * Npeak / (ni * ni));
        Cdep0 = Math.Sqrt(Q * EpsSi * Npeak * 1e6 / 2 / Phi);
        Ldeb = Math.Sqrt(EpsSi * Vtm0 / (Q * Npeak * 1e6)) / 3;
        Acde *= Math.Pow(Npeak / 2e16, -0.25);

        if (m.Has("k1") || m.Has("k2"))
        {
            // k1 and k2 default to 0.53 and −0.0186 when only one is given.
        }
        else
        {
            if (!m.Has("vbx")) Vbx = Phi - 7.7348e-4 * Npeak * Xt * Xt;
            if (Vbx > 0) Vbx = -Vbx;
            if (Vbm > 0) Vbm = -Vbm;
            if (!m.Has("gamma1")) Gamma1 = 5.753e-12 * Math.Sqrt(Npeak) / cox;
            if (!m.Has("gamma2")) Gamma2 = 5.753e-12 * Math.Sqrt(Nsub) / cox;
            double a = Gamma1 - Gamma2;
            double b = Math.Sqrt(Phi - Vbx) - SqrtPhi;
            double c = Math.Sqrt(Phi * (Phi - Vbm)) - Phi;
            K2 = a * b / (2 * c + Vbm);
            K1 = Gamma2 - 2 * K2 * Math.Sqrt(Phi - Vbm);
        }
        if (K2 < 0)
        {
            double a = 0.5 * K1 / K2;
            Vbsc = 0.9 * (Phi - a * a);
            if (Vbsc > -3) Vbsc = -3;
            else if (Vbsc < -30) Vbsc = -30;
        }
        else Vbsc = -30;
        if (Vbsc > Vbm) Vbsc = Vbm;

        // vth0 and vfb: either one gives the other; with neither, vfb = −1 V (its default) gives vth0.
        if (!m.Has("vth0"))
            Vth0 = m.Type * (Vfb + Phi + K1 * SqrtPhi);
        else if (!m.Has("vfb"))
            Vfb = m.Type * Vth0 - Phi - K1 * SqrtPhi;
        double toxm = m.Get("toxm");
        K1ox = K1 * tox / toxm;
        K2ox = K2 * tox / toxm;

        Factor1 = Math.Sqrt(EpsSi / EpsOx * tox);
        double lt = Math.Sqrt(EpsSi / EpsOx * tox * Xdep0);
        double e = Math.Exp(-0.5 * Dsub * Leff / lt);
        Theta0vb0 = e + 2 * e * e;
        e = Math.Exp(-0.5 * Drout * Leff / lt);
        ThetaRout = Pdibl1 * (e + 2 * e * e) + Pdibl2;

        // Flat-band voltage for the charge model: the threshold at vbs = vds = 0 less φs + k1·√φs.
        {
            double tmp2 = Factor1 * SqrtXdep0, v0 = Vbi - Phi;
            double a = -0.5 * Dvt1w * Weff * Leff / tmp2;
            double ex = a > -ExpThreshold ? Math.Exp(a) : MinExp;
            double dvtW = Dvt0w * ex * (1 + 2 * ex) * v0;
            a = -0.5 * Dvt1 * Leff / tmp2;
            ex = a > -ExpThreshold ? Math.Exp(a) : MinExp;
            double dvtL = Dvt0 * ex * (1 + 2 * ex) * v0;
            double narrow = tox * Phi / (Weff + W0);
            double lat = K1ox * (Math.Sqrt(1 + Nlx / Leff) - 1) * SqrtPhi + (Kt1 + Kt1l / Leff) * dT;
            double vth = m.Type * Vth0 - dvtW - dvtL + K3 * narrow + lat;
            Vfbzb = vth - Phi - K1 * SqrtPhi;
        }

        // Junctions (manual ch. 6 and 8).
        double eg = 1.16 - 7.02e-4 * temp * temp / (temp + 1108.0);
        double nj = m.Get("nj");
        double jt = temp == tnom ? 1
            : Math.Exp((eg0 / Vtm0 - eg / Vtm + m.Get("xti") * Math.Log(TempRatio)) / nj);
        JsTemp = m.Get("js") * jt;
        JswTemp = m.Get("jsw") * jt;
        double dTk = temp - tnom;
        CjTemp = m.Get("cj") * (1 + m.Get("tcj") * dTk);
        CjswTemp = m.Get("cjsw") * (1 + m.Get("tcjsw") * dTk);
        CjswgTemp = m.Get("cjswg") * (1 + m.Get("tcjswg") * dTk);
        PbTemp = Math.Max(m.Get("pb") - m.Get("tpb") * dTk, 0.01);
        PbswTemp = Math.Max(m.Get("pbsw") - m.Get("tpbsw") * dTk, 0.01);
        PbswgTemp = Math.Max(m.Get("pbswg") - m.Get("tpbswg") * dTk, 0.01);
    }
}
