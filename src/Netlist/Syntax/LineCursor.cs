using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary>A syntax error inside one statement; the dispatcher turns it into a diagnostic.</summary>
internal sealed class SyntaxError : Exception
{
    public SyntaxError(SourcePosition position, string message) : base(message) { Position = position; }
    public SourcePosition Position { get; }
}

/// <summary>
/// Walks the tokens of one logical line, tokenizing on demand (so a statement that fails early
/// does not pay for the rest of a huge line), with helpers that throw <see cref="SyntaxError"/>s.
/// </summary>
internal sealed class LineCursor
{
    private readonly List<Token> _tokens = new();
    private int _index;
    private int _scan;
    private bool _done;

    /// <summary>Starts tokenizing at <paramref name="offset"/>; <paramref name="previous"/> names what precedes (for messages).</summary>
    public LineCursor(LogicalLine line, int offset, Token? previous = null)
    {
        Line = line; _scan = offset; Previous = previous;
    }

    public LogicalLine Line { get; }

    private bool Fill()
    {
        if (_index < _tokens.Count) return true;
        if (_done) return false;
        var t = TokenGrammar.Next(Line.Lower, ref _scan, out string? error, out int errorOffset);
        if (error is not null) throw new SyntaxError(Line.At(errorOffset), error);
        if (t is null) { _done = true; return false; }
        _tokens.Add(t);
        return true;
    }

    public bool AtEnd => !Fill();
    public Token? Peek => Fill() ? _tokens[_index] : null;
    public Token? Previous { get; private set; }

    public Token Next()
    {
        if (!Fill()) throw Error(null, "unexpected end of the line");
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

    /// <summary>An error at <paramref name="at"/> (the end of the line when null); a token written in RKM notation
    /// (<c>4k7</c>) gets a hint, since it is the likely cause.</summary>
    public SyntaxError Error(Token? at, string message)
    {
        if (at is WordToken w && NumberGrammar.RkmHint(w.Text) is { } hint) message += "; " + hint;
        return new(at is null ? Line.End : Pos(at), message);
    }

    public NameSyntax Name(WordToken w) => new(w.Text, Pos(w), Line, w.Offset, w.End);

    /// <summary>A word (node or name) is required next.</summary>
    public NameSyntax ExpectWord(string what)
    {
        if (AtEnd) throw Error(null, $"expected {what} after '{After}'");
        var t = Peek!;
        if (t is not WordToken w) throw Error(t, $"expected {what} after '{After}', found '{Shorten(Written(t))}'");
        Next();
        return Name(w);
    }

    /// <summary>A node name is required next: a word, or a word with one parenthesized part written without blanks
    /// (KiCad 5's <c>Net-(R1-Pad2)</c>, which ngspice 39 reads as one node name).</summary>
    public NameSyntax ExpectNode(string what = "a node name")
    {
        if (!AtEnd && Peek is CallToken call && NodeCall(call) is { } node)
        {
            Next();
            return node;
        }
        return ExpectWord(what);
    }

    /// <summary>The node name a call-shaped token spells when it is written as one run of characters —
    /// <c>name(word)</c> without blanks, followed by a blank, the end, <c>)</c> or <c>,</c> — else null
    /// (<c>sin(0 1 1k)</c>, <c>max(a,b)</c>).</summary>
    public NameSyntax? NodeCall(CallToken call)
    {
        string s = Line.Lower;
        int open = call.Offset + call.Name.Length;
        if (call.Name.Length == 0 || open >= s.Length || s[open] != '(' || call.Args.Count != 1
            || call.Args[0] is not WordToken inner || inner.Offset != open + 1 || inner.End + 1 != call.End
            || s[inner.End] != ')' || (call.End < s.Length && !char.IsWhiteSpace(s[call.End]) && s[call.End] is not (')' or ',')))
            return null;
        return new NameSyntax(s.Substring(call.Offset, call.End - call.Offset), Pos(call), Line, call.Offset, call.End);
    }

    /// <summary>A value is required next (number, <c>{expr}</c>, or a bare parameter name).</summary>
    public ValueSyntax ExpectValue(string what = "a value")
    {
        if (AtEnd) throw Error(null, $"expected {what} after '{After}'");
        var t = Peek!;
        var v = ToValue(t, allowName: true);
        if (v is null) throw Error(t, $"expected {what} after '{After}', found '{Shorten(Written(t))}'");
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
                return new ValueSyntax(e.Expression, Line, 0, t.Offset);
            case WordToken w:
            {
                if (w.TryNumber(out double v))
                    return new ValueSyntax(new NumberExpr(v, 0), Line, w.Offset, w.Offset);
                if (!allowName || w.Text.Length == 0) return null;   // "" is an empty word
                char c = w.Text[0];
                bool exprLike = char.IsAsciiLetter(c) || c == '_' || char.IsAsciiDigit(c) || c is '.' or '-' or '+';
                if (!exprLike) return null;
                var expr = TokenGrammar.ParseExpression(Line.Lower, w.Offset, w.End, out _, out _);
                return expr is null ? null : new ValueSyntax(expr, Line, w.Offset, w.Offset);
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
