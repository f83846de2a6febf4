using Sprache;
using static Perovspice.Netlist.Expressions.Lexemes;

namespace Perovspice.Netlist.Expressions;

/// <summary>
/// The expression grammar (lower-case input): <c>+ - * / ^ **</c>, unary minus/plus, parentheses,
/// function calls, names, numbers with suffixes, and the probes <c>v(a)</c>, <c>v(a,b)</c>,
/// <c>i(src)</c> used by B sources. Precedence, loosest first: <c>+ -</c>; <c>* /</c>; unary sign;
/// <c>^</c> (right-associative, its right operand may carry a sign). Operator chains are parsed
/// iteratively; only parentheses and calls nest (their depth is bounded by the caller).
/// </summary>
internal static class ExpressionGrammar
{
    private static readonly Parser<string> Identifier =
        Run(c => char.IsAsciiLetterOrDigit(c) || c == '_', "name")
            .Where(s => !char.IsAsciiDigit(s[0]))
            .Named("name");

    private static readonly Parser<string> ProbeName =
        Run(c => !char.IsWhiteSpace(c) && c is not (',' or '(' or ')' or '{' or '}' or '=' or '\''), "node or source name");

    private static readonly Parser<Expr> Number =
        from off in Offset
        from v in NumberGrammar.Unsigned
        select (Expr)new NumberExpr(v, off);

    private static readonly Parser<Expr> Parenthesized =
        from open in Char('(')
        from _1 in Blanks
        from e in Lazy(() => Expression!)
        from _2 in Blanks
        from close in Char(')')
        select e;

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

    private static readonly Parser<Expr> NameOrCall =
        from off in Offset
        from name in Identifier
        from call in (from open in CharAfterBlanks('(')
                      from tail in (name is "v" or "i" ? ProbeTail(name, off) : CallTail(name, off))
                      select tail).XOptional()
        select call.IsDefined ? call.Get() : new NameExpr(name, off);

    private static readonly Parser<Expr> Atom =
        Number.Or(Parenthesized).Or(NameOrCall).Named("number, name or '('");

    private static readonly Parser<Expr> SignedAtom =
        from off in Offset
        from signs in Parse.Chars("+-").Then(c => Blanks.Return(c)).Many()
        from a in Atom
        select signs.Count(c => c == '-') % 2 == 1 ? new NegateExpr(a, off) : a;

    private static readonly Parser<Expr> Power =
        from first in Atom
        from rest in (from op in Operator(new[] { "**", "^" })
                      from _ in Blanks
                      from operand in SignedAtom
                      select ('^', operand)).XMany()
        select rest.Any() ? new ChainExpr(first, rest.ToList(), true) : first;

    private static readonly Parser<Expr> Unary =
        from off in Offset
        from signs in Parse.Chars("+-").Then(c => Blanks.Return(c)).Many()
        from p in Power
        select signs.Count(c => c == '-') % 2 == 1 ? new NegateExpr(p, off) : p;

    private static readonly Parser<Expr> Term =
        from first in Unary
        from rest in (from op in Operator(new[] { "*", "/" }, notFollowedBy: '*')
                      from _ in Blanks
                      from operand in Unary
                      select (op[0], operand)).XMany()
        select rest.Any() ? new ChainExpr(first, rest.ToList(), false) : first;

    /// <summary>A full expression (no leading or trailing blanks consumed).</summary>
    public static readonly Parser<Expr> Expression =
        (from first in Term
         from rest in (from op in Operator(new[] { "+", "-" })
                       from _ in Blanks
                       from operand in Term
                       select (op[0], operand)).XMany()
         select rest.Any() ? new ChainExpr(first, rest.ToList(), false) : first)
        .Named("expression");

    /// <summary>An expression that must fill the rest of the input (blanks allowed around it).</summary>
    public static readonly Parser<Expr> Whole =
        from _1 in Blanks
        from e in Expression
        from _2 in Blanks
        from end in Parse.End(Parse.Return(0))
        select e;
}
