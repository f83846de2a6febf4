using static Perovspice.Devices.Bsim4.Bsim4Constants;

namespace Perovspice.Devices.Bsim4;

/// <summary>
/// The size-, layout- and temperature-dependent values of one BSIM4 instance (manual ch. 2 "effective channel
/// length and width", ch. 10 "temperature dependence", ch. 13 "stress effect", ch. 14 "well proximity effect",
/// Appendix B "parameter binning"): Leff/Weff per finger (W/nf), binned parameters, doping-derived quantities (φs,
/// Xdep0, vbi, k1/k2 from γ1/γ2, vfb/vth0), temperature-scaled mobility, saturation velocity and LDD resistance,
/// the LOD stress and WPE shifts of vth0/k2/eta0/u0/vsat, gate tunneling prefactors, and the instance's
/// source/drain areas and perimeters (given or from nf/geomod, ch. 11), diffusion and gate resistances.
/// </summary>
public sealed class Bsim4Size
{
#pragma warning disable CS1591 // the fields carry the manual's parameter names, documented in Bsim4Parameters
    public double Leff, Weff, LeffCV, WeffCV, WeffCJ, NF, Lnew;
    // binned
    public double Cdsc, Cdscb, Cdscd, Cit, Nfactor, Xj, Vsat, At, A0, Ags, A1, A2, Keta, Nsub, Ndep, Nsd, Phin,
        Ngate, Gamma1, Gamma2, Vbx, Vbm, Xt, Vfb, K1, Kt1, Kt1l, K2, Kt2, K3, K3b, W0, Dvtp0, Dvtp1, Dvtp2, Dvtp3,
        Dvtp4, Dvtp5, Lpe0, Lpeb, Dvt0, Dvt1, Dvt2, Dvt0w, Dvt1w, Dvt2w, Drout, Dsub, Vth0Bin, Ua, Ua1, Ub, Ub1, Uc,
        Uc1, Ud, Ud1, Up, Lp, U0, Eu, Ucs, Ute, Ucste, Voff, Tvoff, Tnfactor, Teta0, Tvoffcv, Minv, Minvcv, Fprout,
        Pdits, Pditsd, Delta, Rdsw, Rdw, Rsw, Prwg, Prwb, Prt, Eta0Bin, Etab, Pclm, Pdibl1, Pdibl2, Pdiblb, Pscbe1,
        Pscbe2, Pvag, Wr, Dwg, Dwb, B0, B1, Alpha0, Alpha1, Beta0, Agidl, Bgidl, Cgidl, Egidl, Rgidl, Kgidl, Fgidl,
        Agisl, Bgisl, Cgisl, Egisl, Rgisl, Kgisl, Fgisl, Aigc, Bigc, Cigc, Aigs, Bigs, Cigs, Aigd, Bigd, Cigd, Aigbacc,
        Bigbacc, Cigbacc, Aigbinv, Bigbinv, Cigbinv, Nigc, Nigbinv, Nigbacc, Ntox, Eigbinv, Pigcd, Poxedge, Xrcrg1,
        Xrcrg2, Lambda, Vtl, Xn, Vfbsdoff, Tvfbsdoff, Cgsl, Cgdl, Ckappas, Ckappad, Cf, Clc, Cle, Vfbcv, Acde, Moin,
        Noff, Voffcv, Kvth0we, K2we, Ku0we;
    // derived (size and temperature)
    public double Phi, SqrtPhi, Phis3, Xdep0, SqrtXdep0, Litl, Vbi, Vfbsd, Cdep0, ToxRatio, ToxRatioEdge, Aechvb,
        Bechvb, AechvbEdgeS, AechvbEdgeD, BechvbEdge, Mstar, Mstarcv, Voffcbn, Voffcbncv, Ldeb, K1ox, Theta0vb0,
        ThetaRout, VfbzbFactor, AbulkCVfactor, U0Temp0, VsatTemp0, Rds0, RdswMin, Rd0, RdwMin, Rs0, RswMin, Tfactor,
        Dvtp2Factor, Cgso, Cgdo, Cgbo;
    /// <summary>Vgsteff at vgs = Vth, vbs = vds = 0 (mobmod 3's Coulomb term: n·vt·ln 2/(m* + n·Coxe/Cdep0·e^(voffcbn/(n·vt)))).</summary>
    public double VgsteffVth;
    // instance (after stress, WPE and delvto)
    public double Vth0, Vfb0, Eta0, K2i, K2ox, U0Temp, VsatTemp, Vbsc, Vfbzb, Vtfbphi1, Vtfbphi2;
    public double Vtm, Vtm0, TRatio, Temperature, Tnom, Toxe, Toxp, Factor1, Eg0;
    // junctions and parasitics
    public double Aseff, Adeff, Pseff, Pdeff, SourceConductance, DrainConductance, GateConductance;
    public double JssT, JswsT, JswgsT, JsdT, JswdT, JswgdT;
    public double NjtsT, NjtsswT, NjtsswgT, NjtsdT, NjtsswdT, NjtsswgdT;
    public double SjctRevSat, DjctRevSat, SswRevSat, DswRevSat, SswgRevSat, DswgRevSat;
    public double Grbdb, Grbsb, Grbpb, Grbps, Grbpd;
#pragma warning restore CS1591

