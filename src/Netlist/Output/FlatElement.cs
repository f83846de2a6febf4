namespace Perovspice.Netlist;

/// <summary>A node connection of a flattened element.</summary>
/// <param name="Name">Hierarchical lower-case node name (<c>x1.mid</c>); ground is always <c>0</c>.</param>
/// <param name="Position">Where the node was written (in the subcircuit definition for internal nodes).</param>
public sealed record NodeRef(string Name, SourcePosition Position)
{
    /// <summary>True for the ground node <c>0</c>.</summary>
    public bool IsGround => Name == "0";
}

/// <summary>
/// One element of the flattened circuit, with parameters already evaluated.
/// </summary>
/// <param name="Name">Hierarchical lower-case name (<c>x1.x2.r1</c>).</param>
/// <param name="Kind">Lower-case kind letter: r c l v i e f g h d b n (x instances are expanded away).</param>
/// <param name="Nodes">Connected nodes, in order; the count is validated for the kind.</param>
/// <param name="Arguments">
/// Evaluated arguments in written order. Independent sources always start their dc value with a
/// <c>WordArg("dc")</c> (inserted when the value was written bare). R/C/L: one <see cref="ValueArg"/>
/// then <see cref="AssignArg"/>s. E/G: one <see cref="ValueArg"/>. F/H: <see cref="WordArg"/>
/// (hierarchical controlling source name) then <see cref="ValueArg"/>. D/N: <see cref="WordArg"/>
/// (flattened model name, a key of <see cref="FlatNetlist.Models"/>) then optional values/assignments.
/// B: one <see cref="ExpressionArg"/>.
/// </param>
/// <param name="Position">Position of the element's name token.</param>
public sealed record FlatElement(string Name, char Kind, IReadOnlyList<NodeRef> Nodes,
    IReadOnlyList<ElementArgument> Arguments, SourcePosition Position);

/// <summary>An evaluated element argument.</summary>
public abstract record ElementArgument(SourcePosition Position);

/// <summary>A numeric value (<c>1k</c>, <c>{2*r}</c>).</summary>
public sealed record ValueArg(double Value, SourcePosition Position) : ElementArgument(Position);

/// <summary>
/// A lower-case word: a keyword (<c>dc</c>, <c>ac</c>, <c>off</c>), a model name (flattened, see
/// <see cref="FlatNetlist.Models"/>) or a controlling source name (hierarchical, <c>x1.vsense</c>).
/// </summary>
public sealed record WordArg(string Word, SourcePosition Position) : ElementArgument(Position)
{
    /// <summary>What the word is: a keyword or flag, a model name, or another element's name.</summary>
    public WordArgKind Role { get; init; } = WordArgKind.Keyword;
}

/// <summary>The role of a <see cref="WordArg"/>.</summary>
public enum WordArgKind
{
    /// <summary>A keyword or flag (<c>dc</c>, <c>off</c>).</summary>
    Keyword,
    /// <summary>A flattened model name.</summary>
    Model,
    /// <summary>A hierarchical element name (a controlling source, a coupled inductor).</summary>
    Reference,
}

/// <summary><c>key=v1,v2,…</c>: an instance parameter given as a list (<c>ic=0.6,5</c>).</summary>
public sealed record ListArg(string Key, IReadOnlyList<double> Values, SourcePosition Position) : ElementArgument(Position);

/// <summary><c>key=value</c> with the value evaluated (<c>ic=0.5</c>, <c>r=0</c>, <c>area=2</c>).</summary>
/// <param name="Key">Lower-case key.</param>
/// <param name="Value">Evaluated value.</param>
/// <param name="Position">Position of the key.</param>
public sealed record AssignArg(string Key, double Value, SourcePosition Position) : ElementArgument(Position);

/// <summary>A waveform: <c>pulse sin pwl exp</c> with its evaluated values (defaults are not filled in).</summary>
/// <param name="Name">Lower-case waveform name.</param>
/// <param name="Values">Values as written.</param>
/// <param name="Position">Position of the waveform name.</param>
public sealed record FunctionArg(string Name, IReadOnlyList<double> Values, SourcePosition Position) : ElementArgument(Position);

/// <summary>
/// The expression of a behavioural source (<c>V={...}</c> or <c>I={...}</c>), left for the binder.
/// </summary>
/// <param name="Key"><c>v</c> or <c>i</c>.</param>
/// <param name="Text">
/// The flattened expression: parameters replaced by their values, node names inside <c>v()</c> and
/// source names inside <c>i()</c> made hierarchical, every binary operation fully parenthesized,
/// power written <c>^</c>. Free variables left: <c>time</c>, <c>temper</c>, <c>hertz</c>.
/// Functions: those of the netlist expression language.
/// </param>
/// <param name="OriginalText">The expression as written (lower case, braces removed).</param>
/// <param name="Position">Position of the expression's first character.</param>
public sealed record ExpressionArg(string Key, string Text, string OriginalText, SourcePosition Position) : ElementArgument(Position)
{
    /// <summary>Where each name inside <c>v()</c> and <c>i()</c> was written, in the order the names appear in
    /// <see cref="Text"/> (empty when unknown), so that an unknown node or source is reported at its name.</summary>
    public IReadOnlyList<SourcePosition> ProbePositions { get; init; } = Array.Empty<SourcePosition>();
}

/// <summary>One connection of an XSPICE port: its <c>%</c> type as written (lower case, without <c>%</c>; null when
/// the default applies), how many nodes it takes from <see cref="FlatElement.Nodes"/> (1, or 2 for a
/// differential type or a bare <c>(n1 n2)</c>), and where it was written.</summary>
public sealed record PortConnectionLayout(string? Type, int NodeCount, SourcePosition Position);

/// <summary>One port of an XSPICE <c>A</c> element: a single connection, or a vector <c>[…]</c> of them.</summary>
public sealed record PortLayout(IReadOnlyList<PortConnectionLayout> Connections, bool IsVector, SourcePosition Position);

/// <summary>The port structure of an XSPICE <c>A</c> element: its nodes are <see cref="FlatElement.Nodes"/> in
/// order, consumed by the connections of <see cref="Ports"/> in order.</summary>
public sealed record CodeModelPortsArg(IReadOnlyList<PortLayout> Ports, SourcePosition Position) : ElementArgument(Position);
