namespace Perovspice.Engine;

/// <summary>
/// Counters of the work a <see cref="Simulator"/> has done, cumulative over its life (SPICE's <c>.options acct</c>):
/// Newton iterations, LU factorizations and solves (every analysis), and the transient's accepted and rejected time
/// points. Take a <see cref="Snapshot"/> before an analysis and <see cref="Since"/> it after to get that analysis's
/// share.
/// </summary>
public sealed class SolverStatistics
{
    /// <summary>Newton iterations (device evaluations followed by a linear solve).</summary>
    public long NewtonIterations { get; internal set; }
    /// <summary>Numeric LU factorizations (each one a refactorization of the Jacobian or of G + a0·C).</summary>
    public long Factorizations { get; internal set; }
    /// <summary>Forward and backward substitutions with a factorization.</summary>
    public long Solves { get; internal set; }
    /// <summary>Transient time points accepted (t = 0 not counted).</summary>
    public long AcceptedTimePoints { get; internal set; }
    /// <summary>Transient time points tried and rejected: truncation error too large, Newton failed, or cut back to
    /// land on a device event.</summary>
    public long RejectedTimePoints { get; internal set; }

    /// <summary>A copy of the counters as they are now.</summary>
    public SolverStatistics Snapshot() => (SolverStatistics)MemberwiseClone();

    /// <summary>The counts since <paramref name="start"/> (an earlier snapshot of the same counters).</summary>
    public SolverStatistics Since(SolverStatistics start) => new()
    {
        NewtonIterations = NewtonIterations - start.NewtonIterations,
        Factorizations = Factorizations - start.Factorizations,
        Solves = Solves - start.Solves,
        AcceptedTimePoints = AcceptedTimePoints - start.AcceptedTimePoints,
        RejectedTimePoints = RejectedTimePoints - start.RejectedTimePoints,
    };

    /// <summary>The sum of two sets of counts (step values of one analysis).</summary>
    public SolverStatistics Plus(SolverStatistics other) => new()
    {
        NewtonIterations = NewtonIterations + other.NewtonIterations,
        Factorizations = Factorizations + other.Factorizations,
        Solves = Solves + other.Solves,
        AcceptedTimePoints = AcceptedTimePoints + other.AcceptedTimePoints,
        RejectedTimePoints = RejectedTimePoints + other.RejectedTimePoints,
    };
}
