namespace Perovspice.Devices.Vdmos;

/// <summary>
/// Parameters of ngspice's VDMOS power MOSFET (a `.model NAME VDMOS [pchan|nchan] (...)` card), names and
/// defaults as ngspice 39 reads them: a level-1-like channel with subthreshold smoothing, mobility reduction and
/// quasi-saturation, a nonlinear gate-drain capacitance, and a body diode between source and drain. Equations:
/// docs/models.md, "VDMOS power MOSFET".
/// </summary>
public sealed class VdmosModel
{
    private static ParameterInfo P(string name, string unit, double def, string text) => ParameterInfo.Any(name, unit, def, text);
    private static ParameterInfo Nn(string name, string unit, double def, string text) => ParameterInfo.NonNegative(name, unit, def, text);
    private static ParameterInfo Pos(string name, string unit, double def, string text) => ParameterInfo.Positive(name, unit, def, text);

    /// <summary>The VDMOS card's parameter table.</summary>
    public static IReadOnlyList<ParameterInfo> Parameters { get; } = new ParameterInfo[]
    {
        P("vto", "V", 0, "threshold voltage (negative for a normal p-channel device)") with { Aliases = new[] { "vt0" } },
        Nn("kp", "A/V²", 1, "transconductance parameter"),
        Pos("phi", "V", 0.6, "surface potential (accepted; not in the dc equations, as in ngspice 39)"),
        Nn("lambda", "1/V", 0, "channel-length modulation"),
        Nn("theta", "1/V", 0, "mobility reduction by vgs"),
        Nn("rd", "Ω", 0, "drain ohmic resistance"),
        Nn("rs", "Ω", 0, "source ohmic resistance"),
        Nn("rg", "Ω", 0, "gate ohmic resistance"),
        new("tnom", "°C", 27, "parameter measurement temperature", v => v > -Units.CelsiusToKelvin, "> -273.15"),
        Nn("kf", "", 0, "flicker noise coefficient (.noise: kf·|Id|^af/(f·m·Cox²), Cox = εox/100 nm, as ngspice 39)"),
        Pos("af", "", 1, "flicker noise exponent"),
        Nn("rq", "Ω", 0, "quasi-saturation resistance (with vq)"),
        Nn("vq", "V", 0, "quasi-saturation voltage (with rq)"),
        Pos("mtriode", "", 1, "conductance multiplier in the triode region"),
        P("tcvth", "V/K", 0, "threshold temperature coefficient: |vto| falls by tcvth·(T − Tnom)"),
        P("mu", "", -1.5, "exponent of the kp temperature law kp·(T/Tnom)^mu"),
        P("texp0", "", 1.5, "rd temperature exponent rd·(T/Tnom)^texp0 (used only when given; else trd1, trd2)"),
        P("texp1", "", 0.3, "rq temperature exponent rq·(T/Tnom)^texp1"),
        P("trd1", "1/K", 0, "rd linear temperature coefficient"),
        P("trd2", "1/K²", 0, "rd quadratic temperature coefficient"),
        P("trg1", "1/K", 0, "rg linear temperature coefficient"),
        P("trg2", "1/K²", 0, "rg quadratic temperature coefficient"),
        P("trs1", "1/K", 0, "rs linear temperature coefficient"),
        P("trs2", "1/K²", 0, "rs quadratic temperature coefficient"),
        P("trb1", "1/K", 0, "rb linear temperature coefficient"),
        P("trb2", "1/K²", 0, "rb quadratic temperature coefficient"),
        P("subshift", "V", 0, "shift of the weak-inversion curve along vgs"),
        Nn("ksubthres", "V", 0.1, "subthreshold slope (0: the plain square law, no subthreshold current)"),
        P("tksubthres1", "1/K", 0, "ksubthres linear temperature coefficient"),
        P("tksubthres2", "1/K²", 0, "ksubthres quadratic temperature coefficient"),
        Pos("bv", "V", double.PositiveInfinity, "drain-source breakdown voltage of the body diode") with { AllowsInfinity = true },
        Pos("ibv", "A", 1e-10, "body diode current at bv"),
        Pos("nbv", "", 1, "breakdown emission coefficient"),
        Pos("rds", "Ω", 1e15, "drain-source shunt resistance"),
        Nn("rb", "Ω", 0, "body diode ohmic resistance"),
        Pos("n", "", 1, "body diode emission coefficient"),
        Nn("tt", "s", 0, "body diode transit time"),
        new("eg", "eV", 1.11, "body diode activation energy for the temperature law of is", v => v >= 0.1, ">= 0.1"),
        P("xti", "", 3, "body diode saturation-current temperature exponent"),
        Pos("is", "A", 1e-14, "body diode saturation current"),
        Pos("vj", "V", 0.8, "body diode junction potential"),
        Nn("cjo", "F", 0, "zero-bias body diode junction capacitance (the drain-source capacitance)"),
        new("m", "", 0.5, "body diode grading coefficient", v => v >= 0 && v < 1, "in [0, 1)"),
        new("fc", "", 0.5, "forward-bias depletion capacitance coefficient", v => v >= 0 && v <= 0.95, "in [0, 0.95]"),
        Nn("cgdmin", "F", 0, "gate-drain capacitance at large negative vgd"),
        Nn("cgdmax", "F", 0, "gate-drain capacitance at large positive vgd"),
        Pos("a", "1/V", 1, "steepness of the gate-drain capacitance curve"),
        Nn("cgs", "F", 0, "gate-source capacitance (constant)"),
        Pos("rthjc", "K/W", 1, "self-heating junction-to-case resistance (only with the thermal instance flag, not supported)"),
        Pos("rthca", "K/W", 1000, "self-heating case-to-ambient resistance (only with the thermal instance flag, not supported)"),
        Pos("cthj", "J/K", 1e-5, "self-heating junction capacitance (only with the thermal instance flag, not supported)"),
    };

