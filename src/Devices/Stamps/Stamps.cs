using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// A conductance (or capacitance) between two unknowns a and b: reserves the four entries once and adds a
/// current from a to b with its conductance, or a charge on a (−q on b) with its capacitance.
/// </summary>
public readonly struct PairStamp
{
    private readonly int _a, _b, _aa, _ab, _ba, _bb;

    private PairStamp(SetupContext c, int a, int b)
    {
        _a = a; _b = b;
        _aa = c.Slot(a, a); _ab = c.Slot(a, b); _ba = c.Slot(b, a); _bb = c.Slot(b, b);
    }

    /// <summary>Reserves the 2×2 block of unknowns <paramref name="a"/> and <paramref name="b"/> (0 is ground).</summary>
    public static PairStamp Reserve(SetupContext c, int a, int b) => new(c, a, b);

    /// <summary>x[a] − x[b].</summary>
    public double Voltage(double[] x) => x[_a] - x[_b];

    /// <summary>Adds a current <paramref name="i"/> from a to b with di/d(xa − xb) = <paramref name="g"/>.</summary>
    public void Current(LoadContext c, double i, double g)
    {
        c.F[_a] += i; c.F[_b] -= i;
        Conductance(c, g);
    }

    /// <summary>Adds only the conductance <paramref name="g"/> (no current).</summary>
    public void Conductance(LoadContext c, double g)
    {
        var G = c.G;
        G[_aa] += g; G[_ab] -= g; G[_ba] -= g; G[_bb] += g;
    }

    /// <summary>Adds a charge <paramref name="q"/> on a (−q on b) with dq/d(xa − xb) = <paramref name="cap"/>.</summary>
    public void Charge(LoadContext c, double q, double cap)
    {
        c.Q[_a] += q; c.Q[_b] -= q;
        var C = c.C;
        C[_aa] += cap; C[_ab] -= cap; C[_ba] -= cap; C[_bb] += cap;
    }
}

/// <summary>
/// Rows p and n depending on the difference of columns cp and cn: a transconductance (current from p to n
/// controlled by x[cp] − x[cn]), or, with n = 0, one equation row's derivative with respect to a voltage.
/// </summary>
public readonly struct ControlledStamp
{
    private readonly int _p, _n, _pp, _pn, _np, _nn;

    private ControlledStamp(SetupContext c, int p, int n, int cp, int cn)
    {
        _p = p; _n = n;
        _pp = c.Slot(p, cp); _pn = c.Slot(p, cn); _np = c.Slot(n, cp); _nn = c.Slot(n, cn);
    }

    /// <summary>Reserves rows (<paramref name="p"/>, <paramref name="n"/>) × columns (<paramref name="cp"/>,
    /// <paramref name="cn"/>).</summary>
    public static ControlledStamp Reserve(SetupContext c, int p, int n, int cp, int cn) => new(c, p, n, cp, cn);

    /// <summary>One row <paramref name="row"/> depending on x[cp] − x[cn].</summary>
    public static ControlledStamp Row(SetupContext c, int row, int cp, int cn) => new(c, row, 0, cp, cn);

    /// <summary>Adds <paramref name="f"/> to row p and −f to row n (a current from p to n).</summary>
    public void Current(LoadContext c, double f)
    {
        c.F[_p] += f; c.F[_n] -= f;
    }

    /// <summary>Adds ∂(current p → n)/∂(x[cp] − x[cn]) = <paramref name="g"/>.</summary>
    public void Conductance(LoadContext c, double g)
    {
        var G = c.G;
        G[_pp] += g; G[_pn] -= g; G[_np] -= g; G[_nn] += g;
    }

    /// <summary>Adds ∂(charge on p, −on n)/∂(x[cp] − x[cn]) = <paramref name="cap"/>.</summary>
    public void Capacitance(LoadContext c, double cap)
    {
        var C = c.C;
        C[_pp] += cap; C[_pn] -= cap; C[_np] -= cap; C[_nn] += cap;
    }
}
