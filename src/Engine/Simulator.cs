using System.Numerics;
using Perovspice.Engine.Analysis;

namespace Perovspice.Engine;

/// <summary>
/// Runs analyses on a circuit: operating point, dc sweep, transient, ac and the stability (hopf) sweep. All of them are generic over the
/// devices' F, Q, G and C. These methods are shorthands for the analysis classes (<see cref="OperatingPointAnalysis"/>,
/// <see cref="DcAnalysis"/>, <see cref="TransientAnalysis"/>, <see cref="AcAnalysis"/>, <see cref="HopfAnalysis"/>,
/// <see cref="TransferFunctionAnalysis"/>, <see cref="PoleZeroAnalysis"/>), which also stream with early stop, take a
/// cancellation token and report progress.
/// </summary>
/// <example><code>
/// var c = new Circuit().Add(new VoltageSource("v1", "in", "0", 1), new Resistor("r1", "in", "out", 1e3),
///                           new Capacitor("c1", "out", "0", 1e-6));
/// var sim = new Simulator(c);
/// sim.Transient(new TransientSpec(1e-5, 5e-3), s => Console.WriteLine($"{s.Time} {s.V("out")}"));
/// </code></example>
public sealed class Simulator
{
    private readonly NewtonSolver _newton;
    private readonly DcSolver _dc;

    /// <summary>Compiles the circuit with the given options (SPICE defaults when null).</summary>
    public Simulator(Circuit circuit, SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        System = new CircuitSystem(circuit);
        var load = System.Load;
        load.BypassRelTol = Options.RelTol;
        load.BypassVoltTol = Options.VnTol;
        load.BypassCurrentTol = Options.AbsTol;
        load.Bypass = Options.Bypass;
        _newton = new NewtonSolver(System, Options);
        _dc = new DcSolver(System, Options, _newton);
    }

    /// <summary>Counters of the work done so far by this simulator's analyses (Newton iterations, factorizations,
    /// solves, transient time points), cumulative: see <see cref="SolverStatistics.Snapshot"/>.</summary>
    public SolverStatistics Statistics => _newton.Statistics;

    /// <summary>The options in force.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The compiled system (unknowns, node lookup).</summary>
    public CircuitSystem System { get; }

    /// <summary>Initial node voltages (.ic): held during the transient's operating point, or the start values
    /// with uic.</summary>
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Newton solver (shared by the analyses: it keeps the factorization).</summary>
    internal NewtonSolver Newton => _newton;

    /// <summary>The dc operating-point solver.</summary>
    internal DcSolver Dc => _dc;

    /// <summary>Computes the dc operating point (<see cref="OperatingPointAnalysis"/>).</summary>
    public Solution OperatingPoint() => new OperatingPointAnalysis().Run(this);

    /// <summary>Sweeps one or two sources (the first varies fastest); <paramref name="onPoint"/> receives the
    /// swept values and the solution at each point (<see cref="DcAnalysis"/>).</summary>
    public void DcSweep(IReadOnlyList<DcSweepSpec> sweeps, Action<double[], Solution> onPoint) =>
        DcAnalysis.Sweep(this, sweeps, "dc sweep", (values, s) => { onPoint(values, s); return true; }, default);

    /// <summary>
    /// Stability sweep (<c>.hopf</c>): sweeps one source as <see cref="DcSweep"/> does (each operating point continued
    /// from the previous one) and at each point linearizes the circuit and computes the finite eigenvalues λ of the
    /// pencil (G + λC) v = 0 — its natural frequencies, in 1/s (<see cref="PencilEigenvalues"/>). The operating point is
    /// stable when every λ has a negative real part. Feed the eigenvalues to a <see cref="HopfTracker"/> to locate
    /// Hopf bifurcations, or use <see cref="HopfAnalysis"/>, which does.
    /// </summary>
    /// <param name="sweep">The swept source and its values.</param>
    /// <param name="onPoint">Receives the swept value, the operating point and its finite eigenvalues (complex pairs
    /// both listed, unordered); the solution is reused between points.</param>
    /// <remarks>Up to <see cref="PencilEigenvalues.MaxUnknowns"/> unknowns every finite eigenvalue is computed (dense);
    /// above, the slowest modes (<see cref="SparsePencilEigenvalues.AtPoint"/>).</remarks>
    /// <exception cref="SimulationException">No operating point, or a singular pencil; the message names the sweep
    /// value.</exception>
    public void Hopf(DcSweepSpec sweep, Action<double, Solution, IReadOnlyList<Complex>> onPoint) =>
        HopfAnalysis.Eigenvalues(this, sweep, (v, s, e) => { onPoint(v, s, e); return true; }, default);

    /// <summary>Runs a small-signal ac sweep around the dc operating point (<see cref="AcAnalysis"/>).</summary>
    public void Ac(AcSpec spec, Action<AcSolution> onPoint) =>
        new AcAnalysis(spec).Run(this, s => { onPoint(s); return true; });

    /// <summary>Runs a transient analysis; <paramref name="onPoint"/> receives every accepted time point at or
    /// after tstart (the first at t = 0 or tstart, the last exactly at tstop) (<see cref="TransientAnalysis"/>,
    /// with <see cref="InitialConditions"/>).</summary>
    public void Transient(TransientSpec spec, Action<Solution> onPoint) =>
        new TransientAnalysis(spec).Run(this, s => { onPoint(s); return true; });

    /// <summary>Runs <paramref name="analysis"/>, writing its tables to <paramref name="output"/>
    /// (<see cref="SimulationAnalysis.Tabulate"/>).</summary>
    public void Run(SimulationAnalysis analysis, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null) => analysis.Tabulate(this, output, cancellation, progress);

    internal IDcSource FindSource(string name) =>
        System.Circuit.Find(name) as IDcSource
        ?? throw new ArgumentException($"'{name}' is not an independent source");
}
