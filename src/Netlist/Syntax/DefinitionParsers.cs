namespace Perovspice.Netlist.Syntax;

/// <summary><c>.subckt</c>, <c>.ends</c> and <c>.model</c>.</summary>
internal static class DefinitionParsers
{
    /// <summary><c>.subckt name n1 n2 ... [params:] [k=v ...]</c>.</summary>
    public static SubcktStatement Subckt(LineCursor c, SourcePosition pos)
    {
        var name = c.ExpectWord("a subcircuit name");
        var ports = new List<NameSyntax>();
        while (!c.AtEnd)
        {
            if (c.Peek is WordToken w && w.Text != "params:") ports.Add(c.Name(w));
            else if (c.Peek is CallToken call && c.NodeCall(call) is { } node) ports.Add(node);   // Net-(R1-Pad2)
            else break;
            c.Next();
        }
        if (!c.AtEnd && c.Peek is WordToken { Text: "params:" }) c.Next();
        var defaults = new List<ParamAssignment>();
        while (!c.AtEnd)
        {
            if (c.Peek is not AssignToken a)
                throw c.Error(c.Peek, $"expected a port name or name=value in '.subckt {name.Written}', found '{LineCursor.Shorten(c.Written(c.Peek!))}'");
            var arg = ElementParser.Assign(c, a);
            defaults.Add(new ParamAssignment(new NameSyntax(arg.Key, c.Written(a.Key), arg.Position), arg.Value));
            c.Next();
        }
        return new SubcktStatement(name, ports, defaults, pos);
    }

    /// <summary><c>.ends [name]</c>.</summary>
    public static EndsStatement Ends(LineCursor c, SourcePosition pos)
    {
        NameSyntax? name = c.AtEnd ? null : c.ExpectWord("a subcircuit name");
        c.ExpectEnd("'.ends'");
        return new EndsStatement(name, pos);
    }

    /// <summary><c>.model name type [(] p=v ... [)]</c>.</summary>
    public static ModelStatement Model(LineCursor c, SourcePosition pos)
    {
        var name = c.ExpectWord("a model name");
        string after = c.After;
        if (c.AtEnd) throw c.Error(null, $"expected a model type after '{after}'");
        var t = c.Next();
        NameSyntax type;
        var items = new List<Token>();
        if (t is CallToken call && call.Name.Length > 0)
        {
            type = new NameSyntax(call.Name, c.Written(t)[..call.Name.Length], c.Pos(t));
            items.AddRange(call.Args);
        }
        else if (t is WordToken w) type = c.Name(w);
        else throw c.Error(t, $"expected a model type after '{after}', found '{LineCursor.Shorten(c.Written(t))}'");
        var flags = new List<NameSyntax>();
        while (!c.AtEnd)
        {
            var n = c.Next();
            if (n is CallToken { Name: "" } group) items.AddRange(group.Args);
            else if (n is CallToken flagged && IsFlag(type.Text, flagged.Name))
            {
                // "pchan (vto=…)": a flag directly before the parenthesised parameters
                flags.Add(new NameSyntax(flagged.Name.ToLowerInvariant(), c.Written(n)[..flagged.Name.Length], c.Pos(n)));
                items.AddRange(flagged.Args);
            }
            else items.Add(n);
        }
        var parameters = new List<ParamAssignment>();
        var text = new List<(NameSyntax, string)>();
        var vectors = new List<(NameSyntax, IReadOnlyList<ValueSyntax>)>();
        for (int index = 0; index < items.Count; index++)
        {
            var item = items[index];
            if (item is AssignToken { Key: WordToken vkey, Value: WordToken open } && open.Text.StartsWith('['))
            {
                vectors.Add((new NameSyntax(vkey.Text, c.Written(vkey), c.Pos(vkey)), Vector(c, name, items, ref index)));
                continue;
            }
            if (item is WordToken flag && IsFlag(type.Text, flag.Text))
            {
                flags.Add(c.Name(flag));
                continue;
            }
            if (item is not AssignToken a)
                throw c.Error(item, $"expected name=value in '.model {name.Written}', found '{LineCursor.Shorten(c.Written(item))}'");
            if (a.Key is WordToken key && a.Value is WordToken word && !word.TryNumber(out _) &&
                (IsTextValue(key.Text, word.Text) || IsFamilyText(type.Text, key.Text)))
            {
                // version=3.3.0, mfg=acme: kept as text; the binder decides whether the model takes it
                text.Add((new NameSyntax(key.Text, c.Written(key), c.Pos(key)), word.Text));
                continue;
            }
            var arg = ElementParser.Assign(c, a);
            parameters.Add(new ParamAssignment(new NameSyntax(arg.Key, c.Written(a.Key), arg.Position), arg.Value));
        }
        return new ModelStatement(name, type, parameters, pos) { TextParameters = text, Flags = flags, VectorParameters = vectors };
    }

