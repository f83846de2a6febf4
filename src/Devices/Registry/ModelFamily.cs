namespace Perovspice.Devices;

/// <summary>
/// A `.model` type family, e.g. "nmos"/"pmos" or "npn"/"pnp": the type names it answers to and its levels.
/// `level=N` on the card selects the <see cref="ModelLevel"/> whose <see cref="ModelLevel.Numbers"/> contains N;
/// an unknown level is an error listing the levels that exist.
/// </summary>
public sealed class ModelFamily
{
    /// <summary>Lower-case `.model` type names ("nmos", "pmos").</summary>
    public required IReadOnlyList<string> Types { get; init; }

    /// <summary>One-line description for help text ("MOSFET").</summary>
    public required string Description { get; init; }

    /// <summary>The level used when the card has no `level=`.</summary>
    public int DefaultLevel { get; init; } = 1;

    /// <summary>The levels this family implements.</summary>
    public required IReadOnlyList<ModelLevel> Levels { get; init; }

    /// <summary>The number of terminal nodes an element naming a model of this family takes, when it is fewer than
    /// the element kind's most (an `M` element with a VDMOS model: 3), or null for the kind's range. The netlist
    /// reports other counts at the model name (too few) or at the first extra node (too many).</summary>
    public int? Nodes { get; init; }

    /// <summary>Appended to the error for more nodes than <see cref="Nodes"/> (what the extra nodes would be in
    /// ngspice), or "".</summary>
    public string ExtraNodesNote { get; init; } = "";

    /// <summary>The level answering to <paramref name="level"/>, or null.</summary>
    public ModelLevel? Find(int level) => Levels.FirstOrDefault(l => l.Numbers.Contains(level));
}

/// <summary>One level of a model family: its parameter table and its factory.</summary>
public sealed class ModelLevel
{
    /// <summary>The `level=` values that select it (e.g. 8 and 49 for BSIM3).</summary>
    public required IReadOnlyList<int> Numbers { get; init; }

    /// <summary>One-line description ("Shichman–Hodges").</summary>
    public required string Description { get; init; }

    /// <summary>The model card's parameter table (without `level`).</summary>
    public required IReadOnlyList<ParameterInfo> Parameters { get; init; }

    /// <summary>Names whose values are words or version numbers rather than numbers (e.g. "version"); they are
    /// passed in <see cref="ModelRequest.Text"/>.</summary>
    public IReadOnlyList<string> TextParameters { get; init; } = Array.Empty<string>();

    /// <summary>Parameters that take a vector written <c>name=[v1 v2 …]</c> (XSPICE code models: <c>in_gain</c>,
    /// <c>x_array</c>); each value is checked against the entry's validity. Passed in <see cref="ModelRequest.Vectors"/>;
    /// a single value given without brackets is a one-value vector.</summary>
    public IReadOnlyList<ParameterInfo> VectorParameters { get; init; } = Array.Empty<ParameterInfo>();

    /// <summary>Bare words the card takes (<c>pchan</c>, <c>nchan</c> of a VDMOS card), lower case; passed in
    /// <see cref="ModelRequest.Flags"/>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = Array.Empty<string>();

    /// <summary>Parameters the card accepts and does not use (ngspice's informational or safe-operating-area values):
    /// each given one is a warning naming it.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = Array.Empty<string>();

    /// <summary>Builds the model object handed to devices as <see cref="DeviceRequest.Model"/>. Throws
    /// <see cref="ArgumentException"/> for a combination of values that is invalid as a whole.</summary>
    public required Func<ModelRequest, object> Create { get; init; }
}

/// <summary>What a <see cref="ModelLevel.Create"/> receives: the card's given values, checked against the table.</summary>
public sealed class ModelRequest
{
    /// <summary>Flattened model name.</summary>
    public required string Name { get; init; }

    /// <summary>The type as written, lower case ("nmos" or "pmos").</summary>
    public required string Type { get; init; }

    /// <summary>The `level=` value (the family's default when absent).</summary>
    public int Level { get; init; } = 1;

    /// <summary>Given numeric values by canonical lower-case name (aliases resolved, each validated). Omitted
    /// parameters are absent: use <see cref="ParameterTable.Bind"/> or <see cref="Get"/> for defaults.</summary>
    public required IReadOnlyDictionary<string, double> Given { get; init; }

    /// <summary>Given non-numeric values (<see cref="ModelLevel.TextParameters"/>), lower case.</summary>
    public IReadOnlyDictionary<string, string> Text { get; init; } = new Dictionary<string, string>();

    /// <summary>Given vector values (<see cref="ModelLevel.VectorParameters"/>) by canonical name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Vectors { get; init; } =
        new Dictionary<string, IReadOnlyList<double>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Bare words given on the card (<see cref="ModelLevel.Flags"/>), lower case.</summary>
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();

    /// <summary>Circuit temperature in kelvin.</summary>
    public double Temperature { get; init; } = Units.NominalTemperature;

    /// <summary>Nominal (parameter-measurement) temperature in kelvin: `.options tnom` unless the card sets tnom.</summary>
    public double NominalTemperature { get; init; } = Units.NominalTemperature;

    /// <summary>The model's nominal temperature in kelvin: the card's <c>tnom</c> (°C) when given, else
    /// <see cref="NominalTemperature"/> (from <c>.options tnom</c>).</summary>
    public double NominalKelvin => Has("tnom") ? Given["tnom"] + Units.CelsiusToKelvin : NominalTemperature;

    /// <summary>The given value of <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public double Get(string name, double fallback) => Given.TryGetValue(name, out double v) ? v : fallback;

    /// <summary>True when <paramref name="name"/> was given on the card.</summary>
    public bool Has(string name) => Given.ContainsKey(name);
}

/// <summary>A model object whose construction produced warnings (parameters it accepts and ignores); the netlist
/// reports each at the model card.</summary>
public interface IModelWarnings
{
    /// <summary>The warning messages.</summary>
    IReadOnlyList<string> Warnings { get; }
}
