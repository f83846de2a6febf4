using Perovspice.Devices;
using Perovspice.Devices.CodeModels;

namespace Perovspice.Netlist.Binding;

/// <summary>XSPICE <c>A</c> elements: the model card through the generic binding, then the written ports checked
/// against the code model's port table (count, vector or scalar, port types), each problem at its connection.</summary>
internal sealed partial class ElementBinder
{
    private DeviceRequest BindCodeModel(FlatElement e, ElementKind kind)
    {
        var layout = e.Arguments.OfType<CodeModelPortsArg>().Single();
        var generic = BindGeneric(e, kind);
        var model = (CodeModel)generic.Model!;
        var specs = model.Ports;
        var modelArg = e.Arguments.OfType<WordArg>().First(w => w.Role == WordArgKind.Model);
        if (layout.Ports.Count != specs.Count)
        {
            string expected = string.Join(" ", specs.Select(p => p.IsVector ? $"[{p.Name}…]" : p.Name));
            var at = layout.Ports.Count > specs.Count ? layout.Ports[specs.Count].Position : modelArg.Position;
            throw Fail(at, $"'{e.Name}' connects {layout.Ports.Count} port{(layout.Ports.Count == 1 ? "" : "s")}, but code model " +
                           $"'{model.Kind}' has {specs.Count} ({expected})");
        }
        var ports = new List<CodePort>();
        int node = 0;
        for (int p = 0; p < specs.Count; p++)
        {
            var spec = specs[p];
            var written = layout.Ports[p];
            if (written.IsVector != spec.IsVector)
                throw Fail(written.Position, spec.IsVector
                    ? $"port '{spec.Name}' of code model '{model.Kind}' is a vector: write it [n1 n2 …]"
                    : $"port '{spec.Name}' of code model '{model.Kind}' takes one connection, not a vector");
            if (spec.IsVector && written.Connections.Count == 0)
                throw Fail(written.Position, $"port '{spec.Name}' of '{e.Name}' is an empty vector");
            var connections = new List<CodeConnection>();
            foreach (var conn in written.Connections)
            {
                var type = conn.Type is null ? spec.Default : PortTypes.Find(conn.Type)!.Value;
                int count = PortTypes.IsDifferential(type) ? 2 : 1;
                if (count != conn.NodeCount)
                    throw Fail(conn.Position, $"port '{spec.Name}' of '{e.Name}': '(n1 n2)' needs a differential type (%vd or %id)");
                string plus = e.Nodes[node].Name;
                string minus = count == 2 ? e.Nodes[node + 1].Name : "0";
                node += count;
                connections.Add(new CodeConnection(type, plus, minus));
            }
            ports.Add(new CodePort(spec, connections));
        }
        return new DeviceRequest
        {
            Name = generic.Name,
            Nodes = generic.Nodes,
            Model = generic.Model,
            ModelType = generic.ModelType,
            Payload = ports,
            Temperature = generic.Temperature,
        };
    }
}
