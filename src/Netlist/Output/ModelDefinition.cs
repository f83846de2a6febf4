namespace Perovspice.Netlist;

/// <summary>
/// A <c>.model</c> card, evaluated. Models defined inside a subcircuit are instantiated once per
/// subcircuit instance and named with the instance path (<c>x1.dmod</c>); element model references
/// inside that instance point at that name. Top-level models keep their own name.
/// </summary>
/// <param name="Name">Flattened lower-case name (the key in <see cref="FlatNetlist.Models"/>).</param>
/// <param name="Type">Lower-case type as written (<c>d</c>, <c>perovskite</c>); not validated here.</param>
/// <param name="Parameters">Lower-case parameter name to evaluated value and the position of its key.</param>
/// <param name="Position">Position of the model name in the <c>.model</c> line.</param>
public sealed record ModelDefinition(string Name, string Type,
    IReadOnlyDictionary<string, (double value, SourcePosition pos)> Parameters, SourcePosition Position)
{
    /// <summary>Parameters whose value is a word or a version number (<c>version=3.3.0</c>, <c>mfg=acme</c>), lower
    /// case, with the position of the key.</summary>
    public IReadOnlyDictionary<string, (string value, SourcePosition pos)> TextParameters { get; init; } =
        new Dictionary<string, (string, SourcePosition)>();

    /// <summary>Vector parameters <c>name=[v1 v2 …]</c> (XSPICE code models), evaluated, with the key's position.</summary>
    public IReadOnlyDictionary<string, (double[] values, SourcePosition pos)> VectorParameters { get; init; } =
        new Dictionary<string, (double[], SourcePosition)>();

    /// <summary>Bare words given on the card (<c>pchan</c>), lower case, with their positions.</summary>
    public IReadOnlyDictionary<string, SourcePosition> Flags { get; init; } = new Dictionary<string, SourcePosition>();
}
