using Perovspice.Devices.Mosfet;

namespace Perovspice.Devices.Bsim4;

/// <summary>
/// A BSIM4 model card (`.model NAME NMOS|PMOS level=14` or `level=54`): the bound parameter values, which of them
/// the card gave (several defaults derive from other parameters or from the type), the model-level derived
/// values (Coxe, Coxp, toxp from toxe − dtox) and the device factory. Size- and temperature-dependent values are
/// computed per instance by <see cref="Bsim4Size"/>.
/// </summary>
public sealed class Bsim4Model : IMosfetModel, IModelWarnings
{
    private readonly Dictionary<string, double> _values;
    private readonly HashSet<string> _given;

    /// <summary>Builds a model from given card values (canonical lower-case names), type "nmos" or "pmos".</summary>
    /// <param name="name">Model name.</param>
    /// <param name="type">"nmos" or "pmos".</param>
    /// <param name="given">The card's values.</param>
    /// <param name="nominalTemperature">Nominal temperature (K) when the card has no tnom.</param>
    /// <param name="version">The card's version text, or null.</param>
    public Bsim4Model(string name, string type, IReadOnlyDictionary<string, double> given,
        double nominalTemperature = Units.NominalTemperature, string? version = null)
    {
        Name = name;
        IsPmos = type.Equals("pmos", StringComparison.OrdinalIgnoreCase);
        if (!IsPmos && !type.Equals("nmos", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"BSIM4 model type must be nmos or pmos, not '{type}'");
        Version = version?.Trim().Trim('"', '\'') ?? "4.8";
        Generation = GenerationOf(Version)
            ?? throw new ArgumentException($"BSIM4 version '{version}' is not supported (4.0 to 4.8)");
        // ngspice 39 runs version 4.0-4.5 cards with its BSIM4.5 code, 4.6.x with BSIM4.6 and 4.7 with BSIM4.7; those
        // do not know the later parameters, which it ignores with a warning: so do we.
        var known = Generation switch { 45 => UnknownTo45, 46 => UnknownTo46, _ => new HashSet<string>() };
        var kept = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var ignored = new List<string>();
        foreach (var (key, value) in given)
        {
            string canon = ParameterTable.Find(Bsim4Parameters.Table, key)?.Name ?? key;
            if (known.Contains(canon)) ignored.Add(key);
            else kept[key] = value;
        }
        Warnings = ignored.Select(k =>
            $"model parameter '{k}' does not exist in BSIM{Generation / 10}.{Generation % 10} (version {Version}), as in ngspice 39; ignored").ToList();
        _values = ParameterTable.Bind(Bsim4Parameters.Table, kept, "BSIM4 model");
        _given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in kept.Keys) _given.Add(ParameterTable.Find(Bsim4Parameters.Table, key)!.Name);
        NominalTemperature = Has("tnom") ? Get("tnom") + Units.CelsiusToKelvin : nominalTemperature;

        int mob = Selector("mobmod", 0, 3), dio = Selector("diomod", 0, 2);
        Selector("capmod", 0, 2);
        Selector("rdsmod", 0, 1);
        Selector("rbodymod", 0, 2);
        Selector("rgatemod", 0, 3);
        Selector("geomod", 0, 10);
        Selector("rgeomod", 0, 8);
        Selector("igcmod", 0, 2);
        Selector("igbmod", 0, 1);
        Selector("tempmod", 0, 3);
        Selector("gidlmod", 0, 1);
        if (mob == 3 && Generation == 45)
            throw new ArgumentException("BSIM4 mobmod=3 needs version 4.6 or later (ngspice 39's BSIM4.5 resets it to 0 with a warning)");
        if (Get("tempmod") == 3 && Generation < 47)
            throw new ArgumentException("BSIM4 tempmod=3 needs version 4.7 or later");
        if (Get("mtrlmod") != 0) throw new ArgumentException("BSIM4 mtrlmod=1 (new material model) is not implemented");
        if (Get("trnqsmod") != 0 || Get("acnqsmod") != 0)
            throw new ArgumentException("BSIM4 trnqsmod/acnqsmod (non-quasi-static models) are not implemented");
        MobilityModel = mob;
        DiodeModel = dio;

        // BSIM4.5's Coulomb-scattering coefficient defaults to 1e14 1/m², later versions' to 0.
        SetDefault("ud", Generation == 45 ? 1e14 : 0);
        SetDefault("fgidl", Generation == 48 ? 1.0 : 0.0); // BSIM4.8.0 changed the default (fgisl follows fgidl)
        // Type-dependent defaults (manual Appendix A).
        SetDefault("vth0", IsPmos ? -0.7 : 0.7);
        SetDefault("u0", IsPmos ? 0.025 : 0.067);
        SetDefault("eu", IsPmos ? 1.0 : 1.67);
        SetDefault("ucs", IsPmos ? 1.0 : 1.67);
        SetDefault("aigc", IsPmos ? 9.8e-3 : 1.36e-2);
        SetDefault("bigc", IsPmos ? 7.59e-4 : 1.71e-3);
        SetDefault("cigc", IsPmos ? 0.03 : 0.075);
        SetDefault("aigsd", IsPmos ? 9.8e-3 : 1.36e-2);
        SetDefault("bigsd", IsPmos ? 7.59e-4 : 1.71e-3);
        SetDefault("cigsd", IsPmos ? 0.03 : 0.075);
        SetDefault("noia", IsPmos ? 6.188e40 : 6.25e41);
        SetDefault("noib", IsPmos ? 1.5e25 : 3.125e26);
        SetDefault("vddeot", IsPmos ? -1.5 : 1.5);
        // Mobility-model dependent defaults.
        SetDefault("ua", mob == 2 ? 1e-15 : 1e-9);
        SetDefault("uc", mob == 1 ? -0.0465 : -0.0465e-9);
        SetDefault("uc1", mob == 1 ? -0.056 : -0.056e-9);
        // A given aigsd/bigsd/cigsd sets both the source and the drain parameters (ngspice 39), binned variants too.
        foreach (var (sd, a, b) in new[] { ("aigsd", "aigs", "aigd"), ("bigsd", "bigs", "bigd"), ("cigsd", "cigs", "cigd") })
            if (Has(sd))
                foreach (var pre in new[] { "", "l", "w", "p" })
                {
                    _values[pre + a] = Get(pre + sd);
                    _values[pre + b] = Get(pre + sd);
                    _given.Add(pre + a);
                    _given.Add(pre + b);
                }
        // Parameters defaulting to another one, binned variants included.
        foreach (var (p, from) in new[]
                 {
                     ("dsub", "drout"), ("agisl", "agidl"), ("bgisl", "bgidl"), ("cgisl", "cgidl"), ("egisl", "egidl"),
                     ("rgisl", "rgidl"), ("kgisl", "kgidl"), ("fgisl", "fgidl"), ("aigs", "aigsd"), ("bigs", "bigsd"),
                     ("cigs", "cigsd"), ("aigd", "aigsd"), ("bigd", "bigsd"), ("cigd", "cigsd"), ("ckappad", "ckappas"),
                 })
        {
            SetDefault(p, Get(from));
            foreach (var pre in new[] { "l", "w", "p" }) SetDefault(pre + p, Get(pre + from));
        }
        // Oxide thicknesses (manual §1: toxp = toxe − dtox, or toxe = toxp + dtox).
        if (Has("toxe") && !Has("toxp")) _values["toxp"] = Get("toxe") - Get("dtox");
        else if (!Has("toxe") && Has("toxp")) _values["toxe"] = Get("toxp") + Get("dtox");
        SetDefault("toxm", Get("toxe"));
        if (!(Get("toxp") > 0)) throw new ArgumentException("BSIM4: toxp (toxe − dtox) must be > 0");
        foreach (var (p, from) in new[]
                 {
                     ("llc", "ll"), ("lwc", "lw"), ("lwlc", "lwl"), ("wlc", "wl"), ("wwc", "ww"), ("wwlc", "wwl"),
                     ("dlc", "lint"), ("dwc", "wint"), ("dlcig", "lint"),
                 })
            SetDefault(p, Get(from));
        SetDefault("dlcigd", Get("dlcig"));
        SetDefault("dwj", Get("dwc"));
        SetDefault("dmci", Get("dmcg"));
        foreach (var (p, from) in new[]
                 {
                     ("jsd", "jss"), ("jswd", "jsws"), ("njd", "njs"), ("ijthdfwd", "ijthsfwd"),
                     ("ijthdrev", "ijthsrev"), ("bvd", "bvs"), ("xjbvd", "xjbvs"), ("xtid", "xtis"), ("pbd", "pbs"),
                     ("cjd", "cjs"), ("mjd", "mjs"), ("pbswd", "pbsws"), ("cjswd", "cjsws"), ("mjswd", "mjsws"),
                     ("pbswgs", "pbsws"), ("cjswgs", "cjsws"), ("mjswgs", "mjsws"), ("jtsd", "jtss"),
                     ("jtsswd", "jtssws"), ("jtsswgd", "jtsswgs"), ("njtsd", "njts"), ("njtsswd", "njtssw"),
                     ("njtsswgd", "njtsswg"), ("xtsd", "xtss"), ("xtsswd", "xtssws"), ("xtsswgd", "xtsswgs"),
                     ("tnjtsd", "tnjts"), ("tnjtsswd", "tnjtssw"), ("tnjtsswgd", "tnjtsswg"), ("vtsd", "vtss"),
                     ("vtsswd", "vtssws"), ("vtsswgd", "vtsswgs"),
                 })
            SetDefault(p, Get(from));
        SetDefault("jswgd", Get("jswgs"));
        SetDefault("pbswgd", Get("pbswgs"));
        SetDefault("cjswgd", Get("cjswgs"));
        SetDefault("mjswgd", Get("mjswgs"));

        double epsrox = Get("epsrox");
        Coxe = epsrox * Bsim4Constants.Eps0 / Get("toxe");
        Coxp = epsrox * Bsim4Constants.Eps0 / Get("toxp");
        SetDefault("cf", 2 * epsrox * Bsim4Constants.Eps0 / Math.PI * Math.Log(1 + 0.4e-6 / Get("toxe")));
        if (!Has("cgdo"))
            _values["cgdo"] = Has("dlc") && Get("dlc") > 0 ? Get("dlc") * Coxe - Get("cgdl") : 0.6 * Get("xj") * Coxe;
        if (!Has("cgso"))
            _values["cgso"] = Has("dlc") && Get("dlc") > 0 ? Get("dlc") * Coxe - Get("cgsl") : 0.6 * Get("xj") * Coxe;
        if (!Has("cgbo")) _values["cgbo"] = 2 * Get("dwc") * Coxe;
        foreach (var n in new[] { "njs", "njd" })
            if (!(Get(n) > 0)) throw new ArgumentException($"BSIM4 parameter '{n}' must be > 0");
    }

