using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>SPICE W element: <c>W1 n+ n- vcontrol model [on|off]</c>, a switch between n+ and n− controlled by
/// the branch current of device <c>vcontrol</c> (a voltage source, or any device with a branch current; see
/// <see cref="Switch"/> and <see cref="SwitchModel"/>).</summary>
public sealed class CurrentSwitch : Switch
{
    private int _kc;

    /// <summary>Creates the switch; <paramref name="initiallyOn"/> is the on/off flag (null when absent).</summary>
    public CurrentSwitch(string name, string plus, string minus, string controllingSource, SwitchModel model,
        bool? initiallyOn = null) : base(name, model, initiallyOn, plus, minus)
    {
        ControllingSource = controllingSource;
    }

    /// <summary>Name of the device whose branch current controls the switch.</summary>
    public string ControllingSource { get; }

    /// <inheritdoc />
    public override void SetupLate(SetupContext c) => _kc = ControllingBranch.Resolve(c, Name, ControllingSource);

    /// <inheritdoc />
    protected override double Control(double[] x) => x[_kc];
}
