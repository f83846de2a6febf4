using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary>A parsed statement (one logical line). Every token keeps its position.</summary>
internal abstract record Statement(SourcePosition Position);

/// <summary>A lower-case name with its position and its spelling as written (for messages, made on demand).</summary>
internal sealed record NameSyntax
{
    private readonly LogicalLine? _line;
    private readonly int _start, _end;
    private string? _written;

    public NameSyntax(string text, string written, SourcePosition position)
    {
        Text = text; _written = written; Position = position;
    }

    public NameSyntax(string text, SourcePosition position, LogicalLine line, int start, int end)
    {
        Text = text; Position = position; _line = line; _start = start; _end = end;
    }

    public string Text { get; }
    public SourcePosition Position { get; }
    public string Written => _written ??= _line!.Text.Substring(_start, Math.Min(_end, _line.Text.Length) - _start);
}

/// <summary>
/// A value to evaluate later: an expression (a literal number is a <see cref="NumberExpr"/>).
/// Expression offsets are relative to <paramref name="Base"/> in <paramref name="Line"/>; the
/// value starts at <paramref name="Start"/> (its position is computed when needed).
/// </summary>
internal sealed record ValueSyntax(Expr Expression, LogicalLine Line, int Base, int Start)
{
    public SourcePosition Position => Line.At(Start);

    public SourcePosition At(int offset) => Line.At(Base + offset);
}

/// <summary>An element argument before evaluation.</summary>
internal abstract record ArgSyntax(SourcePosition Position);

internal sealed record ValueArgSyntax(ValueSyntax Value) : ArgSyntax(Value.Position);

/// <summary>How a word argument is resolved during flattening.</summary>
internal enum WordRole { Keyword, Model, Source }

internal sealed record WordArgSyntax(string Word, WordRole Role, SourcePosition Position) : ArgSyntax(Position);

/// <summary>A bare word after an element's required nodes whose role depends on the models in scope: an optional
/// node, the model name, a positional value or a flag (resolved by the flattener).</summary>
internal sealed record CandidateArgSyntax(NameSyntax Word, ValueSyntax? Value) : ArgSyntax(Word.Position);

/// <summary><c>key=v1,v2,…</c>.</summary>
internal sealed record ListArgSyntax(string Key, IReadOnlyList<ValueSyntax> Values, SourcePosition Position) : ArgSyntax(Position);

/// <summary>The port structure of an XSPICE <c>A</c> element (node names are the element's nodes).</summary>
internal sealed record PortsArgSyntax(CodeModelPortsArg Ports) : ArgSyntax(Ports.Position);

internal sealed record AssignArgSyntax(string Key, ValueSyntax Value, SourcePosition Position) : ArgSyntax(Position);

internal sealed record FunctionArgSyntax(string Name, IReadOnlyList<ValueSyntax> Values, SourcePosition Position) : ArgSyntax(Position);

internal sealed record ExpressionArgSyntax(string Key, Expr Expression, string Text, LogicalLine Line, int Base,
    SourcePosition Position) : ArgSyntax(Position);

/// <summary>An element line. For X instances <see cref="Subckt"/> is set and args are the parameter overrides.</summary>
internal sealed record ElementStatement(NameSyntax Name, char Kind, IReadOnlyList<NameSyntax> Nodes,
    IReadOnlyList<ArgSyntax> Args, NameSyntax? Subckt, SourcePosition Position) : Statement(Position);

/// <summary><c>name=value</c> in <c>.param</c>, <c>.subckt ... params:</c>, <c>.model</c>, X overrides.</summary>
internal sealed record ParamAssignment(NameSyntax Name, ValueSyntax Value);

internal sealed record ParamStatement(IReadOnlyList<ParamAssignment> Assignments, SourcePosition Position) : Statement(Position)
{
    /// <summary>User functions defined on the line (<c>.func</c>, or <c>.param f(x)=...</c>).</summary>
    public IReadOnlyList<FunctionDefinition> Functions { get; init; } = Array.Empty<FunctionDefinition>();
}

/// <summary>A user function definition: <c>name(formals) = body</c>.</summary>
internal sealed record FunctionDefinition(NameSyntax Name, IReadOnlyList<string> Formals, ValueSyntax Body);

internal sealed record SubcktStatement(NameSyntax Name, IReadOnlyList<NameSyntax> Ports,
    IReadOnlyList<ParamAssignment> Defaults, SourcePosition Position) : Statement(Position);

internal sealed record EndsStatement(NameSyntax? Name, SourcePosition Position) : Statement(Position);

