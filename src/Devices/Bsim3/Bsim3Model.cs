using Perovspice.Devices.Mosfet;

namespace Perovspice.Devices.Bsim3;

/// <summary>
/// A BSIM3v3.3 model card (`.model NAME NMOS|PMOS level=8` or `level=49`): the bound parameter values, which of
/// them the card gave (several defaults are derived from other parameters when a value is not given), and the
/// device factory. Size- and temperature-dependent values are computed per instance by <see cref="Bsim3Size"/>.
/// </summary>
public sealed class Bsim3Model : IMosfetModel
{
    private readonly Dictionary<string, double> _values;
    private readonly HashSet<string> _given;

    /// <summary>Builds a model from given card values (canonical lower-case names), type "nmos" or "pmos".</summary>
    /// <param name="name">Model name.</param>
    /// <param name="type">"nmos" or "pmos".</param>
    /// <param name="given">The card's values.</param>
    /// <param name="nominalTemperature">Nominal temperature (K) when the card has no tnom.</param>
    /// <param name="version">The card's version text, or null.</param>
    public Bsim3Model(string name, string type, IReadOnlyDictionary<string, double> given,
        double nominalTemperature = Units.NominalTemperature, string? version = null)
    {
        Name = name;
        IsPmos = type.Equals("pmos", StringComparison.OrdinalIgnoreCase);
        if (!IsPmos && !type.Equals("nmos", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"BSIM3 model type must be nmos or pmos, not '{type}'");
        _values = ParameterTable.Bind(Bsim3Parameters.Table, given, "BSIM3 model");
        _given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in given.Keys) _given.Add(ParameterTable.Find(Bsim3Parameters.Table, key)!.Name);
        if (version != null)
        {
            var v = version.Trim().Trim('"', '\'');
            if (!(v.StartsWith("3.3") || v.StartsWith("3.2") || v == "3" || v.StartsWith("3.0") || v.StartsWith("3.1")))
                throw new ArgumentException($"BSIM3 version '{version}' is not supported (3.x; the 3.3 equations are used)");
        }
        Version = version ?? "3.3.0";
        NominalTemperature = Has("tnom") ? Get("tnom") + Units.CelsiusToKelvin : nominalTemperature;

        // Defaults that depend on other parameters or on the type (vth0 without vth0 and vfb: Bsim3Size).
        SetDefault("u0", IsPmos ? 0.025 : 0.067);
        SetDefault("noia", IsPmos ? 9.9e18 : 1e20);
        SetDefault("noib", IsPmos ? 2.4e3 : 5e4);
        SetDefault("noic", IsPmos ? 1.4e-12 : -1.4e-12);
        if (Get("mobmod") == 3)
        {
            SetDefault("uc", -0.0465);
            SetDefault("uc1", -0.056);
        }
        SetDefault("toxm", Get("tox"));
        SetDefault("dsub", Get("drout"));
        SetDefault("llc", Get("ll"));
        SetDefault("lwc", Get("lw"));
        SetDefault("lwlc", Get("lwl"));
        SetDefault("wlc", Get("wl"));
        SetDefault("wwc", Get("ww"));
        SetDefault("wwlc", Get("wwl"));
        SetDefault("dlc", Get("lint"));
        SetDefault("dwc", Get("wint"));
        SetDefault("pbswg", Get("pbsw"));
        SetDefault("mjswg", Get("mjsw"));
        SetDefault("cjswg", Get("cjsw"));
        Cox = Bsim3Constants.EpsOx / Get("tox");
        SetDefault("cf", 2 * Bsim3Constants.EpsOx / Math.PI * Math.Log(1 + 0.4e-6 / Get("tox")));
        if (!Has("cgdo"))
            _values["cgdo"] = Has("dlc") && Get("dlc") > 0 ? Get("dlc") * Cox - Get("cgdl")
                : 0.6 * Get("xj") * Cox;
        if (!Has("cgso"))
            _values["cgso"] = Has("dlc") && Get("dlc") > 0 ? Get("dlc") * Cox - Get("cgsl")
                : 0.6 * Get("xj") * Cox;
        if (!Has("cgbo"))
            _values["cgbo"] = 2 * Get("dwc") * Cox;

        int mob = (int)Get("mobmod"), cap = (int)Get("capmod");
        if (mob is < 1 or > 3 || mob != Get("mobmod"))
            throw new ArgumentException("BSIM3 parameter 'mobmod' must be 1, 2 or 3");
        if (cap is < 0 or > 3 || cap != Get("capmod"))
            throw new ArgumentException("BSIM3 parameter 'capmod' must be 0, 1, 2 or 3");
        MobilityModel = mob;
        CapacitanceModel = cap;
        if (Get("nj") <= 0) throw new ArgumentException("BSIM3 parameter 'nj' must be > 0");
    }

    /// <summary>The BSIM3 level of the MOSFET family: `level=8` or `level=49`, with "version" as text.</summary>
    public static ModelLevel Level { get; } = new()
    {
        Numbers = new[] { 8, 49 },
        Description = "BSIM3v3.3 (UC Berkeley)",
        Parameters = Bsim3Parameters.Table,
        TextParameters = new[] { "version" },
        Create = r => new Bsim3Model(r.Name, r.Type, r.Given, r.NominalTemperature,
            r.Text.TryGetValue("version", out var v) ? v : null),
    };

