using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>SPICE S element: <c>S1 n+ n- nc+ nc- model [on|off]</c>, a switch between n+ and n− controlled by
/// v(nc+) − v(nc−) (see <see cref="Switch"/> and <see cref="SwitchModel"/>).</summary>
public sealed class VoltageSwitch : Switch
{
    private int _cp, _cm;

    /// <summary>Creates the switch; <paramref name="initiallyOn"/> is the on/off flag (null when absent).</summary>
    public VoltageSwitch(string name, string plus, string minus, string controlPlus, string controlMinus,
        SwitchModel model, bool? initiallyOn = null) : base(name, model, initiallyOn, plus, minus, controlPlus, controlMinus) { }

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        base.Setup(c);
        _cp = c.Node(Nodes[2]);
        _cm = c.Node(Nodes[3]);
    }

    /// <inheritdoc />
    protected override double Control(double[] x) => x[_cp] - x[_cm];
}
