namespace Perovspice.Devices;

/// <summary>
/// Parameters of the SPICE Gummel–Poon bipolar transistor (a `.model NAME NPN|PNP (...)` card, level 1), as
/// given at the nominal temperature. <see cref="At"/> gives the values at a device temperature.
/// Names, aliases and defaults are those of the SPICE3/ngspice manual; a value of 0 for vaf, var, ikf, ikr,
/// irb or vtf means "infinite/unused" as in SPICE.
/// </summary>
public sealed class BjtModel
{
    private static ParameterInfo Pos(string n, string u, double d, string t) => ParameterInfo.Positive(n, u, d, t);
    private static ParameterInfo NonNeg(string n, string u, double d, string t) => ParameterInfo.NonNegative(n, u, d, t);
    private static ParameterInfo Inf(string n, string u, string t) =>
        new(n, u, double.PositiveInfinity, t + " (0 or omitted: infinite)", v => v >= 0, ">= 0") { AllowsInfinity = true };
    private static ParameterInfo Grading(string n, double d, string t) => new(n, "", d, t, v => v >= 0 && v < 1, "in [0, 1)");

    /// <summary>The level-1 model card's parameter table.</summary>
    public static IReadOnlyList<ParameterInfo> Parameters { get; } = new ParameterInfo[]
    {
        Pos("is", "A", 1e-16, "transport saturation current"),
        Pos("bf", "", 100, "ideal maximum forward beta"),
        Pos("nf", "", 1, "forward current emission coefficient"),
        Inf("vaf", "V", "forward Early voltage") with { Aliases = new[] { "va" } },
        Inf("ikf", "A", "corner of forward beta high-current roll-off") with { Aliases = new[] { "ik" } },
        NonNeg("ise", "A", 0, "B-E leakage saturation current"),
        Pos("ne", "", 1.5, "B-E leakage emission coefficient"),
        Pos("br", "", 1, "ideal maximum reverse beta"),
        Pos("nr", "", 1, "reverse current emission coefficient"),
        Inf("var", "V", "reverse Early voltage") with { Aliases = new[] { "vb" } },
        Inf("ikr", "A", "corner of reverse beta high-current roll-off"),
        NonNeg("isc", "A", 0, "B-C leakage saturation current"),
        Pos("nc", "", 2, "B-C leakage emission coefficient"),
        NonNeg("rb", "Ω", 0, "zero-bias base resistance"),
        Inf("irb", "A", "current where the base resistance falls halfway to rbm"),
        NonNeg("rbm", "Ω", 0, "minimum base resistance at high currents (default rb)"),
        NonNeg("re", "Ω", 0, "emitter resistance"),
        NonNeg("rc", "Ω", 0, "collector resistance"),
        NonNeg("cje", "F", 0, "B-E zero-bias depletion capacitance"),
        Pos("vje", "V", 0.75, "B-E built-in potential") with { Aliases = new[] { "pe" } },
        Grading("mje", 0.33, "B-E junction grading coefficient") with { Aliases = new[] { "me" } },
        NonNeg("tf", "s", 0, "ideal forward transit time"),
        NonNeg("xtf", "", 0, "coefficient of the bias dependence of tf"),
        Inf("vtf", "V", "voltage describing the vbc dependence of tf"),
        NonNeg("itf", "A", 0, "high-current parameter of the tf dependence"),
        ParameterInfo.Any("ptf", "deg", 0, "excess phase at 1/(2π tf) Hz (accepted, not modelled)"),
        NonNeg("cjc", "F", 0, "B-C zero-bias depletion capacitance"),
        Pos("vjc", "V", 0.75, "B-C built-in potential") with { Aliases = new[] { "pc" } },
        Grading("mjc", 0.33, "B-C junction grading coefficient") with { Aliases = new[] { "mc" } },
        new("xcjc", "", 1, "fraction of cjc connected to the internal base", v => v >= 0 && v <= 1, "in [0, 1]"),
        NonNeg("tr", "s", 0, "ideal reverse transit time"),
        NonNeg("cjs", "F", 0, "zero-bias collector-substrate capacitance") with { Aliases = new[] { "ccs", "csub" } },
        Pos("vjs", "V", 0.75, "substrate junction built-in potential") with { Aliases = new[] { "ps" } },
        Grading("mjs", 0, "substrate junction grading coefficient") with { Aliases = new[] { "ms" } },
        ParameterInfo.Any("xtb", "", 0, "forward and reverse beta temperature exponent"),
        Pos("eg", "eV", 1.11, "energy gap for the temperature dependence of is"),
        ParameterInfo.Any("xti", "", 3, "temperature exponent of is"),
        new("fc", "", 0.5, "forward-bias depletion capacitance coefficient", v => v >= 0 && v <= 0.95, "in [0, 0.95]"),
        new("tnom", "°C", 27, "parameter measurement temperature", v => v > -Units.CelsiusToKelvin, "> -273.15"),
        NonNeg("kf", "", 0, "flicker noise coefficient (.noise: m·kf·(|ib|/m)^af/f)"),
        Pos("af", "", 1, "flicker noise exponent"),
        NonNeg("iss", "A", 0, "substrate junction saturation current"),
        Pos("ns", "", 1, "substrate junction emission coefficient"),
        new("subs", "", 0, "substrate geometry: 1 vertical (substrate junction at the collector), -1 lateral (at the base); omitted: vertical for npn, lateral for pnp",
            v => v == 1 || v == -1, "1 or -1"),
        new("nkf", "", 0.5, "exponent of the high-injection term of qb", v => v > 0 && v <= 1, "in (0, 1]"),
    };

