using Perovspice.Netlist.Syntax;
using Sprache;
using static Perovspice.Netlist.Expressions.Lexemes;

namespace Perovspice.Netlist.Expressions;

/// <summary>
/// The expression grammar (lower-case input): <c>+ - * / ^ **</c>, comparisons, logical operators, the
/// conditional <c>c ? a : b</c>, unary minus/plus/not, parentheses, function calls, names, numbers with
/// suffixes, and the probes <c>v(a)</c>, <c>v(a,b)</c>, <c>i(src)</c> used by B sources. Precedence, loosest
/// first (as in ngspice's B sources and C): <c>?:</c>; <c>||</c>; <c>&amp;&amp;</c>; <c>== !=</c>;
/// <c>&lt; &gt; &lt;= &gt;=</c>; <c>+ -</c>; <c>* /</c>; unary sign and <c>!</c>; <c>^</c> (left-associative as in ngspice 39,
/// its right operand may carry a sign).
/// <para>
/// The rules are Sprache parsers. The hot ones (atoms, operator chains) are written as plain
/// parser delegates rather than LINQ queries: a query allocates a chain of closures on every
/// invocation, which dominated the time on 100 000-element netlists. Operator chains are loops,
/// so only parentheses and calls nest (their depth is bounded by the caller).
/// </para>
/// </summary>
internal static class ExpressionGrammar
{
    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static readonly Parser<string> ProbeName =
        Run(c => !char.IsWhiteSpace(c) && c is not (',' or '(' or ')' or '{' or '}' or '=' or '\''), "node or source name");

    private static readonly Parser<Expr> Number = i =>
    {
        var r = NumberGrammar.UnsignedFast(i);
        return r.WasSuccessful
            ? Result.Success<Expr>(new NumberExpr(r.Value, i.Position), r.Remainder)
            : Result.Failure<Expr>(r.Remainder, r.Message, r.Expectations);
    };

    private static readonly string[] CloseParenExpected = { "')'" };
    private static readonly string[] CloseBraceExpected = { "'}'" };

    /// <summary>Expects <paramref name="c"/> after blanks at <paramref name="p"/>; returns the offset after it or -1.</summary>
    private static int Expect(string s, int p, char c)
    {
        p = SkipBlanks(s, p);
        return p < s.Length && s[p] == c ? p + 1 : -1;
    }

    internal static int SkipBlanks(string s, int p)
    {
        while (p < s.Length && s[p] is ' ' or '\t' or '\f' or '\v') p++;
        return p;
    }

    /// <summary>'(' expr ')' or, as ngspice reads a brace inside an expression ('a ? {f(x)} : 0'), '{' expr '}'.</summary>
    private static readonly Parser<Expr> Parenthesized = i =>
    {
        string s = i.Source;
        bool brace = s[i.Position] == '{';
        var e = Expression!(new LineInput(s, SkipBlanks(s, i.Position + 1)));
        if (!e.WasSuccessful) return e;
        int end = Expect(s, e.Remainder.Position, brace ? '}' : ')');
        if (end < 0)
            return Result.Failure<Expr>(new LineInput(s, SkipBlanks(s, e.Remainder.Position)),
                brace ? "expected '}'" : "expected ')'", brace ? CloseBraceExpected : CloseParenExpected);
        return Result.Success(e.Value, new LineInput(s, end));
    };

    private static Parser<Expr> ProbeTail(string name, int off) =>
        from _1 in Blanks
        from first in (from o in Offset from n in ProbeName select (n, o))
        from more in (from comma in CharAfterBlanks(',') from _ in Blanks
                      from o in Offset from n in ProbeName select (n, o)).XMany()
        from _2 in Blanks
        from close in Char(')')
        select (Expr)new ProbeExpr(name[0], new[] { first }.Concat(more).ToList(), off);

    private static Parser<Expr> CallTail(string name, int off) =>
        from _1 in Blanks
        from args in (from first in Lazy(() => Expression!)
                      from rest in (from comma in CharAfterBlanks(',') from _ in Blanks
                                    from e in Lazy(() => Expression!) select e).XMany()
                      select new[] { first }.Concat(rest).ToList()).XOptional()
        from _2 in Blanks
        from close in Char(')')
        select (Expr)new CallExpr(name, args.GetOrElse(new List<Expr>()), off);

    /// <summary>A name, or a call/probe when '(' follows (blanks allowed in between).</summary>
    private static readonly Parser<Expr> NameOrCall = i =>
    {
        string s = i.Source;
        int off = i.Position, p = off;
        while (p < s.Length && IsNameChar(s[p])) p++;
        string name = s.Substring(off, p - off);
        int q = SkipBlanks(s, p);
        if (q >= s.Length || s[q] != '(')
            return Result.Success<Expr>(new NameExpr(name, off), new LineInput(s, p));
        var tail = name is "v" or "i" ? ProbeTail(name, off) : CallTail(name, off);
        return tail(new LineInput(s, q + 1));
    };

