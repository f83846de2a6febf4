using Perovspice.Devices;
using Perovspice.Devices.Behavioral;
using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>
/// Floating nodes and loops of voltage-defining elements (V, E, H, L, V= B sources).
/// <para>A node is floating when no chain of dc paths (<see cref="Device.DcPaths"/>: resistors, sources, junctions,
/// an I= B source or G whose current depends on its own terminal's voltage, ...) joins it to ground, unless it is a
/// state node of equations written with controlled currents: some element's current depends on its voltage
/// (a B source reads it, or it controls a G or E) and a voltage-dependent current (an I= B source that reads any
/// voltage or current, or a G) flows into it. The Rössler idiom <c>Bx 0 x I={-v(y)-v(z)}</c> with a capacitor at
/// x passes; a node reached only by capacitors and current sources, or whose voltage nothing depends on, is
/// floating (its dc matrix column or row is empty).</para>
/// </summary>
internal static class TopologyCheck
{
    /// <summary>What a node without a dc path is.</summary>
    public enum FloatingNodes
    {
        /// <summary>An error (an analysis needs the operating point).</summary>
        Error,
        /// <summary>Allowed: every analysis is a <c>.tran … uic</c>.</summary>
        AllowedByUic,
        /// <summary>Allowed with a warning: every analysis is a transient, and those without uic start from zero.</summary>
        TransientStartsFromZero,
    }

    /// <summary>Checks the circuit; returns whether some node has no dc path to ground. What such a node is follows
    /// <paramref name="policy"/>: with only <c>.tran … uic</c> analyses (no operating point) it is allowed, as in
    /// ngspice, since a current source charging a capacitor is then well posed (a node with no capacitive path either
    /// fails the transient with a located singular-matrix error).</summary>
    public static bool Run(Circuit circuit, IReadOnlyDictionary<string, FlatElement> elements, List<NetlistDiagnostic> errors,
        List<NetlistDiagnostic> warnings, FloatingNodes policy)
    {
        bool floating = false;
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
        var (read, driven) = StateNodes(circuit);
        string ground = dc.Find("0");
        foreach (var (node, pos) in firstUse)
        {
            if (node == "0" || dc.Find(node) == ground || (read.Contains(node) && driven.Contains(node))) continue;
            floating = true;
            if (policy == FloatingNodes.Error)
                errors.Add(new NetlistDiagnostic(pos, $"node '{node}' has no dc path to ground; give it one (a large " +
                                                      "resistor to ground) or start the transient from initial conditions ('.tran ... uic')"));
            else if (policy == FloatingNodes.AllowedByUic)
                warnings.Add(new NetlistDiagnostic(pos, $"node '{node}' has no dc path to ground (allowed: every analysis is a '.tran ... uic')", true));
            else
                warnings.Add(new NetlistDiagnostic(pos, $"node '{node}' has no dc path to ground, so there is no operating point: the " +
                    "transient starts from zero as with 'uic' (capacitors discharged, .ic values applied); ngspice 39 starts from a " +
                    "point of its own pseudo-transient instead", true));
        }
        return floating;
    }

    /// <summary>Nodes whose voltage some element's current depends on, and nodes a voltage-dependent current flows into.</summary>
    private static (HashSet<string> Read, HashSet<string> Driven) StateNodes(Circuit circuit)
    {
        var read = new HashSet<string>();
        var driven = new HashSet<string>();
        foreach (var d in circuit.Devices)
        {
            switch (d)
            {
                case BehavioralSource b:
                    foreach (var input in b.Function.Inputs)
                    {
                        if (input.Kind != ControlInputKind.Voltage) continue;
                        read.Add(Norm(input.Name));
                        if (input.Reference is { } r) read.Add(Norm(r));
                    }
                    if (b.Kind == BehavioralSourceKind.Current && b.Function.Inputs.Count > 0)
                    {
                        driven.Add(Norm(b.Nodes[0])); driven.Add(Norm(b.Nodes[1]));
                    }
                    break;
                case VoltageControlledCurrentSource g:
                    read.Add(Norm(g.Nodes[2])); read.Add(Norm(g.Nodes[3]));
                    driven.Add(Norm(g.Nodes[0])); driven.Add(Norm(g.Nodes[1]));
                    break;
                case Devices.CodeModels.CodeModelDevice a:
                    foreach (var n in a.ReadNodes) read.Add(Norm(n));
                    foreach (var n in a.DrivenNodes) driven.Add(Norm(n));
                    break;
                case VoltageControlledVoltageSource e:
                    read.Add(Norm(e.Nodes[2])); read.Add(Norm(e.Nodes[3]));
                    break;
            }
        }
        return (read, driven);
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
