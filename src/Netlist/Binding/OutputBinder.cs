using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>Resolves the `.print` items of one analysis kind (or the defaults: every node voltage and every
/// voltage-source current; none for hopf, whose table holds the eigenvalue columns only) against the circuit.</summary>
internal static class OutputBinder
{
    public static IReadOnlyList<OutputProbe> Bind(string kind, FlatNetlist netlist, Circuit circuit,
        HashSet<string> nodes, List<NetlistDiagnostic> errors)
    {
        var items = netlist.Prints.Where(p => p.AnalysisKind == kind).SelectMany(p => p.Items).ToList();
        if (items.Count == 0) return kind == "hopf" ? Array.Empty<OutputProbe>() : Defaults(kind, netlist, circuit);
        var probes = new List<OutputProbe>();
        foreach (var item in items)
        {
            var probe = Resolve(item, circuit, nodes, errors);
            if (probe != null) probes.Add(probe);
        }
        return probes;
    }

    internal static OutputProbe? Resolve(PrintItem item, Circuit circuit, HashSet<string> nodes, List<NetlistDiagnostic> errors)
    {
        switch (item.Kind)
        {
            case PrintItemKind.Voltage:
                foreach (var n in item.Names)
                    if (!nodes.Contains(n) && !Circuit.IsGround(n))
                    {
                        errors.Add(new NetlistDiagnostic(item.Position, $"unknown node '{n}' in '{item.Text}'"));
                        return null;
                    }
                return new OutputProbe(item, null);
            case PrintItemKind.Current:
            {
                var d = circuit.Find(item.Names[0]);
                if (d == null)
                {
                    errors.Add(new NetlistDiagnostic(item.Position, $"unknown device '{item.Names[0]}' in '{item.Text}'"));
                    return null;
                }
                if (!d.QuantityNames.Contains("i"))
                {
                    errors.Add(new NetlistDiagnostic(item.Position, $"'{d.Name}' has no current to print"));
                    return null;
                }
                return new OutputProbe(item, d);
            }
            default:
            {
                var d = circuit.Find(item.Names[0]);
                if (d == null)
                {
                    errors.Add(new NetlistDiagnostic(item.Position, $"unknown device '{item.Names[0]}' in '{item.Text}'"));
                    return null;
                }
                if (item.Quantity == null || !d.QuantityNames.Contains(item.Quantity))
                {
                    string known = d.QuantityNames.Count == 0 ? "none" : string.Join(", ", d.QuantityNames);
                    errors.Add(new NetlistDiagnostic(item.Position,
                        $"device '{d.Name}' has no quantity '{item.Quantity}' (it has: {known})"));
                    return null;
                }
                return new OutputProbe(item, d);
            }
        }
    }

    private static IReadOnlyList<OutputProbe> Defaults(string kind, FlatNetlist netlist, Circuit circuit)
    {
        var at = netlist.Analyses.First(a => a.Kind == kind).Position;
        var probes = new List<OutputProbe>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in circuit.Devices)
            foreach (var n in d.Nodes)
                if (!Circuit.IsGround(n) && seen.Add(n))
                    probes.Add(new OutputProbe(new PrintItem($"v({n})", PrintItemKind.Voltage, "v", new[] { n }, null, at), null));
        foreach (var d in circuit.Devices)
            if (d is Devices.VoltageSource)
                probes.Add(new OutputProbe(new PrintItem($"i({d.Name})", PrintItemKind.Current, "i", new[] { d.Name }, null, at), d));
        return probes;
    }
}
