using Perovspice.Devices;
using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary>Parses element lines; the first letter of the name selects the form.</summary>
internal static class ElementParser
{
    /// <summary>True when <paramref name="letter"/> starts an element name (a registered kind, or X).</summary>
    public static bool IsElementLetter(char letter) => letter == 'x' || DeviceCatalog.Find(letter) is not null;

    /// <summary>The element letters, upper case, for messages ("R C L … X").</summary>
    public static string Letters => string.Join(" ", DeviceCatalog.All.Select(k => char.ToUpperInvariant(k.Letter)).Append('X'));

    public static ElementStatement Parse(LineCursor c, WordToken nameToken)
    {
        var name = c.Name(nameToken);
        char letter = name.Text[0];
        if (letter == 'x') return Instance(c, name);
        var kind = DeviceCatalog.Find(letter)
                   ?? throw c.Error(nameToken, $"unknown element type '{letter}' in '{name.Written}'");
        return kind.Form switch
        {
            ElementForm.Standard => Standard(c, name, kind, Nodes(c, kind.MinNodes), new List<ArgSyntax>()),
            ElementForm.Referencing => Referencing(c, name, kind),
            ElementForm.Coupling => Coupling(c, name, kind),
            ElementForm.Source => SourceParser.Parse(c, name, letter),
            ElementForm.VoltageControlled => ControlledParser.VoltageControlled(c, name, letter),
            ElementForm.CurrentControlled => CurrentControlled(c, name, kind),
            ElementForm.Behavioural => Behavioural(c, name),
            ElementForm.CodeModel => CodeModelParser.Parse(c, name),
            _ => throw c.Error(nameToken, $"unknown element type '{letter}' in '{name.Written}'"),
        };
    }

    /// <summary><c>nodes… [words…] [key=value…]</c>: bare words become candidates (optional node, model, value or
    /// flag) that the flattener resolves once the models in scope are known.</summary>
    private static ElementStatement Standard(LineCursor c, NameSyntax name, ElementKind kind, List<NameSyntax> nodes,
        List<ArgSyntax> args)
    {
        if (kind.ValueRequired && c.AtEnd) throw c.Error(null, $"expected a value after '{c.After}'");
        // optional nodes, the model, positional values and flags: more bare words than that is an error here
        int maxWords = kind.MaxNodes - kind.MinNodes + (kind.Models.Count > 0 ? 1 : 0) + kind.Values.Count + kind.Flags.Count;
        int words = 0;
        while (!c.AtEnd)
        {
            var t = c.Peek!;
            switch (t)
            {
                case AssignToken a:
                {
                    c.Next();
                    var asg = Assign(c, a);
                    if (kind.ListParameters.Contains(asg.Key))
                    {
                        var values = new List<ValueSyntax> { asg.Value };
                        while (c.NextIsValue) values.Add(c.ExpectValue());
                        args.Add(new ListArgSyntax(asg.Key, values, asg.Position));
                    }
                    else args.Add(asg);
                    break;
                }
                case WordToken w:
                    if (++words > maxWords)
                        throw c.Error(t, $"unexpected '{LineCursor.Shorten(c.Written(t))}' in '{name.Written}', expected name=value");
                    c.Next();
                    args.Add(new CandidateArgSyntax(c.Name(w), c.ToValue(w, allowName: true)));
                    break;
                case CallToken call when c.NodeCall(call) is { } node:
                    // a KiCad 5 node name such as Net-(R1-Pad2) among the optional nodes (an X line's ports)
                    if (++words > maxWords)
                        throw c.Error(t, $"unexpected '{LineCursor.Shorten(c.Written(t))}' in '{name.Written}', expected name=value");
                    c.Next();
                    args.Add(new CandidateArgSyntax(node, null));
                    break;
                case ExprToken:
                    if (++words > maxWords)
                        throw c.Error(t, $"unexpected '{LineCursor.Shorten(c.Written(t))}' in '{name.Written}', expected name=value");
                    args.Add(new ValueArgSyntax(c.ExpectValue()));
                    break;
                default:
                    throw c.Error(t, $"unexpected '{LineCursor.Shorten(c.Written(t))}' in '{name.Written}'");
            }
        }
        return new ElementStatement(name, kind.Letter, nodes, args, null, name.Position);
    }

    /// <summary><c>nodes… SOURCE… [model] [values…] [key=value…]</c> (F, H, W).</summary>
    private static ElementStatement Referencing(LineCursor c, NameSyntax name, ElementKind kind)
    {
        var nodes = Nodes(c, kind.MinNodes);
        var args = new List<ArgSyntax>();
        for (int k = 0; k < kind.References; k++)
        {
            var src = c.ExpectWord("a controlling voltage source name");
            args.Add(new WordArgSyntax(src.Text, WordRole.Source, src.Position));
        }
        return Standard(c, name, kind, nodes, args);
    }

