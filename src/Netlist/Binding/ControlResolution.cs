namespace Perovspice.Netlist.Binding;

internal sealed partial class ElementBinder
{
    private readonly List<(FlatElement Element, string Control)> _controls = new();

    /// <summary>Checks that every F/H controlling source exists and is a voltage source, and that the names a B
    /// expression probes exist.</summary>
    public void ResolveControls(Engine.Circuit circuit, IReadOnlyDictionary<string, FlatElement> elements)
    {
        foreach (var (e, control) in _controls)
        {
            var d = circuit.Find(control);
            if (d is not Devices.VoltageSource)
            {
                var at = e.Arguments.OfType<WordArg>().FirstOrDefault()?.Position ?? e.Position;
                Error(at, d == null ? $"unknown controlling source '{control}' for '{e.Name}'"
                                    : $"controlling element '{control}' of '{e.Name}' must be a voltage source");
            }
        }
        CheckBehaviouralProbes(circuit);
    }
}
