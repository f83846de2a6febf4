namespace Perovspice.Devices;

/// <summary>
/// Parameters of the SPICE level-1 JFET (Shichman–Hodges with Sprague's doping-tail parameter b; a
/// `.model NAME NJF|PJF (...)` card), as given at the nominal temperature. Names and defaults are those of the
/// SPICE3/ngspice manual.
/// </summary>
public sealed class JfetModel
{
    /// <summary>The level-1 model card's parameter table.</summary>
    public static IReadOnlyList<ParameterInfo> Parameters { get; } = new ParameterInfo[]
    {
        ParameterInfo.Any("vto", "V", -2, "threshold (pinch-off) voltage") with { Aliases = new[] { "vt0" } },
        ParameterInfo.NonNegative("beta", "A/V²", 1e-4, "transconductance parameter"),
        ParameterInfo.NonNegative("lambda", "1/V", 0, "channel-length modulation"),
        ParameterInfo.NonNegative("rd", "Ω", 0, "drain ohmic resistance"),
        ParameterInfo.NonNegative("rs", "Ω", 0, "source ohmic resistance"),
        ParameterInfo.NonNegative("cgs", "F", 0, "zero-bias gate-source junction capacitance"),
        ParameterInfo.NonNegative("cgd", "F", 0, "zero-bias gate-drain junction capacitance"),
        ParameterInfo.Positive("pb", "V", 1, "gate junction potential"),
        ParameterInfo.NonNegative("is", "A", 1e-14, "gate junction saturation current"),
        new("b", "", 1, "doping-tail parameter (1: plain Shichman–Hodges)", v => v > 0, "> 0"),
        new("fc", "", 0.5, "forward-bias depletion capacitance coefficient", v => v >= 0 && v <= 0.95, "in [0, 0.95]"),
        ParameterInfo.Any("m", "", 0.5, "grading coefficient: accepted and ignored, as ngspice 39 does (the gate junctions grade as 0.5)"),
        ParameterInfo.NonNegative("kf", "", 0, "flicker noise coefficient (.noise: m·kf·(|Id|/m)^af/f)"),
        ParameterInfo.Positive("af", "", 1, "flicker noise exponent"),
        ParameterInfo.Any("vtotc", "V/K", 0, "threshold temperature coefficient: vto + vtotc·(T − Tnom) (when given, tcv is not used)"),
        ParameterInfo.Any("tcv", "V/K", 0, "threshold temperature coefficient of the opposite sign: vto − tcv·(T − Tnom)"),
        ParameterInfo.Any("betatce", "%/K", 0, "exponential beta temperature coefficient: beta·1.01^(betatce·(T − Tnom)) (when given, bex is not used)"),
        ParameterInfo.Any("bex", "", 0, "beta temperature exponent: beta·(T/Tnom)^bex"),
        ParameterInfo.Any("xti", "", 0, "temperature exponent of is"),
        ParameterInfo.Positive("eg", "eV", 1.11, "energy gap for the temperature dependence of is"),
        new("tnom", "°C", 27, "parameter measurement temperature", v => v > -Units.CelsiusToKelvin, "> -273.15"),
    };

    /// <summary>The `.model` family "njf"/"pjf" (level 1) for the registry.</summary>
    public static ModelFamily Family { get; } = new()
    {
        Types = new[] { "njf", "pjf" },
        Description = "junction field-effect transistor",
        Levels = new[]
        {
            new ModelLevel
            {
                Numbers = new[] { 1 },
                Description = "Shichman–Hodges (Sprague b)",
                Parameters = Parameters,
                Create = r => new JfetModel(r.Given, r.Type == "pjf", r.Name,
                    r.NominalKelvin),
            },
        },
    };

    private readonly Dictionary<string, double> _p;

