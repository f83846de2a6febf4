namespace Perovspice.Devices;

/// <summary>
/// Parameters of the SPICE level-1 junction diode (a `.model name d (...)` card), at the nominal temperature
/// 27 °C. Build it from a dictionary of given values; omitted values take their defaults from
/// <see cref="Parameters"/>.
/// </summary>
public sealed class DiodeModel
{
    /// <summary>Boltzmann constant k (J/K) as ngspice uses it (<see cref="Units.Boltzmann"/>).</summary>
    public const double Boltzmann = Units.Boltzmann;
    /// <summary>Elementary charge q (C) as ngspice uses it (<see cref="Units.ElementaryCharge"/>).</summary>
    public const double ElementaryCharge = Units.ElementaryCharge;
    /// <summary>Nominal temperature 27 °C in kelvin.</summary>
    public const double NominalTemperature = 300.15;
    /// <summary>Thermal voltage kT/q at <see cref="NominalTemperature"/> (≈ 0.0258649 V).</summary>
    public const double ThermalVoltage = Boltzmann / ElementaryCharge * NominalTemperature;

    private static bool Positive(double v) => v > 0;
    private static bool NonNegative(double v) => v >= 0 && double.IsFinite(v);

    /// <summary>The diode model's parameter table (name, unit, default, description, validity).</summary>
    public static IReadOnlyList<ParameterInfo> Parameters { get; } = new ParameterInfo[]
    {
        new("is", "A", 1e-14, "saturation current", v => Positive(v) && double.IsFinite(v), "> 0"),
        new("n", "", 1, "emission coefficient", v => Positive(v) && double.IsFinite(v), "> 0"),
        new("rs", "Ω", 0, "series (ohmic) resistance", NonNegative, ">= 0"),
        new("cjo", "F", 0, "zero-bias junction capacitance", NonNegative, ">= 0") { Aliases = new[] { "cj0" } },
        new("vj", "V", 1, "junction potential", v => Positive(v) && double.IsFinite(v), "> 0"),
        new("m", "", 0.5, "grading coefficient", v => v >= 0 && v < 1, "in [0, 1)"),
        new("tt", "s", 0, "transit time", NonNegative, ">= 0"),
        new("bv", "V", double.PositiveInfinity, "reverse breakdown voltage (infinite: no breakdown)", Positive, "> 0") { AllowsInfinity = true },
        new("ibv", "A", 1e-3, "current at the breakdown voltage", v => Positive(v) && double.IsFinite(v), "> 0"),
        new("fc", "", 0.5, "forward-bias depletion capacitance coefficient", v => v >= 0 && v <= 0.95, "in [0, 0.95]"),
        new("nbv", "", double.NaN, "breakdown emission coefficient (default: n)", v => v > 0, "> 0"),
        new("xti", "", 3, "saturation-current temperature exponent", v => double.IsFinite(v), "finite"),
        new("eg", "eV", 1.11, "activation energy (band gap)", v => v > 0, "> 0"),
        new("tnom", "°C", 27, "nominal temperature of the parameters", v => v > -Units.CelsiusToKelvin, "above absolute zero"),
        new("kf", "", 0, "flicker noise coefficient (.noise: m·kf·(|Id|/m)^af/f)", NonNegative, ">= 0"),
        new("af", "", 1, "flicker noise exponent", v => v > 0, "> 0"),
    };

    /// <summary>A model with every parameter at its default.</summary>
    public DiodeModel() : this(new Dictionary<string, double>()) { }

    /// <summary>
    /// Builds a model from given parameter values (names case-insensitive). Throws <see cref="ArgumentException"/>
    /// "unknown parameter 'xyz' for diode model" or "parameter 'is' must be > 0".
    /// </summary>
    public DiodeModel(IReadOnlyDictionary<string, double> values, string name = "d")
    {
        Name = name;
        var p = ParameterTable.Bind(Parameters, values, "diode model");
        Is = p["is"]; N = p["n"]; Rs = p["rs"]; Cjo = p["cjo"]; Vj = p["vj"]; M = p["m"];
        Tt = p["tt"]; Bv = p["bv"]; Ibv = p["ibv"]; Fc = p["fc"];
        Nbv = double.IsNaN(p["nbv"]) ? N : p["nbv"];
        Xti = p["xti"]; Eg = p["eg"]; Tnom = p["tnom"] + Units.CelsiusToKelvin;
        Kf = p["kf"]; Af = p["af"];
    }

    /// <summary>Flicker noise coefficient kf.</summary>
    public double Kf { get; }
    /// <summary>Flicker noise exponent af.</summary>
    public double Af { get; }

    /// <summary>Breakdown emission coefficient nbv (defaults to n).</summary>
    public double Nbv { get; }
    /// <summary>Saturation-current temperature exponent xti.</summary>
    public double Xti { get; }
    /// <summary>Activation energy eg (eV).</summary>
    public double Eg { get; }
    /// <summary>Nominal temperature (K) at which the parameters were measured.</summary>
    public double Tnom { get; }

    /// <summary>Model name.</summary>
    public string Name { get; }
    /// <summary>Saturation current is (A).</summary>
    public double Is { get; }
    /// <summary>Emission coefficient n.</summary>
    public double N { get; }
    /// <summary>Series resistance rs (Ω); 0 means none.</summary>
    public double Rs { get; }
    /// <summary>Zero-bias junction capacitance cjo (F).</summary>
    public double Cjo { get; }
    /// <summary>Junction potential vj (V).</summary>
    public double Vj { get; }
    /// <summary>Grading coefficient m.</summary>
    public double M { get; }
    /// <summary>Transit time tt (s).</summary>
    public double Tt { get; }
    /// <summary>Reverse breakdown voltage bv (V); +∞ means no breakdown.</summary>
    public double Bv { get; }
    /// <summary>Current at the breakdown voltage ibv (A).</summary>
    public double Ibv { get; }
    /// <summary>Forward-bias depletion capacitance coefficient fc.</summary>
    public double Fc { get; }

    /// <summary>True when a finite breakdown voltage was given.</summary>
    public bool HasBreakdown => double.IsFinite(Bv);
}