    /// <summary>The `.model` family "npn"/"pnp" (level 1) for the registry.</summary>
    public static ModelFamily Family { get; } = new()
    {
        Types = new[] { "npn", "pnp" },
        Description = "bipolar junction transistor",
        Levels = new[]
        {
            new ModelLevel
            {
                Numbers = new[] { 1 },
                Description = "Gummel–Poon",
                Parameters = Parameters,
                Create = r => new BjtModel(r.Given, r.Type == "pnp", r.Name,
                    r.NominalKelvin),
            },
        },
    };

    private readonly Dictionary<string, double> _p;

    /// <summary>
    /// Builds a model from given values (names case-insensitive, aliases accepted). <paramref name="tnom"/> is
    /// the nominal temperature in kelvin used when the values do not give tnom. Throws
    /// <see cref="ArgumentException"/> for an unknown name or an invalid value.
    /// </summary>
    public BjtModel(IReadOnlyDictionary<string, double> values, bool isPnp = false, string name = "q",
        double tnom = Units.NominalTemperature)
    {
        Name = name;
        IsPnp = isPnp;
        _p = ParameterTable.Bind(Parameters, values, "bjt model");
        bool hasTnom = values.Keys.Any(k => k.Equals("tnom", StringComparison.OrdinalIgnoreCase));
        NominalTemperature = hasTnom ? _p["tnom"] + Units.CelsiusToKelvin : tnom;
        bool hasRbm = values.Keys.Any(k => k.Equals("rbm", StringComparison.OrdinalIgnoreCase));
        Rbm = hasRbm ? _p["rbm"] : _p["rb"];
        IsLateral = _p["subs"] == 0 ? isPnp : _p["subs"] < 0;
    }

    private double Infinite(string n) => _p[n] == 0 ? double.PositiveInfinity : _p[n];

    /// <summary>Model name.</summary>
    public string Name { get; }
    /// <summary>True for PNP.</summary>
    public bool IsPnp { get; }
    /// <summary>True when the substrate junction faces the base (lateral geometry: `subs=-1`, the default for PNP)
    /// rather than the collector (vertical).</summary>
    public bool IsLateral { get; }
    /// <summary>Nominal temperature (K).</summary>
    public double NominalTemperature { get; }
    /// <summary>Value of a parameter by canonical name (its default when not given).</summary>
    public double this[string name] => _p[name];

    /// <summary>Forward emission coefficient nf.</summary>
    public double Nf => _p["nf"];
    /// <summary>Reverse emission coefficient nr.</summary>
    public double Nr => _p["nr"];
    /// <summary>B-E leakage emission coefficient ne.</summary>
    public double Ne => _p["ne"];
    /// <summary>B-C leakage emission coefficient nc.</summary>
    public double Nc => _p["nc"];
    /// <summary>Forward Early voltage (V, +∞ when none).</summary>
    public double Vaf => Infinite("vaf");
    /// <summary>Reverse Early voltage (V, +∞ when none).</summary>
    public double Var => Infinite("var");
    /// <summary>Forward knee current (A, +∞ when none).</summary>
    public double Ikf => Infinite("ikf");
    /// <summary>Reverse knee current (A, +∞ when none).</summary>
    public double Ikr => Infinite("ikr");
    /// <summary>Base-resistance midpoint current (A, +∞ when rb does not depend on the base current).</summary>
    public double Irb => Infinite("irb");
    /// <summary>Zero-bias base resistance (Ω).</summary>
    public double Rb => _p["rb"];
    /// <summary>Minimum base resistance (Ω), rb when not given.</summary>
    public double Rbm { get; }
    /// <summary>Emitter resistance (Ω).</summary>
    public double Re => _p["re"];
    /// <summary>Collector resistance (Ω).</summary>
    public double Rc => _p["rc"];
    /// <summary>Forward transit time (s).</summary>
    public double Tf => _p["tf"];
    /// <summary>Flicker noise coefficient kf.</summary>
    public double Kf => _p["kf"];
    /// <summary>Flicker noise exponent af.</summary>
    public double Af => _p["af"];
    /// <summary>Coefficient of the bias dependence of tf.</summary>
    public double Xtf => _p["xtf"];
    /// <summary>vbc dependence voltage of tf (V, +∞ when none).</summary>
    public double Vtf => Infinite("vtf");
    /// <summary>High-current parameter of the tf dependence (A).</summary>
    public double Itf => _p["itf"];
    /// <summary>Reverse transit time (s).</summary>
    public double Tr => _p["tr"];
    /// <summary>B-E grading coefficient.</summary>
    public double Mje => _p["mje"];
    /// <summary>B-C grading coefficient.</summary>
    public double Mjc => _p["mjc"];
    /// <summary>Substrate grading coefficient.</summary>
    public double Mjs => _p["mjs"];
    /// <summary>Fraction of cjc at the internal base.</summary>
    public double Xcjc => _p["xcjc"];
    /// <summary>Forward-bias depletion capacitance coefficient.</summary>
    public double Fc => _p["fc"];
    /// <summary>Substrate emission coefficient.</summary>
    public double Ns => _p["ns"];
    /// <summary>Exponent of the high-injection term of qb (0.5 in the classic model).</summary>
    public double Nkf => _p["nkf"];

