using Perovspice.Netlist.Expressions;
using Sprache;
using static Perovspice.Netlist.Expressions.Lexemes;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// <c>.param name=value ...</c>: the value is <c>{expr}</c>, <c>'expr'</c> or an unbraced expression
/// (blanks allowed: <c>.param a = 2 * b</c>); assignments are separated by blanks or commas.
/// </summary>
internal static class ParamGrammar
{
    private static readonly Parser<string> Name =
        Run(c => char.IsAsciiLetterOrDigit(c) || c == '_', "parameter name")
            .Where(s => !char.IsAsciiDigit(s[0])).Named("parameter name");

    private static Parser<Expr> Delimited(char open, char close) =>
        from o in Char(open)
        from _1 in Blanks
        from e in ExpressionGrammar.Expression
        from _2 in Blanks
        from c in Char(close)
        select e;

    private static readonly Parser<(string name, int nameOffset, Expr value, int valueOffset)> Assignment =
        from off in Offset
        from name in Name
        from eq in CharAfterBlanks('=').Named("'='")
        from _ in Blanks
        from voff in Offset
        from value in Delimited('{', '}').Or(Delimited('\'', '\'')).Or(ExpressionGrammar.Expression)
        select (name, off, value, voff);

    private static readonly Parser<List<(string name, int nameOffset, Expr value, int valueOffset)>> Assignments =
        from _1 in Separators
        from first in Assignment
        from rest in (from sep in Separators from a in Assignment select a).XMany()
        from _2 in Separators
        from end in Sprache.Parse.End(Sprache.Parse.Return(0))
        select new[] { first }.Concat(rest).ToList();

    /// <summary>Parses the assignments starting at <paramref name="start"/> of the line.</summary>
    public static ParamStatement Parse(LogicalLine line, int start, SourcePosition keywordPos)
    {
        var r = Assignments(new LineInput(line.Lower, start));
        if (!r.WasSuccessful)
        {
            string msg = r.Remainder.Position == start && LineReader.SkipBlank(line.Lower, start) >= line.Lower.Length
                ? "expected name=value after '.param'"
                : Describe(r, " in .param");
            throw new SyntaxError(line.At(r.Remainder.Position), msg);
        }
        var list = r.Value.Select(a => new ParamAssignment(
            new NameSyntax(a.name, line.Text.Substring(a.nameOffset, a.name.Length), line.At(a.nameOffset)),
            new ValueSyntax(a.value, line, 0, a.valueOffset))).ToList();
        return new ParamStatement(list, keywordPos);
    }
}
