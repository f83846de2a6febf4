using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// Base of devices between two nodes (a, b): holds the node indices and the conductance/capacitance stamp
/// (<see cref="PairStamp"/>), with helpers to add a branch current or charge and its derivative.
/// </summary>
public abstract class TwoTerminal : Device
{
    /// <summary>Node indices.</summary>
    protected int A, B;
    private PairStamp _stamp;

    /// <summary>Creates the device between <paramref name="a"/> and <paramref name="b"/>.</summary>
    protected TwoTerminal(string name, string a, string b) : base(name, a, b) { }

    /// <summary>Looks up the nodes and reserves the 2×2 stamp.</summary>
    public override void Setup(SetupContext context)
    {
        A = context.Node(Nodes[0]);
        B = context.Node(Nodes[1]);
        _stamp = PairStamp.Reserve(context, A, B);
    }

    /// <summary>v(a) − v(b) at the context's solution.</summary>
    protected double Voltage(LoadContext c) => c.X[A] - c.X[B];

    /// <summary>Adds a current i flowing from a to b through the device, with di/dv = g.</summary>
    protected void AddCurrent(LoadContext c, double i, double g) => _stamp.Current(c, i, g);

    /// <summary>Adds a charge q on a (−q on b) with dq/dv = cap.</summary>
    protected void AddCharge(LoadContext c, double q, double cap) => _stamp.Charge(c, q, cap);
}
