namespace Perovspice.Engine;

/// <summary>Integration method of the transient analysis.</summary>
public enum IntegrationMethod
{
    /// <summary>Trapezoidal rule (order 2), SPICE's default.</summary>
    Trapezoidal,
    /// <summary>Gear / BDF of order 1..<see cref="SimulationOptions.MaxOrder"/>.</summary>
    Gear,
}

/// <summary>Simulator options with SPICE defaults (the `.options` statement).</summary>
public sealed class SimulationOptions
{
    /// <summary>Relative tolerance.</summary>
    public double RelTol { get; set; } = 1e-3;
    /// <summary>Absolute current tolerance (A).</summary>
    public double AbsTol { get; set; } = 1e-12;
    /// <summary>Absolute voltage tolerance (V).</summary>
    public double VnTol { get; set; } = 1e-6;
    /// <summary>Absolute charge tolerance (C).</summary>
    public double ChgTol { get; set; } = 1e-14;
    /// <summary>Absolute tolerance of dimensionless device states.</summary>
    public double StateTol { get; set; } = 1e-9;
    /// <summary>Truncation-error overestimation factor, as SPICE's trtol (default 7).</summary>
    public double TrTol { get; set; } = 7;
    /// <summary>Minimum conductance added across junctions and used as the floor of gmin stepping.</summary>
    public double Gmin { get; set; } = 1e-12;
    /// <summary>Newton iteration limit at the operating point (itl1).</summary>
    public int Itl1 { get; set; } = 100;
    /// <summary>Newton iteration limit per transient time point (itl4).</summary>
    public int Itl4 { get; set; } = 10;
    /// <summary>Try gmin stepping when plain Newton fails at a dc point (false is ngspice's gminsteps=0).</summary>
    public bool GminStepping { get; set; } = true;
    /// <summary>Try source stepping when plain Newton and gmin stepping fail (false is ngspice's srcsteps=0).</summary>
    public bool SourceStepping { get; set; } = true;
    /// <summary>Transient integration method.</summary>
    public IntegrationMethod Method { get; set; } = IntegrationMethod.Trapezoidal;
    /// <summary>Highest order of the Gear method (1 or 2).</summary>
    public int MaxOrder { get; set; } = 2;
    /// <summary>
    /// Lets the transient of a large nonlinear circuit (≥ 2000 unknowns, a refactorization costing ≥ 10 solves) keep
    /// the LU factors of an earlier time point while Newton's update contracts at least twofold (modified Newton);
    /// such a point is accepted only when its last update is below 1 % of the Newton tolerance. Results then differ
    /// from full Newton within the tolerances (0.002 % of range on the 64×64 crossbar benchmark) for about half the
    /// factorizations. False (`.options factorreuse=0`) refactors at every time point, as SPICE.
    /// </summary>
    public bool ReuseFactorization { get; set; } = true;
    /// <summary>
    /// Lets devices that support it (the MOSFETs: levels 1–3, BSIM3) skip their evaluation in a transient Newton iteration when their
    /// controlling voltages and the linearised currents moved less than the Newton tolerances since their last
    /// evaluation, restamping that evaluation linearised (SPICE's bypass). False: `.options bypass=0`.
    /// </summary>
    public bool Bypass { get; set; } = true;
    /// <summary>Asks the front end to report each analysis's solver work (<see cref="Simulator.Statistics"/>) when it
    /// finishes, as SPICE's <c>.options acct</c>. The engine counts in any case.</summary>
    public bool Accounting { get; set; }
    /// <summary>
    /// <c>.nodeset</c> node voltages (node name → volts): the first guess of an operating point computed from scratch.
    /// As in SPICE the nodes are first held at these values (Newton with the rows forced), then released from that
    /// solution; a held solve that fails is dropped and the usual start from zero is used. Unlike <c>.ic</c> the
    /// operating point found satisfies the circuit equations everywhere.
    /// </summary>
    public IReadOnlyDictionary<string, double> NodeSets { get; set; } = new Dictionary<string, double>();
    /// <summary>Most points of one sweep or transient (and transient breakpoints): past it the analysis fails with a
    /// <see cref="SimulationException"/> instead of filling the memory.</summary>
    public long MaxPoints { get; set; } = 100_000_000;
    /// <summary>Most accepted transient time points in which time advances by less than one maximum step (a collapsed
    /// step): past it the transient fails with a <see cref="TimestepTooSmallException"/>.</summary>
    public long MaxStallPoints { get; set; } = 100_000;
    /// <summary>Cancels a running analysis at its next point (or Newton iteration) with an
    /// <see cref="OperationCanceledException"/>; used for Ctrl-C and SIGTERM.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>The absolute tolerance of an unknown of the given kind.</summary>
    public double AbsoluteTolerance(UnknownKind kind) => kind switch
    {
        UnknownKind.Voltage or UnknownKind.Rate => VnTol,
        UnknownKind.Current => AbsTol,
        UnknownKind.Charge => ChgTol,
        _ => StateTol,
    };
}
