using Perovspice.Netlist.Expressions;
using Sprache;
using static Perovspice.Netlist.Expressions.Lexemes;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// <c>.param name=value ...</c>: the value is <c>{expr}</c>, <c>'expr'</c> or an unbraced expression
/// (blanks allowed: <c>.param a = 2 * b</c>); assignments are separated by blanks or commas. <c>name(a,b)=value</c>
/// defines a user function (also <c>.func name(a,b) {expr}</c>, with or without <c>=</c>).
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

    private static readonly Parser<Expr> Value =
        Delimited('{', '}').Or(Delimited('\'', '\'')).Or(ExpressionGrammar.Expression);

    /// <summary><c>(a, b, ...)</c>: formal parameter names of a function definition (possibly none).</summary>
    private static readonly Parser<List<string>> Formals =
        from open in CharAfterBlanks('(')
        from _1 in Blanks
        from names in (from first in Name
                       from rest in (from comma in CharAfterBlanks(',') from _ in Blanks from n in Name select n).XMany()
                       select new[] { first }.Concat(rest).ToList()).XOptional()
        from _2 in Blanks
        from close in Char(')')
        select names.GetOrElse(new List<string>());

    private static readonly Parser<(string name, int nameOffset, Expr value, int valueOffset, List<string>? formals)> Assignment =
        from off in Offset
        from name in Name
        from formals in Formals.XOptional()
        from eq in CharAfterBlanks('=').Named("'='")
        from _ in Blanks
        from voff in Offset
        from value in Value
        from _t in Separators   // trailing blanks belong to the assignment, so a line may end in them
        select (name, off, value, voff, formals.IsDefined ? formals.Get() : null);

    /// <summary><c>.func name(a,b) {expr}</c>, <c>= {expr}</c> or an unbraced expression.</summary>
    private static readonly Parser<(string name, int nameOffset, Expr value, int valueOffset, List<string>? formals)> FuncDefinition =
        from _0 in Separators
        from off in Offset
        from name in Name
        from formals in Formals
        from eq in CharAfterBlanks('=').XOptional()
        from _ in Blanks
        from voff in Offset
        from value in Value
        from _2 in Separators
        from end in Sprache.Parse.End(Sprache.Parse.Return(0))
        select (name, off, value, voff, (List<string>?)formals);

    private static readonly Parser<List<(string name, int nameOffset, Expr value, int valueOffset, List<string>? formals)>> Assignments =
        from _1 in Separators
        from first in Assignment
        from rest in Assignment.XMany()
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
        return Build(line, r.Value, keywordPos);
    }

    private static ParamStatement Build(LogicalLine line,
        List<(string name, int nameOffset, Expr value, int valueOffset, List<string>? formals)> items, SourcePosition keywordPos)
    {
        var list = new List<ParamAssignment>();
        var functions = new List<FunctionDefinition>();
        foreach (var a in items)
        {
            var name = new NameSyntax(a.name, line.Text.Substring(a.nameOffset, a.name.Length), line.At(a.nameOffset));
            var value = new ValueSyntax(a.value, line, 0, a.valueOffset);
            if (a.formals is null) { list.Add(new ParamAssignment(name, value)); continue; }
            var dup = a.formals.GroupBy(f => f).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw new SyntaxError(name.Position, $"function '{a.name}' has two parameters named '{dup.Key}'");
            if (Functions.Arity.ContainsKey(a.name) || Functions.TimeFunctions.ContainsKey(a.name) || a.name is "v" or "i")
                throw new SyntaxError(name.Position, $"cannot redefine the built-in function '{a.name}'");
            functions.Add(new FunctionDefinition(name, a.formals, value));
        }
        return new ParamStatement(list, keywordPos) { Functions = functions };
    }

    /// <summary>Parses a <c>.func</c> definition starting at <paramref name="start"/> of the line.</summary>
    public static ParamStatement ParseFunc(LogicalLine line, int start, SourcePosition keywordPos)
    {
        var r = FuncDefinition(new LineInput(line.Lower, start));
        if (!r.WasSuccessful)
        {
            string msg = LineReader.SkipBlank(line.Lower, start) >= line.Lower.Length
                ? "expected name(args) {expression} after '.func'"
                : Describe(r, " in .func");
            throw new SyntaxError(line.At(r.Remainder.Position), msg);
        }
        return Build(line, new() { r.Value }, keywordPos);
    }
}
