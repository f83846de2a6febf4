namespace Perovspice.Devices.Perovskite;

/// <summary>The N element kind: <c>Nname n+ n- model [param=value …]</c>, `.model NAME PEROVSKITE level=1|2|3`;
/// instance parameters override the model card's (any parameter of the model's level).</summary>
public static class PerovskiteKind
{
    private static ModelLevel Level(int level, string description) => new()
    {
        Numbers = new[] { level },
        Description = description,
        Parameters = PerovskiteModel.Parameters(level),
        Create = m => PerovskiteModel.Create(level, m.Given),
    };

    /// <summary>The perovskite model family.</summary>
    public static ModelFamily Family { get; } = new()
    {
        Types = new[] { "perovskite" },
        Description = "halide-perovskite memristor",
        Levels = new[]
        {
            Level(1, "2-D model (Bisquert & Guerrero 2022)"),
            Level(2, "3-D model with the formation time tauk"),
            Level(3, "long-term potentiation (Hernández-Balaguera et al. 2023)"),
        },
    };

    /// <summary>The N kind.</summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 'n',
        Description = "halide-perovskite memristor",
        MinNodes = 2,
        Models = new[] { Family },
        ModelRequired = true,
        InstanceOverridesModel = true,
        Create = r =>
        {
            var model = (PerovskiteModel)r.Model!;
            return new PerovskiteMemristor(r.Name, r.Nodes[0], r.Nodes[1],
                r.Parameters.Count == 0 ? model : model.WithOverrides(r.Parameters));
        },
    };
}
