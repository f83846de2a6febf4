namespace Perovspice.Devices.Perovskite;

/// <summary>One row of a perovskite-memristor parameter table: the single source for defaults, validation,
/// netlist binding, error messages and help text.</summary>
/// <param name="Name">Lower-case parameter name as written in a netlist (matching is case-insensitive).</param>
/// <param name="Unit">Unit symbol ("F", "Ω", "A", "V", "s").</param>
/// <param name="Default">Default value (paper values; see docs/models.md).</param>
/// <param name="Description">One-line meaning.</param>
/// <param name="IsValid">Validity predicate, or null when every finite value is allowed.</param>
/// <param name="ValidityText">The predicate in words for error messages, e.g. "> 0".</param>
public sealed record PerovskiteParameter(
    string Name,
    string Unit,
    double Default,
    string Description,
    Func<double, bool>? IsValid,
    string? ValidityText)
{
    /// <summary>True when a value of positive infinity is meaningful (tret = ∞: perfect retention).</summary>
    public bool AllowsInfinity { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="value"/> is not allowed.</summary>
    public void Validate(double value)
    {
        bool finiteOk = double.IsFinite(value) || (AllowsInfinity && double.IsPositiveInfinity(value));
        if (!finiteOk) throw new ArgumentException($"parameter '{Name}' must be finite");
        if (IsValid != null && !IsValid(value))
            throw new ArgumentException($"parameter '{Name}' must be {ValidityText}");
    }

    internal static PerovskiteParameter Positive(string name, string unit, double def, string description) =>
        new(name, unit, def, description, v => v > 0, "> 0");

    internal static PerovskiteParameter NonNegative(string name, string unit, double def, string description) =>
        new(name, unit, def, description, v => v >= 0, ">= 0");

    internal static PerovskiteParameter Any(string name, string unit, double def, string description) =>
        new(name, unit, def, description, null, null);
}
