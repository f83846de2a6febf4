namespace Perovspice.Devices.Mosfet;

/// <summary>A `level=2` MOSFET model card (Grove–Frohman, SPICE2).</summary>
public sealed class Level2Model : MosfetModel
{
    /// <summary>Reads a level-2 card.</summary>
    public Level2Model(ModelRequest r) : base(r, MosfetParameters.Level23, "MOSFET level 2 model")
    {
        var p = Values;
        Nfs = p["nfs"]; Xj = p["xj"]; Vmax = p["vmax"]; Delta = p["delta"]; Ucrit = p["ucrit"]; Uexp = p["uexp"];
        Neff = p["neff"];
        Xd = Nsub > 0 ? Math.Sqrt(2 * EpsilonSilicon / (Units.ElementaryCharge * Nsub * 1e6)) : 0;
    }

    /// <summary>The level as the model family lists it.</summary>
    public static ModelLevel Level { get; } = new()
    {
        Numbers = new[] { 2 },
        Description = "Grove–Frohman",
        Parameters = MosfetParameters.Level23,
        Create = r => new Level2Model(r),
    };

    /// <summary>Fast surface state density nfs (1/cm²).</summary>
    public double Nfs { get; }
    /// <summary>Junction depth xj (m).</summary>
    public double Xj { get; }
    /// <summary>Maximum drift velocity (m/s; 0: none).</summary>
    public double Vmax { get; }
    /// <summary>Total channel charge coefficient neff.</summary>
    public double Neff { get; }
    /// <summary>Width effect on threshold delta.</summary>
    public double Delta { get; }
    /// <summary>Critical field for mobility degradation (V/cm).</summary>
    public double Ucrit { get; }
    /// <summary>Critical field exponent.</summary>
    public double Uexp { get; }
    /// <summary>Depletion width coefficient √(2εSi/(q·nsub)) (m/√V; 0 without nsub).</summary>
    public double Xd { get; }

    /// <inheritdoc />
    public override Engine.Device CreateDevice(DeviceRequest request) => new Level2Mosfet(request, this);
}

/// <summary>
/// SPICE level-2 MOSFET (Grove–Frohman; Vladimirescu &amp; Liu, ERL M80/7): the drain current integrates the bulk
/// charge, id = β'·[(vgs − vbin − η·vds/2)·vds − (2/3)·γs·((φ − vbs + vds)^1.5 − (φ − vbs)^1.5)] up to vdsat from
/// the bulk-charge equation; short-channel (xj) and narrow-width (delta) threshold corrections, mobility
/// degradation above the critical field (ucrit, uexp), channel-length modulation (lambda, or from the depletion
/// width with nsub), weak inversion with nfs. See docs/models.md, "MOSFET level 2".
/// </summary>
public sealed class Level2Mosfet : MosfetDevice
{
    private readonly Level2Model _m;
    private readonly double _beta, _vbi, _factor, _cfs;

    /// <summary>Builds the device.</summary>
    public Level2Mosfet(DeviceRequest r, Level2Model model) : base(r, model)
    {
        _m = model;
        _beta = Temp.Kp * Multiplier * W / EffectiveLength;
        _vbi = Type * Temp.Vbi;
        _factor = 0.25 * model.Delta * Math.PI * MosfetModel.EpsilonSilicon / (model.OxideCapacitance * W);
        _cfs = Units.ElementaryCharge * model.Nfs * 1e4 / model.OxideCapacitance;
    }

    private Dual Root(Dual phiMinusV, Dual v)
    {
        // √(φ − v), continued for v > 0 as √φ/(1 + v/(2φ))
        double phi = Temp.Phi;
        return v.V <= 0 ? Dual.Sqrt(phiMinusV) : Math.Sqrt(phi) / (1 + 0.5 * v / phi);
    }

