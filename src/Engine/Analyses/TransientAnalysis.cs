using Perovspice.Engine.Analysis;

namespace Perovspice.Engine;

/// <summary>
/// A transient analysis (<c>.tran</c>): variable-step integration from the operating point (or, with uic, from the
/// initial conditions) to the stop time.
/// </summary>
public sealed class TransientAnalysis : SimulationAnalysis
{
    /// <summary>Progress is reported every this many points.</summary>
    private const int ProgressInterval = 256;

    /// <summary>Creates the analysis.</summary>
    /// <param name="spec">Step, stop time, start time, maximum step, uic.</param>
    public TransientAnalysis(TransientSpec spec) => Spec = spec;

    /// <summary>Creates the analysis from its times.</summary>
    /// <param name="step">The print step (also bounds the internal step).</param>
    /// <param name="stop">The stop time.</param>
    public TransientAnalysis(double step, double stop) : this(new TransientSpec(step, stop)) { }

    /// <summary>Step, stop time, start time, maximum step and uic.</summary>
    public TransientSpec Spec { get; }

    /// <summary>Initial node voltages (<c>.ic</c>), by node name: held during the operating point, or the start values
    /// with uic. They add to (and override) <see cref="Simulator.InitialConditions"/>.</summary>
    public IDictionary<string, double> InitialConditions { get; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string Kind => "tran";

    /// <summary>Integrates; <paramref name="onPoint"/> receives every accepted time point at or after tstart (the
    /// first at t = 0 or tstart, the last exactly at tstop).</summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="onPoint">Receives each point (the solution is reused: copy what you keep); returns false to stop
    /// the run there.</param>
    /// <param name="cancellation">Stops the run with <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives (tran, time, stop time, points) every 256 points.</param>
    /// <exception cref="SimulationException">No operating point (<see cref="SimulationException.Analysis"/>
    /// "transient", <see cref="SimulationException.Time"/> 0), or <see cref="TimestepTooSmallException"/> with the
    /// time it failed to reach.</exception>
    /// <exception cref="ArgumentException">tstep or tstop not positive.</exception>
    public void Run(Simulator simulator, Func<Solution, bool> onPoint, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        using var linked = new LinkedCancellation(simulator.Options.Cancellation, cancellation);
        var ic = new Dictionary<string, double>(simulator.InitialConditions, StringComparer.OrdinalIgnoreCase);
        foreach (var (node, v) in InitialConditions) ic[node] = v;
        long count = 0;
        Func<Solution, bool> emit = progress is null ? onPoint : s =>
        {
            bool go = onPoint(s);
            if ((++count % ProgressInterval) == 0) progress.Report(new AnalysisProgress(Kind, s.Time, Spec.Stop, count));
            return go;
        };
        new TransientRunner(simulator.System, simulator.Options, simulator.Newton, simulator.Dc)
            .Run(Spec, ic, emit, linked.Token);
    }

    /// <inheritdoc/>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var table = output.AddTable(Kind, "", "Transient Analysis");
        var time = table.AddColumn("time", QuantityType.Time);
        var columns = new ProbeColumns(table, output, simulator.System, "transient");
        Run(simulator, s =>
        {
            time(s.Time);
            columns.Add(s, time: s.Time);
            output.Observe(s.Time, s);
            return true;
        }, cancellation, progress);
    }
}
