namespace Perovspice.Devices.Mosfet;

/// <summary>A `level=3` MOSFET model card (SPICE2/3 semi-empirical short-channel model).</summary>
public sealed class Level3Model : MosfetModel
{
    /// <summary>Reads a level-3 card.</summary>
    public Level3Model(ModelRequest r) : base(r, MosfetParameters.Level23, "MOSFET level 3 model", scaledIntrinsicDensity: true)
    {
        var p = Values;
        Nfs = p["nfs"]; Xj = p["xj"]; Vmax = p["vmax"]; Delta = p["delta"]; Theta = p["theta"];
        Eta = p["eta"]; Kappa = p["kappa"]; Wd = p["wd"]; Xl = p["xl"]; Xw = p["xw"];
        Alpha = Nsub > 0 ? 2 * EpsilonSilicon / (Units.ElementaryCharge * Nsub * 1e6) : 0;
        DepletionCoefficient = Math.Sqrt(Alpha);
        NarrowFactor = Delta * 0.5 * Math.PI * EpsilonSilicon / OxideCapacitance;
    }

    /// <summary>The level as the model family lists it.</summary>
    public static ModelLevel Level { get; } = new()
    {
        Numbers = new[] { 3 },
        Description = "semi-empirical short-channel model",
        Parameters = MosfetParameters.Level23,
        Create = r => new Level3Model(r),
    };

    /// <summary>Fast surface state density nfs (1/cm²).</summary>
    public double Nfs { get; }
    /// <summary>Junction depth xj (m).</summary>
    public double Xj { get; }
    /// <summary>Maximum drift velocity vmax (m/s; 0: none).</summary>
    public double Vmax { get; }
    /// <summary>Width effect on threshold delta.</summary>
    public double Delta { get; }
    /// <summary>Mobility modulation theta (1/V).</summary>
    public double Theta { get; }
    /// <summary>Static feedback eta.</summary>
    public double Eta { get; }
    /// <summary>Saturation field factor kappa.</summary>
    public double Kappa { get; }
    /// <summary>Width reduction per side wd (m).</summary>
    public double Wd { get; }
    /// <summary>Length and width offsets xl, xw (m).</summary>
    public double Xl { get; }
    /// <inheritdoc cref="Xl" />
    public double Xw { get; }

    /// <inheritdoc />
    public override double LengthOffset => Xl;
    /// <summary>2·εSi/(q·nsub) (m²/V; 0 without nsub).</summary>
    public double Alpha { get; }
    /// <summary>√alpha, the depletion width per √V (m/√V).</summary>
    public double DepletionCoefficient { get; }
    /// <summary>delta·(π/2)·εSi/Cox (m·V... the narrow-width threshold factor).</summary>
    public double NarrowFactor { get; }

    /// <inheritdoc />
    public override Engine.Device CreateDevice(DeviceRequest request) => new Level3Mosfet(request, this);
}

/// <summary>
/// SPICE level-3 MOSFET (Vladimirescu &amp; Liu, "The simulation of MOS integrated circuits using SPICE2",
/// 1980): threshold with short-channel (xj) and narrow-width (delta) corrections and drain-induced barrier lowering
/// (eta), mobility modulation by the gate (theta) and by velocity saturation (vmax), channel-length modulation
/// from kappa, and weak inversion below von = vth + n·vt when nfs is given. See docs/models.md, "MOSFET level 3".
/// </summary>
public sealed class Level3Mosfet : MosfetDevice
{
    private const double Coeff0 = 0.0631353, Coeff1 = 0.8013292, Coeff2 = -0.01110777;
    private readonly Level3Model _m;
    private readonly double _beta, _vbi, _eta, _weff, _csonco;

    /// <summary>Builds the device.</summary>
    public Level3Mosfet(DeviceRequest r, Level3Model model) : base(r, model)
    {
        _m = model;
        _weff = W + model.Xw - 2 * model.Wd;
        if (!(_weff > 0)) throw new ArgumentException($"effective channel width w + xw − 2·wd = {_weff:G4} m must be > 0");
        _beta = Temp.Kp * Multiplier * _weff / EffectiveLength;
        _vbi = Type * Temp.Vbi;
        double leff = EffectiveLength;
        _eta = model.Eta * 8.15e-22 / (model.OxideCapacitance * leff * leff * leff);
        _csonco = Units.ElementaryCharge * model.Nfs * 1e4 / model.OxideCapacitance;
    }

    /// <inheritdoc />
    protected override double EffectiveWidth => _weff;

