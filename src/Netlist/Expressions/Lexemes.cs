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

    /// <summary>After optional blanks, the character <paramref name="c"/>; fails at the original input otherwise.</summary>
    public static Parser<char> CharAfterBlanks(char c)
    {
        string message = $"expected '{c}'";
        var expected = new[] { $"'{c}'" };
        return i =>
    {
        string s = i.Source;
        int p = i.Position;
        while (p < s.Length && s[p] is ' ' or '\t' or '\f' or '\v') p++;
        if (p < s.Length && s[p] == c) return Result.Success(c, LineInput.At(i, p + 1));
        return Result.Failure<char>(i, message, expected);
    };
    }

    /// <summary>A character, with a readable expectation.</summary>
    public static Parser<char> Char(char c) => Parse.Char(c).Named($"'{c}'");

    /// <summary>A run of characters for which <paramref name="accept"/> holds (at least one).</summary>
    public static Parser<string> Run(Func<char, bool> accept, string name)
    {
        string message = $"expected {name}";
        var expected = new[] { name };
        return i =>
    {
        string s = i.Source;
        int p = i.Position;
        while (p < s.Length && accept(s[p])) p++;
        if (p == i.Position) return Result.Failure<string>(i, message, expected);
        return Result.Success(s.Substring(i.Position, p - i.Position), LineInput.At(i, p));
    };
    }

    /// <summary>
    /// Chooses the alternative by the current character (no failed attempts on the common path,
    /// which keeps long lines fast); fails with <paramref name="expectation"/> when none applies.
    /// </summary>
    public static Parser<T> Switch<T>(Func<char, Parser<T>?> pick, string expectation)
    {
        var expected = new[] { expectation };
        return i =>
        {
            if (i.AtEnd) return Result.Failure<T>(i, "unexpected end of line", expected);
            var p = pick(i.Current);
            return p is null ? Result.Failure<T>(i, $"unexpected '{i.Current}'", expected) : p(i);
        };
    }

    /// <summary>
    /// Leading signs (<c>+</c>/<c>-</c>, blanks allowed between): true when the count of minus
    /// signs is odd. Never fails.
    /// </summary>
    public static readonly Parser<bool> Signs = i =>
    {
        string s = i.Source;
        int p = i.Position;
        bool negative = false;
        while (p < s.Length && s[p] is '+' or '-')
        {
            if (s[p] == '-') negative = !negative;
            p++;
            while (p < s.Length && s[p] is ' ' or '\t') p++;
        }
        return Result.Success(negative, LineInput.At(i, p));
    };

    /// <summary>
    /// <c>(item separators)*</c> as one loop, stopping (successfully) at the end of the input or at
    /// <paramref name="stop"/>; any other character that does not start an item is a failure there.
    /// </summary>
    public static Parser<List<T>> Items<T>(Parser<T> item, char stop) => i =>
    {
        var list = new List<T>();
        var at = Separators(i).Remainder;
        while (!at.AtEnd && at.Current != stop)
        {
            var r = item(at);
            if (!r.WasSuccessful) return Result.Failure<List<T>>(r.Remainder, r.Message, r.Expectations);
            list.Add(r.Value);
            at = Separators(r.Remainder).Remainder;
        }
        return Result.Success(list, at);
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
