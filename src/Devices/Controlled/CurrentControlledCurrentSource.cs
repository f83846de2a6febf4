using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE F element: a current gain·i(vctrl) flows from out+ through the source to out−, where i(vctrl) is the
/// branch current of the controlling device (a voltage source, or any device with a branch unknown).
/// </summary>
/// <remarks>The controlling device may come later in the circuit, so its branch is resolved in
/// <see cref="SetupLate"/>. For the floating-node check the output is a current source: no dc path (see
/// <see cref="VoltageControlledCurrentSource"/>).</remarks>
public sealed class CurrentControlledCurrentSource : Device
{
    private int _op, _om, _kc;
    private ControlledStamp _stamp;

    /// <summary>Creates the source with its output nodes, the controlling source's name and the current gain.</summary>
    public CurrentControlledCurrentSource(string name, string outPlus, string outMinus, string controllingSource,
        double gain) : base(name, outPlus, outMinus)
    {
        if (!double.IsFinite(gain)) throw new ArgumentException($"'{name}': gain must be finite");
        ControllingSource = controllingSource;
        Gain = gain;
    }

    /// <summary>Name of the device whose branch current controls this source.</summary>
    public string ControllingSource { get; }
    /// <summary>Current gain.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => Array.Empty<(string, string)>();

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _op = c.Node(Nodes[0]);
        _om = c.Node(Nodes[1]);
    }

    /// <inheritdoc />
    public override void SetupLate(SetupContext c)
    {
        _kc = ControllingBranch.Resolve(c, Name, ControllingSource);
        _stamp = ControlledStamp.Reserve(c, _op, _om, _kc, 0);
    }

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        _stamp.Current(c, Gain * c.X[_kc]);
        _stamp.Conductance(c, Gain);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) =>
        name == "i" ? Gain * s.X[_kc] : base.ReadQuantity(name, s);
}