    /// <summary>Builds a model from given values (names case-insensitive, aliases accepted); <paramref name="tnom"/>
    /// (K) is used when the values do not give tnom. Throws <see cref="ArgumentException"/> for an unknown name or
    /// an invalid value.</summary>
    public JfetModel(IReadOnlyDictionary<string, double> values, bool isPChannel = false, string name = "j",
        double tnom = Units.NominalTemperature)
    {
        Name = name;
        IsPChannel = isPChannel;
        _p = ParameterTable.Bind(Parameters, values, "jfet model");
        bool hasTnom = values.Keys.Any(k => k.Equals("tnom", StringComparison.OrdinalIgnoreCase));
        NominalTemperature = hasTnom ? _p["tnom"] + Units.CelsiusToKelvin : tnom;
        _hasBetatce = values.Keys.Any(k => k.Equals("betatce", StringComparison.OrdinalIgnoreCase));
        _hasVtotc = values.Keys.Any(k => k.Equals("vtotc", StringComparison.OrdinalIgnoreCase));
    }

    private readonly bool _hasBetatce, _hasVtotc;

    /// <summary>Model name.</summary>
    public string Name { get; }
    /// <summary>True for a P-channel device.</summary>
    public bool IsPChannel { get; }
    /// <summary>Nominal temperature (K).</summary>
    public double NominalTemperature { get; }
    /// <summary>Value of a parameter by canonical name (its default when not given).</summary>
    public double this[string name] => _p[name];
    /// <summary>Threshold voltage (V).</summary>
    public double Vto => _p["vto"];
    /// <summary>Transconductance parameter (A/V²).</summary>
    public double Beta => _p["beta"];
    /// <summary>Channel-length modulation (1/V).</summary>
    public double Lambda => _p["lambda"];
    /// <summary>Drain resistance (Ω).</summary>
    public double Rd => _p["rd"];
    /// <summary>Source resistance (Ω).</summary>
    public double Rs => _p["rs"];
    /// <summary>Doping-tail parameter b.</summary>
    public double B => _p["b"];
    /// <summary>Forward-bias depletion capacitance coefficient.</summary>
    public double Fc => _p["fc"];
    /// <summary>Grading coefficient of the gate junctions: 0.5 (a card's m is accepted and ignored, as in ngspice 39).</summary>
    public double M => 0.5;

    /// <summary>Gate saturation current at <paramref name="kelvin"/>: is·(T/Tnom)^xti·exp((T/Tnom − 1)·eg/vt).</summary>
    public double SaturationCurrent(double kelvin)
    {
        double ratio = kelvin / NominalTemperature;
        return _p["is"] * Math.Exp((ratio - 1) * _p["eg"] / SpiceThermal.Voltage(kelvin) + _p["xti"] * Math.Log(ratio));
    }

    /// <summary>Threshold voltage at <paramref name="kelvin"/>: vto + vtotc·(T − Tnom) when vtotc is given, else
    /// vto − tcv·(T − Tnom) (ngspice 39 takes both names, with opposite signs).</summary>
    public double ThresholdAt(double kelvin) =>
        Vto + (_hasVtotc ? _p["vtotc"] : -_p["tcv"]) * (kelvin - NominalTemperature);

    /// <summary>Transconductance parameter at <paramref name="kelvin"/>: beta·1.01^(betatce·(T − Tnom)) when betatce
    /// is given, else beta·(T/Tnom)^bex (as ngspice 39).</summary>
    public double BetaAt(double kelvin) => _hasBetatce
        ? Beta * Math.Pow(1.01, _p["betatce"] * (kelvin - NominalTemperature))
        : Beta * Math.Pow(kelvin / NominalTemperature, _p["bex"]);

    /// <summary>Gate junction potential at <paramref name="kelvin"/> (<see cref="Depletion.Potential"/>).</summary>
    public double Potential(double kelvin) => Depletion.Potential(_p["pb"], NominalTemperature, kelvin);

    /// <summary>Zero-bias capacitance <paramref name="name"/> ("cgs" or "cgd") at <paramref name="kelvin"/>.</summary>
    public double Capacitance(string name, double kelvin) =>
        Depletion.Capacitance(_p[name], _p["pb"], M, NominalTemperature, kelvin);
}
