namespace Perovspice.Devices;

/// <summary>
/// The R, C and L element kinds. Each takes its value positionally or as <c>r=</c>/<c>c=</c>/<c>l=</c> (an
/// expression allowed), an optional model card (semiconductor resistor/capacitor geometry, temperature
/// coefficients), the multiplier <c>m</c> (m devices in parallel) and <c>scale</c>, with the SPICE temperature
/// law value(T) = value(Tnom)·(1 + tc1·ΔT + tc2·ΔT²), ΔT = T − Tnom.
/// </summary>
public static class PassiveKinds
{
    /// <summary>The smallest resistance magnitude a resistor gets (Ω): smaller values are raised to it, as in ngspice 44.</summary>
    public const double MinimumResistance = 1e-12;

    private static ParameterInfo Tc(string name, string what) => ParameterInfo.Any(name, "1/K", 0, what);

    private static readonly ParameterInfo[] Common =
    {
        Tc("tc1", "first-order temperature coefficient"),
        ParameterInfo.Any("tc2", "1/K²", 0, "second-order temperature coefficient"),
        ParameterInfo.Positive("m", "", 1, "multiplier (devices in parallel)"),
        ParameterInfo.Positive("scale", "", 1, "scale factor of the value"),
        ParameterInfo.Any("temp", "°C", double.NaN, "instance temperature (default: the circuit's)"),
        ParameterInfo.Any("dtemp", "K", 0, "instance temperature offset from the circuit's"),
    };

    private static double DeltaT(DeviceRequest r, double tnomK)
    {
        double t = r.DeviceTemperature;
        return t - tnomK;
    }

    private static double TempFactor(DeviceRequest r, IReadOnlyDictionary<string, double>? model, double tnomK)
    {
        double tc1 = r.Has("tc1") ? r.Get("tc1", 0) : model?.GetValueOrDefault("tc1") ?? 0;
        double tc2 = r.Has("tc2") ? r.Get("tc2", 0) : model?.GetValueOrDefault("tc2") ?? 0;
        double dt = DeltaT(r, tnomK);
        return 1 + tc1 * dt + tc2 * dt * dt;
    }

    /// <summary>A passive model card: its given values and nominal temperature.</summary>
    public sealed record PassiveModel(string Name, IReadOnlyDictionary<string, double> Values, double NominalTemperature);

    private static ModelFamily Family(string description, string[] types, ParameterInfo[] parameters) => new()
    {
        Types = types,
        Description = description,
        Levels = new[]
        {
            new ModelLevel
            {
                Numbers = new[] { 1 },
                Description = description,
                Parameters = parameters,
                Create = m => new PassiveModel(m.Name, m.Given,
                    m.NominalKelvin),
            },
        },
    };

    private static readonly ParameterInfo[] ModelCommon =
    {
        Tc("tc1", "first-order temperature coefficient"),
        ParameterInfo.Any("tc2", "1/K²", 0, "second-order temperature coefficient"),
        ParameterInfo.Any("tnom", "°C", 27, "nominal temperature"),
        ParameterInfo.Positive("defw", "m", 10e-6, "default width") with { Aliases = new[] { "w" } },
        ParameterInfo.Any("narrow", "m", 0, "narrowing of the width") with { Aliases = new[] { "dw" } },
        ParameterInfo.Any("short", "m", 0, "shortening of the length") with { Aliases = new[] { "dlr" } },
        ParameterInfo.NonNegative("kf", "", 0, "flicker noise coefficient (resistor: noise m·kf·(|I|/m)^af/f; unused by C)"),
        ParameterInfo.NonNegative("af", "", 1, "flicker noise exponent (resistor; unused by C)"),
    };

    private static double Geometry(DeviceRequest r, PassiveModel? model, out bool fromGeometry)
    {
        fromGeometry = false;
        if (model == null || !r.Has("l")) return double.NaN;
        var v = model.Values;
        double w = r.Get("w", v.GetValueOrDefault("defw", 10e-6)) - 2 * v.GetValueOrDefault("narrow");
        double l = r.Get("l", 0) - 2 * v.GetValueOrDefault("short");
        fromGeometry = true;
        return l / w;
    }