    /// <summary>Model name.</summary>
    public string Name { get; }
    /// <inheritdoc />
    public bool IsPmos { get; }
    /// <summary>+1 for NMOS, −1 for PMOS.</summary>
    public double Type => IsPmos ? -1 : 1;
    /// <summary>The version text of the card (default "3.3.0").</summary>
    public string Version { get; }
    /// <summary>Nominal temperature (K).</summary>
    public double NominalTemperature { get; }
    /// <summary>Gate oxide capacitance per area εox/tox (F/m²).</summary>
    public double Cox { get; }
    /// <summary>mobmod (1, 2 or 3).</summary>
    public int MobilityModel { get; }
    /// <summary>capmod (0, 1, 2 or 3).</summary>
    public int CapacitanceModel { get; }

    /// <summary>The value of parameter <paramref name="name"/> (given, or its default after the derived-default
    /// rules).</summary>
    public double Get(string name) => _values[name];

    /// <summary>True when the card gave <paramref name="name"/>.</summary>
    public bool Has(string name) => _given.Contains(name);

    /// <summary>The binned value P0 + lP·invL + wP·invW + pP·invLW of a binnable parameter.</summary>
    public double Binned(string name, double invL, double invW, double invLW) =>
        _values[name] + _values["l" + name] * invL + _values["w" + name] * invW + _values["p" + name] * invLW;

    private void SetDefault(string name, double value)
    {
        if (!Has(name)) _values[name] = value;
    }

    /// <inheritdoc />
    public Engine.Device CreateDevice(DeviceRequest request)
    {
        if (request.Nodes.Count != 4)
            throw new ArgumentException($"BSIM3 MOSFET '{request.Name}' needs 4 nodes (d g s b)");
        double? icVds = null, icVgs = null, icVbs = null;
        if (request.ListParameters.TryGetValue("ic", out var ic))
        {
            if (ic.Count is < 1 or > 3) throw new ArgumentException("ic= takes vds[,vgs[,vbs]]");
            icVds = ic[0];
            if (ic.Count > 1) icVgs = ic[1];
            if (ic.Count > 2) icVbs = ic[2];
        }
        var geometry = new Bsim3Geometry
        {
            IcVds = icVds,
            IcVgs = icVgs,
            IcVbs = icVbs,
            L = request.Get("l", 5e-6),
            W = request.Get("w", 5e-6),
            AD = request.Get("ad", 0),
            AS = request.Get("as", 0),
            PD = request.Get("pd", 0),
            PS = request.Get("ps", 0),
            NRD = request.Get("nrd", 1),
            NRS = request.Get("nrs", 1),
            M = request.Get("m", 1),
            Off = request.Flags.Contains("off") || request.Get("off", 0) != 0,
        };
        return new Bsim3Mosfet(request.Name, request.Nodes[0], request.Nodes[1], request.Nodes[2], request.Nodes[3],
            this, geometry, request.DeviceTemperature);
    }
}

/// <summary>Instance geometry of a BSIM3 MOSFET (SI units).</summary>
public sealed class Bsim3Geometry
{
    /// <summary>Drawn channel length (m); 5 µm when not given, as ngspice's BSIM3.</summary>
    public double L { get; init; } = 5e-6;
    /// <summary>Drawn channel width (m); 5 µm when not given, as ngspice's BSIM3.</summary>
    public double W { get; init; } = 5e-6;
    /// <summary>Drain diffusion area (m²).</summary>
    public double AD { get; init; }
    /// <summary>Source diffusion area (m²).</summary>
    public double AS { get; init; }
    /// <summary>Drain diffusion perimeter (m).</summary>
    public double PD { get; init; }
    /// <summary>Source diffusion perimeter (m).</summary>
    public double PS { get; init; }
    /// <summary>Number of drain squares (times rsh gives the drain resistance).</summary>
    public double NRD { get; init; } = 1;
    /// <summary>Number of source squares.</summary>
    public double NRS { get; init; } = 1;
    /// <summary>Parallel multiplier.</summary>
    public double M { get; init; } = 1;
    /// <summary>Start the operating-point solve with the device off.</summary>
    public bool Off { get; init; }
    /// <summary>ic= drain-source voltage for a transient with `uic` (V), or null.</summary>
    public double? IcVds { get; init; }
    /// <summary>ic= gate-source voltage (V), or null.</summary>
    public double? IcVgs { get; init; }
    /// <summary>ic= bulk-source voltage (V), or null.</summary>
    public double? IcVbs { get; init; }
}

/// <summary>Physical constants of BSIM3 (the values of the BSIM3 reference implementation's manual).</summary>
public static class Bsim3Constants
{
    /// <summary>Oxide permittivity 3.9·ε0 (F/m).</summary>
    public const double EpsOx = 3.453133e-11;
    /// <summary>Silicon permittivity 11.7·ε0 (F/m).</summary>
    public const double EpsSi = 1.03594e-10;
    /// <summary>Elementary charge (C).</summary>
    public const double Q = 1.60219e-19;
    /// <summary>Boltzmann constant over q (V/K).</summary>
    public const double KboQ = 8.617087e-5;
    /// <summary>Exponent limit of the smoothing functions.</summary>
    public const double ExpThreshold = 34;
    /// <summary>e^−34 order floor.</summary>
    public const double MinExp = 1.713908431e-15;
    /// <summary>e^34 order ceiling.</summary>
    public const double MaxExp = 5.834617425e14;
}
