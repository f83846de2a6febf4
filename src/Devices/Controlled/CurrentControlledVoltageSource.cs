using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE H element: v(out+) − v(out−) = r·i(vctrl), with i(vctrl) the branch current of the controlling device.
/// Its own output current is an unknown "name#branch".
/// </summary>
/// <remarks>The controlling branch is resolved in <see cref="SetupLate"/>. For the floating-node check the
/// output behaves as a voltage source (dc path between out+ and out−, defined voltage).</remarks>
public sealed class CurrentControlledVoltageSource : BranchDevice
{
    private int _kc, _sKKc;

    /// <summary>Creates the source with its output nodes, the controlling source's name and the
    /// transresistance (Ω).</summary>
    public CurrentControlledVoltageSource(string name, string outPlus, string outMinus, string controllingSource,
        double transresistance) : base(name, outPlus, outMinus)
    {
        if (!double.IsFinite(transresistance)) throw new ArgumentException($"'{name}': transresistance must be finite");
        ControllingSource = controllingSource;
        Transresistance = transresistance;
    }

    /// <summary>Name of the device whose branch current controls this source.</summary>
    public string ControllingSource { get; }
    /// <summary>Transresistance r (Ω).</summary>
    public double Transresistance { get; }

    /// <inheritdoc />
    public override void SetupLate(SetupContext c)
    {
        _kc = ControllingBranch.Resolve(c, Name, ControllingSource);
        _sKKc = c.Slot(Branch, _kc);
    }

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        LoadIncidence(c);
        c.F[Branch] -= Transresistance * c.X[_kc];
        c.G[_sKKc] -= Transresistance;
    }
}