    /// <summary>R: <c>Rname n+ n- [model] [value] [r=…] [l= w=] [tc1= tc2=] [m=] [scale=] [ac=]</c>. With a model
    /// and l: R = rsh·(l − 2·short)/(w − 2·narrow) (as ngspice 39 computes it). A zero resistance becomes 1 mΩ (as
    /// ngspice 39 does).</summary>
    public static ElementKind Resistor { get; } = new()
    {
        Letter = 'r',
        Description = "resistor",
        MinNodes = 2,
        ValueRequired = true,
        Models = new[]
        {
            Family("semiconductor resistor", new[] { "r", "res" }, ModelCommon.Concat(new[]
            {
                ParameterInfo.NonNegative("rsh", "Ω", 0, "sheet resistance"),
                ParameterInfo.Positive("r", "Ω", 1000, "default resistance") with { Aliases = new[] { "res", "resistance" } },
                ParameterInfo.Any("tce", "%/K", 0, "exponential temperature coefficient"),
            }).ToArray()),
        },
        Values = new[] { "r" },
        Flags = new[] { "noiseless" },   // ngspice 44's flag for noisy=0
        InstanceParameters = Common.Concat(new[]
        {
            ParameterInfo.Any("r", "Ω", double.NaN, "resistance (0 means 1 mΩ; magnitudes below 1e-12 Ω are raised to 1e-12 Ω, as ngspice 44)") with { Aliases = new[] { "resistance" } },
            ParameterInfo.Any("ac", "Ω", double.NaN, "resistance in ac analysis (accepted; ac uses the dc value)"),
            ParameterInfo.Positive("l", "m", 0, "length (with a model: R = rsh·(l − 2·short)/(w − 2·narrow))"),
            ParameterInfo.Positive("w", "m", 0, "width"),
            ParameterInfo.Any("tce", "%/K", 0, "exponential temperature coefficient"),
            ParameterInfo.Any("noisy", "", 1, "noise flag: 0 makes the resistor noiseless in .noise"),
        }).ToArray(),
        Create = r =>
        {
            var model = r.Model as PassiveModel;
            double value;
            if (r.Has("r")) value = r.Get("r", 0);
            else
            {
                double squares = Geometry(r, model, out bool geo);
                if (geo && model!.Values.TryGetValue("rsh", out double rsh) && rsh > 0) value = rsh * squares;
                else if (model != null) value = model.Values.GetValueOrDefault("r", 1000);
                else throw new ArgumentException($"expected a resistance for '{r.Name}'");
            }
            if (!double.IsFinite(value)) throw new ArgumentException($"resistance of '{r.Name}' must be finite");
            double tnom = model?.NominalTemperature ?? Units.NominalTemperature;
            value *= TempFactor(r, model?.Values, tnom);
            double tce = r.Has("tce") ? r.Get("tce", 0) : model?.Values.GetValueOrDefault("tce") ?? 0;
            if (tce != 0) value *= Math.Pow(1.01, tce * DeltaT(r, tnom));
            value *= r.Get("scale", 1) / r.Get("m", 1);
            if (value == 0) value = 1e-3;
            // As ngspice 44: no resistance below 1e-12 Ω. A conductance beyond 1e12 S beside kΩ parts is past double
            // precision (the small currents into its nodes are lost in rounding): a 1 fΩ link made a ring
            // oscillator take 389 000 time points of round-off noise instead of 11 000.
            else if (Math.Abs(value) < MinimumResistance) value = Math.CopySign(MinimumResistance, value);
            return new Resistor(r.Name, r.Nodes[0], r.Nodes[1], value)
            {
                Temperature = r.DeviceTemperature,
                Noisy = r.Get("noisy", 1) != 0 && !r.Flags.Contains("noiseless"),
                FlickerCoefficient = model?.Values.GetValueOrDefault("kf") ?? 0,
                FlickerExponent = model?.Values.GetValueOrDefault("af", 1) ?? 1,
                Multiplier = r.Get("m", 1),
            };
        },
    };

