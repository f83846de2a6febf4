using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary>Parses element lines; the first letter of the name selects the form.</summary>
internal static class ElementParser
{
    public const string Kinds = "rclviefghdbxn";

    public static ElementStatement Parse(LineCursor c, WordToken nameToken)
    {
        var name = c.Name(nameToken);
        char kind = name.Text[0];
        return kind switch
        {
            'r' or 'c' or 'l' => TwoTerminalValue(c, name, kind),
            'v' or 'i' => SourceParser.Parse(c, name, kind),
            'e' or 'g' => Controlled(c, name, kind, 4, controllingSource: false),
            'f' or 'h' => Controlled(c, name, kind, 2, controllingSource: true),
            'd' => WithModel(c, name, kind, allowPositionalValue: true),
            'n' => WithModel(c, name, kind, allowPositionalValue: false),
            'b' => Behavioural(c, name),
            'x' => Instance(c, name),
            _ => throw c.Error(nameToken, $"unknown element type '{kind}' in '{name.Written}'"),
        };
    }

    private static List<NameSyntax> Nodes(LineCursor c, int count)
    {
        var nodes = new List<NameSyntax>(count);
        for (int k = 0; k < count; k++) nodes.Add(c.ExpectWord("a node name"));
        return nodes;
    }

    private static ElementStatement TwoTerminalValue(LineCursor c, NameSyntax name, char kind)
    {
        var nodes = Nodes(c, 2);
        var args = new List<ArgSyntax> { new ValueArgSyntax(c.ExpectValue()) };
        Assignments(c, args, name);
        return new ElementStatement(name, kind, nodes, args, null, name.Position);
    }

    /// <summary>Trailing <c>key=value</c> pairs (and, if allowed, bare words such as <c>off</c>).</summary>
    internal static void Assignments(LineCursor c, List<ArgSyntax> args, NameSyntax name, bool allowWords = false)
    {
        while (!c.AtEnd)
        {
            var t = c.Peek!;
            if (t is AssignToken a) { args.Add(Assign(c, a)); c.Next(); continue; }
            if (allowWords && t is WordToken w && !c.NextIsValue)
            {
                args.Add(new WordArgSyntax(w.Text, WordRole.Keyword, c.Pos(w)));
                c.Next();
                continue;
            }
            throw c.Error(t, $"unexpected '{LineCursor.Shorten(c.Written(t))}' in '{name.Written}', expected name=value");
        }
    }

    internal static AssignArgSyntax Assign(LineCursor c, AssignToken a)
    {
        if (a.Key is not WordToken key)
            throw c.Error(a.Key, $"expected a parameter name before '=', found '{LineCursor.Shorten(c.Written(a.Key))}'");
        var v = c.ToValue(a.Value, allowName: true)
                ?? throw c.Error(a.Value, $"expected a value after '{key.Text}=', found '{LineCursor.Shorten(c.Written(a.Value))}'");
        return new AssignArgSyntax(key.Text, v, c.Pos(key));
    }

    private static ElementStatement Controlled(LineCursor c, NameSyntax name, char kind, int nodeCount, bool controllingSource)
    {
        var nodes = Nodes(c, nodeCount);
        var args = new List<ArgSyntax>();
        if (controllingSource)
        {
            var src = c.ExpectWord("a controlling voltage source name");
            args.Add(new WordArgSyntax(src.Text, WordRole.Source, src.Position));
        }
        args.Add(new ValueArgSyntax(c.ExpectValue(kind is 'e' or 'h' ? "a gain value" : "a gain value")));
        c.ExpectEnd($"'{name.Written}'");
        return new ElementStatement(name, kind, nodes, args, null, name.Position);
    }

    private static ElementStatement WithModel(LineCursor c, NameSyntax name, char kind, bool allowPositionalValue)
    {
        var nodes = Nodes(c, 2);
        var model = c.ExpectWord("a model name");
        var args = new List<ArgSyntax> { new WordArgSyntax(model.Text, WordRole.Model, model.Position) };
        if (allowPositionalValue && c.NextIsValue) args.Add(new ValueArgSyntax(c.ExpectValue()));
        Assignments(c, args, name, allowWords: allowPositionalValue);
        return new ElementStatement(name, kind, nodes, args, null, name.Position);
    }

    private static ElementStatement Behavioural(LineCursor c, NameSyntax name)
    {
        var nodes = Nodes(c, 2);
        string after = c.After;
        if (c.AtEnd || c.Peek is not AssignToken { Key: WordToken { Text: "v" or "i" } key } a)
            throw c.Error(c.Peek, $"expected 'V={{expression}}' or 'I={{expression}}' after '{after}'");
        c.Next();
        var line = c.Line;
        if (a.Value is ExprToken e)
        {
            c.ExpectEnd($"'{name.Written}'");
            string text = line.Lower.Substring(e.Offset + 1, e.End - e.Offset - 2).Trim();
            return new ElementStatement(name, 'b', nodes,
                new List<ArgSyntax> { new ExpressionArgSyntax(key.Text, e.Expression, text, line, 0, line.At(e.Offset)) },
                null, name.Position);
        }
        // unbraced: the expression is the rest of the line
        int start = a.Value.Offset;
        int end = line.Lower.Length;
        var expr = TokenGrammar.ParseExpression(line.Lower, start, end, out string? err, out int errOffset);
        if (expr is null) throw new SyntaxError(line.At(errOffset), err!);
        return new ElementStatement(name, 'b', nodes,
            new List<ArgSyntax> { new ExpressionArgSyntax(key.Text, expr, line.Lower[start..end].Trim(), line, start, line.At(start)) },
            null, name.Position);
    }

    private static ElementStatement Instance(LineCursor c, NameSyntax name)
    {
        var words = new List<NameSyntax>();
        while (!c.AtEnd && c.Peek is WordToken w && w.Text != "params:")
        {
            c.Next();
            words.Add(c.Name(w));
        }
        if (words.Count == 0)
            throw c.Error(c.Peek, $"expected node names and a subcircuit name after '{name.Written}'");
        var subckt = words[^1];
        words.RemoveAt(words.Count - 1);
        if (!c.AtEnd && c.Peek is WordToken { Text: "params:" }) c.Next();
        var args = new List<ArgSyntax>();
        while (!c.AtEnd)
        {
            if (c.Peek is not AssignToken a)
                throw c.Error(c.Peek, $"expected name=value after the subcircuit name in '{name.Written}', found '{LineCursor.Shorten(c.Written(c.Peek!))}'");
            args.Add(Assign(c, a));
            c.Next();
        }
        return new ElementStatement(name, 'x', words, args, subckt, name.Position);
    }
}
