using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// Where a multi-terminal device writes its branch currents, charges and their derivatives, by local terminal
/// index of a <see cref="TerminalBlock"/>. One evaluation routine written against this interface serves both
/// loading the matrix (<see cref="LoadStamps"/>) and reading terminal currents afterwards
/// (<see cref="TerminalCurrents"/>).
/// </summary>
public interface IBranchStamps
{
    /// <summary>A current <paramref name="i"/> through the device from <paramref name="from"/> to <paramref name="to"/>.</summary>
    void Current(int from, int to, double i);

    /// <summary>∂i/∂(v(ctrlP) − v(ctrlN)) = <paramref name="g"/> of the current from <paramref name="from"/> to
    /// <paramref name="to"/>.</summary>
    void Conductance(int from, int to, int ctrlP, int ctrlN, double g);

    /// <summary>A charge <paramref name="q"/> on <paramref name="on"/> and −q on <paramref name="off"/>.</summary>
    void Charge(int on, int off, double q);

    /// <summary>∂q/∂(v(ctrlP) − v(ctrlN)) = <paramref name="cap"/> of the charge on <paramref name="on"/>.</summary>
    void Capacitance(int on, int off, int ctrlP, int ctrlN, double cap);
}

/// <summary>
/// Loads a device evaluated at voltages <c>vEval</c> (after junction limiting) into the matrix as its
/// linearisation at the actual voltages <c>vActual</c>: every current gets g·Δv and every charge cap·Δv of its
/// control pair (Δv = actual − evaluated), so Newton continues from the limited point. Every value is multiplied
/// by <see cref="Scale"/> (the instance multiplier m).
/// </summary>
public struct LoadStamps : IBranchStamps
{
    private readonly TerminalBlock _block;
    private readonly LoadContext _c;
    private readonly double[] _dv; // actual − evaluated local voltage

    /// <summary>Stamps into <paramref name="context"/> through <paramref name="block"/>; <paramref name="actual"/>
    /// and <paramref name="evaluated"/> are local voltages (same length as the block).</summary>
    public LoadStamps(TerminalBlock block, LoadContext context, double[] actual, double[] evaluated, double scale,
        double[] work)
    {
        _block = block;
        _c = context;
        _dv = work;
        for (int k = 0; k < block.Count; k++) _dv[k] = actual[k] - evaluated[k];
        Scale = scale;
    }

    /// <summary>Multiplier applied to every value (m).</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public void Current(int from, int to, double i) => _block.Current(_c, from, to, Scale * i);

    /// <inheritdoc />
    public void Conductance(int from, int to, int ctrlP, int ctrlN, double g)
    {
        if (g == 0) return;
        _block.Conductance(_c, from, to, ctrlP, ctrlN, Scale * g);
        double d = _dv[ctrlP] - _dv[ctrlN];
        if (d != 0) _block.Current(_c, from, to, Scale * g * d);
    }

    /// <inheritdoc />
    public void Charge(int on, int off, double q)
    {
        if (q != 0) _block.Charge(_c, on, off, Scale * q);
    }

    /// <inheritdoc />
    public void Capacitance(int on, int off, int ctrlP, int ctrlN, double cap)
    {
        if (cap == 0) return;
        _block.Capacitance(_c, on, off, ctrlP, ctrlN, Scale * cap);
        double d = _dv[ctrlP] - _dv[ctrlN];
        if (d != 0) _block.Charge(_c, on, off, Scale * cap * d);
    }
}

/// <summary>
/// Sums the currents flowing into the device at each local terminal, conduction currents plus the charges'
/// time derivatives (from the solution's dx/dt), for reading terminal currents after an analysis.
/// </summary>
public readonly struct TerminalCurrents : IBranchStamps
{
    private readonly double[] _into;
    private readonly double[] _vdot;

    /// <summary>Accumulates into <paramref name="into"/> (cleared here) with local voltage derivatives
    /// <paramref name="vdot"/>, every value times <paramref name="scale"/>.</summary>
    public TerminalCurrents(double[] into, double[] vdot, double scale)
    {
        Array.Clear(into);
        _into = into;
        _vdot = vdot;
        Scale = scale;
    }

    /// <summary>Multiplier applied to every value (m).</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public void Current(int from, int to, double i)
    {
        _into[from] += Scale * i;
        _into[to] -= Scale * i;
    }

    /// <inheritdoc />
    public void Conductance(int from, int to, int ctrlP, int ctrlN, double g) { }

    /// <inheritdoc />
    public void Charge(int on, int off, double q) { }

    /// <inheritdoc />
    public void Capacitance(int on, int off, int ctrlP, int ctrlN, double cap)
    {
        double i = Scale * cap * (_vdot[ctrlP] - _vdot[ctrlN]);
        _into[on] += i;
        _into[off] -= i;
    }
}
