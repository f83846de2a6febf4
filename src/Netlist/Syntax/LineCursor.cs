using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary>A syntax error inside one statement; the dispatcher turns it into a diagnostic.</summary>
internal sealed class SyntaxError : Exception
{
    public SyntaxError(SourcePosition position, string message) : base(message) { Position = position; }
    public SourcePosition Position { get; }
}

/// <summary>Walks the tokens of one logical line, with helpers that throw <see cref="SyntaxError"/>s.</summary>
internal sealed class LineCursor
{
    private readonly List<Token> _tokens;
    private int _index;

    public LineCursor(LogicalLine line, List<Token> tokens, int start = 0)
    {
        Line = line; _tokens = tokens; _index = start;
        Previous = start > 0 ? tokens[start - 1] : null;
    }

    public LogicalLine Line { get; }
    public bool AtEnd => _index >= _tokens.Count;
    public Token? Peek => AtEnd ? null : _tokens[_index];
    public Token? Previous { get; private set; }

    public Token Next()
    {
        var t = _tokens[_index++];
        Previous = t;
        return t;
    }

    public SourcePosition Pos(Token t) => Line.At(t.Offset);

    /// <summary>The token as written (original case).</summary>
    public string Written(Token t) => Line.Text.Substring(t.Offset, Math.Min(t.End, Line.Text.Length) - t.Offset);

    /// <summary>Spelling of the previous token, for "after 'X'" messages.</summary>
    public string After => Previous is null ? "" : Shorten(Written(Previous));

    public static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";

    public SyntaxError Error(Token? at, string message) => new(at is null ? Line.End : Pos(at), message);

    public NameSyntax Name(WordToken w) => new(w.Text, Written(w), Pos(w));

    /// <summary>A word (node or name) is required next.</summary>
    public NameSyntax ExpectWord(string what)
    {
        string after = After;
        if (AtEnd) throw Error(null, $"expected {what} after '{after}'");
        var t = Peek!;
        if (t is not WordToken w) throw Error(t, $"expected {what} after '{after}', found '{Shorten(Written(t))}'");
        Next();
        return Name(w);
    }

    /// <summary>A value is required next (number, <c>{expr}</c>, or a bare parameter name).</summary>
    public ValueSyntax ExpectValue(string what = "a value")
    {
        string after = After;
        if (AtEnd) throw Error(null, $"expected {what} after '{after}'");
        var t = Peek!;
        var v = ToValue(t, allowName: true);
        if (v is null) throw Error(t, $"expected {what} after '{after}', found '{Shorten(Written(t))}'");
        Next();
        return v;
    }

    /// <summary>True when the next token is a number or a <c>{expr}</c>.</summary>
    public bool NextIsValue => Peek is { } t && ToValue(t, allowName: false) is not null;

    /// <summary>
    /// Converts a token to a value: numbers, <c>{expr}</c>/<c>'expr'</c>, a word holding an
    /// expression without blanks (<c>2*r</c>) and, when <paramref name="allowName"/>, a bare parameter
    /// name. Returns null when the token is not a value. Throws for malformed expressions.
    /// </summary>
    public ValueSyntax? ToValue(Token t, bool allowName)
    {
        switch (t)
        {
            case ExprToken e:
                return new ValueSyntax(e.Expression, Line, 0, Pos(t));
            case WordToken w:
            {
                if (NumberGrammar.TryParseToken(w.Text, out double v))
                    return new ValueSyntax(new NumberExpr(v, 0), Line, w.Offset, Pos(t));
                if (!allowName) return null;
                char c = w.Text[0];
                bool exprLike = char.IsAsciiLetter(c) || c == '_' || char.IsAsciiDigit(c) || c is '.' or '-' or '+';
                if (!exprLike) return null;
                var expr = TokenGrammar.ParseExpression(Line.Lower, w.Offset, w.End, out _, out _);
                return expr is null ? null : new ValueSyntax(expr, Line, w.Offset, Pos(t));
            }
            default:
                return null;
        }
    }

    /// <summary>Fails if tokens remain.</summary>
    public void ExpectEnd(string statement)
    {
        if (!AtEnd) throw Error(Peek, $"unexpected '{Shorten(Written(Peek!))}' in {statement}");
    }
}
