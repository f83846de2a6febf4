using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary>A token of a netlist line. Offsets are into the logical line's text; text is lower case.</summary>
internal abstract record Token(int Offset, int End)
{
    /// <summary>The token as it appears (lower case), without blanks; used in messages and print columns.</summary>
    public abstract string Display { get; }
}

/// <summary>
/// A bare word: a name, number, keyword (<c>r1</c>, <c>1k</c>, <c>dc</c>, <c>@n1[ic]</c>). Words
/// sliced from a line keep a reference to it and make their text only when asked (huge PWL tables
/// then cost no strings).
/// </summary>
internal sealed record WordToken : Token
{
    private readonly string? _line;
    private string? _text;

    public WordToken(string text, int offset, int end) : base(offset, end) { _text = text; }

    private WordToken(string line, int offset, int end, bool slice) : base(offset, end) { _line = line; }

    /// <summary>A word that is exactly <paramref name="line"/>[offset..end).</summary>
    public static WordToken Slice(string line, int offset, int end) => new(line, offset, end, true);

    public string Text => _text ??= _line!.Substring(Offset, End - Offset);

    public override string Display => Text;

    /// <summary>Parses the word as a number (see <see cref="NumberGrammar"/>).</summary>
    public bool TryNumber(out double value) =>
        _line is not null && _text is null
            ? NumberGrammar.TryParse(_line, Offset, End, out value)
            : NumberGrammar.TryParseToken(Text, out value);
}

/// <summary><c>{expr}</c> or <c>'expr'</c>, parsed.</summary>
internal sealed record ExprToken(Expr Expression, string Source, int Offset, int End) : Token(Offset, End)
{
    public override string Display => Source;
}

/// <summary><c>name(args)</c>, or a bare parenthesized group (empty <see cref="Name"/>).</summary>
internal sealed record CallToken(string Name, IReadOnlyList<Token> Args, int Offset, int End) : Token(Offset, End)
{
    public override string Display => Name + "(" + string.Join(",", Args.Select(a => a.Display)) + ")";
}

/// <summary><c>key=value</c>; the key may be a call (<c>v(a)=1</c> in <c>.ic</c>).</summary>
internal sealed record AssignToken(Token Key, Token Value, int Offset, int End) : Token(Offset, End)
{
    public override string Display => Key.Display + "=" + Value.Display;
}
