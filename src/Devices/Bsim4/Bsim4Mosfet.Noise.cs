using Perovspice.Engine;
using static Perovspice.Devices.Bsim4.Bsim4Constants;

namespace Perovspice.Devices.Bsim4;

public sealed partial class Bsim4Mosfet
{
    /// <summary>
    /// BSIM4's noise (manual ch. 9) as ngspice 39 evaluates it for every version generation, T the device
    /// temperature, m the multiplier, everything at the operating point in the normal-mode frame:
    /// <list type="bullet">
    /// <item>thermal noise of the drain/source series resistances (<c>rd</c>, <c>rs</c>: the diffusion resistances,
    /// or with rdsmod = 1 the bias-dependent series conductances), of the gate electrode resistance (<c>rg</c>,
    /// rgatemod 1-3; from BSIM4.6 on rgatemod 2 scales it by (1 + grgeltd/gcrg')⁻², gcrg' the series combination of
    /// grgeltd and gcrg) and of the substrate network (<c>rbps</c>, <c>rbpd</c>, <c>rbpb</c>, <c>rbsb</c>, <c>rbdb</c>,
    /// rbodymod 1, 2);</item>
    /// <item>channel thermal noise tnoimod = 0 (eq. 9.6, the charge-based form): 4kT·ntnoi·μeff|Qinv| /
    /// (Leff² + μeff|Qinv|·Rds) (from BSIM4.6 on Rds/nf) with Qinv = Coxeff·Weff,CV·nf·Leff,CV·(Vgsteff − ½AbulkCV·Vdseff,CV +
    /// AbulkCV²Vdseff,CV²/(12(Vgsteff − ½AbulkCV·Vdseff,CV))) of the CV Vdseff (δ4 = 0.02), times m, between
    /// the internal drain and source (<c>id</c>);</item>
    /// <item>channel thermal noise tnoimod = 1 (eq. 9.7, holistic): 4kT·((β(gm + gmbs) + gds)² − θ²(gm + gmbs +
    /// gds)²)/(Ids/Vdseff)·m with β = rnoia(1 + tnoia·Leff·(Vgsteff/EsatL)²), θ = rnoib(1 + tnoib·Leff·(Vgsteff/EsatL)²)
    /// (from BSIM4.6 on θ ≤ 0.9 and ≤ 0.9β), and the source (reverse mode: drain) resistance noise conductance g
    /// replaced by g/(1 + θ²g·Vdseff/Ids) (BSIM4.5) or g(1 + θ²g·Vdseff/Ids) (BSIM4.6 on), as ngspice 39;</item>
    /// <item>flicker noise (<c>1overf</c>): fnoimod = 0, kf·|Id|^af/(f^ef·Leff²·Coxe); fnoimod = 1, the unified
    /// model (eqs. 9.1-9.4) Ssi·Swi/(Ssi + Swi) with the inversion (Ssi, noia/noib/noic, N* = vt(Coxe + εsi/Xdep +
    /// cit)/q, the clm length ΔLclm from em and litl, Leff − 2·lintnoi) and subthreshold (Swi) parts;</item>
    /// <item>shot noise 2q|I| of the gate currents: <c>igs</c> (Igs + Igcs to the source), <c>igd</c> (Igd + Igcd
    /// to the drain), <c>igb</c>.</item>
    /// </list>
    /// </summary>
    /// <exception cref="SimulationException">tnoimod 2, 3 (correlated gate noise) or fnoimod ∉ {0, 1}: those forms
    /// are not implemented.</exception>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        string? missing = NoiseMissing;
        if (missing != null) throw new SimulationException($"noise analysis: BSIM4 '{Name}': {missing}");
        return Generators(operatingPoint);
    }

    /// <summary>Why this device's noise is not available (a noise analysis is refused), or null.</summary>
    public string? NoiseMissing => NoiseUnavailable(_m);

    /// <summary>Why the noise of <paramref name="model"/>'s devices is not available, or null.</summary>
    public static string? NoiseUnavailable(Bsim4Model model)
    {
        double tnoimod = model.Get("tnoimod"), fnoimod = model.Get("fnoimod");
        if (tnoimod != 0 && tnoimod != 1) return $"tnoimod={tnoimod:G6} is not implemented (only 0 and 1)";
        if (fnoimod != 0 && fnoimod != 1) return $"fnoimod={fnoimod:G6} is not implemented (only 0 and 1)";
        return null;
    }

    private IEnumerable<NoiseSource> Generators(Solution operatingPoint)
    {
        var x = operatingPoint.X;
        double t = _type, m = _mult, temp = _p.Temperature, kb = Units.Boltzmann;
        double vgs = t * _block.Voltage(x, TGP, TSP), vds = t * _block.Voltage(x, TDP, TSP);
        double vbs = t * _block.Voltage(x, TBP, TSP);
        double vsbs = _rbody ? t * _block.Voltage(x, TSB, TSP) : vbs, vdbs = _rbody ? t * _block.Voltage(x, TDB, TSP) : vbs;
        var k = Evaluate(vgs, vds, vbs, vsbs, vdbs, _gmin);
        var r = k.Bias;
        int N(int terminal) => _block.Node(terminal);

        // Series resistances.
        double gdpr, gspr;
        if (_rdsMod)
        {
            Bsim3.Dual3 Vgs = new(vgs, 1, 0, 0), Vds = new(vds, 0, 1, 0), Vbs = new(vbs, 0, 0, 1);
            gspr = SeriesConductance(_gs, _p.Rs0, _p.RswMin, Vgs, Vbs).V;
            gdpr = SeriesConductance(_gd, _p.Rd0, _p.RdwMin, Vgs - Vds, Vbs - Vds).V;
        }
        else
        {
            gspr = _gs;
            gdpr = _gd;
        }
        bool tnoi1 = _m.Get("tnoimod") == 1;
        double beta = 0, theta = 0, idovVds = r.IdovVds;
        if (tnoi1)
        {
            // tnoimod 1 (eq. 9.7): the noise partition factors and the induced source-side (drain-side in reverse
            // mode) resistance modification
            double e = r.Vgsteff.V / r.EsatL.V, e2 = e * e, le = _p.Leff;
            beta = _m.Get("rnoia") * (1 + e2 * _m.Get("tnoia") * le);
            theta = _m.Get("rnoib") * (1 + e2 * _m.Get("tnoib") * le);
            if (_m.Generation != 45)
            {
                theta = Math.Min(theta, 0.9);
                theta = Math.Min(theta, 0.9 * beta);
            }
            ref double g = ref (vds >= 0 ? ref gspr : ref gdpr);
            g = _m.Generation == 45 ? g / (1 + theta * theta * g / idovVds) : g * (1 + theta * theta * g / idovVds);
        }
        if (gdpr > 0 && N(TD) != N(TDP)) yield return NoiseSource.Thermal("rd", N(TDP), N(TD), m * gdpr, temp, kb);
        if (gspr > 0 && N(TS) != N(TSP)) yield return NoiseSource.Thermal("rs", N(TSP), N(TS), m * gspr, temp, kb);
        if (_g.RgateMod == 1 || (_g.RgateMod == 2 && _m.Generation == 45))
            yield return NoiseSource.Thermal("rg", N(TGP), N(TG), m * _p.GateConductance, temp, kb);
        else if (_g.RgateMod == 2)
        {
            // BSIM4.6 on: the electrode conductance scaled by (1 + grgeltd/gcrg')⁻², gcrg' = the series combination
            // of grgeltd and the intrinsic-input conductance gcrg (the value ngspice keeps for rgatemod 2)
            double gel = _p.GateConductance, gc = k.Bias.Gcrg.V, gser = gel * gc / (gel + gc);
            double f = 1 + gel / gser;
            yield return NoiseSource.Thermal("rg", N(TGP), N(TG), m * gel / (f * f), temp, kb);
        }
        else if (_g.RgateMod == 3)
            yield return NoiseSource.Thermal("rg", N(TGM), N(TG), m * _p.GateConductance, temp, kb);
        if (_rbody)
        {
            // rbodymod 2 without rbps0/rbpd0 keeps only rbpb; without the rbsb/rbdb scalings it drops those two
            int bodymode = 5;
            if (_g.RbodyMod == 2)
            {
                if (!_m.Has("rbps0") || !_m.Has("rbpd0")) bodymode = 1;
                else if ((!_m.Has("rbsbx0") && !_m.Has("rbsby0")) || (!_m.Has("rbdbx0") && !_m.Has("rbdby0"))) bodymode = 3;
            }
            if (bodymode != 1)
            {
                yield return NoiseSource.Thermal("rbps", N(TBP), N(TSB), m * _p.Grbps, temp, kb);
                yield return NoiseSource.Thermal("rbpd", N(TBP), N(TDB), m * _p.Grbpd, temp, kb);
            }
            yield return NoiseSource.Thermal("rbpb", N(TBP), N(TB), m * _p.Grbpb, temp, kb);
            if (bodymode == 5)
            {
                yield return NoiseSource.Thermal("rbsb", N(TB), N(TSB), m * _p.Grbsb, temp, kb);
                yield return NoiseSource.Thermal("rbdb", N(TB), N(TDB), m * _p.Grbdb, temp, kb);
            }
        }

        double vdsMode = Math.Abs(vds), leff = _p.Leff;
        if (tnoi1)
        {
            // Channel thermal noise, tnoimod 1 (holistic): 4kT·((β(gm + gmbs) + gds)² − θ²(gm + gmbs + gds)²)/(Ids/Vdseff)
            double gmM = k.Mode > 0 ? k.Ichan.G : -k.Ichan.G, gmbsM = k.Mode > 0 ? k.Ichan.B : -k.Ichan.B;
            double gdsM = k.Mode > 0 ? k.Ichan.D : k.Ichan.D + k.Ichan.G + k.Ichan.B;
            double gsum = gmM + gmbsM + gdsM, t1 = beta * (gmM + gmbsM) + gdsM;
            yield return NoiseSource.Thermal("id", N(TDP), N(TSP), m * (t1 * t1 - theta * theta * gsum * gsum) / idovVds, temp, kb);
        }
        else
        {
            // Channel thermal noise, tnoimod 0 (charge based).
            double abulkCV = r.Abulk0.V * _p.AbulkCVfactor, vgsteff0 = r.Vgsteff.V;
            double vdsatCV = vgsteff0 / abulkCV;
            double u = vdsatCV - vdsMode - 0.02, s = Math.Sqrt(u * u + 4 * 0.02 * vdsatCV);
            double vdseffCV = u >= 0 ? vdsatCV - 0.5 * (u + s) : vdsatCV * (1 - 0.04 / (s - u));
            if (vdsMode == 0) vdseffCV = 0;
            double av = abulkCV * vdseffCV, q12 = 12 * (vgsteff0 - 0.5 * av + 1e-20);
            double qinv = r.Coxeff.V * _p.WeffCV * _p.NF * _p.LeffCV * (vgsteff0 - 0.5 * av + abulkCV * av * vdseffCV / q12);
            // the Rds of one finger (BSIM4.6 on: the parallel fingers' Rds/nf)
            double rds = r.Rds.V > 0 ? (_m.Generation == 45 ? r.Rds.V : r.Rds.V / _p.NF) : 0;
            double muq = r.Ueff.V * Math.Abs(qinv);
            yield return NoiseSource.Thermal("id", N(TDP), N(TSP), m * muq / (muq * rds + leff * leff) * _m.Get("ntnoi"), temp, kb);
        }
        double vgsteff = r.Vgsteff.V;

        // Flicker noise.
        double cd = r.Ids.V, ef = _m.Get("ef"), flicker;
        if (_m.Get("fnoimod") == 0)
        {
            flicker = m * _m.Get("kf") * Flicker.Power(cd, _m.Get("af")) / (leff * leff * _m.Coxe);
        }
        else
        {
            double acd = Math.Abs(cd), q = Units.ElementaryCharge, coxe = _m.Coxe;
            double noia = _m.Get("noia"), noib = _m.Get("noib"), noic = _m.Get("noic"), em = _m.Get("em");
            double nstar = _p.Vtm / Q * (coxe + EpsSi / r.Xdep.V + _p.Cit);
            double ueff = r.Ueff.V, vdseff = r.Vdseff.V;
            double lf = leff - 2 * _m.Get("lintnoi"), lf2 = lf * lf;
            double esat = 2 * _p.VsatTemp / ueff;
            double delClm = 0;
            if (em > 0)
            {
                double a = ((vdsMode - vdseff) / _p.Litl + em) / esat;
                delClm = Math.Max(0, _p.Litl * Math.Log(Math.Max(a, Flicker.MinimumLog)));
            }
            double abovVgst2Vtm = r.Abulk.V / (vgsteff + 2 * _p.Vtm);
            double n0 = coxe * vgsteff / q, nl = coxe * vgsteff * (1 - abovVgst2Vtm * vdseff) / q;
            double t1 = q * q * kb * acd * temp * ueff;
            double t2 = 1e10 * r.AbulkNoKeta.V * coxe * lf2;
            double t3 = noia * Math.Log(Math.Max((n0 + nstar) / (nl + nstar), Flicker.MinimumLog));
            double t4 = noib * (n0 - nl), t5 = noic * 0.5 * (n0 * n0 - nl * nl);
            double t6 = kb * temp * acd * acd, t7 = 1e10 * lf2 * _p.Weff * _p.NF;
            double t8 = noia + noib * nl + noic * nl * nl, t9 = (nl + nstar) * (nl + nstar);
            double ssi = t1 / t2 * (t3 + t4 + t5) + t6 / t7 * delClm * t8 / t9;
            double swi = noia * kb * temp / (_p.Weff * _p.NF * leff * 1e10 * nstar * nstar) * cd * cd;
            flicker = ssi + swi > 0 ? m * ssi * swi / (ssi + swi) : 0;
        }
        yield return new NoiseSource("1overf", N(TDP), N(TSP), flicker, ef);

        // Shot noise of the gate currents.
        double qe = Units.ElementaryCharge;
        double igs = k.Igs.V + (k.Mode > 0 ? k.Igcs.V : k.Igcd.V), igd = k.Igd.V + (k.Mode > 0 ? k.Igcd.V : k.Igcs.V);
        yield return NoiseSource.White("igs", N(TGP), N(TSP), 2 * qe * Math.Abs(m * igs));
        yield return NoiseSource.White("igd", N(TGP), N(TDP), 2 * qe * Math.Abs(m * igd));
        yield return NoiseSource.White("igb", N(TGP), N(TBP), 2 * qe * Math.Abs(m * k.Igb.V));
    }
}