    /// <summary>Computes the values of model <paramref name="m"/> for instance geometry <paramref name="g"/> at
    /// <paramref name="temperature"/> (K).</summary>
    public Bsim4Size(Bsim4Model m, Bsim4Geometry g, double temperature)
    {
        if (!(g.L > 0) || !(g.W > 0)) throw new ArgumentException("L and W must be > 0");
        if (!(g.NF >= 1)) throw new ArgumentException("nf must be ≥ 1");
        double type = m.Type;
        double tnom = m.NominalTemperature, temp = temperature;
        Tnom = tnom;
        Temperature = temp;
        TRatio = temp / tnom;
        double delTemp = temp - tnom;
        NF = g.NF;
        double toxe = m.Get("toxe"), epsrox = m.Get("epsrox"), epssub = EpsSi, coxe = m.Coxe;
        Toxe = toxe;
        Toxp = m.Get("toxp");
        Factor1 = Math.Sqrt(epssub / (epsrox * Eps0) * toxe);
        Vtm0 = KboQ * tnom;
        Vtm = KboQ * temp;
        double eg0 = 1.16 - 7.02e-4 * tnom * tnom / (tnom + 1108.0);
        Eg0 = eg0;
        double ni = 1.45e10 * (tnom / 300.15) * Math.Sqrt(tnom / 300.15) * Math.Exp(21.5565981 - eg0 / (2 * Vtm0));
        double eg = 1.16 - 7.02e-4 * temp * temp / (temp + 1108.0);

        // Effective channel length and width per finger (manual eqs. 2.1-2.4).
        double lnew = g.L + m.Get("xl"), wnew = g.W / g.NF + m.Get("xw");
        Lnew = lnew;
        double t0 = Math.Pow(lnew, m.Get("lln")), t1 = Math.Pow(wnew, m.Get("lwn"));
        double dl = m.Get("lint") + m.Get("ll") / t0 + m.Get("lw") / t1 + m.Get("lwl") / (t0 * t1);
        double dlc = m.Get("dlc") + m.Get("llc") / t0 + m.Get("lwc") / t1 + m.Get("lwlc") / (t0 * t1);
        double t2 = Math.Pow(lnew, m.Get("wln")), t3 = Math.Pow(wnew, m.Get("wwn"));
        double dw = m.Get("wint") + m.Get("wl") / t2 + m.Get("ww") / t3 + m.Get("wwl") / (t2 * t3);
        double tmp2 = m.Get("wlc") / t2 + m.Get("wwc") / t3 + m.Get("wwlc") / (t2 * t3);
        double dwc = m.Get("dwc") + tmp2, dwj = m.Get("dwj") + tmp2;
        Leff = lnew - 2 * dl;
        Weff = wnew - 2 * dw;
        LeffCV = lnew - 2 * dlc;
        WeffCV = wnew - 2 * dwc;
        WeffCJ = wnew - 2 * dwj;
        if (!(Leff > 0)) throw new ArgumentException($"effective channel length {Leff:g4} m is not positive");
        if (!(Weff > 0)) throw new ArgumentException($"effective channel width {Weff:g4} m is not positive");
        if (!(LeffCV > 0) || !(WeffCV > 0)) throw new ArgumentException("effective channel length or width for C-V is not positive");
        if (!(WeffCJ > 0)) throw new ArgumentException("effective width of the source/drain junctions is not positive");

        // Binning (Appendix B).
        double invL, invW, invLW;
        if (m.Get("binunit") == 1) { invL = 1e-6 / Leff; invW = 1e-6 / Weff; invLW = 1e-12 / (Leff * Weff); }
        else { invL = 1 / Leff; invW = 1 / Weff; invLW = 1 / (Leff * Weff); }
        double B(string n) => m.Binned(n, invL, invW, invLW);
        Cdsc = B("cdsc"); Cdscb = B("cdscb"); Cdscd = B("cdscd"); Cit = B("cit"); Nfactor = B("nfactor");
        Tnfactor = B("tnfactor"); Xj = B("xj"); Vsat = B("vsat"); At = B("at"); A0 = B("a0"); Ags = B("ags");
        A1 = B("a1"); A2 = B("a2"); Keta = B("keta"); Nsub = B("nsub"); Ndep = B("ndep"); Nsd = B("nsd");
        Phin = B("phin"); Ngate = B("ngate"); Gamma1 = B("gamma1"); Gamma2 = B("gamma2"); Vbx = B("vbx");
        Vbm = B("vbm"); Xt = B("xt"); Vfb = B("vfb"); K1 = B("k1"); Kt1 = B("kt1"); Kt1l = B("kt1l"); K2 = B("k2");
        Kt2 = B("kt2"); K3 = B("k3"); K3b = B("k3b"); W0 = B("w0"); Dvtp0 = B("dvtp0"); Dvtp1 = B("dvtp1");
        Dvtp2 = B("dvtp2"); Dvtp3 = B("dvtp3"); Dvtp4 = B("dvtp4"); Dvtp5 = B("dvtp5"); Lpe0 = B("lpe0");
        Lpeb = B("lpeb"); Dvt0 = B("dvt0"); Dvt1 = B("dvt1"); Dvt2 = B("dvt2"); Dvt0w = B("dvt0w");
        Dvt1w = B("dvt1w"); Dvt2w = B("dvt2w"); Drout = B("drout"); Dsub = B("dsub"); Vth0Bin = B("vth0");
        Ua = B("ua"); Ua1 = B("ua1"); Ub = B("ub"); Ub1 = B("ub1"); Uc = B("uc"); Uc1 = B("uc1"); Ud = B("ud");
        Ud1 = B("ud1"); Up = B("up"); Lp = B("lp"); U0 = B("u0"); Eu = B("eu"); Ucs = B("ucs"); Ute = B("ute");
        Ucste = B("ucste"); Voff = B("voff"); Tvoff = B("tvoff"); Teta0 = B("teta0"); Tvoffcv = B("tvoffcv");
        Minv = B("minv"); Minvcv = B("minvcv"); Fprout = B("fprout"); Pdits = B("pdits"); Pditsd = B("pditsd");
        Delta = B("delta"); Rdsw = B("rdsw"); Rdw = B("rdw"); Rsw = B("rsw"); Prwg = B("prwg"); Prwb = B("prwb");
        Prt = B("prt"); Eta0Bin = B("eta0"); Etab = B("etab"); Pclm = B("pclm"); Pdibl1 = B("pdiblc1");
        Pdibl2 = B("pdiblc2"); Pdiblb = B("pdiblcb"); Pscbe1 = B("pscbe1"); Pscbe2 = B("pscbe2"); Pvag = B("pvag");
        Wr = B("wr"); Dwg = B("dwg"); Dwb = B("dwb"); B0 = B("b0"); B1 = B("b1"); Alpha0 = B("alpha0");
        Alpha1 = B("alpha1"); Beta0 = B("beta0"); Agidl = B("agidl"); Bgidl = B("bgidl"); Cgidl = B("cgidl");
        Egidl = B("egidl"); Rgidl = B("rgidl"); Kgidl = B("kgidl"); Fgidl = B("fgidl"); Agisl = B("agisl");
        Bgisl = B("bgisl"); Cgisl = B("cgisl"); Egisl = B("egisl"); Rgisl = B("rgisl"); Kgisl = B("kgisl");
        Fgisl = B("fgisl"); Aigc = B("aigc"); Bigc = B("bigc"); Cigc = B("cigc"); Aigs = B("aigs"); Bigs = B("bigs");
        Cigs = B("cigs"); Aigd = B("aigd"); Bigd = B("bigd"); Cigd = B("cigd"); Aigbacc = B("aigbacc");
        Bigbacc = B("bigbacc"); Cigbacc = B("cigbacc"); Aigbinv = B("aigbinv"); Bigbinv = B("bigbinv");
        Cigbinv = B("cigbinv"); Nigc = B("nigc"); Nigbinv = B("nigbinv"); Nigbacc = B("nigbacc"); Ntox = B("ntox");
        Eigbinv = B("eigbinv"); Pigcd = B("pigcd"); Poxedge = B("poxedge"); Xrcrg1 = B("xrcrg1");
        Xrcrg2 = B("xrcrg2"); Lambda = B("lambda"); Vtl = B("vtl"); Xn = B("xn"); Vfbsdoff = B("vfbsdoff");
        Tvfbsdoff = B("tvfbsdoff"); Cgsl = B("cgsl"); Cgdl = B("cgdl"); Ckappas = B("ckappas");
        Ckappad = B("ckappad"); Cf = B("cf"); Clc = B("clc"); Cle = B("cle"); Vfbcv = B("vfbcv"); Acde = B("acde");
        Moin = B("moin"); Noff = B("noff"); Voffcv = B("voffcv"); Kvth0we = B("kvth0we"); K2we = B("k2we");
        Ku0we = B("ku0we");

        AbulkCVfactor = 1 + Math.Pow(Clc / LeffCV, Cle);

        // Temperature (manual ch. 10; tempmod 0 and 1).
        double tr1 = TRatio - 1;
        double powWeffWr = Math.Pow(WeffCJ * 1e6, Wr) * g.NF;
        double rdT = 0, rdminT = 0, rsT = 0, rsminT = 0;
        bool rdsMod = m.Get("rdsmod") != 0;
        Ucs *= Math.Pow(TRatio, Ucste);
        if (m.Get("tempmod") == 0)
        {
            Ua += Ua1 * tr1; Ub += Ub1 * tr1; Uc += Uc1 * tr1; Ud += Ud1 * tr1;
            VsatTemp0 = Vsat - At * tr1;
            double t10 = Prt * tr1;
            if (rdsMod)
            {
                rdT = Rdw + t10; rdminT = m.Get("rdwmin") + t10;
                rsT = Rsw + t10; rsminT = m.Get("rswmin") + t10;
            }
            Rds0 = (Rdsw + t10) * g.NF / powWeffWr;
            RdswMin = (m.Get("rdswmin") + t10) * g.NF / powWeffWr;
        }
        else
        {
            if (m.Get("tempmod") == 3)
            {
                Ua *= Math.Pow(TRatio, Ua1); Ub *= Math.Pow(TRatio, Ub1); Uc *= Math.Pow(TRatio, Uc1); Ud *= Math.Pow(TRatio, Ud1);
            }
            else
            {
                Ua *= 1 + Ua1 * delTemp; Ub *= 1 + Ub1 * delTemp; Uc *= 1 + Uc1 * delTemp; Ud *= 1 + Ud1 * delTemp;
            }
            VsatTemp0 = Vsat * (1 - At * delTemp);
            double t10 = 1 + Prt * delTemp;
            if (rdsMod)
            {
                rdT = Rdw * t10; rdminT = m.Get("rdwmin") * t10;
                rsT = Rsw * t10; rsminT = m.Get("rswmin") * t10;
            }
            Rds0 = Rdsw * t10 * g.NF / powWeffWr;
            RdswMin = m.Get("rdswmin") * t10 * g.NF / powWeffWr;
        }
        Rd0 = Math.Max(rdT, 0) / powWeffWr;
        RdwMin = Math.Max(rdminT, 0) / powWeffWr;
        Rs0 = Math.Max(rsT, 0) / powWeffWr;
        RswMin = Math.Max(rsminT, 0) / powWeffWr;
        if (U0 > 1) U0 /= 1e4; // given in cm²/(V·s)
        U0Temp0 = U0 * (1 - Up * Math.Exp(-Leff / Lp)) * Math.Pow(TRatio, Ute);
        if (Eu < 0) Eu = 0;
        if (Ucs < 0) Ucs = 0;
        Vfbsdoff *= 1 + Tvfbsdoff * delTemp;
        Voff *= 1 + Tvoff * delTemp;
        Nfactor += Tnfactor * delTemp / tnom;
        Voffcv *= 1 + Tvoffcv * delTemp;
        double eta0 = Eta0Bin + Teta0 * delTemp / tnom;
        if (m.Has("vtl") && m.Get("vtl") > 0)
        {
            double lc = Math.Max(m.Get("lc"), 0);
            double x = Leff / (Xn * Leff + lc);
            Tfactor = (1 - x) / (1 + x);
        }
        Cgdo = (m.Get("cgdo") + Cf) * WeffCV;
        Cgso = (m.Get("cgso") + Cf) * WeffCV;
        Cgbo = m.Get("cgbo") * LeffCV * g.NF;

        // Doping-derived quantities.
        if (!m.Has("ndep") && m.Has("gamma1"))
        {
            double x = Gamma1 * coxe;
            Ndep = 3.01248e22 * x * x;
        }
        if (!(Ndep > 0)) throw new ArgumentException("parameter 'ndep' must be > 0");
        Phi = Vtm0 * Math.Log(Ndep / ni) + Phin + 0.4;
        if (!(Phi > 0)) throw new ArgumentException("surface potential φs = vt·ln(ndep/ni) + phin + 0.4 is not positive");
        SqrtPhi = Math.Sqrt(Phi);
        Phis3 = SqrtPhi * Phi;
        Xdep0 = Math.Sqrt(2 * epssub / (Q * Ndep * 1e6)) * SqrtPhi;
        SqrtXdep0 = Math.Sqrt(Xdep0);
        Litl = Math.Sqrt(3 * 3.9 / epsrox * Xj * toxe);
        Vbi = Vtm0 * Math.Log(Nsd * Ndep / (ni * ni));
        Vfbsd = Ngate > 0 ? Vtm0 * Math.Log(Ngate / Nsd) : 0;
        Cdep0 = Math.Sqrt(Q * epssub * Ndep * 1e6 / 2 / Phi);
        double toxref = m.Get("toxref");
        ToxRatio = Math.Exp(Ntox * Math.Log(toxref / toxe)) / toxe / toxe;
        ToxRatioEdge = Math.Exp(Ntox * Math.Log(toxref / (toxe * Poxedge))) / toxe / toxe / Poxedge / Poxedge;
        double aechvb = m.IsPmos ? 3.42537e-7 : 4.97232e-7, bechvb = m.IsPmos ? 1.16645e12 : 7.45669e11;
        AechvbEdgeS = aechvb * Weff * m.Get("dlcig") * ToxRatioEdge;
        AechvbEdgeD = aechvb * Weff * m.Get("dlcigd") * ToxRatioEdge;
        BechvbEdge = -bechvb * toxe * Poxedge;
        Aechvb = aechvb * Weff * Leff * ToxRatio;
        Bechvb = -bechvb * toxe;
        Mstar = 0.5 + Math.Atan(Minv) / Math.PI;
        Mstarcv = 0.5 + Math.Atan(Minvcv) / Math.PI;
        Voffcbn = Voff + m.Get("voffl") / Leff;
        Voffcbncv = Voffcv + m.Get("voffcvl") / Leff;
        Ldeb = Math.Sqrt(epssub * Vtm0 / (Q * Ndep * 1e6)) / 3;
        Acde *= Math.Pow(Ndep / 2e16, -0.25);

        // k1, k2 from γ1, γ2 unless either is given (manual eq. 2.12).
        if (m.Has("k1") || m.Has("k2"))
        {
            // the other keeps its default (0.53 or −0.0186)
        }
        else
        {
            if (!m.Has("vbx")) Vbx = Phi - 7.7348e-4 * Ndep * Xt * Xt;
            if (Vbx > 0) Vbx = -Vbx;
            if (Vbm > 0) Vbm = -Vbm;
            if (!m.Has("gamma1")) Gamma1 = 5.753e-12 * Math.Sqrt(Ndep) / coxe;
            if (!m.Has("gamma2")) Gamma2 = 5.753e-12 * Math.Sqrt(Nsub) / coxe;
            double a = Gamma1 - Gamma2, b = Math.Sqrt(Phi - Vbx) - SqrtPhi, c = Math.Sqrt(Phi * (Phi - Vbm)) - Phi;
            K2 = a * b / (2 * c + Vbm);
            K1 = Gamma2 - 2 * K2 * Math.Sqrt(Phi - Vbm);
        }
        // vth0 and vfb: either gives the other; with neither, vfb = −1 V.
        if (!m.Has("vfb")) Vfb = m.Has("vth0") ? type * Vth0Bin - Phi - K1 * SqrtPhi : -1;
        if (!m.Has("vth0")) Vth0Bin = type * (Vfb + Phi + K1 * SqrtPhi);
        K1ox = K1 * toxe / m.Get("toxm");

        double lt = Math.Sqrt(epssub / (epsrox * Eps0) * toxe * Xdep0);
        Theta0vb0 = CoshTheta(Dsub * Leff / lt);
        ThetaRout = Pdibl1 * CoshTheta(Drout * Leff / lt) + Pdibl2;
        {
            double tmp2b = Factor1 * SqrtXdep0, v0 = Vbi - Phi;
            double t8 = Dvt0w * CoshTheta(Dvt1w * Weff * Leff / tmp2b) * v0;
            double t9 = Dvt0 * CoshTheta(Dvt1 * Leff / tmp2b) * v0;
            double narrow = toxe * Phi / (Weff + W0);
            double lat = K1ox * (Math.Sqrt(1 + Lpe0 / Leff) - 1) * SqrtPhi
                + (m.Get("tempmod") >= 2 ? -Kt1 * tr1 : (Kt1 + Kt1l / Leff) * tr1);
            VfbzbFactor = -t8 - t9 + K3 * narrow + lat - Phi - K1 * SqrtPhi;
        }

        // mobmod 3: Vgsteff at threshold with n at vbs = vds = 0 (dvt1 short-channel shape for cdsc).
        if (m.MobilityModel == 3)
        {
            double theta0 = CoshTheta(Dvt1 * Leff / (Factor1 * SqrtXdep0));
            double tn = (Nfactor * epssub / Xdep0 + Cdsc * theta0 + Cit) / m.Coxe;
            double n0 = tn >= -0.5 ? 1 + tn : (1 + 3 * tn) / (3 + 8 * tn);
            double nvt = n0 * Vtm, x = Voffcbn / nvt;
            double ce = x < -ExpThreshold ? m.Coxe * MinExp / Cdep0 : x > ExpThreshold ? m.Coxe * MaxExp / Cdep0 : Math.Exp(x) * m.Coxe / Cdep0;
            VgsteffVth = nvt * Math.Log(2.0) / (Mstar + ce * n0);
        }

        // LOD stress (manual ch. 13): only with sa, sb > 0 (and sd > 0 for nf > 1).
        double ldrn = g.L, wdrn = g.W / g.NF;
        double u0Temp = U0Temp0, vsatTemp = VsatTemp0, vth0 = Vth0Bin, k2 = K2;
        Eta0 = eta0;
        if (g.SA > 0 && g.SB > 0 && (g.NF == 1 || g.SD > 0))
        {
            double wlod = Math.Max(m.Get("wlod"), 0), wTmp = wnew + wlod;
            double a0 = Math.Pow(lnew, m.Get("llodku0")), a1 = Math.Pow(wTmp, m.Get("wlodku0"));
            double ku0 = 1 + m.Get("lku0") / a0 + m.Get("wku0") / a1 + m.Get("pku0") / (a0 * a1);
            a0 = Math.Pow(lnew, m.Get("llodvth"));
            a1 = Math.Pow(wTmp, m.Get("wlodvth"));
            double kvth0 = 1 + m.Get("lkvth0") / a0 + m.Get("wkvth0") / a1 + m.Get("pkvth0") / (a0 * a1);
            kvth0 = Math.Sqrt(kvth0 * kvth0 + 1e-9);
            double ku0temp = ku0 * (1 + m.Get("tku0") * tr1) + 1e-9;
            double invOdRef = 1 / (m.Get("saref") + 0.5 * ldrn) + 1 / (m.Get("sbref") + 0.5 * ldrn);
            double rhoRef = m.Get("ku0") / ku0temp * invOdRef;
            double kvsat = Math.Clamp(m.Get("kvsat"), -1, 1);
            double invSa = 0, invSb = 0;
            for (int i = 0; i < (int)g.NF; i++)
            {
                invSa += 1 / g.NF / (g.SA + 0.5 * ldrn + i * (g.SD + ldrn));
                invSb += 1 / g.NF / (g.SB + 0.5 * ldrn + i * (g.SD + ldrn));
            }
            double invOd = invSa + invSb;
            double rho = m.Get("ku0") / ku0temp * invOd;
            u0Temp *= (1 + rho) / (1 + rhoRef);
            vsatTemp *= (1 + kvsat * rho) / (1 + kvsat * rhoRef);
            double odOffset = invOd - invOdRef;
            vth0 += m.Get("kvth0") / kvth0 * odOffset;
            Eta0 += m.Get("steta0") / Math.Pow(kvth0, m.Get("lodeta0")) * odOffset;
            k2 += m.Get("stk2") / Math.Pow(kvth0, m.Get("lodk2")) * odOffset;
        }

        // Well proximity effect (manual ch. 14).
        if (m.Get("wpemod") != 0)
        {
            double sca = g.SCA ?? 0, scb = g.SCB ?? 0, scc = g.SCC ?? 0;
            if (g.SCA == null && g.SCB == null && g.SCC == null && g.SC is > 0)
            {
                double sc = g.SC.Value, scref = m.Get("scref"), a = sc + wdrn, b = 1 / scref;
                sca = scref * scref / (sc * a);
                scb = ((0.1 * sc + 0.01 * scref) * Math.Exp(-10 * sc * b) - (0.1 * a + 0.01 * scref) * Math.Exp(-10 * a * b)) / wdrn;
                scc = ((0.05 * sc + 0.0025 * scref) * Math.Exp(-20 * sc * b) - (0.05 * a + 0.0025 * scref) * Math.Exp(-20 * a * b)) / wdrn;
            }
            double sceff = Math.Max(sca, 0) + m.Get("web") * Math.Max(scb, 0) + m.Get("wec") * Math.Max(scc, 0);
            vth0 += Kvth0we * sceff;
            k2 += K2we * sceff;
            u0Temp *= Math.Max(1 + Ku0we * sceff, 0);
        }
        // ngspice 39 sets the instance mobility to u0temp·mulu0 after the stress and well-proximity code, so the LOD
        // (ku0) and WPE (ku0we) mobility factors of the manual (eqs. 13.3, 14.4) have no effect there; we follow it.
        _ = u0Temp;
        u0Temp = U0Temp0 * g.MulU0;
        vth0 += g.DelVto;
        Vth0 = vth0;
        Vfb0 = Vfb + type * g.DelVto;
        U0Temp = u0Temp;
        VsatTemp = vsatTemp;
        K2i = k2;
        if (!(U0Temp > 0)) throw new ArgumentException("mobility u0 at the device temperature must be > 0");
        if (!(VsatTemp > 0)) throw new ArgumentException("saturation velocity at the device temperature must be > 0");

        double t3v = type * Vth0 - Vfb0 - Phi;
        Vtfbphi1 = Math.Max(m.IsPmos ? 2.5 * t3v : 2 * t3v, 0);
        Vtfbphi2 = Math.Max(4 * t3v, 0);
        if (k2 < 0)
        {
            double a = 0.5 * K1 / k2;
            Vbsc = Math.Clamp(0.9 * (Phi - a * a), -30, -3);
        }
        else Vbsc = -30;
        if (Vbsc > Vbm) Vbsc = Vbm;
        K2ox = k2 * toxe / m.Get("toxm");
        Vfbzb = VfbzbFactor + type * Vth0;
        Dvtp2Factor = Dvtp5 + Dvtp2 * Dexp(-Dvtp3 * Math.Log(Leff));

        // Body resistances (rbodymod 1 and 2).
        BodyResistances(m, g);

        // Gate electrode resistance (rgatemod 1-3).
        double rg = m.Get("rshg") * (g.Xgw + WeffCJ / 3 / g.Ngcon) / (g.Ngcon * g.NF * (lnew - m.Get("xgl")));
        GateConductance = rg > 0 ? 1 / rg : 1e3;

        // Source/drain areas and perimeters (manual ch. 11): given, or from nf and geomod.
        double dmcg = m.Get("dmcg") - m.Get("dmcgt"), dmci = m.Get("dmci"), dmdg = m.Get("dmdg") - m.Get("dmcgt");
        var (ps, pd, asg, adg) = Bsim4Geometry4.PAeff(g.NF, g.GeoMod, g.Min, WeffCJ, dmcg, dmci, dmdg);
        bool perMod = m.Get("permod") != 0;
        Pseff = g.PS is { } psv ? (psv <= 0 ? 0 : perMod ? psv - WeffCJ * g.NF : psv) : ps;
        Pdeff = g.PD is { } pdv ? (pdv <= 0 ? 0 : perMod ? pdv - WeffCJ * g.NF : pdv) : pd;
        Pseff = Math.Max(Pseff, 0);
        Pdeff = Math.Max(Pdeff, 0);
        Aseff = Math.Max(g.AS ?? asg, 0);
        Adeff = Math.Max(g.AD ?? adg, 0);
        double rsh = m.Get("rsh");
        SourceConductance = DiffusionConductance(rsh, g.NRS, g, dmcg, dmci, dmdg, true);
        DrainConductance = DiffusionConductance(rsh, g.NRD, g, dmcg, dmci, dmdg, false);

        // Junction saturation currents (manual ch. 10.2) and trap-assisted tunneling.
        double jT(double xti, double nj) => temp == tnom ? 1
            : Math.Exp((eg0 / Vtm0 - eg / Vtm + xti * Math.Log(temp / tnom)) / nj);
        double js = jT(m.Get("xtis"), m.Get("njs")), jd = jT(m.Get("xtid"), m.Get("njd"));
        JssT = Math.Max(m.Get("jss") * js, 0); JswsT = Math.Max(m.Get("jsws") * js, 0);
        JswgsT = Math.Max(m.Get("jswgs") * js, 0);
        JsdT = Math.Max(m.Get("jsd") * jd, 0); JswdT = Math.Max(m.Get("jswd") * jd, 0);
        JswgdT = Math.Max(m.Get("jswgd") * jd, 0);
        NjtsT = m.Get("njts") * (1 + m.Get("tnjts") * tr1);
        NjtsswT = m.Get("njtssw") * (1 + m.Get("tnjtssw") * tr1);
        NjtsswgT = m.Get("njtsswg") * (1 + m.Get("tnjtsswg") * tr1);
        NjtsdT = m.Get("njtsd") * (1 + m.Get("tnjtsd") * tr1);
        NjtsswdT = m.Get("njtsswd") * (1 + m.Get("tnjtsswd") * tr1);
        NjtsswgdT = m.Get("njtsswgd") * (1 + m.Get("tnjtsswgd") * tr1);
        double t7 = eg0 / Vtm * tr1;
        double jtweff = Math.Max(m.Get("jtweff"), 0), t11 = Math.Sqrt(jtweff / WeffCJ) + 1, t10w = WeffCJ * g.NF;
        SjctRevSat = Dexp(m.Get("xtss") * t7) * Aseff * m.Get("jtss");
        DjctRevSat = Dexp(m.Get("xtsd") * t7) * Adeff * m.Get("jtsd");
        SswRevSat = Dexp(m.Get("xtssws") * t7) * Pseff * m.Get("jtssws");
        DswRevSat = Dexp(m.Get("xtsswd") * t7) * Pdeff * m.Get("jtsswd");
        SswgRevSat = Dexp(m.Get("xtsswgs") * t7) * t10w * t11 * m.Get("jtsswgs");
        DswgRevSat = Dexp(m.Get("xtsswgd") * t7) * t10w * t11 * m.Get("jtsswgd");
    }