    /// <summary>The BSIM4 level of the MOSFET family: `level=14` or `level=54`, with "version" as text.</summary>
    public static ModelLevel Level { get; } = new()
    {
        Numbers = new[] { 14, 54 },
        Description = "BSIM4.8 (UC Berkeley)",
        Parameters = Bsim4Parameters.Table,
        TextParameters = new[] { "version" },
        Create = r => new Bsim4Model(r.Name, r.Type, r.Given, r.NominalTemperature,
            r.Text.TryGetValue("version", out var v) ? v : null),
    };

    /// <summary>Instance parameters only BSIM4 takes (beyond the MOSFET element's common ones).</summary>
    public static IReadOnlyList<ParameterInfo> InstanceParameters { get; } = new[]
    {
        ParameterInfo.Positive("nf", "", 1, "number of fingers (BSIM4)"),
        ParameterInfo.Any("min", "", 0, "minimize the number of drain (1) or source (0) diffusions for even nf (BSIM4)"),
        ParameterInfo.NonNegative("sa", "m", 0, "distance from the gate to the OD edge on the source side (BSIM4 stress)"),
        ParameterInfo.NonNegative("sb", "m", 0, "distance from the gate to the OD edge on the drain side (BSIM4 stress)"),
        ParameterInfo.NonNegative("sd", "m", 0, "distance between neighbouring fingers (BSIM4 stress; default 2·dmcg)"),
        ParameterInfo.NonNegative("sca", "", 0, "integrated first-distribution well-proximity density (BSIM4)"),
        ParameterInfo.NonNegative("scb", "", 0, "integrated second-distribution well-proximity density (BSIM4)"),
        ParameterInfo.NonNegative("scc", "", 0, "integrated third-distribution well-proximity density (BSIM4)"),
        ParameterInfo.NonNegative("sc", "m", 0, "distance to a single well edge (BSIM4)"),
        ParameterInfo.NonNegative("rbdb", "Ω", 50, "body resistance bNode–dbNode (BSIM4; default the model's)"),
        ParameterInfo.NonNegative("rbsb", "Ω", 50, "body resistance bNode–sbNode (BSIM4; default the model's)"),
        ParameterInfo.NonNegative("rbpb", "Ω", 50, "body resistance bNodePrime–bNode (BSIM4; default the model's)"),
        ParameterInfo.NonNegative("rbps", "Ω", 50, "body resistance bNodePrime–sbNode (BSIM4; default the model's)"),
        ParameterInfo.NonNegative("rbpd", "Ω", 50, "body resistance bNodePrime–dbNode (BSIM4; default the model's)"),
        ParameterInfo.Any("rgatemod", "", 0, "gate resistance model of this instance (BSIM4; default the model's)"),
        ParameterInfo.Any("rbodymod", "", 0, "body resistance model of this instance (BSIM4; default the model's)"),
        ParameterInfo.Any("trnqsmod", "", 0, "transient NQS model of this instance (BSIM4; 0 only)"),
        ParameterInfo.Any("acnqsmod", "", 0, "ac NQS model of this instance (BSIM4; 0 only)"),
        ParameterInfo.Any("geomod", "", 0, "diffusion layout of this instance (BSIM4; default the model's)"),
        ParameterInfo.Any("rgeomod", "", 0, "diffusion resistance model of this instance (BSIM4; default the model's)"),
        ParameterInfo.Any("delvto", "V", 0, "threshold voltage shift (BSIM4)"),
        ParameterInfo.Any("mulu0", "", 1, "low-field mobility multiplier (BSIM4)"),
        ParameterInfo.Any("xgw", "m", 0, "distance from the gate contact to the channel edge (BSIM4; default the model's)"),
        ParameterInfo.Positive("ngcon", "", 1, "number of gate contacts (BSIM4; default the model's)"),
    };

