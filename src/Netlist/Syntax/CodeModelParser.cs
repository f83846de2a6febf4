using Perovspice.Devices.CodeModels;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// XSPICE <c>A</c> element lines: <c>Aname port… model</c>. A port is a node, <c>%type node</c>,
/// <c>%type(n1 n2)</c> (or <c>%type (n1 n2)</c>), a bare <c>(n1 n2)</c>, or a vector <c>[ … ]</c> of those. The
/// nodes become the element's node list in order; the structure is a <see cref="PortsArgSyntax"/>.
/// </summary>
internal static class CodeModelParser
{
    private sealed class State
    {
        public readonly List<NameSyntax> Nodes = new();
        public readonly List<PortLayout> Ports = new();
        public List<PortConnectionLayout>? Vector;
        public SourcePosition? VectorStart;
        public string? PendingType;
        public NameSyntax? PendingFirst;   // %vd n1 n2: the first node, waiting for the second
        public string? VectorType;   // %type written before '[': the default of the vector's connections
        public SourcePosition? PendingPos;
    }

    public static ElementStatement Parse(LineCursor c, NameSyntax name)
    {
        var tokens = new List<Token>();
        while (!c.AtEnd) tokens.Add(c.Next());
        if (tokens.Count == 0 || tokens[^1] is not WordToken modelToken || modelToken.Text.StartsWith('%') || modelToken.Text.EndsWith(']'))
            throw c.Error(tokens.Count == 0 ? null : tokens[^1], $"expected the connections and a model name after '{name.Written}'");
        var st = new State();
        for (int k = 0; k < tokens.Count - 1; k++) Token(c, name, tokens[k], st);
        if (st.PendingType is not null) throw new SyntaxError(st.PendingPos!, $"'%{st.PendingType}' is not followed by a connection in '{name.Written}'");
        if (st.Vector is not null) throw new SyntaxError(st.VectorStart!, $"'[' without ']' in '{name.Written}'");
        if (st.Ports.Count == 0) throw c.Error(modelToken, $"expected the connections of '{name.Written}' before its model name");
        var model = c.Name(modelToken);
        var args = new List<ArgSyntax>
        {
            new PortsArgSyntax(new CodeModelPortsArg(st.Ports, name.Position)),
            new WordArgSyntax(model.Text, WordRole.Model, model.Position),
        };
        return new ElementStatement(name, 'a', st.Nodes, args, null, name.Position);
    }