    /// <inheritdoc />
    protected override ChannelPoint Channel(Dual vgs, Dual vds, Dual vbs)
    {
        var m = _m;
        double phi = Temp.Phi, vt = Temp.Vt, leff = EffectiveLength;
        // √(phi − vbs), continued for vbs > 0 as √phi/(1 + vbs/(2phi))
        Dual sqphbs, phibs;
        if (vbs.V <= 0)
        {
            phibs = phi - vbs;
            sqphbs = Dual.Sqrt(phibs);
        }
        else
        {
            sqphbs = Math.Sqrt(phi) / (1 + vbs / (2 * phi));
            phibs = sqphbs * sqphbs;
        }
        // short-channel correction of the bulk charge (junction depth xj)
        Dual fshort = 1;
        if (m.Xj != 0 && m.DepletionCoefficient != 0)
        {
            Dual wponxj = m.DepletionCoefficient * sqphbs / m.Xj;
            double djonxj = m.Ld / m.Xj;
            Dual arga = Coeff0 + Coeff1 * wponxj + Coeff2 * wponxj * wponxj + djonxj;
            Dual argc = wponxj / (1 + wponxj);
            Dual argb = Dual.Sqrt(1 - argc * argc);
            fshort = 1 - m.Xj / leff * (arga * argb - djonxj);
        }
        Dual gammas = m.Gamma * fshort;
        Dual fbody = 0.25 * gammas / sqphbs + m.NarrowFactor / _weff;
        Dual qbonco = gammas * sqphbs + m.NarrowFactor / _weff * phibs;
        Dual vth = _vbi - _eta * vds + qbonco;
        Dual von = vth, xn = 1;
        if (m.Nfs != 0)
        {
            xn = 1 + _csonco + qbonco / (2 * phibs);
            von = vth + vt * xn;
        }
        else if (vgs.V <= von.V) return new ChannelPoint(0, von, 0);

        Dual vgsx = Dual.Max(vgs, von);
        Dual fgate = 1 / (1 + m.Theta * (vgsx - vth));
        Dual vdsat = (vgsx - vth) / (1 + fbody);
        Dual vdsc = 0;
        if (m.Vmax > 0)
        {
            Dual us = Temp.U0 * 1e-4 * fgate;
            vdsc = leff * m.Vmax / us;
            Dual arga = (vgsx - vth) / (1 + fbody);
            vdsat = arga + vdsc - Dual.Sqrt(arga * arga + vdsc * vdsc);
        }
        Dual vdsx = Dual.Min(vds, vdsat);
        Dual cdrain = _beta * fgate * (vgsx - vth - 0.5 * (1 + fbody) * vdsx) * vdsx;
        Dual fdrain = 1;
        if (m.Vmax > 0)
        {
            fdrain = 1 / (1 + vdsx / vdsc);
            cdrain = cdrain * fdrain;
        }
        // channel-length modulation
        Dual delxl = 0;
        bool modulated = false;
        if (m.Alpha != 0)
        {
            if (vds.V <= vdsat.V)
            {
                if (m.Vmax <= 0)
                {
                    // ngspice's continuation into the linear region: Δl·(vds/vdsat)⁴ with Δl at vds = vdsat
                    Dual r = vds / vdsat;
                    r = r * r;
                    delxl = Dual.Sqrt(m.Kappa * m.Alpha * vdsat / 8) * r * r;
                    modulated = true;
                }
            }
            else if (m.Vmax <= 0)
            {
                delxl = Dual.Sqrt(m.Kappa * m.Alpha * (vds - vdsat + vdsat / 8));
                modulated = true;
            }
            else
            {
                Dual gdsat = cdrain * (1 - fdrain) / vdsc;
                if (gdsat.V < 1e-12) gdsat = 1e-12;
                Dual emax = m.Kappa * cdrain / leff / gdsat;
                Dual arga = 0.5 * m.Alpha * emax;
                Dual argb = Dual.Sqrt(arga * arga + m.Kappa * m.Alpha * (vds - vdsat));
                delxl = argb - arga;
                modulated = true;
            }
        }
        if (modulated)
        {
            if (delxl.V > 0.5 * leff) delxl = leff - leff * leff / (4 * delxl); // punch-through
            cdrain = cdrain / (1 - delxl / leff);
        }
        if (m.Nfs != 0 && vgs.V < von.V)
            cdrain = cdrain * Dual.Exp((vgs - von) / (vt * xn));
        return new ChannelPoint(cdrain, von, vdsat);
    }
}
