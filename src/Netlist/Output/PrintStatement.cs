namespace Perovspice.Netlist;

/// <summary>What a print item measures.</summary>
public enum PrintItemKind
{
    /// <summary><c>v(n)</c>, <c>v(a,b)</c> and the ac forms <c>vr vi vm vp vdb</c>.</summary>
    Voltage,
    /// <summary><c>i(vname)</c> and the ac forms <c>ir ii im ip idb</c>.</summary>
    Current,
    /// <summary><c>@device[quantity]</c>.</summary>
    Device,
}

/// <summary>One item of a <c>.print</c> line.</summary>
/// <param name="Text">Column name: exact lower-case text as written, without spaces (<c>v(a,b)</c>, <c>@n1[ic]</c>).</param>
/// <param name="Kind">Voltage, current or device quantity.</param>
/// <param name="Function">Lower-case function: <c>v vr vi vm vp vdb i ir ii im ip idb</c>, or <c>@</c>.</param>
/// <param name="Names">
/// Flattened names: one or two nodes for voltages (ground = <c>0</c>), the source for currents,
/// the device for <c>@</c> items.
/// </param>
/// <param name="Quantity">For <c>@dev[q]</c> the lower-case quantity <c>q</c>; otherwise null.</param>
/// <param name="Position">Position of the item.</param>
public sealed record PrintItem(string Text, PrintItemKind Kind, string Function, IReadOnlyList<string> Names,
    string? Quantity, SourcePosition Position);

/// <summary><c>.print kind items...</c>.</summary>
/// <param name="AnalysisKind"><c>op dc tran ac hopf</c>.</param>
/// <param name="Items">Items in order.</param>
/// <param name="Position">Position of the <c>.print</c> keyword.</param>
public sealed record PrintStatement(string AnalysisKind, IReadOnlyList<PrintItem> Items, SourcePosition Position);

/// <summary><c>.ic v(node)=value</c> (or <c>.nodeset</c>), one per node.</summary>
/// <param name="Node">Flattened lower-case node name.</param>
/// <param name="Value">Initial voltage.</param>
/// <param name="Position">Position of the <c>v(node)</c> item.</param>
public sealed record InitialCondition(string Node, double Value, SourcePosition Position)
{
    /// <summary>True for a <c>.nodeset</c> value (a first guess of the operating point), false for <c>.ic</c>.</summary>
    public bool NodeSet { get; init; }
}

/// <summary>
/// <c>.step param name start stop step</c> or <c>.step param name list v1 v2 ...</c>. Use
/// <see cref="FlatNetlist.WithParameter"/> to get the netlist evaluated at each value.
/// </summary>
/// <param name="Parameter">Lower-case global parameter name.</param>
/// <param name="Values">Every value, in order (ranges inclusive of the end point).</param>
/// <param name="Position">Position of the <c>.step</c> keyword.</param>
public sealed record StepStatement(string Parameter, IReadOnlyList<double> Values, SourcePosition Position);