    /// <inheritdoc />
    protected override ChannelPoint Channel(Dual vgs, Dual vds, Dual vbs)
    {
        var m = _m;
        double phi = Temp.Phi, vt = Temp.Vt, leff = EffectiveLength;
        Dual phiMinVbs = phi - vbs;
        Dual sarg = Root(phiMinVbs, vbs);
        Dual barg = Root(phiMinVbs + vds, vbs - vds);
        // d sarg/d vbs and d barg/d vbs written out (they enter the weak-inversion slope)
        Dual dsarg = vbs.V <= 0 ? -0.5 / sarg : -0.5 * sarg * sarg / (phi * Math.Sqrt(phi));
        Dual dbarg = (vbs - vds).V <= 0 ? -0.5 / barg : -0.5 * barg * barg / (phi * Math.Sqrt(phi));
        double eta = 1 + _factor;
        Dual vbin = _vbi + _factor * phiMinVbs;
        Dual gamasd = m.Gamma, dgamasd = 0;
        if ((m.Gamma > 0 || m.Nsub > 0) && m.Xj > 0)
        {
            Dual args = Dual.Sqrt(1 + 2 * m.Xd * sarg / m.Xj);
            Dual argd = Dual.Sqrt(1 + 2 * m.Xd * barg / m.Xj);
            double tmp = 0.5 * m.Xj / leff;
            gamasd = m.Gamma * (1 - tmp * (args - 1) - tmp * (argd - 1));
            dgamasd = -m.Gamma * 0.5 / leff * (m.Xd * dsarg / args + m.Xd * dbarg / argd);
        }
        Dual von = vbin + gamasd * sarg;
        Dual vth = von;
        Dual xn = 1;
        bool weak = m.Nfs != 0 && m.OxideCapacitance != 0;
        if (weak)
        {
            xn = 1 + _cfs - (gamasd * dsarg + dgamasd * sarg) + _factor;
            von = von + vt * xn;
        }
        else if (vgs.V <= vbin.V) return new ChannelPoint(0, von, 0);
        Dual vgst = vgs - von;

        // mobility degradation above the critical field
        Dual ufact = 1;
        double ucritV = m.Ucrit * 100 * MosfetModel.EpsilonSilicon / m.OxideCapacitance;
        if (m.OxideCapacitance > 0 && vgst.V > ucritV) ufact = Dual.Pow(ucritV / vgst, m.Uexp);

        // saturation voltage from the bulk-charge equation
        Dual vgsx = weak ? Dual.Max(vgs, von) : vgs;
        Dual gammad = gamasd / eta;
        Dual vdsat;
        if (gammad.V > 0)
        {
            Dual gammd2 = gammad * gammad;
            Dual argv = (vgsx - vbin) / eta + phiMinVbs;
            if (argv.V <= 0) vdsat = 0;
            else
            {
                Dual arg = Dual.Sqrt(1 + 4 * argv / gammd2);
                vdsat = Dual.Max((vgsx - vbin) / eta + gammd2 * (1 - arg) / 2, 0);
            }
        }
        else vdsat = Dual.Max((vgsx - vbin) / eta, 0);
        Dual ueff = Temp.U0 * 1e-4 * ufact;
        if (m.Vmax > 0) vdsat = BaumSaturation(vgsx, vbin, eta, phiMinVbs, gammad, sarg, ueff, vdsat);

        // channel-length modulation and its punch-through limit
        Dual sarg3 = sarg * sarg * sarg;
        Dual body = barg * barg * barg - sarg3;
        Dual bodys = body;
        Dual xlamda = m.Lambda;
        if (vds.V != 0)
        {
            Dual bsarg = Root(vdsat + phiMinVbs, vbs - vdsat);
            bodys = bsarg * bsarg * bsarg - sarg3;
            if (m.Nsub != 0 && m.Lambda <= 0)
            {
                if (m.Vmax <= 0)
                {
                    Dual argv = (vds - vdsat) / 4;
                    Dual sargv = Dual.Sqrt(1 + argv * argv);
                    xlamda = m.Xd / (leff * vds) * Dual.Sqrt(argv + sargv);
                }
                else
                {
                    // Baum's form: the velocity-saturated region grows with √(vds − vdsat)
                    double xdv = m.Xd / Math.Sqrt(m.Neff);
                    Dual xlv = m.Vmax * xdv / (2 * ueff);
                    Dual argv = Dual.Max(vds - vdsat, 0);
                    Dual xls = Dual.Sqrt(xlv * xlv + argv);
                    xlamda = xdv / (leff * vds) * (xls - xlv);
                }
            }
        }
        Dual clfact = 1 - xlamda * vds;
        double xwb = m.Nsub != 0 ? m.Xd * Math.Sqrt(Temp.Pb) : 0.25e-6;
        Dual xleff = leff * clfact;
        if (xleff.V < xwb)
        {
            double xld = leff - xwb;
            Dual deltal = xlamda * vds * leff;
            xleff = xwb / (1 + (deltal - xld) / xwb);
            clfact = xleff / leff;
        }
        Dual beta1 = _beta * ufact / clfact;

        Dual cdrain;
        if (vgs.V <= von.V)
        {
            // weak inversion (or, without nfs, between vbin and von: the current at von, as SPICE)
            if (vdsat.V <= 0) return new ChannelPoint(0, von, vdsat);
            Dual vdson = Dual.Min(vdsat, vds);
            Dual bodyUsed = vds.V > vdsat.V ? bodys : body;
            Dual cdson = beta1 * ((von - vbin - eta * vdson * 0.5) * vdson - gamasd * bodyUsed / 1.5);
            cdrain = weak ? cdson * Dual.Exp((vgs - von) / (vt * xn)) : cdson;
        }
        else if (vds.V <= vdsat.V)
            cdrain = beta1 * ((vgs - vbin - eta * vds / 2) * vds - gamasd * body / 1.5);
        else
            cdrain = beta1 * ((vgs - vbin - eta * vdsat / 2) * vdsat - gamasd * bodys / 1.5);
        return new ChannelPoint(cdrain, von, vdsat);
    }

