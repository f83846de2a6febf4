namespace Perovspice.Engine;

/// <summary>Which analysis is loading the devices.</summary>
public enum AnalysisMode
{
    /// <summary>Operating point, dc sweep, or the dc point before a transient/ac/hopf.</summary>
    Dc,
    /// <summary>A transient time point.</summary>
    Transient,
}

/// <summary>
/// What a device sees while loading: the solution x and the arrays it adds to. Conventions: F[row] is the sum
/// of currents leaving a node (or a branch/state equation's residual), Q[row] the charge-like quantity whose
/// time derivative joins F, and G/C are Jacobian values indexed by slot (slot 0 is a trash slot).
/// </summary>
public sealed class LoadContext
{
    internal LoadContext(int size, int slots)
    {
        X = new double[size + 1];
        F = new double[size + 1];
        Q = new double[size + 1];
        G = new double[slots + 1];
        C = new double[slots + 1];
    }

    /// <summary>The solution at which to evaluate (index 0 is ground and is always 0).</summary>
    public double[] X { get; }
    /// <summary>Residual F(x, t), by row.</summary>
    public double[] F { get; }
    /// <summary>Charges Q(x), by row.</summary>
    public double[] Q { get; }
    /// <summary>∂F/∂x by slot.</summary>
    public double[] G { get; }
    /// <summary>∂Q/∂x by slot.</summary>
    public double[] C { get; }

    /// <summary>The analysis loading the devices.</summary>
    public AnalysisMode Mode { get; internal set; }
    /// <summary>Simulated time (0 outside a transient).</summary>
    public double Time { get; internal set; }
    /// <summary>Scale of every independent source (source stepping ramps it from 0 to 1).</summary>
    public double SourceFactor { get; internal set; } = 1;
    /// <summary>Conductance a junction adds in parallel (options gmin).</summary>
    public double Gmin { get; internal set; } = 1e-12;
    /// <summary>True on the first Newton iteration of a new solve (junctions start from their initial guess).</summary>
    public bool FirstIteration { get; internal set; }
    /// <summary>True on the first Newton iteration of a dc-type solve (no time derivative) that starts from the
    /// all-zero vector, i.e. with no previous solution: junctions then take their initial guess (near their
    /// critical voltage) instead of the zero voltage x gives, like SPICE's MODEINITJCT. Always false otherwise
    /// (transient steps, sweep continuation, homotopy steps that start from a previous point, ac).</summary>
    public bool InitJunctions { get; internal set; }
    /// <summary>True while the transient solves its time points after t = 0; false in every dc-type solve,
    /// the transient's own operating point included (a switch then finds its state from its control, a
    /// transmission line is a dc short). Devices whose transient equations use a state changed only at accepted
    /// points (<see cref="Device.AcceptTimePoint"/>) test this.</summary>
    public bool TimeStepping { get; internal set; }
    /// <summary>True while Newton solves a dc-type problem (operating point, dc sweep, the transient's initial point):
    /// time derivatives are absent, so a device whose equations differ there (a behavioural idt) uses its dc form.
    /// False in transient steps and for the ac linearization.</summary>
    public bool Static { get; internal set; }
    /// <summary>True at t = 0 of a transient with `uic`: capacitors and inductors use their ic= values.</summary>
    public bool UseInitialConditions { get; internal set; }

    /// <summary>
    /// Transient Newton iterations may skip re-evaluating a nonlinear device whose controlling voltages moved less
    /// than <see cref="BypassRelTol"/>·|v| + <see cref="BypassVoltTol"/> since its last evaluation (SPICE's bypass;
    /// `.options bypass=0` turns it off). A device that does restamps its last evaluation linearised to the new
    /// voltages. Only <see cref="AnalysisMode.Transient"/> time steps use it.
    /// </summary>
    public bool Bypass { get; internal set; }
    /// <summary>Relative tolerance of the bypass tests (reltol).</summary>
    public double BypassRelTol { get; internal set; } = 1e-3;
    /// <summary>Absolute voltage tolerance of the bypass test (vntol).</summary>
    public double BypassVoltTol { get; internal set; } = 1e-6;
    /// <summary>Absolute current tolerance of the bypass test (abstol).</summary>
    public double BypassCurrentTol { get; internal set; } = 1e-12;

    internal bool Limited;

    /// <summary>A device that limited its step (junction limiting) says so: the iteration is not converged.</summary>
    public void SignalLimited() => Limited = true;

    /// <summary>How many times <see cref="Clear"/> ran (a cache laid into G and C is gone after each).</summary>
    internal long ClearCount;

    internal void Clear()
    {
        ClearCount++;
        Array.Clear(F);
        Array.Clear(Q);
        Array.Clear(G);
        Array.Clear(C);
        Limited = false;
    }
}
