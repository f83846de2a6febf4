using System.Numerics;
using Perovspice.Engine.Analysis;

namespace Perovspice.Engine;

/// <summary>
/// Stability sweep (<c>.hopf</c>): sweeps one source as <see cref="DcAnalysis"/> does and at each point linearizes
/// the circuit and computes the finite eigenvalues λ of the pencil (G + λC) v = 0 — its natural frequencies, in 1/s
/// (<see cref="PencilEigenvalues"/>). The operating point is stable when every λ has a negative real part. Hopf
/// bifurcations (a complex pair crossing the imaginary axis) are located by a <see cref="HopfTracker"/>.
/// </summary>
public sealed class HopfAnalysis : SimulationAnalysis
{
    private const int ProgressInterval = 64;

    /// <summary>Creates the sweep.</summary>
    /// <param name="sweep">The swept source and its values.</param>
    public HopfAnalysis(DcSweepSpec sweep) => Sweep = sweep;

    /// <summary>The swept source and its values.</summary>
    public DcSweepSpec Sweep { get; }

    /// <inheritdoc/>
    public override string Kind => "hopf";

    /// <summary>Runs the sweep and returns the Hopf points found (in sweep order).</summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="onPoint">Receives the swept value, the operating point (reused between points) and its finite
    /// eigenvalues (complex pairs both listed, unordered); returns false to stop the sweep there. May be null.</param>
    /// <param name="cancellation">Stops the run with <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives (hopf, points done, points in all, points done) every 64 points.</param>
    /// <remarks>Up to <see cref="PencilEigenvalues.MaxUnknowns"/> unknowns every finite eigenvalue is computed (dense);
    /// above, the slowest modes and those near the imaginary axis (<see cref="SparsePencilEigenvalues.AtPoint"/>).</remarks>
    /// <exception cref="SimulationException">No operating point, a singular pencil, or a circuit without capacitor or
    /// inductor states; the message names the sweep value.</exception>
    public IReadOnlyList<HopfPoint> Run(Simulator simulator, Func<double, Solution, IReadOnlyList<Complex>, bool>? onPoint,
        CancellationToken cancellation = default, IProgress<AnalysisProgress>? progress = null) =>
        Run(simulator, onPoint, cancellation, progress, Sweep.PointCount());

    private IReadOnlyList<HopfPoint> Run(Simulator simulator, Func<double, Solution, IReadOnlyList<Complex>, bool>? onPoint,
        CancellationToken cancellation, IProgress<AnalysisProgress>? progress, double total)
    {
        var tracker = new HopfTracker();
        long count = 0;
        Eigenvalues(simulator, Sweep, (value, sol, eigenvalues) =>
        {
            if (eigenvalues.Count == 0)
                throw new SimulationException($"hopf analysis at {Sweep.Source}={value:G6}: the linearized circuit has no finite natural frequencies (no capacitor or inductor state): nothing to analyse",
                    "hopf analysis", null, value);
            tracker.Add(value, eigenvalues);
            bool go = onPoint?.Invoke(value, sol, eigenvalues) ?? true;
            if ((++count & (ProgressInterval - 1)) == 0) progress?.Report(new AnalysisProgress(Kind, count, total, count));
            return go;
        }, cancellation);
        return tracker.Points;
    }

    /// <summary>The sweep with the eigenvalues at each point (no check that there are any).</summary>
    internal static void Eigenvalues(Simulator simulator, DcSweepSpec sweep,
        Func<double, Solution, IReadOnlyList<Complex>, bool> onPoint, CancellationToken cancellation)
    {
        const string analysis = "hopf analysis";
        var system = simulator.System;
        // up to the dense limit every finite eigenvalue; above it the slowest modes by sparse shift-invert Arnoldi
        bool sparse = system.Size > PencilEigenvalues.MaxUnknowns;
        DcAnalysis.Sweep(simulator, new[] { sweep }, analysis, (values, sol) =>
        {
            Complex[] eigenvalues;
            try
            {
                if (sparse) eigenvalues = SparsePencilEigenvalues.AtPoint(system, sol.X);
                else
                {
                    var (g, c) = system.DenseJacobians(sol.X);
                    eigenvalues = PencilEigenvalues.Finite(g, c);
                }
            }
            catch (SimulationException e)
            {
                throw new SimulationException($"hopf analysis at {sweep.Source}={values[0]:G6}: {e.Message}", analysis, null, values[0], null, e);
            }
            return onPoint(values[0], sol, eigenvalues);
        }, cancellation);
    }

    /// <summary>Two tables: the sweep (swept value, re and im of the rightmost eigenvalue, the probes) and its Hopf
    /// points (<c>hopf-points</c>: swept value, frequency, omega, direction).</summary>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var table = output.AddTable(Kind, "", "Stability (Hopf) sweep");
        string source = Sweep.Source.ToLowerInvariant();
        var type = DcAnalysis.SourceType(simulator, Sweep.Source);
        var sweep = table.AddColumn(source, type);
        var re = table.AddColumn("re(lambda)", QuantityType.None);
        var im = table.AddColumn("im(lambda)", QuantityType.None);
        var columns = new ProbeColumns(table, output, simulator.System, "hopf analysis");
        double total = Sweep.Values().Length;
        var points = Run(simulator, (value, sol, eigenvalues) =>
        {
            var right = PencilEigenvalues.Rightmost(eigenvalues);
            sweep(value);
            re(right.Real);
            im(right.Imaginary);
            columns.Add(sol, sweepValue: value);
            return true;
        }, cancellation, progress, total);
        var hopfPoints = output.AddTable("hopf-points", "-points", "Hopf points");
        var pSweep = hopfPoints.AddColumn(source, type);
        var pFrequency = hopfPoints.AddColumn("frequency", QuantityType.Frequency);
        var pOmega = hopfPoints.AddColumn("omega", QuantityType.None);
        var pDirection = hopfPoints.AddColumn("direction", QuantityType.None);
        foreach (var p in points)
        {
            pSweep(p.Value);
            pFrequency(p.Frequency);
            pOmega(p.Omega);
            pDirection(p.Direction);
        }
    }
}
