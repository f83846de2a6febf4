using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// Base of devices whose current is an unknown (voltage sources, inductors, E and H): the current i flows into
/// the first node, through the device, out of the second, and the device adds a branch equation whose residual
/// starts with v(+) − v(−). Subclasses add the rest of that equation (the source value, −L di/dt, the control).
/// </summary>
public abstract class BranchDevice : Device
{
    /// <summary>Node indices of the two terminals and the branch-current unknown.</summary>
    protected int Plus, Minus, Branch;
    private ControlledStamp _currentIntoNodes, _branchOnVoltage;

    /// <summary>Creates the device; the first two nodes are its terminals.</summary>
    protected BranchDevice(string name, params string[] nodes) : base(name, nodes) { }

    /// <inheritdoc />
    public override bool DefinesVoltage => true;
    /// <inheritdoc />
    public override int BranchIndex => Branch;
    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => new[] { (Nodes[0], Nodes[1]) };
    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) => name == "i" ? s.X[Branch] : base.ReadQuantity(name, s);

    /// <summary>Looks up the terminals, declares the branch current and reserves the incidence entries.</summary>
    public override void Setup(SetupContext c)
    {
        Plus = c.Node(Nodes[0]);
        Minus = c.Node(Nodes[1]);
        Branch = c.AddUnknown(Name + "#branch", UnknownKind.Current);
        _currentIntoNodes = ControlledStamp.Reserve(c, Plus, Minus, Branch, 0);
        _branchOnVoltage = ControlledStamp.Row(c, Branch, Plus, Minus);
    }

    /// <summary>Adds the branch current to both nodes' KCL and v(+) − v(−) to the branch equation.</summary>
    protected void LoadIncidence(LoadContext c)
    {
        _currentIntoNodes.Current(c, c.X[Branch]);
        _currentIntoNodes.Conductance(c, 1);
        _branchOnVoltage.Current(c, c.X[Plus] - c.X[Minus]);
        _branchOnVoltage.Conductance(c, 1);
    }
}
