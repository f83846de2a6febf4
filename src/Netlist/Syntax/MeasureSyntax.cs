namespace Perovspice.Netlist.Syntax;

/// <summary>A point of a <c>.meas</c> before evaluation (see <see cref="MeasurePoint"/>).</summary>
internal sealed record MeasurePointSyntax(PrintItemSyntax? Vector, PrintItemSyntax? Other, ValueSyntax? Level,
    MeasureEdge Edge, ValueSyntax? Count, bool Last, ValueSyntax? Delay, ValueSyntax? At, SourcePosition Position);

/// <summary><c>.meas analysis name …</c> before evaluation.</summary>
internal sealed record MeasureSyntax(string Analysis, NameSyntax Name, MeasureKind Kind, PrintItemSyntax? Target,
    MeasurePointSyntax? Trigger, MeasurePointSyntax? Targ, ValueSyntax? From, ValueSyntax? To, ValueSyntax? Param,
    SourcePosition Position) : Statement(Position);

/// <summary><c>.four freq outputs…</c>.</summary>
internal sealed record FourierSyntax(ValueSyntax Frequency, IReadOnlyList<PrintItemSyntax> Outputs, SourcePosition Position)
    : Statement(Position);

/// <summary><c>.tf outvar insrc</c>.</summary>
internal sealed record TransferFunctionSyntax(PrintItemSyntax Output, NameSyntax Input, SourcePosition Position)
    : Statement(Position);

/// <summary><c>.pz n1 n2 n3 n4 cur|vol pol|zer|pz</c>.</summary>
internal sealed record PoleZeroSyntax(IReadOnlyList<NameSyntax> Nodes, bool CurrentInput, bool Poles, bool Zeros,
    SourcePosition Position) : Statement(Position);
