namespace Perovspice.Devices.Mosfet;

/// <summary>
/// The `.model NMOS|PMOS` parameter tables of the SPICE3 MOSFET levels 1–3 (names, aliases and defaults as in the
/// SPICE3/ngspice manual) and the `M` element's instance parameters.
/// </summary>
public static class MosfetParameters
{
    private static ParameterInfo P(string name, string unit, double def, string text) => ParameterInfo.Any(name, unit, def, text);
    private static ParameterInfo Nn(string name, string unit, double def, string text) => ParameterInfo.NonNegative(name, unit, def, text);
    private static ParameterInfo Pos(string name, string unit, double def, string text) => ParameterInfo.Positive(name, unit, def, text);
    private static ParameterInfo Grading(string name, double def, string text) =>
        new(name, "", def, text, v => v >= 0 && v < 1, "in [0, 1)");

    /// <summary>Parameters shared by every level; <paramref name="tox"/> and
    /// <paramref name="mjsw"/> are the level's defaults (level 1: no oxide thickness, so no Meyer capacitance
    /// unless tox is given).</summary>
    private static List<ParameterInfo> Common(double tox, double mjsw) => new()
    {
        P("vto", "V", 0, "zero-bias threshold voltage") with { Aliases = new[] { "vt0" } },
        Nn("kp", "A/V²", 2e-5, "transconductance parameter (default u0·Cox when tox is given)"),
        Nn("gamma", "√V", 0, "bulk threshold parameter"),
        Pos("phi", "V", 0.6, "surface potential"),
        Nn("lambda", "1/V", 0, "channel-length modulation (level 1 and 2)"),
        Nn("rd", "Ω", 0, "drain ohmic resistance"),
        Nn("rs", "Ω", 0, "source ohmic resistance"),
        Nn("cbd", "F", 0, "zero-bias bulk–drain junction capacitance"),
        Nn("cbs", "F", 0, "zero-bias bulk–source junction capacitance"),
        Nn("is", "A", 1e-14, "bulk junction saturation current"),
        Pos("pb", "V", 0.8, "bulk junction potential"),
        Nn("cgso", "F/m", 0, "gate–source overlap capacitance per channel width"),
        Nn("cgdo", "F/m", 0, "gate–drain overlap capacitance per channel width"),
        Nn("cgbo", "F/m", 0, "gate–bulk overlap capacitance per channel length"),
        Nn("rsh", "Ω/□", 0, "drain and source diffusion sheet resistance"),
        Nn("cj", "F/m²", 0, "zero-bias bulk junction bottom capacitance per junction area"),
        Grading("mj", 0.5, "bulk junction bottom grading coefficient"),
        Nn("cjsw", "F/m", 0, "zero-bias bulk junction sidewall capacitance per junction perimeter"),
        Grading("mjsw", mjsw, "bulk junction sidewall grading coefficient"),
        Nn("js", "A/m²", 0, "bulk junction saturation current per junction area"),
        Nn("tox", "m", tox, "oxide thickness"),
        Nn("ld", "m", 0, "lateral diffusion"),
        Pos("l", "m", 100e-6, "default channel length of the instances (their own l= wins), as in ngspice"),
        Pos("w", "m", 100e-6, "default channel width of the instances (their own w= wins), as in ngspice"),
        Pos("u0", "cm²/V·s", 600, "surface mobility") with { Aliases = new[] { "uo" } },
        new("fc", "", 0.5, "forward-bias depletion capacitance coefficient", v => v >= 0 && v < 1, "in [0, 1)"),
        Nn("nsub", "1/cm³", 0, "substrate doping"),
        P("nss", "1/cm²", 0, "surface state density"),
        P("tpg", "", 1, "type of gate material: +1 opposite to substrate, −1 same, 0 aluminium"),
        P("tnom", "°C", 27, "parameter measurement temperature"),
        Nn("kf", "", 0, "flicker noise coefficient (.noise: kf·|Id|^af/(f·Cox·Leff²))"),
        Nn("af", "", 1, "flicker noise exponent"),
        P("nlev", "", 0, "noise model selector (accepted; ngspice 39's levels 1-3 ignore it too)"),
        Nn("gdsnoi", "", 1, "channel shot-noise coefficient (accepted; ngspice 39's levels 1-3 ignore it too)"),
    };

    /// <summary>Level 1 (Shichman–Hodges).</summary>
    public static IReadOnlyList<ParameterInfo> Level1 { get; } = Common(0, 0.5);

    /// <summary>Levels 2 and 3: the common table plus the short-channel, mobility and subthreshold parameters
    /// (each level reads the ones it models and accepts the others, as ngspice does).</summary>
    public static IReadOnlyList<ParameterInfo> Level23 { get; } = Common(1e-7, 0.33).Concat(new[]
    {
        Nn("nfs", "1/cm²", 0, "fast surface state density (subthreshold slope)"),
        Nn("xj", "m", 0, "metallurgical junction depth"),
        Nn("vmax", "m/s", 0, "maximum carrier drift velocity (0: none)"),
        Pos("neff", "", 1, "total channel charge coefficient (level 2)"),
        Pos("ucrit", "V/cm", 1e4, "critical field for mobility degradation (level 2)"),
        Nn("uexp", "", 0, "critical field exponent in mobility degradation (level 2)"),
        Nn("utra", "", 0, "transverse field coefficient (level 2, not used, as in SPICE)"),
        P("delta", "", 0, "width effect on threshold voltage"),
        Nn("theta", "1/V", 0, "mobility modulation (level 3)"),
        Nn("eta", "", 0, "static feedback (level 3)"),
        Nn("kappa", "", 0.2, "saturation field factor (level 3)"),
        Nn("wd", "m", 0, "width reduction per side (level 3)"),
        P("xl", "m", 0, "length offset: Leff = l + xl − 2·ld (level 3)"),
        P("xw", "m", 0, "width offset: Weff = w + xw − 2·wd (level 3)"),
    }).ToList();

    /// <summary>The `M` element's instance parameters (ngspice defaults: L = W = 100 µm).</summary>
    public static IReadOnlyList<ParameterInfo> Instance { get; } = new[]
    {
        Pos("l", "m", 100e-6, "channel length"),
        Pos("w", "m", 100e-6, "channel width"),
        Nn("ad", "m²", 0, "drain diffusion area"),
        Nn("as", "m²", 0, "source diffusion area"),
        Nn("pd", "m", 0, "drain junction perimeter"),
        Nn("ps", "m", 0, "source junction perimeter"),
        Nn("nrd", "", 1, "number of squares of the drain diffusion"),
        Nn("nrs", "", 1, "number of squares of the source diffusion"),
        Pos("m", "", 1, "parallel multiplier"),
        P("temp", "°C", 27, "device temperature (default: the circuit's)"),
        P("dtemp", "°C", 0, "device temperature above the circuit's"),
    };
}