    /// <summary>The values of <c>key=[v1 v2 …]</c> starting at <paramref name="items"/>[index] (an assignment whose
    /// value starts with '['); leaves <paramref name="index"/> at the item holding ']'. Values are numbers,
    /// <c>{expr}</c> or parameter names; blanks or commas separate them.</summary>
    private static List<ValueSyntax> Vector(LineCursor c, NameSyntax model, List<Token> items, ref int index)
    {
        var open = (WordToken)((AssignToken)items[index]).Value;
        var values = new List<ValueSyntax>();
        var lower = c.Line.Lower;
        bool closed = Piece(open.Offset + 1, open.End);
        while (!closed)
        {
            if (++index >= items.Count)
                throw new SyntaxError(c.Pos(open), $"'[' without ']' in '.model {model.Written}'");
            var t = items[index];
            if (t is ExprToken) { values.Add(c.ToValue(t, allowName: false)!); continue; }
            if (t is not WordToken w)
                throw c.Error(t, $"expected a value or ']' in the vector of '.model {model.Written}', found '{LineCursor.Shorten(c.Written(t))}'");
            closed = Piece(w.Offset, w.End);
        }
        return values;

        // one word inside the brackets, possibly ending with ']'; true when it closes the vector
        bool Piece(int start, int end)
        {
            bool close = end > start && lower[end - 1] == ']';
            int stop = close ? end - 1 : end;
            if (stop > start)
            {
                var piece = WordToken.Slice(lower, start, stop);
                if (piece.Text.Contains('[') || piece.Text.Contains(']'))
                    throw new SyntaxError(c.Line.At(start), $"unexpected '{piece.Text}' in the vector of '.model {model.Written}'");
                values.Add(c.ToValue(piece, allowName: true)
                           ?? throw new SyntaxError(c.Line.At(start), $"expected a value in the vector of '.model {model.Written}', found '{piece.Text}'"));
            }
            return close;
        }
    }

    /// <summary>True when a level of the registered family of model type <paramref name="type"/> takes
    /// <paramref name="key"/> as text (an XSPICE boolean such as <c>fraction=TRUE</c>).</summary>
    private static bool IsFamilyText(string type, string key) =>
        Devices.DeviceCatalog.FindModelType(type.ToLowerInvariant()) is { } family &&
        family.Levels.Any(l => l.TextParameters.Contains(key.ToLowerInvariant()));

    /// <summary>True when a level of the registered family of model type <paramref name="type"/> takes the bare
    /// word <paramref name="word"/> (<c>.model q VDMOS pchan …</c>).</summary>
    private static bool IsFlag(string type, string word) =>
        Devices.DeviceCatalog.FindModelType(type.ToLowerInvariant()) is { } family &&
        family.Levels.Any(l => l.Flags.Contains(word.ToLowerInvariant()));

    /// <summary>A word value that is not an expression: a version number (<c>3.3.0</c>) or a word (<c>acme</c>)
    /// for the model parameters that take text (<c>version</c>, vendor bookkeeping such as <c>mfg</c>).</summary>
    private static bool IsTextValue(string key, string word) =>
        word.Count(ch => ch == '.') >= 2 || key is "version" or "mfg" or "type";
}
