using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary><c>.ic .options .print .step</c>.</summary>
internal static class ControlParsers
{
    public static IcSyntax Ic(LineCursor c, SourcePosition pos) => NodeValues(c, pos, ".ic");

    /// <summary><c>.nodeset v(node)=value …</c>: the operating point's first guess (held, then released).</summary>
    public static IcSyntax NodeSet(LineCursor c, SourcePosition pos) => NodeValues(c, pos, ".nodeset") with { NodeSet = true };

    private static IcSyntax NodeValues(LineCursor c, SourcePosition pos, string statement)
    {
        var items = new List<(NameSyntax, ValueSyntax, SourcePosition)>();
        if (c.AtEnd) throw c.Error(null, $"expected v(node)=value after '{statement}'");
        while (!c.AtEnd)
        {
            var t = c.Next();
            NameSyntax? node = t is AssignToken { Key: CallToken { Name: "v", Args: [var arg] } }
                ? arg is WordToken w ? c.Name(w) : arg is CallToken call ? c.NodeCall(call) : null   // v(Net-(R1-Pad2))
                : null;
            if (node is null || t is not AssignToken a)
                throw c.Error(t, $"expected v(node)=value in '{statement}', found '{LineCursor.Shorten(c.Written(t))}'");
            var value = c.ToValue(a.Value, allowName: true)
                        ?? throw c.Error(a.Value, $"expected a value after '{a.Key.Display}=', found '{LineCursor.Shorten(c.Written(a.Value))}'");
            items.Add((node, value, c.Pos(t)));
        }
        return new IcSyntax(items, pos);
    }

    public static OptionsSyntax Options(LineCursor c, SourcePosition pos)
    {
        var options = new List<OptionSyntax>();
        while (!c.AtEnd)
        {
            var t = c.Next();
            switch (t)
            {
                case WordToken w:
                    options.Add(new OptionSyntax(c.Name(w), null, null));
                    break;
                case AssignToken { Key: WordToken key } a:
                {
                    var v = c.ToValue(a.Value, allowName: false);
                    if (v is not null) options.Add(new OptionSyntax(c.Name(key), v, null));
                    else if (a.Value is WordToken word) options.Add(new OptionSyntax(c.Name(key), null, word.Text));
                    else throw c.Error(a.Value, $"expected a value for option '{key.Text}'");
                    break;
                }
                default:
                    throw c.Error(t, $"expected name=value in '.options', found '{LineCursor.Shorten(c.Written(t))}'");
            }
        }
        return new OptionsSyntax(options, pos);
    }

    private static readonly HashSet<string> PrintKinds = new() { "op", "dc", "tran", "ac", "hopf" };
    private static readonly HashSet<string> AcOnly = new() { "vr", "vi", "vm", "vp", "vdb", "ir", "ii", "im", "ip", "idb" };

    public static Statement Print(LineCursor c, SourcePosition pos)
    {
        var kind = c.ExpectWord("an analysis kind (op, dc, tran, ac, noise or hopf)");
        if (kind.Text == "noise") return NoisePrint(c, pos);
        if (!PrintKinds.Contains(kind.Text))
            throw new SyntaxError(kind.Position, $"expected op, dc, tran, ac, noise or hopf after '.print', found '{kind.Written}'");
        var items = new List<PrintItemSyntax>();
        if (c.AtEnd) throw c.Error(null, $"expected print items after '.print {kind.Text}'");
        while (!c.AtEnd) items.Add(Item(c, kind.Text, c.Next()));
        return new PrintSyntax(kind.Text, items, pos);
    }

    /// <summary>The vectors ngspice 39's <c>.print noise</c> takes (its noise plot's spectra, and <c>all</c>), and the
    /// short forms <c>onoise</c>/<c>inoise</c> of SPICE2 and PSpice (ngspice 39 rejects those).</summary>
    internal static readonly IReadOnlySet<string> NoisePrintItems =
        new HashSet<string> { "onoise_spectrum", "inoise_spectrum", "onoise", "inoise", "all" };