    /// <summary>
    /// The temperature-dependent values at <paramref name="kelvin"/> (per unit area):
    /// is(T) = is·(T/Tnom)^xti·exp(eg/vt·(T/Tnom − 1)); bf, br ×(T/Tnom)^xtb;
    /// ise(T) = ise·(is(T)/is)^(1/ne)/(T/Tnom)^xtb, isc likewise with nc; junction potentials and capacitances by
    /// <see cref="Depletion.Potential"/> and <see cref="Depletion.Capacitance"/>.
    /// </summary>
    public BjtTemperatureValues At(double kelvin)
    {
        double tnom = NominalTemperature, ratio = kelvin / tnom;
        double vt = SpiceThermal.Voltage(kelvin);
        double isLog = (ratio - 1) * _p["eg"] / vt + _p["xti"] * Math.Log(ratio);
        double betaFactor = Math.Exp(_p["xtb"] * Math.Log(ratio));
        return new BjtTemperatureValues
        {
            Temperature = kelvin,
            Vt = vt,
            Is = _p["is"] * Math.Exp(isLog),
            Ise = _p["ise"] * Math.Exp(isLog / Ne) / betaFactor,
            Isc = _p["isc"] * Math.Exp(isLog / Nc) / betaFactor,
            Iss = _p["iss"] * Math.Exp(isLog / Ns),
            Bf = _p["bf"] * betaFactor,
            Br = _p["br"] * betaFactor,
            Vje = Depletion.Potential(_p["vje"], tnom, kelvin),
            Cje = Depletion.Capacitance(_p["cje"], _p["vje"], Mje, tnom, kelvin),
            Vjc = Depletion.Potential(_p["vjc"], tnom, kelvin),
            Cjc = Depletion.Capacitance(_p["cjc"], _p["vjc"], Mjc, tnom, kelvin),
            Vjs = Depletion.Potential(_p["vjs"], tnom, kelvin),
            Cjs = Depletion.Capacitance(_p["cjs"], _p["vjs"], Mjs, tnom, kelvin),
        };
    }
}

/// <summary>BJT model values at one temperature (per unit area).</summary>
public sealed class BjtTemperatureValues
{
    /// <summary>Temperature (K).</summary>
    public double Temperature { get; init; }
    /// <summary>Thermal voltage kT/q (V).</summary>
    public double Vt { get; init; }
    /// <summary>Transport saturation current (A).</summary>
    public double Is { get; init; }
    /// <summary>B-E leakage saturation current (A).</summary>
    public double Ise { get; init; }
    /// <summary>B-C leakage saturation current (A).</summary>
    public double Isc { get; init; }
    /// <summary>Substrate saturation current (A).</summary>
    public double Iss { get; init; }
    /// <summary>Forward beta.</summary>
    public double Bf { get; init; }
    /// <summary>Reverse beta.</summary>
    public double Br { get; init; }
    /// <summary>B-E potential (V).</summary>
    public double Vje { get; init; }
    /// <summary>B-E zero-bias capacitance (F).</summary>
    public double Cje { get; init; }
    /// <summary>B-C potential (V).</summary>
    public double Vjc { get; init; }
    /// <summary>B-C zero-bias capacitance (F).</summary>
    public double Cjc { get; init; }
    /// <summary>Substrate potential (V).</summary>
    public double Vjs { get; init; }
    /// <summary>Substrate zero-bias capacitance (F).</summary>
    public double Cjs { get; init; }
}