    private static readonly int[] Sig1 = { 1, -1, 1, -1 }, Sig2 = { 1, 1, -1, -1 };

    private static Dual Cbrt(Dual x)
    {
        double a = Math.Abs(x.V);
        if (a == 0) return 0;
        double c = Math.Exp(Math.Log(a) / 3);
        return x.Chain(c, (x.V < 0 ? -c : c) / (3 * a));
    }

    /// <summary>
    /// Saturation voltage with carrier velocity saturation (Baum–Beneking, as SPICE2's level 2): the smallest
    /// positive root x = √(vdsat + φ − vbs) of a quartic, solved by Ferrari's method (a cubic resolvent solved by
    /// Cardano or trigonometrically). Falls back to <paramref name="fallback"/> when no root qualifies.
    /// </summary>
    private Dual BaumSaturation(Dual vgsx, Dual vbin, double eta, Dual phiMinVbs, Dual gammad, Dual sarg, Dual ueff,
        Dual fallback)
    {
        Dual v1 = (vgsx - vbin) / eta + phiMinVbs;
        Dual v2 = phiMinVbs;
        Dual xv = _m.Vmax * EffectiveLength / ueff;
        Dual a1 = gammad / 0.75;
        Dual b1 = -2 * (v1 + xv);
        Dual c1 = -2 * gammad * xv;
        Dual d1 = 2 * v1 * (v2 + xv) - v2 * v2 - 4.0 / 3 * gammad * sarg * sarg * sarg;
        Dual a = -b1;
        Dual b = a1 * c1 - 4 * d1;
        Dual c = -d1 * (a1 * a1 - 4 * b1) - c1 * c1;
        Dual r = -a * a / 3 + b;
        Dual s = 2 * a * a * a / 27 - a * b / 3 + c;
        Dual p = s * s / 4 + r * r * r / 27;
        Dual p0 = p.V < 0 ? -p : p;
        Dual p2 = Dual.Sqrt(p0);
        Dual y3;
        if (p.V < 0)
        {
            Dual ro = Cbrt(Dual.Sqrt(s * s / 4 + p0));
            Dual q = -2 * p2 / s;
            Dual fi = q.Chain(Math.Atan(q.V), 1 / (1 + q.V * q.V));
            Dual third = fi / 3;
            y3 = 2 * ro * third.Chain(Math.Cos(third.V), -Math.Sin(third.V)) - a / 3;
        }
        else
        {
            Dual p3 = -s / 2 + p2, p4 = -s / 2 - p2;
            y3 = Cbrt(p3.V < 0 ? -p3 : p3) + Cbrt(p4.V < 0 ? -p4 : p4) - a / 3;
        }
        Dual a3 = Dual.Sqrt(a1 * a1 / 4 - b1 + y3);
        Dual b3 = Dual.Sqrt(y3 * y3 / 4 - d1);
        Dual best = 0;
        bool found = false;
        for (int i = 0; i < 4; i++)
        {
            Dual a4 = a1 / 2 + Sig1[i] * a3;
            Dual b4 = y3 / 2 + Sig2[i] * b3;
            Dual delta4 = a4 * a4 / 4 - b4;
            if (delta4.V < 0) continue;
            Dual t = Dual.Sqrt(delta4);
            foreach (var x in new[] { -a4 / 2 + t, -a4 / 2 - t })
            {
                if (x.V <= 0) continue;
                double xv4 = x.V;
                double poly = xv4 * xv4 * xv4 * xv4 + a1.V * xv4 * xv4 * xv4 + b1.V * xv4 * xv4 + c1.V * xv4 + d1.V;
                if (Math.Abs(poly) > 1e-6) continue;
                if (!found || x.V < best.V) { best = x; found = true; }
            }
        }
        return found ? best * best - phiMinVbs : fallback;
    }
}