    /// <summary>Which ngspice 39 BSIM4 implementation the card's version selects: 45 (versions 4.0-4.5), 46 (4.6.x),
    /// 47 (4.7) or 48 (4.8, and no version). The equations are BSIM4.8's with the earlier versions' differences
    /// where they change dc results (docs/models.md, BSIM4).</summary>
    public int Generation { get; }

    /// <summary>Messages about given parameters the card's version does not have (ignored, as ngspice 39 does).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The generation of a version text, or null when it is not a BSIM4 version.</summary>
    public static int? GenerationOf(string version)
    {
        if (!double.TryParse(version.Split('.').Length > 2 ? string.Join('.', version.Split('.').Take(2)) : version,
                System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v))
            return null;
        if (v < 4 || v >= 5) return null;
        return v < 4.55 ? 45 : v < 4.65 ? 46 : v < 4.75 ? 47 : 48;
    }

    private static readonly string[] NewIn46 =
    {
        "ados", "bdos", "agisl", "bgisl", "cgisl", "egisl", "aigs", "bigs", "cigs", "aigd", "bigd", "cigd", "dlcigd",
        "mtrlmod", "phig", "epsrgate", "easub", "epsrsub", "ni0sub", "bg0sub", "tbgasub", "tbgbsub", "eot", "vddeot",
        "tempeot", "leffeot", "weffeot", "cvchargemod", "jtweff", "njtsd", "njtsswd", "njtsswgd", "tnjtsd",
        "tnjtsswd", "tnjtsswgd", "minvcv", "voffcvl", "ucs", "ucste",
    };
    private static readonly string[] NewIn47 =
    {
        "dvtp2", "dvtp3", "dvtp4", "dvtp5", "gidlmod", "rgidl", "kgidl", "fgidl", "rgisl", "kgisl", "fgisl", "teta0",
        "tnfactor", "tvoffcv", "mtrlcompatmod", "rnoic", "tnoic",
    };
    private static HashSet<string> WithBins(IEnumerable<string> names)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in names)
        {
            set.Add(n);
            if (Bsim4Parameters.Binnable.Contains(n)) foreach (var p in "lwp") set.Add(p + n);
        }
        return set;
    }
    private static readonly HashSet<string> UnknownTo46 = WithBins(NewIn47);
    private static readonly HashSet<string> UnknownTo45 = WithBins(NewIn46.Concat(NewIn47));

    /// <summary>Model name.</summary>
    public string Name { get; }
    /// <inheritdoc />
    public bool IsPmos { get; }
    /// <summary>+1 for NMOS, −1 for PMOS.</summary>
    public double Type => IsPmos ? -1 : 1;
    /// <summary>The version text of the card (default "4.8").</summary>
    public string Version { get; }
    /// <summary>Nominal temperature (K).</summary>
    public double NominalTemperature { get; }
    /// <summary>Electrical gate oxide capacitance per area εrox·ε0/toxe (F/m²).</summary>
    public double Coxe { get; }
    /// <summary>Physical gate oxide capacitance per area εrox·ε0/toxp (F/m²).</summary>
    public double Coxp { get; }
    /// <summary>mobmod (0, 1 or 2).</summary>
    public int MobilityModel { get; }
    /// <summary>diomod (0, 1 or 2).</summary>
    public int DiodeModel { get; }

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

    private int Selector(string name, int min, int max)
    {
        double v = Get(name);
        int i = (int)v;
        if (i != v || i < min || i > max)
            throw new ArgumentException($"BSIM4 parameter '{name}' must be an integer from {min} to {max}, not {v:G6}");
        return i;
    }

    /// <inheritdoc />
    public Engine.Device CreateDevice(DeviceRequest request)
    {
        if (request.Nodes.Count != 4)
            throw new ArgumentException($"BSIM4 MOSFET '{request.Name}' needs 4 nodes (d g s b)");
        double? icVds = null, icVgs = null, icVbs = null;
        if (request.ListParameters.TryGetValue("ic", out var ic))
        {
            if (ic.Count is < 1 or > 3) throw new ArgumentException("ic= takes vds[,vgs[,vbs]]");
            icVds = ic[0];
            if (ic.Count > 1) icVgs = ic[1];
            if (ic.Count > 2) icVbs = ic[2];
        }
        int Mod(string n)
        {
            double v = request.Get(n, Get(n));
            if (v != Math.Round(v)) throw new ArgumentException($"BSIM4 MOSFET '{request.Name}': {n} must be an integer");
            return (int)v;
        }
        var g = new Bsim4Geometry
        {
            L = request.Get("l", 5e-6),
            W = request.Get("w", 5e-6),
            NF = request.Get("nf", 1),
            Min = (int)request.Get("min", 0),
            AD = request.Has("ad") ? request.Get("ad", 0) : null,
            AS = request.Has("as") ? request.Get("as", 0) : null,
            PD = request.Has("pd") ? request.Get("pd", 0) : null,
            PS = request.Has("ps") ? request.Get("ps", 0) : null,
            NRD = request.Has("nrd") ? request.Get("nrd", 0) : null,
            NRS = request.Has("nrs") ? request.Get("nrs", 0) : null,
            SA = request.Get("sa", 0),
            SB = request.Get("sb", 0),
            SD = request.Get("sd", 2 * Get("dmcg")),
            SCA = request.Has("sca") ? request.Get("sca", 0) : null,
            SCB = request.Has("scb") ? request.Get("scb", 0) : null,
            SCC = request.Has("scc") ? request.Get("scc", 0) : null,
            SC = request.Has("sc") ? request.Get("sc", 0) : null,
            Rbdb = request.Get("rbdb", Get("rbdb")),
            Rbsb = request.Get("rbsb", Get("rbsb")),
            Rbpb = request.Get("rbpb", Get("rbpb")),
            Rbps = request.Get("rbps", Get("rbps")),
            Rbpd = request.Get("rbpd", Get("rbpd")),
            RgateMod = Mod("rgatemod"),
            RbodyMod = Mod("rbodymod"),
            GeoMod = Mod("geomod"),
            RgeoMod = Mod("rgeomod"),
            DelVto = request.Get("delvto", 0),
            MulU0 = request.Get("mulu0", 1),
            Xgw = request.Get("xgw", Get("xgw")),
            Ngcon = request.Get("ngcon", Get("ngcon")),
            M = request.Get("m", 1),
            Off = request.Flags.Contains("off") || request.Get("off", 0) != 0,
            IcVds = icVds,
            IcVgs = icVgs,
            IcVbs = icVbs,
        };
        if (Mod("trnqsmod") != 0 || Mod("acnqsmod") != 0)
            throw new ArgumentException($"BSIM4 MOSFET '{request.Name}': trnqsmod/acnqsmod are not implemented");
        if (g.RgateMod is < 0 or > 3) throw new ArgumentException($"BSIM4 MOSFET '{request.Name}': rgatemod must be 0-3");
        if (g.RbodyMod is < 0 or > 2) throw new ArgumentException($"BSIM4 MOSFET '{request.Name}': rbodymod must be 0-2");
        if (g.GeoMod is < 0 or > 10) throw new ArgumentException($"BSIM4 MOSFET '{request.Name}': geomod must be 0-10");
        if (g.NF != Math.Round(g.NF)) throw new ArgumentException($"BSIM4 MOSFET '{request.Name}': nf must be an integer");
        return new Bsim4Mosfet(request.Name, request.Nodes[0], request.Nodes[1], request.Nodes[2], request.Nodes[3],
            this, g, request.DeviceTemperature);
    }
}