    /// <summary>Card entries ngspice 39 reads and does not simulate: information for the user (vds, ron, qg, mfg)
    /// and the safe-operating-area limits it checks only for warnings.</summary>
    public static IReadOnlyList<string> IgnoredParameters { get; } = new[]
    {
        "vds", "ron", "qg", "vgs_max", "vgd_max", "vds_max", "vgsr_max", "vgdr_max", "pd_max", "id_max", "idr_max",
        "te_max", "rth_ext", "derating",
    };

    /// <summary>The `.model` family "vdmos" for the registry: three nodes (d g s) on an `M` element.</summary>
    public static ModelFamily Family { get; } = new()
    {
        Types = new[] { "vdmos" },
        Description = "VDMOS",
        Nodes = 3,
        ExtraNodesNote = " (the thermal nodes tj tcase of ngspice's self-heating VDMOS are not supported)",
        Levels = new[]
        {
            new ModelLevel
            {
                Numbers = new[] { 1 },
                Description = "ngspice VDMOS power MOSFET",
                Parameters = Parameters,
                Flags = new[] { "pchan", "nchan" },
                Ignored = IgnoredParameters,
                Create = r =>
                {
                    if (r.Flags.Contains("pchan") && r.Flags.Contains("nchan"))
                        throw new ArgumentException($"VDMOS model '{r.Name}' is given both pchan and nchan");
                    return new VdmosModel(r.Given, r.Flags.Contains("pchan"), r.Name, r.NominalKelvin);
                },
            },
        },
    };

    private readonly Dictionary<string, double> _p;
    private readonly HashSet<string> _given;

    /// <summary>Builds a model from given values (names case-insensitive, aliases accepted). <paramref name="tnom"/>
    /// (K) is the nominal temperature (the card's tnom already applied by the caller). Throws
    /// <see cref="ArgumentException"/> for an unknown name or an invalid value.</summary>
    public VdmosModel(IReadOnlyDictionary<string, double> values, bool isPChannel = false, string name = "vdmos",
        double tnom = Units.NominalTemperature)
    {
        Name = name;
        IsPChannel = isPChannel;
        _p = ParameterTable.Bind(Parameters, values, "VDMOS model");
        _given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var k in values.Keys) _given.Add(ParameterTable.Find(Parameters, k)!.Name);
        NominalTemperature = tnom;
    }

    /// <summary>Model name.</summary>
    public string Name { get; }
    /// <summary>True for a p-channel device (the <c>pchan</c> flag).</summary>
    public bool IsPChannel { get; }
    /// <summary>Nominal temperature (K).</summary>
    public double NominalTemperature { get; }
    /// <summary>Value of a parameter by canonical name (its default when not given).</summary>
    public double this[string name] => _p[name];
    /// <summary>True when the card gave <paramref name="name"/>.</summary>
    public bool Has(string name) => _given.Contains(name);
    /// <summary>True when quasi-saturation is on (both rq and vq given, as ngspice 39 requires).</summary>
    public bool QuasiSaturation => Has("rq") && Has("vq");
    /// <summary>True when a breakdown voltage is given.</summary>
    public bool HasBreakdown => Has("bv") && double.IsFinite(_p["bv"]);
}
