namespace Perovspice.Netlist;

/// <summary>A global <c>.param</c> of the top-level netlist with its evaluated value.</summary>
/// <param name="Name">The parameter's name in lower case.</param>
/// <param name="Value">Its value (after any override of <see cref="FlatNetlist.WithParameter"/>).</param>
/// <param name="Position">Where the <c>.param</c> defines it.</param>
public sealed record GlobalParameter(string Name, double Value, SourcePosition Position);
