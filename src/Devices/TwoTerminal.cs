using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// Base of devices between two nodes (a, b): holds the node indices and the four matrix slots of a
/// conductance/capacitance stamp, with helpers to add a branch current or charge and its derivative.
/// </summary>
public abstract class TwoTerminal : Device
{
    /// <summary>Node indices.</summary>
    protected int A, B;
    /// <summary>Slots (a,a), (a,b), (b,a), (b,b).</summary>
    protected int Saa, Sab, Sba, Sbb;

    /// <summary>Creates the device between <paramref name="a"/> and <paramref name="b"/>.</summary>
    protected TwoTerminal(string name, string a, string b) : base(name, a, b) { }

    /// <summary>Looks up the nodes and reserves the 2×2 stamp.</summary>
    public override void Setup(SetupContext context)
    {
        A = context.Node(Nodes[0]);
        B = context.Node(Nodes[1]);
        Saa = context.Slot(A, A);
        Sab = context.Slot(A, B);
        Sba = context.Slot(B, A);
        Sbb = context.Slot(B, B);
    }

    /// <summary>v(a) − v(b) at the context's solution.</summary>
    protected double Voltage(LoadContext c) => c.X[A] - c.X[B];

    /// <summary>Adds a current i flowing from a to b through the device, with di/dv = g.</summary>
    protected void AddCurrent(LoadContext c, double i, double g)
    {
        c.F[A] += i;
        c.F[B] -= i;
        c.G[Saa] += g;
        c.G[Sab] -= g;
        c.G[Sba] -= g;
        c.G[Sbb] += g;
    }

    /// <summary>Adds a charge q on a (−q on b) with dq/dv = cap.</summary>
    protected void AddCharge(LoadContext c, double q, double cap)
    {
        c.Q[A] += q;
        c.Q[B] -= q;
        c.C[Saa] += cap;
        c.C[Sab] -= cap;
        c.C[Sba] -= cap;
        c.C[Sbb] += cap;
    }
}
