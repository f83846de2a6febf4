using System.Numerics;

namespace Perovspice.Engine;

/// <summary>
/// A circuit element described only by its equations: given the solution x it adds its part of the residual
/// F(x, t), the charges Q(x) and their Jacobians G = ∂F/∂x and C = ∂Q/∂x (the DAE form F + dQ/dt = 0).
/// Every analysis is generic on top of this.
/// </summary>
public abstract class Device
{
    /// <summary>Creates a device with its (lower-case, possibly hierarchical) name and terminal node names.</summary>
    protected Device(string name, params string[] nodes)
    {
        Name = name;
        Nodes = nodes;
    }

    /// <summary>The device's name, e.g. "r1" or "x1.n1".</summary>
    public string Name { get; }

    /// <summary>Terminal node names in the order of the netlist.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>True when F and Q are linear in x (Newton then needs a single solve).</summary>
    public virtual bool IsLinear => true;

    /// <summary>Declares internal unknowns and the matrix entries the device stamps.</summary>
    public abstract void Setup(SetupContext context);

    /// <summary>Second setup pass, after every device's <see cref="Setup"/>: devices that refer to another
    /// device (a current-controlled source reads its controlling source's branch) resolve it here and reserve
    /// the matrix entries that need it. Default: nothing.</summary>
    public virtual void SetupLate(SetupContext context) { }

    /// <summary>Adds the device's F, Q, G and C at the context's solution.</summary>
    public abstract void Load(LoadContext context);

    /// <summary>Adds the small-signal excitation (independent sources only) to the ac right-hand side.</summary>
    public virtual void LoadAcExcitation(Span<Complex> rhs) { }

    /// <summary>Called before a transient: resolve waveform defaults (which depend on tstep and tstop) and add
    /// the times at which the device's waveform has a corner (the transient steps exactly onto them).</summary>
    public virtual void BeginTransient(TransientSpec spec, List<double> breakpoints) { }

    /// <summary>Pairs of terminals joined by a dc path (for the floating-node check). Default: every terminal
    /// to the first one.</summary>
    public virtual IEnumerable<(string A, string B)> DcPaths()
    {
        for (int i = 1; i < Nodes.Count; i++) yield return (Nodes[0], Nodes[i]);
    }

    /// <summary>When the device fixes the voltage between its first two terminals (sources, inductors), for
    /// the loop check: true.</summary>
    public virtual bool DefinesVoltage => false;

    /// <summary>The unknown carrying the device's branch current (for i(name)), or 0 when it has none.</summary>
    public virtual int BranchIndex => 0;

    /// <summary>Names of the internal quantities printable as @name[q].</summary>
    public virtual IReadOnlyList<string> QuantityNames => Array.Empty<string>();

    /// <summary>Reads internal quantity <paramref name="name"/> from a solution (see <see cref="QuantityNames"/>).</summary>
    public virtual double ReadQuantity(string name, Solution solution) =>
        throw new ArgumentException($"device '{Name}' has no quantity '{name}'");

    /// <summary>Small-signal value of quantity <paramref name="name"/>, or null when it has none in ac.</summary>
    public virtual Complex? ReadAcQuantity(string name, AcSolution solution) => null;
}