    private static NoisePrintSyntax NoisePrint(LineCursor c, SourcePosition pos)
    {
        if (c.AtEnd) throw c.Error(null, "expected print items after '.print noise' (onoise_spectrum, inoise_spectrum or all)");
        var items = new List<NameSyntax>();
        while (!c.AtEnd)
        {
            var t = c.Next();
            if (t is not WordToken w || !NoisePrintItems.Contains(w.Text))
                throw c.Error(t, $"unknown noise print item '{LineCursor.Shorten(c.Written(t))}' (expected onoise_spectrum, inoise_spectrum or all)");
            items.Add(c.Name(w));
        }
        return new NoisePrintSyntax(items, pos);
    }

    internal static PrintItemSyntax Item(LineCursor c, string analysis, Token t)
    {
        string shown = LineCursor.Shorten(c.Written(t));
        var pos = c.Pos(t);
        if (t is WordToken w && w.Text.StartsWith('@'))
        {
            int open = w.Text.IndexOf('[');
            if (open > 1 && w.Text.EndsWith(']') && open < w.Text.Length - 2)
            {
                string dev = w.Text[1..open];
                string q = w.Text[(open + 1)..^1];
                var devName = new NameSyntax(dev, dev, pos);
                return new PrintItemSyntax(w.Text, PrintItemKind.Device, "@", new[] { devName }, q, pos);
            }
            throw c.Error(t, $"expected @device[quantity], found '{shown}'");
        }
        if (t is CallToken { Name: "par" } par)
            return Par(c, par, pos, shown);
        if (t is CallToken call && call.Name.Length > 0)
        {
            string f = call.Name;
            bool isV = f == "v" || (f.Length > 1 && f[0] == 'v' && AcOnly.Contains(f));
            bool isI = f == "i" || (f.Length > 1 && f[0] == 'i' && AcOnly.Contains(f));
            if (!isV && !isI)
                throw c.Error(t, $"unknown print item '{shown}' (expected v(...), i(...) or @device[quantity])");
            if (AcOnly.Contains(f) && analysis != "ac")
                throw c.Error(t, $"'{f}(...)' is only valid in '.print ac'");
            var names = new List<NameSyntax>();
            foreach (var a in call.Args)
            {
                if (a is WordToken aw) names.Add(c.Name(aw));
                else if (isV && a is CallToken inner && c.NodeCall(inner) is { } innerNode) names.Add(innerNode);   // v(Net-(R1-Pad2))
                else throw c.Error(a, $"expected a {(isV ? "node" : "source")} name in '{shown}'");
            }
            if (isV && names.Count is < 1 or > 2) throw c.Error(t, $"'{f}(...)' takes one or two node names");
            if (isI && names.Count != 1) throw c.Error(t, $"'{f}(...)' takes one source name");
            return new PrintItemSyntax(call.Display, isV ? PrintItemKind.Voltage : PrintItemKind.Current, f, names, null, pos);
        }
        if (t is WordToken node && node.Text.Length > 0 && (char.IsAsciiLetterOrDigit(node.Text[0]) || node.Text[0] == '_'))
        {
            // a bare node name, as ngspice accepts it: v(node), the column named as written
            return new PrintItemSyntax(node.Text, PrintItemKind.Voltage, "v", new[] { c.Name(node) }, null, pos);
        }
        throw c.Error(t, $"unknown print item '{shown}' (expected v(...), i(...) or @device[quantity])");
    }

