namespace Perovspice.Netlist.Syntax;

/// <summary><c>.meas</c>/<c>.measure</c>, <c>.four</c>, <c>.tf</c> and <c>.pz</c> (values are checked after evaluation).</summary>
internal static class MeasureParsers
{
    private static readonly Dictionary<string, MeasureKind> Statistics = new()
    {
        ["avg"] = MeasureKind.Avg, ["rms"] = MeasureKind.Rms, ["min"] = MeasureKind.Min, ["max"] = MeasureKind.Max,
        ["pp"] = MeasureKind.Pp, ["integ"] = MeasureKind.Integ, ["integral"] = MeasureKind.Integ,
        ["min_at"] = MeasureKind.MinAt, ["max_at"] = MeasureKind.MaxAt,
    };

    private static readonly HashSet<string> Analyses = new() { "tran", "dc", "ac" };

    public static MeasureSyntax Measure(LineCursor c, SourcePosition pos)
    {
        var analysis = c.ExpectWord("an analysis (tran, dc or ac)");
        if (!Analyses.Contains(analysis.Text))
            throw new SyntaxError(analysis.Position, $"expected tran, dc or ac after '.meas', found '{analysis.Written}'");
        string a = analysis.Text;
        var name = c.ExpectWord("a result name");
        if (c.AtEnd) throw c.Error(null, $"expected FIND, WHEN, TRIG, AVG, RMS, MIN, MAX, PP, INTEG, DERIV or PARAM after '{name.Written}'");
        var t = c.Next();
        var at = c.Pos(t);
        if (t is AssignToken { Key: WordToken { Text: "param" } } p)
        {
            var value = c.ToValue(p.Value, allowName: true) ?? throw c.Error(p.Value, "expected an expression after 'param='");
            c.ExpectEnd("'.meas … param='");
            return new MeasureSyntax(a, name, MeasureKind.Param, null, null, null, null, null, value, pos);
        }
        if (t is not WordToken w)
            throw c.Error(t, $"expected FIND, WHEN, TRIG, AVG, RMS, MIN, MAX, PP, INTEG, DERIV or PARAM, found '{LineCursor.Shorten(c.Written(t))}'");
        switch (w.Text)
        {
            case "find":
            case "deriv":
            case "derivative":
            {
                var kind = w.Text == "find" ? MeasureKind.Find : MeasureKind.Deriv;
                var target = Vector(c, a, $"'{w.Text}'");
                var point = AtOrWhen(c, a, w.Text);
                var (from, to) = Window(c, point);
                c.ExpectEnd($"'.meas … {w.Text}'");
                return new MeasureSyntax(a, name, kind, target, point, null, from, to, null, pos);
            }
            case "when":
            {
                var point = When(c, a, at);
                var (from, to) = Window(c, point);
                c.ExpectEnd("'.meas … when'");
                return new MeasureSyntax(a, name, MeasureKind.When, null, point, null, from, to, null, pos);
            }
            case "trig":
            {
                var trig = TrigTarg(c, a, "trig", at);
                if (c.Peek is not WordToken { Text: "targ" }) throw c.Error(c.Peek, "expected 'targ' after the trigger of '.meas … trig'");
                var targAt = c.Pos(c.Next());
                var targ = TrigTarg(c, a, "targ", targAt);
                c.ExpectEnd("'.meas … trig … targ'");
                return new MeasureSyntax(a, name, MeasureKind.TrigTarg, null, trig, targ, null, null, null, pos);
            }
            default:
            {
                if (w.Text == "param")
                    throw c.Error(t, $"expected '=' after '{c.Written(t)}' (write {c.Written(t)}='expression')");
                if (!Statistics.TryGetValue(w.Text, out var kind))
                    throw c.Error(t, $"unknown measurement '{c.Written(t)}' (expected FIND, WHEN, TRIG, AVG, RMS, MIN, MAX, PP, INTEG, MIN_AT, MAX_AT, DERIV or PARAM)");
                var target = Vector(c, a, $"'{w.Text}'");
                var options = Options(c, "from", "to");
                c.ExpectEnd($"'.meas … {w.Text}'");
                return new MeasureSyntax(a, name, kind, target, null, null, options.GetValueOrDefault("from"),
                    options.GetValueOrDefault("to"), null, pos);
            }
        }
    }