    private static readonly Parser<Expr> Atom = Switch(c =>
            char.IsAsciiDigit(c) || c == '.' ? Number
            : c is '(' or '{' ? Parenthesized
            : char.IsAsciiLetter(c) || c == '_' ? NameOrCall
            : null,
        "number, name or '('");

    private static Parser<Expr> Signed(Parser<Expr> inner) => i =>
    {
        var signs = Signs(i);
        var r = inner(signs.Remainder);
        if (!r.WasSuccessful || !signs.Value) return r;
        return Result.Success<Expr>(new NegateExpr(r.Value, i.Position), r.Remainder);
    };

    private static readonly Parser<Expr> SignedAtom = Signed(Atom);

    /// <summary>Scans an operator after blanks at <paramref name="p"/>: returns its end and the normalized op, or -1.</summary>
    private delegate int OperatorScanner(string s, int p, out char op);

    private static int PowerOp(string s, int p, out char op)
    {
        op = '^';
        p = SkipBlanks(s, p);
        if (p < s.Length && s[p] == '^') return p + 1;
        if (p + 1 < s.Length && s[p] == '*' && s[p + 1] == '*') return p + 2;
        return -1;
    }

    private static int MulOp(string s, int p, out char op)
    {
        p = SkipBlanks(s, p);
        op = p < s.Length ? s[p] : '\0';
        if (op == '/') return p + 1;
        if (op == '*' && !(p + 1 < s.Length && s[p + 1] == '*')) return p + 1;
        return -1;
    }

    private static int AddOp(string s, int p, out char op)
    {
        p = SkipBlanks(s, p);
        op = p < s.Length ? s[p] : '\0';
        return op is '+' or '-' ? p + 1 : -1;
    }

    /// <summary><c>first (op rest)*</c> as one loop, building a flat <see cref="ChainExpr"/>.</summary>
    private static Parser<Expr> Chain(Parser<Expr> first, OperatorScanner scan, Parser<Expr> rest, bool rightAssociative) => i =>
    {
        var r = first(i);
        if (!r.WasSuccessful) return r;
        string s = i.Source;
        List<(char, Expr)>? items = null;
        var at = r.Remainder;
        while (true)
        {
            int end = scan(s, at.Position, out char op);
            if (end < 0) break;
            var next = rest(new LineInput(s, SkipBlanks(s, end)));
            if (!next.WasSuccessful) return next;
            (items ??= new List<(char, Expr)>()).Add((op, next.Value));
            at = next.Remainder;
        }
        return items is null ? r : Result.Success<Expr>(new ChainExpr(r.Value, items, rightAssociative), at);
    };

    // left-associative: ngspice 39 evaluates 2^3^2 as (2^3)^2 = 64, in .param and in B sources alike
    private static readonly Parser<Expr> Power = Chain(Atom, PowerOp, SignedAtom, rightAssociative: false);

    private static readonly Parser<Expr> SignedPower = Signed(Power);

    /// <summary>Unary sign or logical not (<c>!</c>), binding looser than <c>^</c>: <c>-2^2</c> is −4, as in ngspice.</summary>
    private static readonly Parser<Expr> Unary = i =>
    {
        // a run of '!' (and signs) is read in a loop: no recursion per operator
        string s = i.Source;
        int p = SkipBlanks(s, i.Position);
        var nots = new List<int>();
        while (p < s.Length && s[p] == '!' && !(p + 1 < s.Length && s[p + 1] == '='))
        {
            nots.Add(p);
            p = SkipBlanks(s, p + 1);
        }
        if (nots.Count == 0) return SignedPower(i);
        var r = SignedPower(new LineInput(s, p));
        if (!r.WasSuccessful) return r;
        Expr e = r.Value;
        // !!x is x != 0 (0 or 1), so at most two NOTs matter
        for (int k = nots.Count - 1; k >= Math.Max(0, nots.Count - 2 - (nots.Count % 2)); k--) e = new NotExpr(e, nots[k]);
        return Result.Success(e, r.Remainder);
    };

    private static readonly Parser<Expr> Term = Chain(Unary, MulOp, Unary, rightAssociative: false);

    private static readonly Parser<Expr> Sum = Chain(Term, AddOp, Term, rightAssociative: false);

