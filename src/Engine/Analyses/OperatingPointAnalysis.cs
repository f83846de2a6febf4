using Perovspice.Engine.Analysis;

namespace Perovspice.Engine;

/// <summary>The dc operating point (<c>.op</c>): Newton, then gmin stepping, then source stepping.</summary>
public sealed class OperatingPointAnalysis : SimulationAnalysis
{
    /// <inheritdoc/>
    public override string Kind => "op";

    /// <summary>Computes the operating point.</summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="cancellation">Stops the run with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A new solution (not reused).</returns>
    /// <exception cref="SimulationException">No operating point (<see cref="NoConvergenceException"/>,
    /// <see cref="SingularMatrixException"/>, …), with <see cref="SimulationException.Analysis"/> "operating point".</exception>
    public Solution Run(Simulator simulator, CancellationToken cancellation = default)
    {
        using var linked = new LinkedCancellation(simulator.Options.Cancellation, cancellation);
        var sys = simulator.System;
        var x = new double[sys.Size + 1];
        simulator.Dc.Solve(x, new FailurePoint("operating point", "operating point"), linked.Token);
        var s = new Solution(sys);
        Array.Copy(x, s.X, x.Length);
        return s;
    }

    /// <inheritdoc/>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var table = output.AddTable(Kind, "", "Operating Point");
        var columns = new ProbeColumns(table, output, simulator.System, "operating point");
        columns.Add(Run(simulator, cancellation));
    }
}
