using Perovspice.Netlist.Expressions;
using Sprache;
using static Perovspice.Netlist.Expressions.Lexemes;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// Sprache grammar that splits a lower-case logical line into tokens: words, <c>{expr}</c> and
/// <c>'expr'</c>, <c>"strings"</c>, calls <c>name(args)</c> (blank before '(' allowed), bare groups
/// and <c>key=value</c> assignments. Blanks and commas separate tokens.
/// </summary>
internal static class TokenGrammar
{
    private static bool IsWordChar(char c) =>
        !char.IsWhiteSpace(c) && c is not (',' or '=' or '(' or ')' or '{' or '}' or '\'' or '"');

    /// <summary><c>{expr}</c> or <c>'expr'</c> (hand-written: it is on the hot path).</summary>
    private static Parser<Token> Delimited(char open, char close)
    {
        var closeExpected = new[] { $"'{close}'" };
        string closeMessage = $"expected '{close}'";
        return i =>
        {
            string s = i.Source;
            int start = i.Position;
            var e = ExpressionGrammar.Expression(new LineInput(s, ExpressionGrammar.SkipBlanks(s, start + 1)));
            if (!e.WasSuccessful) return Result.Failure<Token>(e.Remainder, e.Message, e.Expectations);
            int q = ExpressionGrammar.SkipBlanks(s, e.Remainder.Position);
            if (q >= s.Length || s[q] != close)
                return Result.Failure<Token>(new LineInput(s, q), closeMessage, closeExpected);
            return Result.Success<Token>(new ExprToken(e.Value, "", start, q + 1), new LineInput(s, q + 1));
        };
    }

    private static readonly Parser<Token> DoubleQuoted =
        from off in Offset
        from o in Parse.Char('"')
        from text in Parse.CharExcept('"').Many().Text()
        from c in Char('"')
        from end in Offset
        select (Token)new WordToken(text, off, end);

    private static readonly Parser<char> CloseParen = Char(')');

    private static readonly Parser<List<Token>> GroupItems = Items(Lazy(() => Item!), ')');

    private static readonly Parser<List<Token>> GroupRest = i =>
    {
        var items = GroupItems(i);
        if (!items.WasSuccessful) return items;
        var close = CloseParen(items.Remainder);
        return close.WasSuccessful ? Result.Success(items.Value, close.Remainder)
                                   : Result.Failure<List<Token>>(close.Remainder, close.Message, close.Expectations);
    };

    private static int SkipBlanks(string s, int p)
    {
        while (p < s.Length && s[p] is ' ' or '\t' or '\f' or '\v') p++;
        return p;
    }

    /// <summary>A word, or a call when '(' follows (blanks allowed in between). Scans directly: this is the hot path.</summary>
    private static readonly Parser<Token> WordOrCall = i =>
    {
        string s = i.Source;
        int start = i.Position, p = start;
        while (p < s.Length && IsWordChar(s[p])) p++;
        if (p == start) return Result.Failure<Token>(i, "expected name or value", WordExpected);
        int q = SkipBlanks(s, p);
        if (q >= s.Length || s[q] != '(')
            return Result.Success<Token>(WordToken.Slice(s, start, p), new LineInput(s, p));
        string text = s.Substring(start, p - start);
        var args = GroupRest(new LineInput(s, q + 1));
        if (!args.WasSuccessful) return Result.Failure<Token>(args.Remainder, args.Message, args.Expectations);
        return Result.Success<Token>(new CallToken(text, args.Value, start, args.Remainder.Position), args.Remainder);
    };

    private static readonly string[] WordExpected = { "name or value" };

    private static readonly Parser<Token> Group =
        from off in Offset
        from open in Char('(')
        from args in GroupRest
        from end in Offset
        select (Token)new CallToken("", args, off, end);

    private static readonly Parser<Token> Braced = Delimited('{', '}');
    private static readonly Parser<Token> SingleQuoted = Delimited('\'', '\'');

    private static readonly Parser<Token> Primary = Switch(c => c switch
        {
            '{' => Braced,
            '\'' => SingleQuoted,
            '"' => DoubleQuoted,
            '(' => Group,
            _ => IsWordChar(c) ? WordOrCall : null,
        },
        "name, value, '{' or '('");

    /// <summary>A primary token, or <c>key=value</c>.</summary>
    private static readonly Parser<Token> Item = i =>
    {
        var key = Primary(i);
        if (!key.WasSuccessful) return key;
        string s = i.Source;
        int q = SkipBlanks(s, key.Remainder.Position);
        if (q >= s.Length || s[q] != '=') return key;
        var value = Primary(new LineInput(s, SkipBlanks(s, q + 1)));
        if (!value.WasSuccessful) return value;
        return Result.Success<Token>(new AssignToken(key.Value, value.Value, key.Value.Offset, value.Value.End), value.Remainder);
    };

    /// <summary>
    /// The next token at or after <paramref name="position"/> (separators skipped), or null at the
    /// end of the line. On a syntax error returns null and sets <paramref name="error"/>.
    /// </summary>
    public static Token? Next(string lower, ref int position, out string? error, out int errorOffset)
    {
        error = null; errorOffset = 0;
        int p = position;
        while (p < lower.Length && (lower[p] is ' ' or '\t' or '\f' or '\v' or ',')) p++;
        position = p;
        if (p >= lower.Length) return null;
        var r = Item(new LineInput(lower, p));
        if (!r.WasSuccessful)
        {
            error = Describe(r, "");
            errorOffset = r.Remainder.Position;
            return null;
        }
        position = r.Remainder.Position;
        return r.Value;
    }

    /// <summary>
    /// Parses <paramref name="lower"/>[offset..end) as a whole expression. The expression's offsets are
    /// relative to <paramref name="offset"/> (add it back when mapping positions).
    /// </summary>
    public static Expr? ParseExpression(string lower, int offset, int end, out string? error, out int errorOffset)
    {
        string slice = lower.Substring(offset, end - offset);
        var r = ExpressionGrammar.Whole(new LineInput(slice, 0));
        if (r.WasSuccessful)
        {
            error = null; errorOffset = 0;
            return r.Value;
        }
        error = Describe(r, " in expression");
        errorOffset = offset + r.Remainder.Position;
        return null;
    }
}
