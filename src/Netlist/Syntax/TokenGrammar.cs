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

    private static readonly Parser<Token> Word =
        from off in Offset
        from text in Run(IsWordChar, "name or value")
        select (Token)new WordToken(text, off, off + text.Length);

    private static Parser<Token> Delimited(char open, char close) =>
        from off in Offset
        from o in Char(open)
        from _1 in Blanks
        from e in ExpressionGrammar.Expression
        from _2 in Blanks
        from c in Char(close)
        from end in Offset
        select (Token)new ExprToken(e, "", off, end);

    private static readonly Parser<Token> DoubleQuoted =
        from off in Offset
        from o in Parse.Char('"')
        from text in Parse.CharExcept('"').Many().Text()
        from c in Char('"')
        from end in Offset
        select (Token)new WordToken(text, off, end);

    private static Parser<List<Token>> GroupRest =>
        from _1 in Separators
        from items in (from t in Lazy(() => Item!) from _ in Separators select t).XMany()
        from close in Char(')')
        select items.ToList();

    private static readonly Parser<Token> WordOrCall =
        from w in Word
        from args in (from open in CharAfterBlanks('(') from rest in GroupRest select rest).XOptional()
        from end in Offset
        select args.IsDefined ? new CallToken(((WordToken)w).Text, args.Get(), w.Offset, end) : w;

    private static readonly Parser<Token> Group =
        from off in Offset
        from open in Char('(')
        from args in GroupRest
        from end in Offset
        select (Token)new CallToken("", args, off, end);

    private static readonly Parser<Token> Primary =
        Delimited('{', '}').Or(Delimited('\'', '\'')).Or(DoubleQuoted).Or(WordOrCall).Or(Group)
            .Named("name, value, '{' or '('");

    private static readonly Parser<Token> Item =
        from key in Primary
        from value in (from eq in CharAfterBlanks('=') from _ in Blanks from v in Primary select v).XOptional()
        select value.IsDefined ? new AssignToken(key, value.Get(), key.Offset, value.Get().End) : key;

    private static readonly Parser<List<Token>> Line =
        from _1 in Separators
        from items in (from t in Item from _ in Separators select t).XMany()
        from end in Parse.End(Parse.Return(0))
        select items.ToList();

    /// <summary>Tokenizes <paramref name="lower"/> from <paramref name="start"/>; on failure returns the message and offset.</summary>
    public static List<Token>? Tokenize(string lower, int start, out string? error, out int errorOffset)
    {
        var r = Line(new LineInput(lower, start));
        if (r.WasSuccessful)
        {
            error = null; errorOffset = 0;
            return r.Value;
        }
        error = Describe(r, "");
        errorOffset = r.Remainder.Position;
        return null;
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