    private static void Token(LineCursor c, NameSyntax element, Token t, State st)
    {
        var line = c.Line;
        switch (t)
        {
            case CallToken call:
            {
                // %vd(n1 n2) or (n1 n2), possibly opening a vector: [%vd(n1 n2) …
                string callName = call.Name;
                if (callName.StartsWith('['))
                {
                    if (st.Vector is not null) throw c.Error(t, $"vectors nested in '{element.Written}'");
                    st.VectorType = st.PendingType;
                    st.PendingType = null; st.PendingPos = null;
                    st.Vector = new List<PortConnectionLayout>();
                    st.VectorStart = c.Pos(t);
                    callName = callName[1..];
                }
                if (callName.Length > 0 && !callName.StartsWith('%'))
                    // "n1 (n2 n3)": a node, then a bare group, which has no type
                    throw new SyntaxError(line.At(line.Lower.IndexOf('(', t.Offset)),
                        $"'(n1 n2)' in '{element.Written}' needs a differential type: write %vd(n1 n2) or %id(n1 n2)");
                string? type = callName.Length == 0 ? null : TypeOf(c, element, callName, c.Pos(t));
                var at = st.PendingPos ?? c.Pos(t);
                if (type is null && callName.Length == 0)
                {
                    type = st.PendingType ?? (st.Vector is not null ? st.VectorType : null);
                    st.PendingType = null; st.PendingPos = null;
                }
                else if (st.PendingType is not null) throw c.Error(t, $"'%{st.PendingType}' is followed by another type in '{element.Written}'");
                if (st.PendingFirst is not null) throw c.Error(t, $"'%{type}' needs two nodes in '{element.Written}'");
                // ngspice 39 takes a bare (n1 n2) for two connections and then finds too many: an error here
                if (type is null)
                    throw c.Error(t, $"'(n1 n2)' in '{element.Written}' needs a differential type: write %vd(n1 n2) or %id(n1 n2)");
                int want = PortTypes.IsDifferential(PortTypes.Find(type)!.Value) ? 2 : 1;
                if (call.Args.Count != want || call.Args.Any(a => a is not WordToken))
                    throw c.Error(t, want == 2
                        ? $"expected two node names in '{LineCursor.Shorten(c.Written(t))}' of '{element.Written}'"
                        : $"port type '%{type}' takes one node in '{LineCursor.Shorten(c.Written(t))}' of '{element.Written}'");
                foreach (WordToken w in call.Args) st.Nodes.Add(c.Name(w));
                Add(st, new PortConnectionLayout(type, want, at));
                return;
            }
            case WordToken w:
            {
                string text = w.Text;
                int start = w.Offset;
                if (text.StartsWith('[') )
                {
                    if (st.Vector is not null) throw c.Error(t, $"vectors nested in '{element.Written}'");
                    st.VectorType = st.PendingType;
                    st.PendingType = null; st.PendingPos = null;
                    st.Vector = new List<PortConnectionLayout>();
                    st.VectorStart = c.Pos(t);
                    text = text[1..]; start++;
                }
                bool close = text.EndsWith(']');
                if (close) text = text[..^1];
                if (text.Length > 0)
                {
                    if (text.StartsWith('%'))
                    {
                        if (st.PendingType is not null) throw c.Error(t, $"'%{st.PendingType}' is followed by another type in '{element.Written}'");
                        st.PendingType = TypeOf(c, element, text[1..], line.At(start));
                        st.PendingPos = line.At(start);
                        if (close) throw new SyntaxError(line.At(start), $"'%{st.PendingType}' is not followed by a connection in '{element.Written}'");
                    }
                    else
                    {
                        if (text.Contains('[') || text.Contains(']') || text.Contains('%') || text == "~")
                            throw new SyntaxError(line.At(start), $"unexpected '{text}' in the connections of '{element.Written}'");
                        if (text.StartsWith('~'))
                            throw new SyntaxError(line.At(start), $"'~' (inverted digital connection) in '{element.Written}': digital ports are not supported");
                        if (text == "null")
                            throw new SyntaxError(line.At(start), $"unconnected port 'NULL' in '{element.Written}': not supported");
                        string? type = st.PendingType ?? (st.Vector is not null ? st.VectorType : null);
                        var node = new NameSyntax(text, line.Text.Substring(start, text.Length), line.At(start));
                        var pos = st.PendingPos ?? line.At(start);
                        if (type is "vd" or "id")
                        {
                            // %vd n1 n2 (ngspice 39 reads the two nodes without parentheses too)
                            if (st.PendingFirst is null)
                            {
                                st.PendingFirst = node;
                                st.PendingType = type; st.PendingPos = pos;
                                if (close) throw new SyntaxError(pos, $"'%{type}' needs two nodes in '{element.Written}'");
                            }
                            else
                            {
                                st.Nodes.Add(st.PendingFirst); st.Nodes.Add(node);
                                st.PendingFirst = null; st.PendingType = null; st.PendingPos = null;
                                Add(st, new PortConnectionLayout(type, 2, pos));
                            }
                        }
                        else
                        {
                            st.PendingType = null; st.PendingPos = null;
                            st.Nodes.Add(node);
                            Add(st, new PortConnectionLayout(type, 1, pos));
                        }
                    }
                }
                if (close)
                {
                    if (st.Vector is null) throw c.Error(t, $"']' without '[' in '{element.Written}'");
                    if (st.PendingType is not null) throw new SyntaxError(st.PendingPos!, $"'%{st.PendingType}' is not followed by a connection in '{element.Written}'");
                    st.Ports.Add(new PortLayout(st.Vector, true, st.VectorStart!));
                    st.Vector = null; st.VectorType = null;
                }
                return;
            }
            default:
                throw c.Error(t, $"unexpected '{LineCursor.Shorten(c.Written(t))}' in the connections of '{element.Written}'");
        }
    }

    private static void Add(State st, PortConnectionLayout connection)
    {
        if (st.Vector is not null) st.Vector.Add(connection);
        else st.Ports.Add(new PortLayout(new[] { connection }, false, connection.Position));
    }

    /// <summary>The port type after '%' (lower case), checked: perovspice reads v vd i id; the manual's g gd h hd d
    /// vnam are named as unsupported.</summary>
    private static string TypeOf(LineCursor c, NameSyntax element, string type, SourcePosition at)
    {
        type = type.TrimStart('%').ToLowerInvariant();
        if (Devices.CodeModels.PortTypes.Find(type) is not null) return type;
        if (Devices.CodeModels.PortTypes.Known.Contains(type))
            throw new SyntaxError(at, $"port type '%{type}' in '{element.Written}' is not supported (perovspice reads %v, %vd, %i, %id)");
        throw new SyntaxError(at, $"unknown port type '%{type}' in '{element.Written}'");
    }
}
