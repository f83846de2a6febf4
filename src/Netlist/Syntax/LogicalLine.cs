namespace Perovspice.Netlist.Syntax;

/// <summary>
/// One statement's text after comment removal and joining of <c>+</c> continuation lines. Each
/// physical segment is joined with a single space; <see cref="At"/> maps a character offset back to
/// the physical file/line/column it came from.
/// </summary>
internal sealed class LogicalLine
{
    private readonly int[] _segStart;
    private readonly int[] _segLine;
    private readonly int[] _segCol;
    private string? _lower;

    public LogicalLine(string text, string file, int fileOrdinal, int[] segStart, int[] segLine, int[] segCol)
    {
        Text = text; File = file; FileOrdinal = fileOrdinal;
        _segStart = segStart; _segLine = segLine; _segCol = segCol;
    }

    /// <summary>The same line (file, positions) with other text: positions past a change of length shift by it.</summary>
    public LogicalLine WithText(string text) => new(text, File, FileOrdinal, _segStart, _segLine, _segCol);

    /// <summary>The same line with <paramref name="length"/> characters from <paramref name="offset"/> replaced by
    /// blanks (positions unchanged).</summary>
    public LogicalLine Blanked(int offset, int length) =>
        new(Text[..offset] + new string(' ', length) + Text[(offset + length)..], File, FileOrdinal, _segStart, _segLine, _segCol);

    /// <summary>The joined text, original case.</summary>
    public string Text { get; }

    /// <summary>The joined text, lower case (same length and offsets as <see cref="Text"/>).</summary>
    public string Lower => _lower ??= Text.ToLowerInvariant();

    public string File { get; }
    public int FileOrdinal { get; }

    /// <summary>Physical line of the first segment.</summary>
    public int FirstLine => _segLine[0];

    /// <summary>Physical position of the character at <paramref name="offset"/> (clamped to the text).</summary>
    public SourcePosition At(int offset)
    {
        if (offset < 0) offset = 0;
        int seg = Array.BinarySearch(_segStart, offset);
        if (seg < 0) seg = ~seg - 1;
        if (seg < 0) seg = 0;
        int col = _segCol[seg] + (offset - _segStart[seg]);
        if (seg + 1 < _segStart.Length && offset >= _segStart[seg + 1] - 1)
        {
            // the joining space: point just past the end of the previous segment
            col = _segCol[seg] + (_segStart[seg + 1] - 1 - _segStart[seg]);
        }
        // a .control analysis command is read as "." + the command: its synthetic '.' sits before column 1
        return new SourcePosition(File, _segLine[seg], Math.Max(col, 1)) { FileOrdinal = FileOrdinal };
    }

    /// <summary>Position one past the last non-blank character (where a missing token belongs).</summary>
    public SourcePosition End
    {
        get
        {
            int e = Text.Length;
            while (e > 0 && char.IsWhiteSpace(Text[e - 1])) e--;
            return At(e);
        }
    }
}
