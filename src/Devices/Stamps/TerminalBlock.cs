using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// The matrix block of a device's terminals (and internal nodes): every (row, column) pair among them is reserved
/// once, and currents, conductances, charges and capacitances are added by local terminal index, so that the sign
/// pattern of a stamp is written in one place. Terminals mapped to ground are handled by the engine's trash slot.
/// </summary>
/// <example><code>
/// // in Setup: terminals d, g, s, b
/// _block = TerminalBlock.Reserve(context, d, g, s, b);
/// // in Load: drain current ids from d to s, depending on vgs, vds and vbs
/// _block.Current(context, D, S, ids);
/// _block.Conductance(context, D, S, G, S, gm);   // ∂ids/∂vgs
/// _block.Conductance(context, D, S, D, S, gds);  // ∂ids/∂vds
/// </code></example>
public sealed class TerminalBlock
{
    private readonly int[] _nodes;
    private readonly int[] _slots; // row-major n×n

    private TerminalBlock(int[] nodes, int[] slots)
    {
        _nodes = nodes;
        _slots = slots;
    }

    /// <summary>Reserves every (row, column) pair among <paramref name="nodes"/> (unknown indices; 0 is ground).</summary>
    public static TerminalBlock Reserve(SetupContext context, params int[] nodes)
    {
        int n = nodes.Length;
        var slots = new int[n * n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
                slots[r * n + c] = context.Slot(nodes[r], nodes[c]);
        return new TerminalBlock((int[])nodes.Clone(), slots);
    }

    /// <summary>Number of terminals in the block.</summary>
    public int Count => _nodes.Length;

    /// <summary>The unknown index of local terminal <paramref name="k"/>.</summary>
    public int Node(int k) => _nodes[k];

    /// <summary>v(<paramref name="p"/>) − v(<paramref name="n"/>) at the context's solution (local indices).</summary>
    public double Voltage(LoadContext c, int p, int n) => c.X[_nodes[p]] - c.X[_nodes[n]];

    /// <summary>v(<paramref name="p"/>) − v(<paramref name="n"/>) in a solution vector (local indices).</summary>
    public double Voltage(double[] x, int p, int n) => x[_nodes[p]] - x[_nodes[n]];

    /// <summary>Adds a current <paramref name="i"/> flowing through the device from terminal <paramref name="from"/>
    /// to terminal <paramref name="to"/> (it leaves node <paramref name="from"/> into the device).</summary>
    public void Current(LoadContext c, int from, int to, double i)
    {
        c.F[_nodes[from]] += i;
        c.F[_nodes[to]] -= i;
    }

    /// <summary>Adds ∂i/∂(v(ctrlP) − v(ctrlN)) = <paramref name="g"/> for the current i from <paramref name="from"/>
    /// to <paramref name="to"/> (a transconductance; with ctrl = (from, to) a plain conductance).</summary>
    public void Conductance(LoadContext c, int from, int to, int ctrlP, int ctrlN, double g)
    {
        int n = _nodes.Length;
        var G = c.G;
        G[_slots[from * n + ctrlP]] += g;
        G[_slots[from * n + ctrlN]] -= g;
        G[_slots[to * n + ctrlP]] -= g;
        G[_slots[to * n + ctrlN]] += g;
    }

    /// <summary>A conductance <paramref name="g"/> between <paramref name="a"/> and <paramref name="b"/> carrying
    /// current <paramref name="i"/> from a to b: <see cref="Current"/> plus <see cref="Conductance"/> on (a, b).</summary>
    public void Branch(LoadContext c, int a, int b, double i, double g)
    {
        Current(c, a, b, i);
        Conductance(c, a, b, a, b, g);
    }

    /// <summary>Adds a charge <paramref name="q"/> on terminal <paramref name="on"/> and −q on <paramref name="off"/>
    /// (its time derivative is a current from <paramref name="on"/> to <paramref name="off"/> through the device).</summary>
    public void Charge(LoadContext c, int on, int off, double q)
    {
        c.Q[_nodes[on]] += q;
        c.Q[_nodes[off]] -= q;
    }

    /// <summary>Adds ∂q/∂(v(ctrlP) − v(ctrlN)) = <paramref name="cap"/> for the charge q on <paramref name="on"/>
    /// (−q on <paramref name="off"/>).</summary>
    public void Capacitance(LoadContext c, int on, int off, int ctrlP, int ctrlN, double cap)
    {
        int n = _nodes.Length;
        var C = c.C;
        C[_slots[on * n + ctrlP]] += cap;
        C[_slots[on * n + ctrlN]] -= cap;
        C[_slots[off * n + ctrlP]] -= cap;
        C[_slots[off * n + ctrlN]] += cap;
    }

    /// <summary>A two-terminal capacitance: charge <paramref name="q"/> on a (−q on b) with dq/d(va − vb) = cap.</summary>
    public void TwoTerminalCharge(LoadContext c, int a, int b, double q, double cap)
    {
        Charge(c, a, b, q);
        Capacitance(c, a, b, a, b, cap);
    }
}
