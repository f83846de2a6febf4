using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE E element: v(out+) − v(out−) = gain·(v(ctrl+) − v(ctrl−)). Its output current (into out+, through the
/// source, out of out−) is an unknown "name#branch", as for a voltage source.
/// </summary>
/// <remarks>For the floating-node check the output behaves as a voltage source (a dc path between out+ and
/// out−, and a defined voltage); the controlling terminals draw no current and give no path.</remarks>
public sealed class VoltageControlledVoltageSource : Device
{
    private int _op, _om, _cp, _cm, _k;
    private int _sOpK, _sOmK, _sKOp, _sKOm, _sKCp, _sKCm;

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
    public override bool DefinesVoltage => true;
    /// <inheritdoc />
    public override int BranchIndex => _k;

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => new[] { (Nodes[0], Nodes[1]) };

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _op = c.Node(Nodes[0]); _om = c.Node(Nodes[1]); _cp = c.Node(Nodes[2]); _cm = c.Node(Nodes[3]);
        _k = c.AddUnknown(Name + "#branch", UnknownKind.Current);
        _sOpK = c.Slot(_op, _k); _sOmK = c.Slot(_om, _k);
        _sKOp = c.Slot(_k, _op); _sKOm = c.Slot(_k, _om);
        _sKCp = c.Slot(_k, _cp); _sKCm = c.Slot(_k, _cm);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        var x = c.X;
        double i = x[_k];
        c.F[_op] += i; c.F[_om] -= i;
        c.G[_sOpK] += 1; c.G[_sOmK] -= 1;
        c.F[_k] += x[_op] - x[_om] - Gain * (x[_cp] - x[_cm]);
        c.G[_sKOp] += 1; c.G[_sKOm] -= 1;
        c.G[_sKCp] -= Gain; c.G[_sKCm] += Gain;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) => name == "i" ? s.X[_k] : base.ReadQuantity(name, s);
}
