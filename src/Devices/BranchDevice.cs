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
    private int _sPK, _sMK, _sKP, _sKM;

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
        _sPK = c.Slot(Plus, Branch); _sMK = c.Slot(Minus, Branch);
        _sKP = c.Slot(Branch, Plus); _sKM = c.Slot(Branch, Minus);
    }

    /// <summary>Adds the branch current to both nodes' KCL and v(+) − v(−) to the branch equation.</summary>
    protected void LoadIncidence(LoadContext c)
    {
        double i = c.X[Branch];
        c.F[Plus] += i; c.F[Minus] -= i;
        c.G[_sPK] += 1; c.G[_sMK] -= 1;
        c.F[Branch] += c.X[Plus] - c.X[Minus];
        c.G[_sKP] += 1; c.G[_sKM] -= 1;
    }
}