    private static PrintItemSyntax Vector(LineCursor c, string analysis, string after)
    {
        if (c.AtEnd) throw c.Error(null, $"expected a vector (v(...), i(...) or @device[quantity]) after {after}");
        return ControlParsers.Item(c, analysis, c.Next());
    }

    /// <summary><c>AT=x</c> or <c>WHEN …</c> after the vector of FIND or DERIV.</summary>
    private static MeasurePointSyntax AtOrWhen(LineCursor c, string analysis, string keyword)
    {
        var t = c.Peek;
        if (t is AssignToken { Key: WordToken { Text: "at" } } a)
        {
            c.Next();
            var v = c.ToValue(a.Value, allowName: true) ?? throw c.Error(a.Value, "expected a value after 'at='");
            return new MeasurePointSyntax(null, null, null, MeasureEdge.Cross, null, false, null, v, c.Pos(t));
        }
        if (t is WordToken { Text: "when" })
        {
            var pos = c.Pos(c.Next());
            return When(c, analysis, pos);
        }
        throw c.Error(t, $"expected 'at=' or 'when' after the vector of '{keyword}'");
    }

    /// <summary><c>v(x)=val</c> or <c>v(a)=v(b)</c>, then TD= RISE= FALL= CROSS=.</summary>
    private static MeasurePointSyntax When(LineCursor c, string analysis, SourcePosition pos)
    {
        if (c.AtEnd) throw c.Error(null, "expected vector=value after 'when'");
        var t = c.Next();
        if (t is not AssignToken asg)
            throw c.Error(t, $"expected vector=value after 'when', found '{LineCursor.Shorten(c.Written(t))}'");
        var vector = ControlParsers.Item(c, analysis, asg.Key);
        PrintItemSyntax? other = null;
        ValueSyntax? level = null;
        if (asg.Value is CallToken || asg.Value is WordToken { Text: ['@', ..] }) other = ControlParsers.Item(c, analysis, asg.Value);
        else level = c.ToValue(asg.Value, allowName: true) ?? throw c.Error(asg.Value, "expected a value or a vector after '='");
        return Crossing(c, vector, other, level, pos, allowVal: false);
    }

    /// <summary>The trigger or target of TRIG/TARG: <c>AT=x</c>, or a vector with VAL= TD= RISE= FALL= CROSS=.</summary>
    private static MeasurePointSyntax TrigTarg(LineCursor c, string analysis, string keyword, SourcePosition pos)
    {
        if (c.Peek is AssignToken { Key: WordToken { Text: "at" } } a)
        {
            c.Next();
            var v = c.ToValue(a.Value, allowName: true) ?? throw c.Error(a.Value, "expected a value after 'at='");
            return new MeasurePointSyntax(null, null, null, MeasureEdge.Cross, null, false, null, v, pos);
        }
        var vector = Vector(c, analysis, $"'{keyword}'");
        var point = Crossing(c, vector, null, null, pos, allowVal: true);
        if (point.Level is null) throw new SyntaxError(pos, $"'{keyword}' needs 'val=' (the level to cross)");
        return point;
    }