/// <summary>Instance geometry and options of a BSIM4 MOSFET (SI units); null for values not given.</summary>
public sealed class Bsim4Geometry
{
#pragma warning disable CS1591 // the instance parameters of the BSIM4 manual, listed in Bsim4Model.InstanceParameters
    public double L { get; init; } = 5e-6;
    public double W { get; init; } = 5e-6;
    public double NF { get; init; } = 1;
    public int Min { get; init; }
    public double? AD { get; init; }
    public double? AS { get; init; }
    public double? PD { get; init; }
    public double? PS { get; init; }
    public double? NRD { get; init; }
    public double? NRS { get; init; }
    public double SA { get; init; }
    public double SB { get; init; }
    public double SD { get; init; }
    public double? SCA { get; init; }
    public double? SCB { get; init; }
    public double? SCC { get; init; }
    public double? SC { get; init; }
    public double Rbdb { get; init; } = 50;
    public double Rbsb { get; init; } = 50;
    public double Rbpb { get; init; } = 50;
    public double Rbps { get; init; } = 50;
    public double Rbpd { get; init; } = 50;
    public int RgateMod { get; init; }
    public int RbodyMod { get; init; }
    public int GeoMod { get; init; }
    public int RgeoMod { get; init; }
    public double DelVto { get; init; }
    public double MulU0 { get; init; } = 1;
    public double Xgw { get; init; }
    public double Ngcon { get; init; } = 1;
    public double M { get; init; } = 1;
    public bool Off { get; init; }
    public double? IcVds { get; init; }
    public double? IcVgs { get; init; }
    public double? IcVbs { get; init; }
#pragma warning restore CS1591
}

/// <summary>Physical constants of BSIM4 (the values of the BSIM4 reference implementation).</summary>
public static class Bsim4Constants
{
    /// <summary>Vacuum permittivity (F/m).</summary>
    public const double Eps0 = 8.85418e-12;
    /// <summary>Silicon permittivity (F/m).</summary>
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
    /// <summary>Exponent limit of the GIDL/GISL exponentials.</summary>
    public const double ExplThreshold = 100;
    /// <summary>e^−100 order floor.</summary>
    public const double MinExpl = 3.720075976e-44;
    /// <summary>e^100 order ceiling.</summary>
    public const double MaxExpl = 2.688117142e43;
}
