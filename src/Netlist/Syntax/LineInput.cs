using Sprache;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// A light Sprache input over one logical line. Only <see cref="Position"/> (the character offset)
/// is meaningful; positions are mapped back to physical lines by <see cref="LogicalLine"/>.
/// </summary>
internal sealed class LineInput : IInput
{
    private IDictionary<object, object>? _memos;

    public LineInput(string source, int position)
    {
        Source = source;
        Position = position;
    }

    public string Source { get; }
    public int Position { get; }
    public char Current => Source[Position];
    public bool AtEnd => Position >= Source.Length;
    public int Line => 1;
    public int Column => Position + 1;
    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("The input is already at the end of the source.");
        return new LineInput(Source, Position + 1);
    }

    /// <summary>The same source at absolute <paramref name="position"/> (used by fast scanners).</summary>
    public static IInput At(IInput input, int position) =>
        position == input.Position ? input : new LineInput(input.Source, position);

    public bool Equals(IInput? other) =>
        other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput i && Equals(i);
    public override int GetHashCode() => HashCode.Combine(Source.Length, Position);
    public override string ToString() => $"offset {Position}";
}
