namespace Perovspice.Devices.Mosfet;

/// <summary>
/// What every SPICE3 MOSFET level (1–3) shares on the model card: the type, threshold, body-effect, junction
/// and overlap parameters, and the process-parameter derivations of SPICE (kp from u0·Cox, phi, gamma and vto
/// from nsub, nss and tpg) at the nominal temperature. See docs/models.md, "MOSFET".
/// </summary>
public abstract class MosfetModel : IMosfetModel
{
    /// <summary>Vacuum permittivity as SPICE uses it (F/m).</summary>
    public const double Epsilon0 = 8.854214871e-12;
    /// <summary>Silicon dioxide permittivity (F/m).</summary>
    public const double EpsilonOxide = 3.9 * Epsilon0;
    /// <summary>Silicon permittivity (F/m).</summary>
    public const double EpsilonSilicon = 11.7 * Epsilon0;
    /// <summary>Intrinsic carrier density of silicon used by SPICE's phi(nsub) (1/m³).</summary>
    public const double IntrinsicDensity = 1.45e16;

    /// <summary>Reads the card. With <paramref name="scaledIntrinsicDensity"/> (ngspice's level 3) the intrinsic
    /// density in phi(nsub) is taken at tnom: ni = 1.45e10·(tnom/300)^1.5·e^(Eg(tnom)/(2k)·(1/300 − 1/tnom)) /cm³.</summary>
    protected MosfetModel(ModelRequest r, IReadOnlyList<ParameterInfo> table, string owner, bool scaledIntrinsicDensity = false)
    {
        var p = ParameterTable.Bind(table, r.Given, owner);
        Name = r.Name;
        Values = p;
        Given = r.Given;
        IsPmos = r.Type == "pmos";
        Type = IsPmos ? -1 : 1;
        Tnom = r.NominalKelvin;
        Lambda = p["lambda"]; Rd = p["rd"]; Rs = p["rs"]; Cbd = p["cbd"]; Cbs = p["cbs"];
        CbdGiven = r.Has("cbd"); CbsGiven = r.Has("cbs");
        Is = p["is"]; Pb = p["pb"]; Cgso = p["cgso"]; Cgdo = p["cgdo"]; Cgbo = p["cgbo"]; Rsh = p["rsh"];
        Cj = p["cj"]; Mj = p["mj"]; Cjsw = p["cjsw"]; Mjsw = p["mjsw"]; Js = p["js"]; Ld = p["ld"];
        Fc = p["fc"]; U0 = p["u0"]; Kp = p["kp"]; Phi = p["phi"]; Gamma = p["gamma"]; Vto = p["vto"];
        Tox = p["tox"];
        Kf = p["kf"]; Af = p["af"];
        RdGiven = r.Has("rd"); RsGiven = r.Has("rs");

        double vtnom = Units.ThermalVoltage(Tnom);
        double egNom = MosfetTemperature.BandGap(Tnom);
        if (Tox > 0)
        {
            OxideCapacitance = EpsilonOxide / Tox;
            if (!r.Has("kp")) Kp = U0 * OxideCapacitance * 1e-4;
            double nsub = p["nsub"];
            if (r.Has("nsub") && nsub > 0)
            {
                double ni = IntrinsicDensity;
                if (scaledIntrinsicDensity)
                {
                    double t = Tnom / 300;
                    ni *= t * Math.Sqrt(t) * Math.Exp(0.5 * egNom * (1.0 / 300 - 1 / Tnom) * Units.ElementaryCharge / Units.Boltzmann);
                }
                if (nsub * 1e6 <= ni)
                    throw new ArgumentException("parameter 'nsub' must be above the intrinsic density 1.45e10 /cm³");
                if (!r.Has("phi")) Phi = Math.Max(0.1, 2 * vtnom * Math.Log(nsub * 1e6 / ni));
                double fermiS = Type * 0.5 * Phi;
                double workFunction = 3.2;
                double tpg = p["tpg"];
                if (tpg != 0)
                {
                    double fermiG = Type * tpg * 0.5 * egNom;
                    workFunction = 3.25 + 0.5 * egNom - fermiG;
                }
                double phiMS = workFunction - (3.25 + 0.5 * egNom + fermiS);
                if (!r.Has("gamma"))
                    Gamma = Math.Sqrt(2 * EpsilonSilicon * Units.ElementaryCharge * nsub * 1e6) / OxideCapacitance;
                if (!r.Has("vto"))
                {
                    double vfb = phiMS - p["nss"] * 1e4 * Units.ElementaryCharge / OxideCapacitance;
                    Vto = vfb + Type * (Gamma * Math.Sqrt(Phi) + Phi);
                }
                Nsub = nsub;
            }
        }
    }