    /// <summary><c>&lt; &gt; &lt;= &gt;=</c>, normalized to <c>&lt; &gt; l g</c>.</summary>
    private static int RelOp(string s, int p, out char op)
    {
        p = SkipBlanks(s, p);
        op = '\0';
        if (p >= s.Length || s[p] is not ('<' or '>')) return -1;
        bool eq = p + 1 < s.Length && s[p + 1] == '=';
        op = s[p] == '<' ? (eq ? 'l' : '<') : (eq ? 'g' : '>');
        return eq ? p + 2 : p + 1;
    }

    /// <summary><c>== !=</c>, normalized to <c>e n</c>.</summary>
    private static int EqOp(string s, int p, out char op)
    {
        p = SkipBlanks(s, p);
        op = '\0';
        if (p + 1 >= s.Length || s[p + 1] != '=' || s[p] is not ('=' or '!')) return -1;
        op = s[p] == '=' ? 'e' : 'n';
        return p + 2;
    }

    private static OperatorScanner Double(char c) => (string s, int p, out char op) =>
    {
        p = SkipBlanks(s, p);
        op = c;
        return p + 1 < s.Length && s[p] == c && s[p + 1] == c ? p + 2 : -1;
    };

    private static readonly Parser<Expr> Relational = Chain(Sum, RelOp, Sum, rightAssociative: false);
    private static readonly Parser<Expr> Equality = Chain(Relational, EqOp, Relational, rightAssociative: false);
    private static readonly Parser<Expr> And = Chain(Equality, Double('&'), Equality, rightAssociative: false);
    private static readonly Parser<Expr> Or = Chain(And, Double('|'), And, rightAssociative: false);

    private static readonly string[] ColonExpected = { "':'" };

    /// <summary>Deepest nesting of <c>?:</c> in the middle operand (<c>a ? b ? c : d : e</c>); chains in the last
    /// operand (<c>a ? b : c ? d : e</c>) are read in a loop and are unlimited.</summary>
    public const int MaxTernaryNesting = 100;

    /// <summary>Longest <c>a ? b : c ? d : ...</c> chain (evaluation recurses along it).</summary>
    public const int MaxTernaryChain = 1000;

    [ThreadStatic] private static int _ternaryDepth;

    private static readonly string[] TernaryExpected = { $"at most {MaxTernaryChain} chained or {MaxTernaryNesting} nested '?:'" };

    /// <summary><c>c ? a : b</c> (right-associative, loosest of all).</summary>
    private static readonly Parser<Expr> Ternary = i =>
    {
        string s = i.Source;
        var arms = new List<(Expr cond, Expr then, int at)>();
        var at = i;
        while (true)
        {
            var c = Or(at);
            if (!c.WasSuccessful) return c;
            int q = SkipBlanks(s, c.Remainder.Position);
            if (q >= s.Length || s[q] != '?')
            {
                // the final else (or the only operand): build a ? b : (c ? d : e) from the right
                Expr e = c.Value;
                for (int k = arms.Count - 1; k >= 0; k--) e = new TernaryExpr(arms[k].cond, arms[k].then, e, arms[k].at);
                return Result.Success(e, c.Remainder);
            }
            if (_ternaryDepth >= MaxTernaryNesting || arms.Count >= MaxTernaryChain)
                return Result.Failure<Expr>(new LineInput(s, q), $"'?:' nested more than {MaxTernaryNesting} deep or chained more than {MaxTernaryChain} times", TernaryExpected);
            IResult<Expr> a;
            _ternaryDepth++;
            try { a = Ternary!(new LineInput(s, SkipBlanks(s, q + 1))); }
            finally { _ternaryDepth--; }
            if (!a.WasSuccessful) return a;
            int colon = SkipBlanks(s, a.Remainder.Position);
            if (colon >= s.Length || s[colon] != ':')
                return Result.Failure<Expr>(new LineInput(s, colon), "expected ':'", ColonExpected);
            arms.Add((c.Value, a.Value, q));
            at = new LineInput(s, SkipBlanks(s, colon + 1));
        }
    };

    /// <summary>A full expression (no leading or trailing blanks consumed).</summary>
    public static readonly Parser<Expr> Expression = Ternary;

    private static readonly string[] EndExpected = { "end of expression" };

    /// <summary>An expression that must fill the rest of the input (blanks allowed around it).</summary>
    public static readonly Parser<Expr> Whole = i =>
    {
        string s = i.Source;
        var e = Expression(new LineInput(s, SkipBlanks(s, i.Position)));
        if (!e.WasSuccessful) return e;
        int end = SkipBlanks(s, e.Remainder.Position);
        return end == s.Length ? Result.Success(e.Value, new LineInput(s, end))
                               : Result.Failure<Expr>(new LineInput(s, end), "expected end of expression", EndExpected);
    };
}
