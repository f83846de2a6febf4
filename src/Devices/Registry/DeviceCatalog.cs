namespace Perovspice.Devices;

/// <summary>
/// The registry of element kinds: the netlist reads every element line, every instance parameter and every
/// `.model` type from here. Adding a device is its own files plus one line below.
/// </summary>
public static class DeviceCatalog
{
    /// <summary>Every element kind the simulator knows, by letter.</summary>
    public static IReadOnlyList<ElementKind> All { get; } = new List<ElementKind>
    {
        PassiveKinds.Resistor,
        PassiveKinds.Capacitor,
        PassiveKinds.Inductor,
        SourceKinds.Voltage,
        SourceKinds.Current,
        ControlledKinds.Vcvs,
        ControlledKinds.Vccs,
        ControlledKinds.Cccs,
        ControlledKinds.Ccvs,
        ControlledKinds.Behavioural,
        DiodeKind.Kind,
        Perovskite.PerovskiteKind.Kind,
        SwitchKinds.Voltage,
        SwitchKinds.Current,
        CouplingKind.Kind,
        TransmissionLineKind.Kind,
        Bjt.Kind,
        Jfet.Kind,
        Mosfet.MosfetKind.Kind,
        CodeModels.CodeModelKind.Kind,
    };

    /// <summary>The kind for element letter <paramref name="letter"/> (lower case), or null.</summary>
    public static ElementKind? Find(char letter)
    {
        foreach (var k in All)
            if (k.Letter == letter) return k;
        return null;
    }

    /// <summary>The model family whose type names include <paramref name="type"/> (lower case), or null.</summary>
    public static ModelFamily? FindModelType(string type)
    {
        foreach (var k in All)
            foreach (var f in k.Models)
                if (f.Types.Contains(type)) return f;
        return null;
    }
}
