using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>Floating nodes (no dc path to ground) and loops of voltage-defining elements (V, E, H, L, V= B sources).</summary>
internal static class TopologyCheck
{
    public static void Run(Circuit circuit, IReadOnlyDictionary<string, FlatElement> elements, List<NetlistDiagnostic> errors)
    {
        var dc = new UnionFind();
        var loops = new UnionFind();
        var firstUse = new Dictionary<string, SourcePosition>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in circuit.Devices)
        {
            var e = elements[d.Name];
            for (int k = 0; k < d.Nodes.Count; k++)
                firstUse.TryAdd(Norm(d.Nodes[k]), k < e.Nodes.Count ? e.Nodes[k].Position : e.Position);
            foreach (var (a, b) in d.DcPaths()) dc.Union(Norm(a), Norm(b));
            if (d.DefinesVoltage)
            {
                string a = Norm(d.Nodes[0]), b = Norm(d.Nodes[1]);
                if (a == b || loops.Find(a) == loops.Find(b))
                    errors.Add(new NetlistDiagnostic(e.Position,
                        $"'{d.Name}' closes a loop of voltage sources and inductors (between '{a}' and '{b}')"));
                else loops.Union(a, b);
            }
        }
        string ground = dc.Find("0");
        foreach (var (node, pos) in firstUse)
            if (node != "0" && dc.Find(node) != ground)
                errors.Add(new NetlistDiagnostic(pos, $"node '{node}' has no dc path to ground"));
    }

    // Flattened node names are lower case already; only the ground alias needs mapping.
    private static string Norm(string node) => Circuit.IsGround(node) ? "0" : node;

    private sealed class UnionFind
    {
        private readonly Dictionary<string, string> _parent = new();

        public string Find(string x)
        {
            if (!_parent.TryGetValue(x, out var p)) { _parent[x] = x; return x; }
            string root = x;
            while (_parent[root] != root) root = _parent[root];
            while (x != root) { var next = _parent[x]; _parent[x] = root; x = next; }
            return root;
        }

        public void Union(string a, string b)
        {
            string ra = Find(a), rb = Find(b);
            if (ra != rb) _parent[ra] = rb;
        }
    }
}
