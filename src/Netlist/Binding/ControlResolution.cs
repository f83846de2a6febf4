namespace Perovspice.Netlist.Binding;

internal sealed partial class ElementBinder
{
    private enum ControlKind { VoltageSource, Inductor }

    private readonly List<(FlatElement Element, string Control, SourcePosition At, ControlKind Kind)> _controls = new();

    /// <summary>Checks that every F/H/W controlling source exists and is a voltage source, every K names inductors, and that the names a B
    /// expression probes exist.</summary>
    public void ResolveControls(Engine.Circuit circuit, IReadOnlyDictionary<string, FlatElement> elements)
    {
        foreach (var (e, control, at, kind) in _controls)
        {
            var d = circuit.Find(control);
            if (kind == ControlKind.Inductor)
            {
                if (d is not Devices.Inductor)
                    Error(at, d == null ? $"unknown inductor '{control}' in '{e.Name}'"
                                        : $"'{control}' coupled by '{e.Name}' must be an inductor");
            }
            else if (d is not Devices.VoltageSource)
                Error(at, d == null ? $"unknown controlling source '{control}' for '{e.Name}'"
                                    : $"controlling element '{control}' of '{e.Name}' must be a voltage source");
        }
        CheckBehaviouralProbes(circuit);
    }
}
