namespace Perovspice.Netlist;

/// <summary>
/// A place in a netlist source file. <see cref="Line"/> and <see cref="Column"/> are 1-based;
/// <see cref="File"/> is the path exactly as the caller gave it for the top file, and for included
/// files the include path combined with the including file's directory (as displayed in messages).
/// </summary>
public sealed record SourcePosition(string File, int Line, int Column) : IComparable<SourcePosition>
{
    /// <summary>Order in which files were first opened while reading (top file = 0); used for sorting.</summary>
    internal int FileOrdinal { get; init; }

    /// <summary>Compares by file (in the order files were opened), then line, then column.</summary>
    public int CompareTo(SourcePosition? other)
    {
        if (other is null) return 1;
        int c = FileOrdinal.CompareTo(other.FileOrdinal);
        if (c == 0) c = string.CompareOrdinal(File, other.File);
        if (c == 0) c = Line.CompareTo(other.Line);
        return c != 0 ? c : Column.CompareTo(other.Column);
    }

    /// <summary>Equality ignores the internal ordinal.</summary>
    public bool Equals(SourcePosition? other) =>
        other is not null && File == other.File && Line == other.Line && Column == other.Column;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(File, Line, Column);

    /// <summary><c>file:line:col</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