    /// <summary>C: <c>Cname n+ n- [model] [value] [c=…] [ic=] [l= w=] [tc1= tc2=] [m=] [scale=]</c>.</summary>
    public static ElementKind Capacitor { get; } = new()
    {
        Letter = 'c',
        Description = "capacitor",
        MinNodes = 2,
        ValueRequired = true,
        Models = new[]
        {
            Family("semiconductor capacitor", new[] { "c" }, ModelCommon.Concat(new[]
            {
                ParameterInfo.NonNegative("cj", "F/m²", 0, "junction bottom capacitance per area"),
                ParameterInfo.NonNegative("cjsw", "F/m", 0, "junction sidewall capacitance per length"),
                ParameterInfo.NonNegative("cap", "F", 0, "default capacitance") with { Aliases = new[] { "c" } },
            }).ToArray()),
        },
        Values = new[] { "c" },
        InstanceParameters = Common.Concat(new[]
        {
            ParameterInfo.Any("c", "F", double.NaN, "capacitance") with { Aliases = new[] { "capacitance" } },
            ParameterInfo.Any("ic", "V", 0, "initial voltage (with uic)"),
            ParameterInfo.Positive("l", "m", 0, "length (with a model)"),
            ParameterInfo.Positive("w", "m", 0, "width (with a model)"),
        }).ToArray(),
        Create = r =>
        {
            var model = r.Model as PassiveModel;
            double value;
            if (r.Has("c")) value = r.Get("c", 0);
            else if (model != null && r.Has("l"))
            {
                var v = model.Values;
                double w = r.Get("w", v.GetValueOrDefault("defw", 10e-6)) - 2 * v.GetValueOrDefault("narrow");
                double l = r.Get("l", 0) - 2 * v.GetValueOrDefault("short");
                value = v.GetValueOrDefault("cj") * w * l + v.GetValueOrDefault("cjsw") * 2 * (w + l);
            }
            else if (model != null) value = model.Values.GetValueOrDefault("cap");
            else throw new ArgumentException($"expected a capacitance for '{r.Name}'");
            if (!double.IsFinite(value)) throw new ArgumentException($"capacitance of '{r.Name}' must be finite");
            value *= TempFactor(r, model?.Values, model?.NominalTemperature ?? Units.NominalTemperature);
            value *= r.Get("scale", 1) * r.Get("m", 1);
            return new Capacitor(r.Name, r.Nodes[0], r.Nodes[1], value, r.Has("ic") ? r.Get("ic", 0) : null);
        },
    };

    /// <summary>L: <c>Lname n+ n- [model] [value] [l=…] [ic=] [tc1= tc2=] [m=] [scale=]</c>.</summary>
    public static ElementKind Inductor { get; } = new()
    {
        Letter = 'l',
        Description = "inductor",
        MinNodes = 2,
        ValueRequired = true,
        Models = new[]
        {
            Family("inductor model", new[] { "l" }, new[]
            {
                Tc("tc1", "first-order temperature coefficient"),
                ParameterInfo.Any("tc2", "1/K²", 0, "second-order temperature coefficient"),
                ParameterInfo.Any("tnom", "°C", 27, "nominal temperature"),
                ParameterInfo.NonNegative("ind", "H", 0, "default inductance") with { Aliases = new[] { "l" } },
            }),
        },
        Values = new[] { "l" },
        InstanceParameters = Common.Concat(new[]
        {
            ParameterInfo.Any("l", "H", double.NaN, "inductance") with { Aliases = new[] { "inductance" } },
            ParameterInfo.Any("ic", "A", 0, "initial current (with uic)"),
        }).ToArray(),
        Create = r =>
        {
            var model = r.Model as PassiveModel;
            double value = r.Has("l") ? r.Get("l", 0)
                : model != null ? model.Values.GetValueOrDefault("ind")
                : throw new ArgumentException($"expected an inductance for '{r.Name}'");
            if (!double.IsFinite(value) || value == 0) throw new ArgumentException($"inductance of '{r.Name}' must be finite and non-zero");
            value *= TempFactor(r, model?.Values, model?.NominalTemperature ?? Units.NominalTemperature);
            value *= r.Get("scale", 1) / r.Get("m", 1);
            return new Inductor(r.Name, r.Nodes[0], r.Nodes[1], value, r.Has("ic") ? r.Get("ic", 0) : null);
        },
    };
}