    /// <summary>1/(2(cosh x − 1)) = eˣ/(eˣ − 1)², the BSIM4 short-channel shape (manual eq. 2.18), floored.</summary>
    public static double CoshTheta(double x)
    {
        if (x < ExpThreshold)
        {
            double e = Math.Exp(x), d = e - 1;
            return e / (d * d + 2 * e * MinExp);
        }
        return 1 / (MaxExp - 2);
    }

    /// <summary>The bounded exponential of the BSIM4 reference: linear above e^34, floored at e^−34.</summary>
    public static double Dexp(double a) =>
        a > ExpThreshold ? MaxExp * (1 + a - ExpThreshold) : a < -ExpThreshold ? MinExp : Math.Exp(a);

    private void BodyResistances(Bsim4Model m, Bsim4Geometry g)
    {
        double gbmin = m.Get("gbmin");
        double G(double r) => r < 1e-3 ? 1e3 : gbmin + 1 / r;
        double rbdb = g.Rbdb, rbsb = g.Rbsb, rbpb = g.Rbpb, rbps = g.Rbps, rbpd = g.Rbpd;
        int bodymode = 5;
        if (!m.Has("rbps0") || !m.Has("rbpd0")) bodymode = 1;
        else if ((!m.Has("rbsbx0") && !m.Has("rbsby0")) || (!m.Has("rbdbx0") && !m.Has("rbdby0"))) bodymode = 3;
        if (g.RbodyMod == 2)
        {
            double lnl = Math.Log(Leff * 1e6), lnw = Math.Log(Weff * 1e6), lnnf = Math.Log(g.NF);
            double S(string p0, string l, string w, string nf) =>
                m.Get(p0) * Math.Exp(m.Get(l) * lnl + m.Get(w) * lnw + m.Get(nf) * lnnf);
            if (bodymode == 5)
            {
                double sx = S("rbsbx0", "rbsdbxl", "rbsdbxw", "rbsdbxnf"), sy = S("rbsby0", "rbsdbyl", "rbsdbyw", "rbsdbynf");
                rbsb = sx * sy / (sx + sy);
                double dx = S("rbdbx0", "rbsdbxl", "rbsdbxw", "rbsdbxnf"), dy = S("rbdby0", "rbsdbyl", "rbsdbyw", "rbsdbynf");
                rbdb = dx * dy / (dx + dy);
            }
            if (bodymode is 3 or 5)
            {
                rbps = S("rbps0", "rbpsl", "rbpsw", "rbpsnf");
                rbpd = S("rbpd0", "rbpdl", "rbpdw", "rbpdnf");
            }
            double bx = S("rbpbx0", "rbpbxl", "rbpbxw", "rbpbxnf"), by = S("rbpby0", "rbpbyl", "rbpbyw", "rbpbynf");
            rbpb = bx * by / (bx + by);
        }
        if (g.RbodyMod == 1 || (g.RbodyMod == 2 && bodymode == 5))
        {
            Grbdb = G(rbdb); Grbpb = G(rbpb); Grbps = G(rbps); Grbsb = G(rbsb); Grbpd = G(rbpd);
        }
        else if (g.RbodyMod == 2 && bodymode == 3)
        {
            Grbdb = Grbsb = gbmin; Grbpb = G(rbpb); Grbps = G(rbps); Grbpd = G(rbpd);
        }
        else if (g.RbodyMod == 2)
        {
            Grbdb = Grbsb = gbmin; Grbps = Grbpd = 1e3; Grbpb = G(rbpb);
        }
    }

    /// <summary>The source (or drain) diffusion conductance: 1/(rsh·nrs) when nrs is given, else from the
    /// geometry when rgeomod > 0, else 0 (no internal node).</summary>
    private double DiffusionConductance(double rsh, double? squares, Bsim4Geometry g, double dmcg, double dmci,
        double dmdg, bool source)
    {
        double r;
        if (squares is { } n) r = rsh * n;
        else if (g.RgeoMod > 0) r = Bsim4Geometry4.RdsEff(g.NF, g.GeoMod, g.RgeoMod, g.Min, WeffCJ, rsh, dmcg, dmci, dmdg, source);
        else return 0;
        return r > 0 ? 1 / r : 0;
    }
}
