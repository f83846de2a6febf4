using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE E element: v(out+) − v(out−) = gain·(v(ctrl+) − v(ctrl−)). Its output current (into out+, through the
/// source, out of out−) is an unknown "name#branch", as for a voltage source.
/// </summary>
/// <remarks>For the floating-node check the output behaves as a voltage source (a dc path between out+ and
/// out−, and a defined voltage); the controlling terminals draw no current and give no path.</remarks>
public sealed class VoltageControlledVoltageSource : BranchDevice
{
    private int _cp, _cm;
    private ControlledStamp _control;

    /// <summary>Creates the source with its output nodes, controlling nodes and voltage gain.</summary>
    public VoltageControlledVoltageSource(string name, string outPlus, string outMinus, string controlPlus,
        string controlMinus, double gain) : base(name, outPlus, outMinus, controlPlus, controlMinus)
    {
        if (!double.IsFinite(gain)) throw new ArgumentException($"'{name}': gain must be finite");
        Gain = gain;
    }

    /// <summary>Voltage gain.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        base.Setup(c);
        _cp = c.Node(Nodes[2]); _cm = c.Node(Nodes[3]);
        _control = ControlledStamp.Row(c, Branch, _cp, _cm);
    }

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        LoadIncidence(c);
        _control.Current(c, -Gain * (c.X[_cp] - c.X[_cm]));
        _control.Conductance(c, -Gain);
    }
}
