namespace Perovspice.Devices;

/// <summary>The independent source kinds V and I; the netlist builds their <see cref="SourceValue"/> (dc, ac,
/// waveform) and hands it over as <see cref="DeviceRequest.Payload"/>.</summary>
public static class SourceKinds
{
    /// <summary>V: independent voltage source.</summary>
    public static ElementKind Voltage { get; } = new()
    {
        Letter = 'v',
        Description = "independent voltage source",
        Form = ElementForm.Source,
        MinNodes = 2,
        Create = r => new VoltageSource(r.Name, r.Nodes[0], r.Nodes[1], (SourceValue)r.Payload!),
    };

    /// <summary>I: independent current source (current flows from n+ through the source to n−).</summary>
    public static ElementKind Current { get; } = new()
    {
        Letter = 'i',
        Description = "independent current source",
        Form = ElementForm.Source,
        MinNodes = 2,
        Create = r => new CurrentSource(r.Name, r.Nodes[0], r.Nodes[1], (SourceValue)r.Payload!),
    };
}