    /// <summary>
    /// <c>par('expr')</c> (ngspice): an expression of node voltages, branch currents and <c>time</c> as an output. As in
    /// ngspice it becomes a behavioural voltage source from a node of its own to ground, <c>V=expr</c>, whose voltage is
    /// the item; the source and node are named after the expression (<c>bpar#…</c>, <c>par#…</c>, names no netlist can
    /// write), so the same expression printed twice shares one source.
    /// </summary>
    private static PrintItemSyntax Par(LineCursor c, CallToken par, SourcePosition pos, string shown)
    {
        if (par.Args is not [ExprToken e])
            throw c.Error(par, $"expected par('expression') with one quoted or braced expression, found '{shown}'");
        var line = c.Line;
        string text = line.Lower.Substring(e.Offset + 1, e.End - e.Offset - 2).Trim();
        string key = new string(text.Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        var node = new NameSyntax("par#" + key, "par#" + key, pos);
        var ground = new NameSyntax("0", "0", pos);
        var source = new ElementStatement(new NameSyntax("bpar#" + key, "bpar#" + key, pos), 'b', new[] { node, ground },
            new List<ArgSyntax> { new ExpressionArgSyntax("v", e.Expression, text, line, 0, line.At(e.Offset)) }, null, pos);
        return new PrintItemSyntax($"par('{key}')", PrintItemKind.Voltage, "v", new[] { node }, null, pos) { Source = source };
    }

    /// <summary><c>.temp T</c> (°C): stored as the option <c>temp</c>.</summary>
    public static OptionsSyntax Temp(LineCursor c, SourcePosition pos)
    {
        var v = c.ExpectValue("a temperature in degrees Celsius");
        c.ExpectEnd("'.temp' (one temperature only)");
        var key = new NameSyntax("temp", ".temp", pos);
        return new OptionsSyntax(new[] { new OptionSyntax(key, v, null) }, pos);
    }

    /// <summary><c>.global n1 n2 ...</c>.</summary>
    public static GlobalSyntax Global(LineCursor c, SourcePosition pos)
    {
        var nodes = new List<NameSyntax>();
        if (c.AtEnd) throw c.Error(null, "expected node names after '.global'");
        while (!c.AtEnd) nodes.Add(c.ExpectNode());
        return new GlobalSyntax(nodes, pos);
    }

    /// <summary><c>.if (cond)</c>, <c>.elseif (cond)</c>, <c>.else</c>, <c>.endif</c>: the condition is the rest of the
    /// line, an expression (parenthesized or braced as written).</summary>
    public static ConditionalSyntax Conditional(LineCursor c, SourcePosition pos)
    {
        var kw = (WordToken)c.Previous!;
        string keyword = kw.Text;
        var line = c.Line;
        int start = kw.End;
        if (keyword is ".else" or ".endif")
        {
            c.ExpectEnd($"'{keyword}'");
            return new ConditionalSyntax(keyword, null, pos);
        }
        int p = LineReader.SkipBlank(line.Lower, start);
        if (p >= line.Lower.Length) throw new SyntaxError(line.End, $"expected a condition after '{keyword}'");
        var (text, inserted) = LoneEqualsAsEquality(line.Lower, p);
        var r = ExpressionGrammar.Whole(new LineInput(text, p));
        if (!r.WasSuccessful)
        {
            int at = r.Remainder.Position;
            at -= inserted.Count(i => i < at);
            throw new SyntaxError(line.At(at), Lexemes.Describe(r, $" in the condition of '{keyword}'"));
        }
        return new ConditionalSyntax(keyword, new ValueSyntax(r.Value, line, 0, p), pos);
    }

    /// <summary>ngspice (and LTspice) accept a single <c>=</c> as equality in a <c>.if</c> condition: <c>.if (x = 2)</c>.
    /// Returns the text with each lone <c>=</c> (not part of <c>== != &lt;= &gt;=</c>) doubled, and where the extra
    /// characters went (to map an error position back to the line).</summary>
    private static (string Text, List<int> Inserted) LoneEqualsAsEquality(string s, int from)
    {
        var inserted = new List<int>();
        var b = new System.Text.StringBuilder(s.Length + 4);
        b.Append(s, 0, from);
        for (int i = from; i < s.Length; i++)
        {
            b.Append(s[i]);
            if (s[i] != '=') continue;
            bool joined = (i > 0 && s[i - 1] is '=' or '!' or '<' or '>') || (i + 1 < s.Length && s[i + 1] == '=');
            if (joined) continue;
            inserted.Add(b.Length);
            b.Append('=');
        }
        return (b.ToString(), inserted);
    }

    public static StepSyntax Step(LineCursor c, SourcePosition pos)
    {
        var kw = c.ExpectWord("'param'");
        if (kw.Text != "param") throw new SyntaxError(kw.Position, $"expected 'param' after '.step', found '{kw.Written}'");
        var name = c.ExpectWord("a parameter name");
        if (c.Peek is WordToken { Text: "list" })
        {
            c.Next();
            var values = new List<ValueSyntax> { c.ExpectValue() };
            while (!c.AtEnd) values.Add(c.ExpectValue());
            return new StepSyntax(name, null, null, null, values, pos);
        }
        var start = c.ExpectValue("a start value");
        var stop = c.ExpectValue("a stop value");
        var step = c.ExpectValue("a step value");
        c.ExpectEnd("'.step'");
        return new StepSyntax(name, start, stop, step, null, pos);
    }
}
