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

    /// <summary>True when the device's F, Q, G and C depend on x only: not on time, on the analysis mode or on a
    /// state changed at accepted time points (a resistor, a capacitor). A linear circuit's transient then loads such
    /// a device once instead of at every time point (<see cref="Analysis.LinearTransientSolver"/>). Default false
    /// (always loaded), which is always correct. Such a device must not override <see cref="FindEvent"/> or
    /// <see cref="AcceptTimePoint"/>: the transient does not call them on it after t = 0. A device that is also
    /// <see cref="IsLinear"/> is loaded only once, at x = 0, by <see cref="CircuitSystem"/>, which then evaluates it
    /// as F(0) + G·x and Q(0) + C·x with its cached G and C in every analysis (dc, gmin and source stepping,
    /// transient, ac): it must write nothing but F, Q, G and C (no <see cref="LoadContext.SignalLimited"/>, no
    /// state kept between loads) and may read no context field but <see cref="LoadContext.X"/> and
    /// <see cref="LoadContext.UseInitialConditions"/> (evaluations with the latter set load every device).</summary>
    public virtual bool IsTimeInvariant => false;

    /// <summary>True when a nonlinear device splits its load into an invariant part (<see cref="LoadInvariant"/>) and
    /// the rest (<see cref="LoadVarying"/>). <see cref="CircuitSystem"/> then loads the invariant part once, at x = 0,
    /// into the cache it keeps for linear time-invariant devices, and at each evaluation only the rest: fewer entries
    /// written per iteration (a memristor's bulk resistance, capacitance and state relaxation). Default false.</summary>
    public virtual bool HasInvariantPart => false;

    /// <summary>The invariant part of <see cref="Load"/> when <see cref="HasInvariantPart"/>: stamps affine in x
    /// (F = F(0) + G·x, Q = Q(0) + C·x with constant G and C) under the rules of <see cref="IsTimeInvariant"/>
    /// devices (reads only <see cref="LoadContext.X"/>, writes only F, Q, G and C, keeps no state).
    /// <see cref="LoadInvariant"/> followed by <see cref="LoadVarying"/> must stamp exactly what <see cref="Load"/>
    /// stamps.</summary>
    public virtual void LoadInvariant(LoadContext context) { }

    /// <summary>The rest of <see cref="Load"/> once <see cref="LoadInvariant"/>'s part is cached; default
    /// <see cref="Load"/> (a device without an invariant part).</summary>
    public virtual void LoadVarying(LoadContext context) => Load(context);

    /// <summary>Declares internal unknowns and the matrix entries the device stamps.</summary>
    public abstract void Setup(SetupContext context);

    /// <summary>A consistency check that needs the rest of the circuit (a K element: the inductance matrix of the
    /// inductors it couples); throws <see cref="ArgumentException"/> with a message naming the device. The netlist
    /// binder calls it on every device once the circuit is complete, so that the error is located at the
    /// element. Default: nothing.</summary>
    public virtual void Validate(Circuit circuit) { }

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

    /// <summary>The largest transient step the device tolerates (a transmission line: its delay), or +∞.
    /// Read once when a transient starts.</summary>
    public virtual double MaxTimeStep => double.PositiveInfinity;

    /// <summary>
    /// Event detection on a converged, accurate trial step from the last accepted point (<paramref name="t0"/>,
    /// <paramref name="x0"/>) to (<paramref name="t1"/>, <paramref name="x1"/>): returns the time in
    /// [t0, t1] at which the device changes its equations (a switch's control crosses its threshold), or +∞
    /// when it does not. When the event lies more than a small tolerance before t1 the transient rejects the
    /// step and retries it so that it ends just after the event; the device then changes state in
    /// <see cref="AcceptTimePoint"/>. Must not change the device's state. Default: +∞.
    /// </summary>
    public virtual double FindEvent(double t0, double[] x0, double t1, double[] x1) => double.PositiveInfinity;

    /// <summary>Called after every accepted transient time point, and once for the starting point at t = 0
    /// (after the operating point or the uic values). The only place where a device may change a state that
    /// alters its equations during a transient (a switch flips here, a delay line records its history); see
    /// <see cref="TimePointContext"/> for breakpoints and discontinuities. Default: nothing.</summary>
    public virtual void AcceptTimePoint(TimePointContext context) { }

    /// <summary>Adds frequency-dependent terms to the ac matrix, indexed by slot like G and C, on top of the
    /// G + jωC that the operating point's load gives (a transmission line's e^(−jωτ) coupling). Only slots
    /// reserved at setup may be touched. Default: nothing.</summary>
    public virtual void LoadAc(double omega, Complex[] matrix) { }

    /// <summary>The device's noise generators at the operating point <paramref name="operatingPoint"/>, for the
    /// small-signal noise analysis (<see cref="NoiseAnalysis"/>): current sources between unknowns with their
    /// densities (<see cref="NoiseSource"/>), uncorrelated with every other generator. Called once per noise analysis,
    /// after the operating point is solved and every device has been loaded at it. Default: none (a noiseless device:
    /// sources, controlled and behavioural sources, capacitors, inductors, code models, memristors).</summary>
    public virtual IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint) => Array.Empty<NoiseSource>();

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
