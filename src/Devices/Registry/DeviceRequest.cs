namespace Perovspice.Devices;

/// <summary>
/// What the netlist hands an element kind's factory: the element's name and nodes, its model (built by the
/// <see cref="ModelLevel.Create"/> of the model card it names), and its instance arguments, already checked
/// against the kind's tables.
/// </summary>
public sealed class DeviceRequest
{
    /// <summary>Hierarchical lower-case element name ("m1", "x1.q3").</summary>
    public required string Name { get; init; }

    /// <summary>Terminal node names in netlist order (hierarchical, lower case; ground is "0").</summary>
    public required IReadOnlyList<string> Nodes { get; init; }

    /// <summary>The model object built from the `.model` card the element names, or null for kinds without
    /// models.</summary>
    public object? Model { get; init; }

    /// <summary>The `.model` type as written, lower case ("nmos", "pnp"), or "" without a model.</summary>
    public string ModelType { get; init; } = "";

    /// <summary>Instance parameters given as name=value (canonical lower-case names of the kind's table; aliases
    /// resolved, values validated). Omitted parameters are absent: read defaults from the table.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } =
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Instance parameters given as a list of values (<c>ic=0.6,5</c>), by canonical name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> ListParameters { get; init; } =
        new Dictionary<string, IReadOnlyList<double>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Positional values after the model name or nodes (a diode's or BJT's area, a resistor's
    /// resistance), in order.</summary>
    public IReadOnlyList<double> Values { get; init; } = Array.Empty<double>();

    /// <summary>Bare keywords given (lower case): "off", "on".</summary>
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();

    /// <summary>Names of other elements the element refers to (a W switch's controlling source, a K's
    /// inductors, an F/H's controlling source), hierarchical and lower case.</summary>
    public IReadOnlyList<string> References { get; init; } = Array.Empty<string>();

    /// <summary>What the netlist built for forms it reads itself: the <c>SourceValue</c> of an independent
    /// source (<see cref="ElementForm.Source"/>), the compiled function of a behavioural source; null otherwise.</summary>
    public object? Payload { get; init; }

    /// <summary>Circuit temperature in kelvin (`.temp`, `.options temp`; 300.15 K = 27 °C by default).</summary>
    public double Temperature { get; init; } = Units.NominalTemperature;

    /// <summary>The value of instance parameter <paramref name="name"/> when given, else <paramref name="fallback"/>.</summary>
    public double Get(string name, double fallback) => Parameters.TryGetValue(name, out double v) ? v : fallback;

    /// <summary>True when instance parameter <paramref name="name"/> was given.</summary>
    public bool Has(string name) => Parameters.ContainsKey(name);
}
