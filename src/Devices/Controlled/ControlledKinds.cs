using Perovspice.Devices.Behavioral;

namespace Perovspice.Devices;

/// <summary>
/// The linear controlled sources E, G (voltage-controlled: four nodes and a gain) and F, H (current-controlled:
/// two nodes, a controlling voltage source, a gain). Their nonlinear forms (POLY, VALUE, TABLE) are behavioural
/// functions the netlist compiles and hands over as <see cref="DeviceRequest.Payload"/>.
/// </summary>
public static class ControlledKinds
{
    private static ElementKind VoltageControlled(char letter, string description, bool voltageOutput) => new()
    {
        Letter = letter,
        Description = description,
        Form = ElementForm.VoltageControlled,
        MinNodes = 2,
        MaxNodes = 4,
        Values = new[] { "gain" },
        Create = r => r.Payload is IBehavioralFunction f
            ? new BehavioralSource(r.Name, r.Nodes[0], r.Nodes[1],
                voltageOutput ? BehavioralSourceKind.Voltage : BehavioralSourceKind.Current, f)
            : voltageOutput
                ? new VoltageControlledVoltageSource(r.Name, r.Nodes[0], r.Nodes[1], r.Nodes[2], r.Nodes[3], r.Values[0])
                : new VoltageControlledCurrentSource(r.Name, r.Nodes[0], r.Nodes[1], r.Nodes[2], r.Nodes[3], r.Values[0]),
    };

    private static ElementKind CurrentControlled(char letter, string description, bool voltageOutput) => new()
    {
        Letter = letter,
        Description = description,
        Form = ElementForm.CurrentControlled,
        MinNodes = 2,
        References = 1,
        Values = new[] { "gain" },
        Create = r => r.Payload is IBehavioralFunction f
            ? new BehavioralSource(r.Name, r.Nodes[0], r.Nodes[1],
                voltageOutput ? BehavioralSourceKind.Voltage : BehavioralSourceKind.Current, f)
            : voltageOutput
                ? new CurrentControlledVoltageSource(r.Name, r.Nodes[0], r.Nodes[1], r.References[0], r.Values[0])
                : new CurrentControlledCurrentSource(r.Name, r.Nodes[0], r.Nodes[1], r.References[0], r.Values[0]),
    };

    /// <summary>E: voltage-controlled voltage source.</summary>
    public static ElementKind Vcvs { get; } = VoltageControlled('e', "voltage-controlled voltage source", true);
    /// <summary>G: voltage-controlled current source.</summary>
    public static ElementKind Vccs { get; } = VoltageControlled('g', "voltage-controlled current source", false);
    /// <summary>F: current-controlled current source.</summary>
    public static ElementKind Cccs { get; } = CurrentControlled('f', "current-controlled current source", false);
    /// <summary>H: current-controlled voltage source.</summary>
    public static ElementKind Ccvs { get; } = CurrentControlled('h', "current-controlled voltage source", true);

    /// <summary>B: behavioural source <c>V={expr}</c> or <c>I={expr}</c>; the payload is a
    /// (<see cref="BehavioralSourceKind"/>, <see cref="IBehavioralFunction"/>) pair.</summary>
    public static ElementKind Behavioural { get; } = new()
    {
        Letter = 'b',
        Description = "behavioural source",
        Form = ElementForm.Behavioural,
        MinNodes = 2,
        Create = r =>
        {
            var (kind, f) = ((BehavioralSourceKind, IBehavioralFunction))r.Payload!;
            return new BehavioralSource(r.Name, r.Nodes[0], r.Nodes[1], kind, f);
        },
    };
}
