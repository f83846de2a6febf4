namespace Perovspice.Netlist.Syntax;

/// <summary>
/// Parses one logical line into a <see cref="Statement"/>, or reports one diagnostic and returns
/// null. Lines are independent, so every line's error is reported.
/// </summary>
internal static class StatementParser
{
    /// <summary>Parentheses/braces nested deeper than this are refused (protects the recursive grammar).</summary>
    public const int MaxNesting = 100;

    /// <summary>Longest statement accepted (after joining continuations), in characters.</summary>
    public const int MaxStatementLength = 4_000_000;

    /// <summary>Longest <c>{expression}</c> accepted, in characters.</summary>
    public const int MaxExpressionLength = 100_000;

    private static readonly Dictionary<string, Func<LineCursor, SourcePosition, Statement>> Dots = new()
    {
        [".subckt"] = DefinitionParsers.Subckt,
        [".ends"] = DefinitionParsers.Ends,
        [".model"] = DefinitionParsers.Model,
        [".op"] = AnalysisParsers.Op,
        [".dc"] = AnalysisParsers.Dc,
        [".tran"] = AnalysisParsers.Tran,
        [".ac"] = AnalysisParsers.Ac,
        [".hopf"] = AnalysisParsers.Hopf,
        [".noise"] = AnalysisParsers.Noise,
        [".ic"] = ControlParsers.Ic,
        [".nodeset"] = ControlParsers.NodeSet,
        [".options"] = ControlParsers.Options,
        [".option"] = ControlParsers.Options,
        [".opt"] = ControlParsers.Options,
        [".print"] = ControlParsers.Print,
        [".step"] = ControlParsers.Step,
        [".temp"] = ControlParsers.Temp,
        [".global"] = ControlParsers.Global,
        [".if"] = ControlParsers.Conditional,
        [".elseif"] = ControlParsers.Conditional,
        [".else"] = ControlParsers.Conditional,
        [".endif"] = ControlParsers.Conditional,
        [".meas"] = MeasureParsers.Measure, [".measure"] = MeasureParsers.Measure, [".four"] = MeasureParsers.Four,
        [".tf"] = MeasureParsers.Tf, [".pz"] = MeasureParsers.Pz,
    };

    public static Statement? Parse(LogicalLine line, DiagnosticBag diags)
    {
        try
        {
            return ParseOrThrow(line);
        }
        catch (SyntaxError e)
        {
            diags.Error(e.Position, e.Message);
            return null;
        }
    }

    private static Statement ParseOrThrow(LogicalLine line)
    {
        if (line.Text.Length > MaxStatementLength)
            throw new SyntaxError(line.At(LineReader.SkipBlank(line.Text, 0)),
                $"statement is too long ({line.Text.Length} characters, at most {MaxStatementLength})");
        string lower = line.Lower;
        CheckNesting(line);
        int start = LineReader.SkipBlank(lower, 0);
        string first = LineReader.FirstWord(lower, start);
        var firstPos = line.At(start);
        if (first.Length == 0)
            throw new SyntaxError(firstPos, $"expected an element name or a dot statement, found '{lower[start]}'");

        if (first[0] == '.')
        {
            if (first == ".param")
                return ParamGrammar.Parse(line, start + first.Length, firstPos);
            if (first == ".func")
                return ParamGrammar.ParseFunc(line, start + first.Length, firstPos);
            if (!Dots.TryGetValue(first, out var parser))
                throw new SyntaxError(firstPos, $"unknown dot statement '{LineCursor.Shorten(line.Text.Substring(start, first.Length))}'");
            // "after" messages refer to the keyword: it is the previous token
            var cursor = new LineCursor(line, start + first.Length, new WordToken(first, start, start + first.Length));
            return parser(cursor, firstPos);
        }

        if (!char.IsLetter(first[0]))
            throw new SyntaxError(firstPos, $"expected an element name or a dot statement, found '{LineCursor.Shorten(line.Text.Substring(start, first.Length))}'");
        if (!ElementParser.IsElementLetter(first[0]))
            throw new SyntaxError(firstPos, $"unknown element type '{line.Text[start]}' in '{LineCursor.Shorten(line.Text.Substring(start, first.Length))}' (expected {ElementParser.Letters})");
        var c = new LineCursor(line, start);
        if (char.ToLowerInvariant(first[0]) == 'a' && c.Peek is CallToken)
        {
            // "A1 (n1 n2) …": the tokenizer joins the name and the group; ngspice 39 rejects it too
            int open = line.Lower.IndexOf('(', start + first.Length);
            throw new SyntaxError(line.At(open), $"'(n1 n2)' in '{LineCursor.Shorten(line.Text.Substring(start, first.Length))}' needs a differential type: write %vd(n1 n2) or %id(n1 n2)");
        }
        if (c.AtEnd || c.Peek is not WordToken name)
            throw new SyntaxError(firstPos, $"expected an element name, found '{LineCursor.Shorten(line.Text.Substring(start, first.Length))}'");
        c.Next();
        return ElementParser.Parse(c, name);
    }

    private static void CheckNesting(LogicalLine line)
    {
        string s = line.Lower;
        int depth = 0;
        int braceStart = -1;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '(' or '{')
            {
                if (++depth > MaxNesting)
                    throw new SyntaxError(line.At(i), $"parentheses nested more than {MaxNesting} deep");
                if (c == '{' && braceStart < 0) braceStart = i;
            }
            else if (c is ')' or '}')
            {
                if (depth > 0) depth--;
                if (c == '}') braceStart = -1;
            }
            if (braceStart >= 0 && i - braceStart > MaxExpressionLength)
                throw new SyntaxError(line.At(braceStart), $"expression is too long (more than {MaxExpressionLength} characters)");
        }
    }
}
