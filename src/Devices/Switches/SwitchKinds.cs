namespace Perovspice.Devices;

/// <summary>The S and W element kinds (ngspice manual, "Switches").</summary>
public static class SwitchKinds
{
    private static bool? Flag(DeviceRequest r)
    {
        bool on = r.Flags.Contains("on"), off = r.Flags.Contains("off");
        if (on && off) throw new ArgumentException($"switch '{r.Name}': give 'on' or 'off', not both");
        return on ? true : off ? false : null;
    }

    /// <summary>S: <c>Sname n+ n- nc+ nc- model [on|off]</c>, `.model NAME SW vt= vh= ron= roff=`.</summary>
    public static ElementKind Voltage { get; } = new()
    {
        Letter = 's',
        Description = "voltage-controlled switch",
        MinNodes = 4,
        Models = new[] { SwitchModel.VoltageFamily },
        ModelRequired = true,
        Flags = new[] { "on", "off" },
        Create = r => new VoltageSwitch(r.Name, r.Nodes[0], r.Nodes[1], r.Nodes[2], r.Nodes[3], (SwitchModel)r.Model!, Flag(r)) { Temperature = r.Temperature },
    };

    /// <summary>W: <c>Wname n+ n- vcontrol model [on|off]</c>, `.model NAME CSW it= ih= ron= roff=`.</summary>
    public static ElementKind Current { get; } = new()
    {
        Letter = 'w',
        Description = "current-controlled switch",
        Form = ElementForm.Referencing,
        MinNodes = 2,
        References = 1,
        Models = new[] { SwitchModel.CurrentFamily },
        ModelRequired = true,
        Flags = new[] { "on", "off" },
        Create = r => new CurrentSwitch(r.Name, r.Nodes[0], r.Nodes[1], r.References[0], (SwitchModel)r.Model!, Flag(r)) { Temperature = r.Temperature },
    };
}
