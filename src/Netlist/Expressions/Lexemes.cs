using Perovspice.Netlist.Syntax;
using Sprache;

namespace Perovspice.Netlist.Expressions;

/// <summary>
/// Small Sprache primitives shared by the token and expression grammars: blanks, the current
/// offset, and look-ahead operators that fail without consuming input (so that <c>XMany</c> and
/// <c>XOptional</c> report errors at the right column).
/// </summary>
internal static class Lexemes
{
    /// <summary>Skips blanks (space, tab, form feed, vertical tab).</summary>
    public static readonly Parser<int> Blanks = i =>
    {
        string s = i.Source;
        int p = i.Position;
        while (p < s.Length && s[p] is ' ' or '\t' or '\f' or '\v') p++;
        return Result.Success(p, LineInput.At(i, p));
    };

    /// <summary>Skips blanks and commas (argument separators in SPICE lines).</summary>
    public static readonly Parser<int> Separators = i =>
    {
        string s = i.Source;
        int p = i.Position;
        while (p < s.Length && (s[p] is ' ' or '\t' or '\f' or '\v' or ',')) p++;
        return Result.Success(p, LineInput.At(i, p));
    };

    /// <summary>The current offset, consuming nothing.</summary>
    public static readonly Parser<int> Offset = i => Result.Success(i.Position, i);

    /// <summary>
    /// After optional blanks, one of <paramref name="ops"/> (longest first); the result is the operator.
    /// Fails at the original input when none matches. <paramref name="notFollowedBy"/> rejects a match
    /// followed by that character (so <c>*</c> does not match the start of <c>**</c>).
    /// </summary>
    public static Parser<string> Operator(string[] ops, char notFollowedBy = '\0') => i =>
    {
        string s = i.Source;
        int p = i.Position;
        while (p < s.Length && s[p] is ' ' or '\t') p++;
        foreach (var op in ops)
        {
            if (string.CompareOrdinal(s, p, op, 0, op.Length) != 0) continue;
            int e = p + op.Length;
            if (notFollowedBy != '\0' && e < s.Length && s[e] == notFollowedBy) continue;
            return Result.Success(op, LineInput.At(i, e));
        }
        return Result.Failure<string>(i, "no operator", new[] { "operator" });
    };

    /// <summary>After optional blanks, the character <paramref name="c"/>; fails at the original input otherwise.</summary>
    public static Parser<char> CharAfterBlanks(char c) => i =>
    {
        string s = i.Source;
        int p = i.Position;
        while (p < s.Length && s[p] is ' ' or '\t' or '\f' or '\v') p++;
        if (p < s.Length && s[p] == c) return Result.Success(c, LineInput.At(i, p + 1));
        return Result.Failure<char>(i, $"expected '{c}'", new[] { $"'{c}'" });
    };

    /// <summary>A character, with a readable expectation.</summary>
    public static Parser<char> Char(char c) => Parse.Char(c).Named($"'{c}'");

    /// <summary>A run of characters for which <paramref name="accept"/> holds (at least one).</summary>
    public static Parser<string> Run(Func<char, bool> accept, string name) => i =>
    {
        string s = i.Source;
        int p = i.Position;
        while (p < s.Length && accept(s[p])) p++;
        if (p == i.Position) return Result.Failure<string>(i, $"expected {name}", new[] { name });
        return Result.Success(s.Substring(i.Position, p - i.Position), LineInput.At(i, p));
    };

    /// <summary>
    /// A forward reference for recursive rules. (Sprache's <c>Parse.Ref</c> memoizes failures per
    /// input and throws when a rule is retried at the same place, which <c>XMany</c> does.)
    /// </summary>
    public static Parser<T> Lazy<T>(Func<Parser<T>> reference)
    {
        Parser<T>? p = null;
        return i => (p ??= reference())(i);
    }

    /// <summary>Describes a Sprache failure as "unexpected X, expected Y" in plain words.</summary>
    public static string Describe<T>(IResult<T> failure, string context)
    {
        var exp = failure.Expectations
            .Select(e => e == "end of input" ? "end of line" : e)
            .Distinct().ToList();
        string expected = exp.Count == 0 ? "" : string.Join(" or ", exp);
        var rem = failure.Remainder;
        if (rem.AtEnd)
            return expected.Length > 0 ? $"expected {expected} before the end of the line{context}"
                                       : $"unexpected end of the line{context}";
        string found = Show(rem.Current);
        return expected.Length > 0 ? $"unexpected {found}{context}, expected {expected}" : $"unexpected {found}{context}";
    }

    public static string Show(char c) => c < ' ' || c == '\u007f' ? $"character U+{(int)c:X4}" : $"'{c}'";
}
