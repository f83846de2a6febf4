using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE G element: a current gm·(v(ctrl+) − v(ctrl−)) flows from out+ through the source to out− (as an
/// independent current source).
/// </summary>
/// <remarks>For the floating-node check the output is a current source: no dc path between out+ and out−, and
/// none to the controlling terminals (SPICE2's topology check treated controlled sources like their
/// independent counterparts; ngspice 39 has no such pre-check and reports a singular matrix instead). The one
/// exception is a source controlled by its own output pair, which is a conductance gm: that pair is a path.
/// </remarks>
public sealed class VoltageControlledCurrentSource : Device
{
    private int _op, _om, _cp, _cm;
    private ControlledStamp _stamp;

    /// <summary>Creates the source with its output nodes, controlling nodes and transconductance (S).</summary>
    public VoltageControlledCurrentSource(string name, string outPlus, string outMinus, string controlPlus,
        string controlMinus, double transconductance) : base(name, outPlus, outMinus, controlPlus, controlMinus)
    {
        if (!double.IsFinite(transconductance)) throw new ArgumentException($"'{name}': transconductance must be finite");
        Transconductance = transconductance;
    }

    /// <summary>Transconductance gm (S).</summary>
    public double Transconductance { get; }

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths()
    {
        // the output current depends on an output node's voltage: a (linear) conductance between the outputs
        bool selfControlled = Nodes.Take(2).Any(o => !Circuit.IsGround(o) && (o == Nodes[2] || o == Nodes[3]));
        return selfControlled ? new[] { (Nodes[0], Nodes[1]) } : Array.Empty<(string, string)>();
    }

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _op = c.Node(Nodes[0]); _om = c.Node(Nodes[1]); _cp = c.Node(Nodes[2]); _cm = c.Node(Nodes[3]);
        _stamp = ControlledStamp.Reserve(c, _op, _om, _cp, _cm);
    }

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        double gm = Transconductance;
        _stamp.Current(c, gm * (c.X[_cp] - c.X[_cm]));
        _stamp.Conductance(c, gm);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) =>
        name == "i" ? Transconductance * (s.X[_cp] - s.X[_cm]) : base.ReadQuantity(name, s);
}