    private static MeasurePointSyntax Crossing(LineCursor c, PrintItemSyntax vector, PrintItemSyntax? other,
        ValueSyntax? level, SourcePosition pos, bool allowVal)
    {
        var keys = allowVal ? new[] { "val", "td", "rise", "fall", "cross" } : new[] { "td", "rise", "fall", "cross" };
        ValueSyntax? count = null, delay = null;
        bool last = false;
        var edge = MeasureEdge.Cross;
        int edges = 0;
        while (c.Peek is AssignToken { Key: WordToken key } a && keys.Contains(key.Text))
        {
            c.Next();
            switch (key.Text)
            {
                case "val":
                    level = c.ToValue(a.Value, allowName: true) ?? throw c.Error(a.Value, "expected a value after 'val='");
                    break;
                case "td":
                    delay = c.ToValue(a.Value, allowName: true) ?? throw c.Error(a.Value, "expected a value after 'td='");
                    break;
                default:
                    if (++edges > 1) throw c.Error(a, "only one of rise=, fall= and cross= may be given");
                    edge = key.Text switch { "rise" => MeasureEdge.Rise, "fall" => MeasureEdge.Fall, _ => MeasureEdge.Cross };
                    if (a.Value is WordToken { Text: "last" }) last = true;
                    else count = c.ToValue(a.Value, allowName: true) ?? throw c.Error(a.Value, $"expected a count or 'last' after '{key.Text}='");
                    break;
            }
        }
        return new MeasurePointSyntax(vector, other, level, edge, count, last, delay, null, pos);
    }

    /// <summary>FROM= TO= after a WHEN point (AT points take none).</summary>
    private static (ValueSyntax? From, ValueSyntax? To) Window(LineCursor c, MeasurePointSyntax point)
    {
        if (point.At is not null) return (null, null);
        var o = Options(c, "from", "to");
        return (o.GetValueOrDefault("from"), o.GetValueOrDefault("to"));
    }

    private static Dictionary<string, ValueSyntax> Options(LineCursor c, params string[] keys)
    {
        var result = new Dictionary<string, ValueSyntax>();
        while (c.Peek is AssignToken { Key: WordToken key } a && keys.Contains(key.Text))
        {
            c.Next();
            result[key.Text] = c.ToValue(a.Value, allowName: true) ?? throw c.Error(a.Value, $"expected a value after '{key.Text}='");
        }
        return result;
    }

    public static FourierSyntax Four(LineCursor c, SourcePosition pos)
    {
        var f = c.ExpectValue("a fundamental frequency");
        var outputs = new List<PrintItemSyntax>();
        if (c.AtEnd) throw c.Error(null, "expected output vectors after the frequency of '.four'");
        while (!c.AtEnd) outputs.Add(ControlParsers.Item(c, "tran", c.Next()));
        return new FourierSyntax(f, outputs, pos);
    }

    public static TransferFunctionSyntax Tf(LineCursor c, SourcePosition pos)
    {
        if (c.AtEnd) throw c.Error(null, "expected an output variable (v(n), v(a,b) or i(vsrc)) after '.tf'");
        var t = c.Next();
        var output = ControlParsers.Item(c, "tf", t);
        if (output.Kind == PrintItemKind.Device || output.Function is not ("v" or "i"))
            throw c.Error(t, "the output of '.tf' must be v(n), v(a,b) or i(vsrc)");
        var input = c.ExpectWord("an input source name");
        c.ExpectEnd("'.tf'");
        return new TransferFunctionSyntax(output, input, pos);
    }

    public static PoleZeroSyntax Pz(LineCursor c, SourcePosition pos)
    {
        var nodes = new List<NameSyntax>();
        string[] what = { "the input node +", "the input node -", "the output node +", "the output node -" };
        foreach (var w in what) nodes.Add(c.ExpectWord(w));
        var type = c.ExpectWord("'cur' or 'vol'");
        if (type.Text is not ("cur" or "vol")) throw new SyntaxError(type.Position, $"expected 'cur' or 'vol', found '{type.Written}'");
        var analysis = c.ExpectWord("'pol', 'zer' or 'pz'");
        if (analysis.Text is not ("pol" or "zer" or "pz")) throw new SyntaxError(analysis.Position, $"expected 'pol', 'zer' or 'pz', found '{analysis.Written}'");
        c.ExpectEnd("'.pz'");
        return new PoleZeroSyntax(nodes, type.Text == "cur", analysis.Text != "zer", analysis.Text != "pol", pos);
    }
}
