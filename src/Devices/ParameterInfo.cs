namespace Perovspice.Devices;

/// <summary>
/// One row of a device's or model's parameter table: the single description that the netlist binder, error
/// messages and help text read.
/// </summary>
/// <param name="Name">Lower-case parameter name as written in a netlist, e.g. "is".</param>
/// <param name="Unit">Unit symbol ("A", "V", "F", "s", "Ω"), or "" for dimensionless.</param>
/// <param name="Default">Value when the netlist omits it (may be +∞ for "none", e.g. a diode's bv).</param>
/// <param name="Description">One-line description for help text.</param>
/// <param name="IsValid">Validity check of a given value, or null when every value is accepted.</param>
/// <param name="ValidityText">What a valid value is, completing "parameter 'x' must be …", e.g. "> 0".</param>
public sealed record ParameterInfo(string Name, string Unit, double Default, string Description,
    Func<double, bool>? IsValid = null, string? ValidityText = null)
{
    /// <summary>True when +∞ is an accepted value (e.g. "no breakdown", "perfect hold"); other non-finite values
    /// are always rejected.</summary>
    public bool AllowsInfinity { get; init; }

    /// <summary>Other names the parameter answers to (lower case), e.g. "vto" for "vt0".</summary>
    public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

    /// <summary>True when <paramref name="name"/> is this parameter's name or one of its aliases (case-insensitive).</summary>
    public bool Matches(string name) =>
        Name.Equals(name, StringComparison.OrdinalIgnoreCase) ||
        Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws <see cref="ArgumentException"/> "parameter 'name' must be …" when the value is invalid.</summary>
    public void Validate(double value)
    {
        if (!double.IsFinite(value) && !(AllowsInfinity && double.IsPositiveInfinity(value)))
            throw new ArgumentException($"parameter '{Name}' must be finite");
        if (IsValid != null && !IsValid(value))
            throw new ArgumentException($"parameter '{Name}' must be {ValidityText ?? "valid"}");
    }

    /// <summary>A parameter that must be &gt; 0.</summary>
    public static ParameterInfo Positive(string name, string unit, double def, string description) =>
        new(name, unit, def, description, v => v > 0, "> 0");

    /// <summary>A parameter that must be ≥ 0.</summary>
    public static ParameterInfo NonNegative(string name, string unit, double def, string description) =>
        new(name, unit, def, description, v => v >= 0, ">= 0");

    /// <summary>A parameter that takes any finite value.</summary>
    public static ParameterInfo Any(string name, string unit, double def, string description) =>
        new(name, unit, def, description);
}

/// <summary>Binds given parameter values against a parameter table.</summary>
public static class ParameterTable
{
    /// <summary>
    /// Returns every parameter of <paramref name="table"/> (by lower-case name) with its given or default value.
    /// Names match case-insensitively. Throws <see cref="ArgumentException"/> "unknown parameter 'x' for
    /// {owner}" for a name not in the table and "parameter 'x' must be …" for an invalid value.
    /// </summary>
    /// <param name="table">The parameter table.</param>
    /// <param name="given">Values given by the user (may be empty).</param>
    /// <param name="owner">What the table belongs to, for messages, e.g. "diode model".</param>
    public static Dictionary<string, double> Bind(IReadOnlyList<ParameterInfo> table,
        IReadOnlyDictionary<string, double> given, string owner)
    {
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in table) values[p.Name] = p.Default;
        foreach (var (name, value) in given)
        {
            var info = Find(table, name) ?? throw new ArgumentException($"unknown parameter '{name}' for {owner}");
            info.Validate(value);
            values[info.Name] = value;
        }
        return values;
    }

    /// <summary>The entry of <paramref name="table"/> named <paramref name="name"/> or aliased so, or null.</summary>
    public static ParameterInfo? Find(IReadOnlyList<ParameterInfo> table, string name)
    {
        foreach (var p in table)
            if (p.Matches(name)) return p;
        return null;
    }
}
