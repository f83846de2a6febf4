using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE H element: v(out+) − v(out−) = r·i(vctrl), with i(vctrl) the branch current of the controlling device.
/// Its own output current is an unknown "name#branch".
/// </summary>
/// <remarks>The controlling branch is resolved in <see cref="SetupLate"/>. For the floating-node check the
/// output behaves as a voltage source (dc path between out+ and out−, defined voltage).</remarks>
public sealed class CurrentControlledVoltageSource : Device
{
    private int _op, _om, _k, _kc;
    private int _sOpK, _sOmK, _sKOp, _sKOm, _sKKc;

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
    public override bool DefinesVoltage => true;
    /// <inheritdoc />
    public override int BranchIndex => _k;

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => new[] { (Nodes[0], Nodes[1]) };

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _op = c.Node(Nodes[0]);
        _om = c.Node(Nodes[1]);
        _k = c.AddUnknown(Name + "#branch", UnknownKind.Current);
        _sOpK = c.Slot(_op, _k); _sOmK = c.Slot(_om, _k);
        _sKOp = c.Slot(_k, _op); _sKOm = c.Slot(_k, _om);
    }

    /// <inheritdoc />
    public override void SetupLate(SetupContext c)
    {
        _kc = ControllingBranch.Resolve(c, Name, ControllingSource);
        _sKKc = c.Slot(_k, _kc);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        var x = c.X;
        double i = x[_k];
        c.F[_op] += i; c.F[_om] -= i;
        c.G[_sOpK] += 1; c.G[_sOmK] -= 1;
        c.F[_k] += x[_op] - x[_om] - Transresistance * x[_kc];
        c.G[_sKOp] += 1; c.G[_sKOm] -= 1;
        c.G[_sKKc] -= Transresistance;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) => name == "i" ? s.X[_k] : base.ReadQuantity(name, s);
}