    /// <summary>F/H: <c>n+ n- POLY(n) …</c> or <c>n+ n- vsource gain</c>.</summary>
    private static ElementStatement CurrentControlled(LineCursor c, NameSyntax name, ElementKind kind)
    {
        var nodes = Nodes(c, kind.MinNodes);
        var poly = ControlledParser.CurrentControlledPoly(c, name, kind.Letter, nodes);
        if (poly != null) return poly;
        var src = c.ExpectWord("a controlling voltage source name");
        var args = new List<ArgSyntax> { new WordArgSyntax(src.Text, WordRole.Source, src.Position) };
        args.Add(new ValueArgSyntax(c.ExpectValue("a gain value")));
        c.ExpectEnd($"'{name.Written}'");
        return new ElementStatement(name, kind.Letter, nodes, args, null, name.Position);
    }

    /// <summary><c>NAME L1 L2 [L3 …] value</c> (K): element names, then one value.</summary>
    private static ElementStatement Coupling(LineCursor c, NameSyntax name, ElementKind kind)
    {
        var tokens = new List<Token>();
        while (!c.AtEnd) tokens.Add(c.Next());
        if (tokens.Count < kind.References + 1)
            throw c.Error(null, $"expected {kind.References} element names and a value after '{name.Written}'");
        var args = new List<ArgSyntax>();
        for (int k = 0; k < tokens.Count - 1; k++)
        {
            if (tokens[k] is not WordToken w)
                throw c.Error(tokens[k], $"expected an element name in '{name.Written}', found '{LineCursor.Shorten(c.Written(tokens[k]))}'");
            args.Add(new WordArgSyntax(w.Text, WordRole.Source, c.Pos(w)));
        }
        var last = tokens[^1];
        var value = c.ToValue(last, allowName: true)
                    ?? throw c.Error(last, $"expected a value at the end of '{name.Written}', found '{LineCursor.Shorten(c.Written(last))}'");
        args.Add(new ValueArgSyntax(value));
        return new ElementStatement(name, kind.Letter, new List<NameSyntax>(), args, null, name.Position);
    }

    private static List<NameSyntax> Nodes(LineCursor c, int count)
    {
        var nodes = new List<NameSyntax>(count);
        for (int k = 0; k < count; k++) nodes.Add(c.ExpectNode());
        return nodes;
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



    /// <summary>ngspice's temperature keywords after a B source's expression: value·(1 + tc1·ΔT + tc2·ΔT²).</summary>
    private static readonly System.Text.RegularExpressions.Regex BehaviouralTemperatureKey =
        new(@"\s(tc1|tc2|temp|dtemp)\s*=(?!=)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static ElementStatement Behavioural(LineCursor c, NameSyntax name)
    {
        var nodes = Nodes(c, 2);
        string after = c.After;
        if (c.AtEnd || c.Peek is not AssignToken { Key: WordToken { Text: "v" or "i" } key } a)
            throw c.Error(c.Peek, $"expected 'V={{expression}}' or 'I={{expression}}' after '{after}'");
        c.Next();
        var line = c.Line;
        var args = new List<ArgSyntax>();
        if (a.Value is ExprToken e)
        {
            string text = line.Lower.Substring(e.Offset + 1, e.End - e.Offset - 2).Trim();
            args.Add(new ExpressionArgSyntax(key.Text, e.Expression, text, line, 0, line.At(e.Offset)));
            TemperatureKeys(c, name, args);
            return new ElementStatement(name, 'b', nodes, args, null, name.Position);
        }
        // unbraced: the expression is the rest of the line, up to ngspice's tc1= tc2= temp= dtemp=
        int start = a.Value.Offset;
        int end = line.Lower.Length;
        var m = BehaviouralTemperatureKey.Match(line.Lower, start);
        if (m.Success) end = m.Index;
        var expr = TokenGrammar.ParseExpression(line.Lower, start, end, out string? err, out int errOffset);
        if (expr is null) throw new SyntaxError(line.At(errOffset), err!);
        args.Add(new ExpressionArgSyntax(key.Text, expr, line.Lower[start..end].Trim(), line, start, line.At(start)));
        if (m.Success) TemperatureKeys(new LineCursor(line, end), name, args);
        return new ElementStatement(name, 'b', nodes, args, null, name.Position);
    }

    /// <summary>Reads <c>tc1= tc2= temp= dtemp=</c> to the end of a B source's line.</summary>
    private static void TemperatureKeys(LineCursor c, NameSyntax name, List<ArgSyntax> args)
    {
        while (!c.AtEnd)
        {
            if (c.Peek is not AssignToken { Key: WordToken { Text: "tc1" or "tc2" or "temp" or "dtemp" } } t)
                throw c.Error(c.Peek, $"unexpected '{LineCursor.Shorten(c.Written(c.Peek!))}' after the expression of '{name.Written}' (only tc1= tc2= temp= dtemp= may follow)");
            args.Add(Assign(c, t));
            c.Next();
        }
    }

    private static ElementStatement Instance(LineCursor c, NameSyntax name)
    {
        var words = new List<NameSyntax>();
        while (!c.AtEnd)
        {
            if (c.Peek is WordToken w && w.Text != "params:") words.Add(c.Name(w));
            else if (c.Peek is CallToken call && c.NodeCall(call) is { } node) words.Add(node);   // Net-(R1-Pad2)
            else break;
            c.Next();
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