internal sealed record ModelStatement(NameSyntax Name, NameSyntax Type, IReadOnlyList<ParamAssignment> Parameters,
    SourcePosition Position) : Statement(Position)
{
    /// <summary>Parameters with a word value (<c>version=3.3.0</c>): name, lower-case value, key position.</summary>
    public IReadOnlyList<(NameSyntax Name, string Value)> TextParameters { get; init; } = Array.Empty<(NameSyntax, string)>();

    /// <summary>Vector parameters <c>name=[v1 v2 …]</c> (XSPICE code models), with the key's position.</summary>
    public IReadOnlyList<(NameSyntax Name, IReadOnlyList<ValueSyntax> Values)> VectorParameters { get; init; } =
        Array.Empty<(NameSyntax, IReadOnlyList<ValueSyntax>)>();

    /// <summary>Bare words the model type takes (<c>pchan</c>), with their positions.</summary>
    public IReadOnlyList<NameSyntax> Flags { get; init; } = Array.Empty<NameSyntax>();
}

internal sealed record SweepSyntax(NameSyntax Source, ValueSyntax Start, ValueSyntax Stop, ValueSyntax Step);

internal sealed record OpSyntax(SourcePosition Position) : Statement(Position);

internal sealed record DcSyntax(IReadOnlyList<SweepSyntax> Sweeps, SourcePosition Position) : Statement(Position);

internal sealed record TranSyntax(ValueSyntax Step, ValueSyntax Stop, ValueSyntax? Start, ValueSyntax? MaxStep,
    bool Uic, SourcePosition Position) : Statement(Position);

internal sealed record AcSyntax(AcSweepKind Sweep, ValueSyntax Points, ValueSyntax Start, ValueSyntax Stop,
    SourcePosition Position) : Statement(Position);

internal sealed record HopfSyntax(SweepSyntax Sweep, SourcePosition Position) : Statement(Position);

/// <summary><c>.noise v(out[,ref]) src dec|oct|lin n fstart fstop [pts_per_summary]</c>.</summary>
internal sealed record NoiseSyntax(PrintItemSyntax Output, NameSyntax Source, AcSweepKind Sweep, ValueSyntax Points,
    ValueSyntax Start, ValueSyntax Stop, ValueSyntax? PointsPerSummary, SourcePosition Position) : Statement(Position);

/// <summary><c>.print noise item…</c>: the noise spectra to write (<c>onoise_spectrum</c>, <c>inoise_spectrum</c>,
/// <c>all</c>, or the short forms <c>onoise</c>, <c>inoise</c>).</summary>
internal sealed record NoisePrintSyntax(IReadOnlyList<NameSyntax> Items, SourcePosition Position) : Statement(Position);

/// <summary><c>.ic</c>, or with <paramref name="NodeSet"/> <c>.nodeset</c> (same syntax: v(node)=value items).</summary>
internal sealed record IcSyntax(IReadOnlyList<(NameSyntax Node, ValueSyntax Value, SourcePosition Position)> Items,
    SourcePosition Position, bool NodeSet = false) : Statement(Position);

/// <summary>An option: numeric (<see cref="Value"/>), word (<see cref="Word"/>) or a bare flag (both null).</summary>
internal sealed record OptionSyntax(NameSyntax Key, ValueSyntax? Value, string? Word);

internal sealed record OptionsSyntax(IReadOnlyList<OptionSyntax> Options, SourcePosition Position) : Statement(Position);

internal sealed record PrintItemSyntax(string Text, PrintItemKind Kind, string Function, IReadOnlyList<NameSyntax> Names,
    string? Quantity, SourcePosition Position)
{
    /// <summary>For <c>par('expr')</c>: the behavioural voltage source that computes the expression on its own node
    /// (as ngspice does it); the item reads that node's voltage. Added to the top level by the flattener.</summary>
    public ElementStatement? Source { get; init; }
}

internal sealed record PrintSyntax(string Kind, IReadOnlyList<PrintItemSyntax> Items, SourcePosition Position) : Statement(Position);

internal sealed record StepSyntax(NameSyntax Parameter, ValueSyntax? Start, ValueSyntax? Stop, ValueSyntax? Step,
    IReadOnlyList<ValueSyntax>? List, SourcePosition Position) : Statement(Position);

/// <summary><c>.global n1 n2 ...</c>: nodes that keep their name inside every subcircuit.</summary>
internal sealed record GlobalSyntax(IReadOnlyList<NameSyntax> Nodes, SourcePosition Position) : Statement(Position);

/// <summary><c>.if (cond)</c>, <c>.elseif (cond)</c> (<see cref="Condition"/> set), <c>.else</c>, <c>.endif</c>.</summary>
internal sealed record ConditionalSyntax(string Keyword, ValueSyntax? Condition, SourcePosition Position) : Statement(Position);
