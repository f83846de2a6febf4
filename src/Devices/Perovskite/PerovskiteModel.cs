namespace Perovspice.Devices.Perovskite;

/// <summary>
/// A `.model NAME PEROVSKITE level=1|2|3 ...` card: the level and the full set of parameter values (defaults
/// filled in, every value validated). Instances may override model parameters (<see cref="WithOverrides"/>).
/// The parameter tables <see cref="Level1Parameters"/>, <see cref="Level2Parameters"/> and
/// <see cref="Level3Parameters"/> are the single description the netlist binder and help text read.
/// </summary>
public sealed class PerovskiteModel
{
    private readonly Dictionary<string, double> _values;

    private PerovskiteModel(int level, Dictionary<string, double> values)
    {
        Level = level;
        _values = values;
    }

    /// <summary>Model level: 1 (2-D model), 2 (3-D model), 3 (long-term potentiation).</summary>
    public int Level { get; }

    /// <summary>Every parameter of the level with its value (lower-case names).</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>The value of parameter <paramref name="name"/> (case-insensitive).</summary>
    public double this[string name] => _values.TryGetValue(name.ToLowerInvariant(), out double v)
        ? v : throw new ArgumentException($"unknown parameter '{name}' for level={Level}");

    /// <summary>Level 1, the 2-D model (Bisquert &amp; Guerrero 2022, Eqs. 1–2), in the paper's normalized units
    /// (rb = 1, ic0 = 10, vt = 1, vm = 0.05; τm = rb·cm = 0.1, τd = 1).</summary>
    public static IReadOnlyList<ParameterInfo> Level1Parameters { get; } = new[]
    {
        ParameterInfo.Positive("cm", "F", 0.1, "interface capacitance C_m"),
        ParameterInfo.Positive("rb", "Ω", 1, "ohmic (bulk) resistance R_b"),
        ParameterInfo.NonNegative("ic0", "A", 10, "saturation of the slow current i_c0"),
        ParameterInfo.Any("vt", "V", 1, "redox / threshold voltage V_T"),
        ParameterInfo.Positive("vm", "V", 0.05, "ideality voltage V_m"),
        ParameterInfo.Positive("taud", "s", 1, "ion diffusion delay τ_d"),
        ParameterInfo.NonNegative("rs", "Ω", 0, "series resistance R_s (0: no internal node)"),
    };

    /// <summary>Level 2, the 3-D model (Eqs. 1, 11–12): level 1's parameters plus tauk.</summary>
    public static IReadOnlyList<ParameterInfo> Level2Parameters { get; } = Level1Parameters.Concat(new[]
    {
        ParameterInfo.Positive("tauk", "s", 1, "formation time τ_k of the high-conduction state"),
    }).ToArray();

    /// <summary>Level 3, long-term potentiation (Hernández-Balaguera et al. 2023, Fig. 6 values; cm0, von, vw,
    /// tret chosen as documented in docs/models.md).</summary>
    public static IReadOnlyList<ParameterInfo> Level3Parameters { get; } = new[]
    {
        ParameterInfo.Positive("i0", "A", 0.66e-3, "bulk prefactor I_0: i_b = i0 (exp((V(+)−V(x))/vs) − 1)"),
        ParameterInfo.NonNegative("ir0", "A", 0.1e-3, "fast conduction prefactor I_R0: i_R = ir0 (exp(v/vs) − 1)"),
        ParameterInfo.NonNegative("il0", "A", 1e-3, "chemical-inductor prefactor I_L0: I_L = il0 (exp(v/vb) − 1)"),
        ParameterInfo.Positive("vs", "V", 1, "ideality voltage V_s of the bulk, capacitor and fast branch"),
        ParameterInfo.Positive("vb", "V", 0.75, "ideality voltage V_b of the inductor branch"),
        ParameterInfo.Positive("tault", "s", 3, "long-term (chemical inductor) time τ_LT = L_a/R_a"),
        ParameterInfo.Positive("cm0", "F", Level3Defaults.Cm0, "capacitance prefactor: C_m = cm0 exp(v/vs)"),
        ParameterInfo.Any("von", "V", Level3Defaults.Von, "gate threshold on the terminal voltage"),
        ParameterInfo.Positive("vw", "V", Level3Defaults.Vw, "gate width"),
        ParameterInfo.Positive("tret", "s", Level3Defaults.Tret, "retention time of w while the gate is closed (∞: perfect hold)")
            with { AllowsInfinity = true },
    };

    /// <summary>The parameter table of <paramref name="level"/>.</summary>
    public static IReadOnlyList<ParameterInfo> Parameters(int level) => level switch
    {
        1 => Level1Parameters,
        2 => Level2Parameters,
        3 => Level3Parameters,
        _ => throw new ArgumentException($"perovskite model level must be 1, 2 or 3 (got {level})"),
    };

    /// <summary>Builds a model of <paramref name="level"/> from explicit parameters (the rest take defaults).
    /// Throws <see cref="ArgumentException"/> for unknown names ("unknown parameter 'tauk' for level=1") and
    /// invalid values ("parameter 'cm' must be &gt; 0"). A "level" entry, if present, must equal the level.</summary>
    public static PerovskiteModel Create(int level, IReadOnlyDictionary<string, double> parameters)
    {
        var table = Parameters(level);
        var values = table.ToDictionary(p => p.Name, p => p.Default);
        var model = new PerovskiteModel(level, values);
        model.Apply(parameters);
        return model;
    }

    /// <summary>Builds a model from model-card parameters, then applies instance parameters on top.</summary>
    public static PerovskiteModel Create(int level, IReadOnlyDictionary<string, double> modelParameters,
        IReadOnlyDictionary<string, double>? instanceParameters) =>
        instanceParameters is null || instanceParameters.Count == 0
            ? Create(level, modelParameters)
            : Create(level, modelParameters).WithOverrides(instanceParameters);

    /// <summary>A copy of this model with instance parameters overriding the model's values.</summary>
    public PerovskiteModel WithOverrides(IReadOnlyDictionary<string, double> instanceParameters)
    {
        var copy = new PerovskiteModel(Level, new Dictionary<string, double>(_values));
        copy.Apply(instanceParameters);
        return copy;
    }

    private void Apply(IReadOnlyDictionary<string, double> parameters)
    {
        var table = Parameters(Level);
        foreach (var (rawName, value) in parameters)
        {
            string name = rawName.ToLowerInvariant();
            if (name == "level")
            {
                if (value != Level) throw new ArgumentException($"parameter 'level' is {value} but the model is level={Level}");
                continue;
            }
            var p = table.FirstOrDefault(q => q.Name == name)
                ?? throw new ArgumentException($"unknown parameter '{name}' for level={Level}");
            p.Validate(value);
            _values[name] = value;
        }
    }
}

/// <summary>Level-3 defaults that are choices of this project, not values of the paper (see docs/models.md).</summary>
internal static class Level3Defaults
{
    public const double Cm0 = 3e-6;
    public const double Von = 0.9;
    public const double Vw = 0.05;
    public const double Tret = 30;
}
