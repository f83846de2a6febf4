namespace Perovspice.Devices.CodeModels;

/// <summary>
/// The <c>A</c> element: an XSPICE analog code model (ngspice manual, "Analog Models"): gain, summer, mult, divide,
/// limit, pwl, int, d_dt, s_xfer, hyst, slew, climit. The netlist reads the port list (<c>%v %vd %i %id</c>, vectors <c>[…]</c>) and
/// hands it over as the <see cref="DeviceRequest.Payload"/> (a list of <see cref="CodePort"/>).
/// </summary>
public static class CodeModelKind
{
    private static ModelFamily Family(string type, string description, IReadOnlyList<ParameterInfo> table,
        Func<ModelRequest, CodeModel> create, IReadOnlyList<ParameterInfo>? vectors = null, bool fraction = false,
        string[]? text = null) => new()
    {
        Types = new[] { type },
        Description = description,
        Levels = new[]
        {
            new ModelLevel
            {
                Numbers = new[] { 1 },
                Description = description,
                Parameters = table,
                VectorParameters = vectors ?? Array.Empty<ParameterInfo>(),
                TextParameters = text ?? (fraction ? new[] { "fraction" } : Array.Empty<string>()),
                Create = r => create(r),
            },
        },
    };

    /// <summary>The code models perovspice implements, one `.model` type each.</summary>
    public static IReadOnlyList<ModelFamily> Families { get; } = new[]
    {
        Family("gain", "gain block", GainModel.Table, r => new GainModel(r) { Name = r.Name }),
        Family("summer", "summer", SummerModel.Table, r => new SummerModel(r, false) { Name = r.Name }, SummerModel.Vectors),
        Family("mult", "multiplier", SummerModel.Table, r => new SummerModel(r, true) { Name = r.Name }, SummerModel.Vectors),
        Family("divide", "divider", DivideModel.Table, r => new DivideModel(r) { Name = r.Name }, fraction: true),
        Family("limit", "limiter", LimitModel.Table, r => new LimitModel(r) { Name = r.Name }, fraction: true),
        Family("pwl", "piecewise-linear controlled source", PwlModel.Table, r => new PwlModel(r) { Name = r.Name }, PwlModel.Vectors,
            text: new[] { "fraction", "limit" }),
        Family("int", "integrator", IntegratorModel.Table, r => new IntegratorModel(r) { Name = r.Name }),
        Family("d_dt", "differentiator", DifferentiatorModel.Table, r => new DifferentiatorModel(r) { Name = r.Name }),
        Family("s_xfer", "s-domain transfer function", SXferModel.Table, r => new SXferModel(r) { Name = r.Name }, SXferModel.Vectors),
        Family("hyst", "hysteresis block", HysteresisModel.Table, r => new HysteresisModel(r) { Name = r.Name }, fraction: true),
        Family("slew", "slew rate block", SlewModel.Table, r => new SlewModel(r) { Name = r.Name }),
        Family("climit", "controlled limiter", ControlledLimitModel.Table, r => new ControlledLimitModel(r) { Name = r.Name }, fraction: true),
    };

    /// <summary>ngspice code models perovspice does not implement (named in the error for a card of this type).</summary>
    public static IReadOnlySet<string> Unsupported { get; } = new HashSet<string>
    {
        "ilimit", "cmeter", "lmeter", "core", "sine", "triangle", "square", "oneshot",
        "zener", "file_source", "multi_input_pwl", "delay", "pswitch", "aswitch", "potentiometer",
        "d_buffer", "d_inverter", "d_and", "d_nand", "d_or", "d_nor", "d_xor", "d_xnor", "d_tristate", "d_pullup",
        "d_pulldown", "d_open_c", "d_open_e", "d_dff", "d_jkff", "d_tff", "d_srff", "d_dlatch", "d_srlatch", "d_fsm",
        "d_osc", "d_pwm", "d_source", "d_state", "d_ram", "d_lut", "d_genlut", "d_cosim",
        "adc_bridge", "dac_bridge", "d_to_real", "real_to_v", "real_gain", "real_delay", "real_zener",
    };

    /// <summary>A: <c>Aname port… model</c>.</summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 'a',
        Description = "XSPICE code model",
        Form = ElementForm.CodeModel,
        MinNodes = 1,
        MaxNodes = int.MaxValue,
        Models = Families,
        ModelRequired = true,
        Create = r => new CodeModelDevice(r.Name, r.Nodes, (CodeModel)r.Model!, (IReadOnlyList<CodePort>)r.Payload!),
    };
}