    /// <summary>Model name.</summary>
    public string Name { get; }
    /// <summary>Every parameter of the level's table with its given or default value.</summary>
    public IReadOnlyDictionary<string, double> Values { get; }
    /// <summary>The parameters the card gave.</summary>
    public IReadOnlyDictionary<string, double> Given { get; }
    /// <inheritdoc />
    public bool IsPmos { get; }
    /// <summary>+1 for NMOS, −1 for PMOS.</summary>
    public int Type { get; }
    /// <summary>Nominal temperature (K).</summary>
    public double Tnom { get; }
    /// <summary>Zero-bias threshold voltage (V), given or derived from nsub.</summary>
    public double Vto { get; }
    /// <summary>Transconductance parameter (A/V²), given or u0·Cox.</summary>
    public double Kp { get; }
    /// <summary>Body-effect coefficient (√V), given or derived from nsub.</summary>
    public double Gamma { get; }
    /// <summary>Surface potential (V), given or derived from nsub.</summary>
    public double Phi { get; }
    /// <summary>Channel-length modulation (1/V).</summary>
    public double Lambda { get; }
    /// <summary>Drain, source resistance (Ω).</summary>
    public double Rd { get; }
    /// <inheritdoc cref="Rd" />
    public double Rs { get; }
    /// <summary>True when rd / rs was given (then rsh·nrd / rsh·nrs are not used).</summary>
    public bool RdGiven { get; }
    /// <inheritdoc cref="RdGiven" />
    public bool RsGiven { get; }
    /// <summary>Zero-bias bulk junction capacitances (F).</summary>
    public double Cbd { get; }
    /// <inheritdoc cref="Cbd" />
    public double Cbs { get; }
    /// <summary>True when cbd / cbs was given (they replace cj·area).</summary>
    public bool CbdGiven { get; }
    /// <inheritdoc cref="CbdGiven" />
    public bool CbsGiven { get; }
    /// <summary>Junction saturation current (A).</summary>
    public double Is { get; }
    /// <summary>Junction potential (V).</summary>
    public double Pb { get; }
    /// <summary>Overlap capacitances per width (cgso, cgdo) and per length (cgbo) (F/m).</summary>
    public double Cgso { get; }
    /// <inheritdoc cref="Cgso" />
    public double Cgdo { get; }
    /// <inheritdoc cref="Cgso" />
    public double Cgbo { get; }
    /// <summary>Diffusion sheet resistance (Ω/□).</summary>
    public double Rsh { get; }
    /// <summary>Junction bottom capacitance per area (F/m²) and grading.</summary>
    public double Cj { get; }
    /// <inheritdoc cref="Cj" />
    public double Mj { get; }
    /// <summary>Junction sidewall capacitance per perimeter (F/m) and grading.</summary>
    public double Cjsw { get; }
    /// <inheritdoc cref="Cjsw" />
    public double Mjsw { get; }
    /// <summary>Junction saturation current density (A/m²).</summary>
    public double Js { get; }
    /// <summary>Oxide thickness (m; 0: not given).</summary>
    public double Tox { get; }
    /// <summary>Lateral diffusion (m).</summary>
    public double Ld { get; }
    /// <summary>Flicker noise coefficient kf.</summary>
    public double Kf { get; }
    /// <summary>Flicker noise exponent af.</summary>
    public double Af { get; }
    /// <summary>Surface mobility (cm²/V·s).</summary>
    public double U0 { get; }
    /// <summary>Forward-bias depletion capacitance coefficient.</summary>
    public double Fc { get; }
    /// <summary>Substrate doping (1/cm³; 0 when not given).</summary>
    public double Nsub { get; }
    /// <summary>Gate oxide capacitance per area εox/tox (F/m²; 0 without tox: no Meyer capacitance).</summary>
    public double OxideCapacitance { get; }

    /// <summary>Offset added to the drawn length before the lateral diffusion is taken off (level 3's xl).</summary>
    public virtual double LengthOffset => 0;

    /// <inheritdoc />
    public abstract Engine.Device CreateDevice(DeviceRequest request);
}
