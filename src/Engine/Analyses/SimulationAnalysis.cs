namespace Perovspice.Engine;

/// <summary>
/// An analysis that can run on a <see cref="Simulator"/>: <see cref="OperatingPointAnalysis"/>,
/// <see cref="DcAnalysis"/>, <see cref="TransientAnalysis"/>, <see cref="AcAnalysis"/>, <see cref="HopfAnalysis"/>,
/// <see cref="TransferFunctionAnalysis"/>, <see cref="PoleZeroAnalysis"/> and <see cref="NoiseAnalysis"/>. Each owns its logic; its typed
/// <c>Run</c> method streams results point by point (return false from the callback to stop early) and takes a
/// <see cref="CancellationToken"/> and an <see cref="IProgress{T}"/>. <see cref="Tabulate"/> runs it generically,
/// writing named columns to an <see cref="IAnalysisOutput"/> (how the command line writes its files).
/// </summary>
public abstract class SimulationAnalysis
{
    /// <summary>The analysis' lower-case name as in a netlist: op, dc, tran, ac, hopf, tf, pz, noise.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// Runs the analysis and writes its results as tables: the sweep variable's column (if any), then one column per
    /// probe of <paramref name="output"/>; analyses with extra results add tables (hopf: its Hopf points; noise: its
    /// integrated totals) or text
    /// tables (pz). Every solution point is also passed to <see cref="IAnalysisOutput.Observe(double, Solution)"/>
    /// (or its ac overload) for measurements.
    /// </summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="output">Receives the tables.</param>
    /// <param name="cancellation">Stops the run with <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives progress reports, or null.</param>
    /// <exception cref="SimulationException">The analysis failed (a subclass says how).</exception>
    public abstract void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null);
}

/// <summary>Progress of a running analysis.</summary>
/// <param name="Analysis">The analysis kind: tran, dc, ac, hopf, noise.</param>
/// <param name="Value">Where it is: simulated time (tran), swept value (dc), frequency (ac, noise), points done (hopf).</param>
/// <param name="Total">Where it ends, in the same unit as <paramref name="Value"/>.</param>
/// <param name="Points">Points (or accepted time steps) computed so far.</param>
public readonly record struct AnalysisProgress(string Analysis, double Value, double Total, long Points);

/// <summary>Joins the options' token with a run's token.</summary>
internal readonly struct LinkedCancellation : IDisposable
{
    private readonly CancellationTokenSource? _source;

    public LinkedCancellation(CancellationToken a, CancellationToken b)
    {
        if (a.CanBeCanceled && b.CanBeCanceled && a != b)
        {
            _source = CancellationTokenSource.CreateLinkedTokenSource(a, b);
            Token = _source.Token;
        }
        else
        {
            _source = null;
            Token = a.CanBeCanceled ? a : b;
        }
    }

    /// <summary>Cancelled when either token is.</summary>
    public CancellationToken Token { get; }

    public void Dispose() => _source?.Dispose();
}
