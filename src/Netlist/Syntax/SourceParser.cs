using Perovspice.Devices;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// Independent sources: <c>Vname n+ n- [DC] v [AC mag [phase]] [waveform]</c>. A bare leading value
/// is recorded as <c>dc</c>. Waveforms: those of <see cref="WaveformCatalog"/>, with or without parentheses.
/// </summary>
internal static class SourceParser
{
    public static ElementStatement Parse(LineCursor c, NameSyntax name, char kind)
    {
        var nodes = new List<NameSyntax> { c.ExpectNode(), c.ExpectNode() };
        var args = new List<ArgSyntax>();
        bool haveDc = false, haveAc = false, haveWave = false;
        while (!c.AtEnd)
        {
            var t = c.Peek!;
            switch (t)
            {
                case WordToken { Text: "dc" } w when !haveDc:
                    c.Next();
                    args.Add(new WordArgSyntax("dc", WordRole.Keyword, c.Pos(w)));
                    args.Add(new ValueArgSyntax(c.ExpectValue("a dc value")));
                    haveDc = true;
                    break;
                case WordToken { Text: "ac" } w when !haveAc:
                    c.Next();
                    args.Add(new WordArgSyntax("ac", WordRole.Keyword, c.Pos(w)));
                    if (c.NextIsValue)
                    {
                        args.Add(new ValueArgSyntax(c.ExpectValue()));
                        if (c.NextIsValue) args.Add(new ValueArgSyntax(c.ExpectValue()));
                    }
                    haveAc = true;
                    break;
                case CallToken { Name: "dc", Args.Count: 1 } call when !haveDc:
                {
                    // dc(value): ngspice 39 reads it as "dc value" (rust/KiCad-generated netlists write it)
                    c.Next();
                    args.Add(new WordArgSyntax("dc", WordRole.Keyword, c.Pos(call)));
                    args.Add(new ValueArgSyntax(c.ToValue(call.Args[0], allowName: true)
                        ?? throw c.Error(call.Args[0], $"expected a value in dc(...), found '{LineCursor.Shorten(c.Written(call.Args[0]))}'")));
                    haveDc = true;
                    break;
                }
                case CallToken call when WaveformCatalog.Find(call.Name) != null && !haveWave:
                    c.Next();
                    args.Add(Waveform(c, call.Name, call.Args, c.Pos(call)));
                    haveWave = true;
                    break;
                case WordToken w when WaveformCatalog.Find(w.Text) != null && !haveWave:
                {
                    c.Next();
                    var values = new List<Token>();
                    while (c.NextIsValue) values.Add(c.Next());
                    args.Add(Waveform(c, w.Text, values, c.Pos(w)));
                    haveWave = true;
                    break;
                }
                case AssignToken { Key: WordToken { Text: "dc" } } a when !haveDc:
                {
                    // dc=value (ngspice accepts it like "dc value")
                    var asg = ElementParser.Assign(c, a);
                    c.Next();
                    args.Add(new WordArgSyntax("dc", WordRole.Keyword, asg.Position));
                    args.Add(new ValueArgSyntax(asg.Value));
                    haveDc = true;
                    break;
                }
                case AssignToken { Key: WordToken { Text: "ac" } } a when !haveAc:
                {
                    // ac=mag [phase]
                    var asg = ElementParser.Assign(c, a);
                    c.Next();
                    args.Add(new WordArgSyntax("ac", WordRole.Keyword, asg.Position));
                    args.Add(new ValueArgSyntax(asg.Value));
                    if (c.NextIsValue) args.Add(new ValueArgSyntax(c.ExpectValue()));
                    haveAc = true;
                    break;
                }
                case WordToken { Text: "distof1" or "distof2" }:
                    // distortion inputs (magnitude [phase]) only matter to '.disto', which is not supported (skipped
                    // with a warning): read and dropped so the source's other values still apply
                    c.Next();
                    if (c.NextIsValue)
                    {
                        c.ExpectValue();
                        if (c.NextIsValue) c.ExpectValue();
                    }
                    break;
                case AssignToken a:
                    args.Add(ElementParser.Assign(c, a));
                    c.Next();
                    break;
                default:
                    if (!haveDc && args.Count == 0 && c.NextIsValue)
                    {
                        args.Add(new WordArgSyntax("dc", WordRole.Keyword, c.Pos(t)));
                        args.Add(new ValueArgSyntax(c.ExpectValue()));
                        haveDc = true;
                        break;
                    }
                    throw c.Error(t, $"unexpected '{LineCursor.Shorten(c.Written(t))}' in source '{name.Written}'");
            }
        }
        return new ElementStatement(name, kind, nodes, args, null, name.Position);
    }

    private static FunctionArgSyntax Waveform(LineCursor c, string name, IReadOnlyList<Token> tokens, SourcePosition pos)
    {
        // one registration per waveform (Devices' WaveformCatalog); an alias is read as its waveform (SINE as SIN)
        var kind = WaveformCatalog.Find(name)!;
        name = kind.Name;
        int min = kind.MinValues, max = kind.MaxValues;
        bool pairs = kind.Pairs;
        var values = new List<ValueSyntax>(tokens.Count);
        foreach (var t in tokens)
        {
            var v = c.ToValue(t, allowName: true)
                    ?? throw c.Error(t, $"expected a value in {name.ToUpperInvariant()}(...), found '{LineCursor.Shorten(c.Written(t))}'");
            values.Add(v);
        }
        string upper = name.ToUpperInvariant();
        if (values.Count < min || values.Count > max)
        {
            string range = max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new SyntaxError(pos, $"{upper} takes {range} values, found {values.Count}");
        }
        if (pairs && values.Count % 2 != 0)
            throw new SyntaxError(pos, $"{upper} takes time-value pairs, found an odd count ({values.Count})");
        return new FunctionArgSyntax(name, values, pos);
    }
}
