using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

internal sealed partial class ElementBinder
{
    private Device BindControlled(FlatElement e) =>
        throw Fail(e.Position, $"controlled sources are not bound yet ('{e.Name}')");

    private Device BindDiode(FlatElement e) =>
        throw Fail(e.Position, $"diodes are not bound yet ('{e.Name}')");

    private Device BindPerovskite(FlatElement e) =>
        throw Fail(e.Position, $"perovskite devices are not bound yet ('{e.Name}')");
}
