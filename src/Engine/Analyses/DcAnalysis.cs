using Perovspice.Engine.Analysis;

namespace Perovspice.Engine;

/// <summary>
/// A dc sweep (<c>.dc</c>) of one or two independent sources (the first varies fastest). Each point continues from
/// the previous one; a point that fails so is retried from zero with gmin and source stepping.
/// </summary>
public sealed class DcAnalysis : SimulationAnalysis
{
    /// <summary>Creates the sweep.</summary>
    /// <param name="sweeps">One or two swept sources.</param>
    /// <exception cref="ArgumentException">Not one or two sweeps.</exception>
    public DcAnalysis(IReadOnlyList<DcSweepSpec> sweeps)
    {
        if (sweeps.Count is < 1 or > 2) throw new ArgumentException("a dc sweep has one or two sources");
        Sweeps = sweeps.ToArray();
    }

    /// <summary>Creates a sweep of one source.</summary>
    public DcAnalysis(DcSweepSpec sweep) : this(new[] { sweep }) { }

    /// <summary>The swept sources, the fastest first.</summary>
    public IReadOnlyList<DcSweepSpec> Sweeps { get; }

    /// <inheritdoc/>
    public override string Kind => "dc";

    /// <summary>Runs the sweep; the sources get their own values back at the end.</summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="onPoint">Receives the swept values (one per sweep, the fastest first) and the solution (both
    /// reused between points: copy what you keep); returns false to stop the sweep there.</param>
    /// <param name="cancellation">Stops the run with <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives (dc, first swept value, its last value, points done) after each point.</param>
    /// <exception cref="SimulationException">A point has no solution (<see cref="SimulationException.SweepValue"/>
    /// is the first source's value there), or more points than <see cref="SimulationOptions.MaxPoints"/>.</exception>
    public void Run(Simulator simulator, Func<double[], Solution, bool> onPoint, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        double last = Sweeps[0].Points is { Count: > 0 } list ? list[^1] : Sweeps[0].Stop;
        long count = 0;
        Sweep(simulator, Sweeps, "dc sweep", (values, sol) =>
        {
            bool go = onPoint(values, sol);
            progress?.Report(new AnalysisProgress(Kind, values[0], last, ++count));
            return go;
        }, cancellation);
    }

    /// <inheritdoc/>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var table = output.AddTable(Kind, "", "DC transfer characteristic");
        var sweepColumns = Sweeps.Select(s => table.AddColumn(s.Source.ToLowerInvariant(), SourceType(simulator, s.Source))).ToArray();
        var columns = new ProbeColumns(table, output, simulator.System, "dc sweep");
        Run(simulator, (values, sol) =>
        {
            for (int k = 0; k < values.Length; k++) sweepColumns[k](values[k]);
            columns.Add(sol, sweepValue: values[0]);
            output.Observe(values[0], sol);
            return true;
        }, cancellation, progress);
    }

    /// <summary>The type of a swept source's values: a current for a source without a branch (a current source).</summary>
    internal static QuantityType SourceType(Simulator simulator, string source) =>
        simulator.System.Circuit.Find(source) is { BranchIndex: 0 } ? QuantityType.Current : QuantityType.Voltage;

    /// <summary>The sweep shared by dc and hopf; <paramref name="analysis"/> names it in messages.</summary>
    internal static void Sweep(Simulator simulator, IReadOnlyList<DcSweepSpec> sweeps, string analysis,
        Func<double[], Solution, bool> onPoint, CancellationToken cancellation)
    {
        if (sweeps.Count is < 1 or > 2) throw new ArgumentException("a dc sweep has one or two sources");
        var options = simulator.Options;
        var system = simulator.System;
        var sources = sweeps.Select(s => simulator.FindSource(s.Source)).ToArray();
        double count = sweeps.Aggregate(1.0, (n, s) => n * s.PointCount());
        if (count > options.MaxPoints)
            throw new SimulationLimitException($"{analysis}: {count:G3} points, more than the limit of {options.MaxPoints}", analysis);
        using var linked = new LinkedCancellation(options.Cancellation, cancellation);
        var token = linked.Token;
        var saved = sources.Select(s => s.DcValue).ToArray();
        var inner = sweeps[0].Values();
        var outer = sweeps.Count == 2 ? sweeps[1].Values() : new[] { double.NaN };
        var x = new double[system.Size + 1];
        var sol = new Solution(system);
        try
        {
            bool first = true;
            foreach (double vo in outer)
            {
                if (sweeps.Count == 2) sources[1].DcValue = vo;
                foreach (double vi in inner)
                {
                    token.ThrowIfCancellationRequested();
                    sources[0].DcValue = vi;
                    string where = sweeps.Count == 2
                        ? $"{analysis} at {sweeps[0].Source}={vi:G6}, {sweeps[1].Source}={vo:G6}"
                        : $"{analysis} at {sweeps[0].Source}={vi:G6}";
                    var at = new FailurePoint(where, analysis, SweepValue: vi);
                    if (first) simulator.Dc.Solve(x, at, token);
                    else
                    {
                        // Continuation from the previous point; fall back to a fresh start with homotopy.
                        try { simulator.Dc.Solve(x, at, token); }
                        catch (SimulationException)
                        {
                            Array.Clear(x);
                            simulator.Dc.Solve(x, at, token);
                        }
                    }
                    first = false;
                    Array.Copy(x, sol.X, x.Length);
                    if (!onPoint(sweeps.Count == 2 ? new[] { vi, vo } : new[] { vi }, sol)) return;
                }
            }
        }
        finally
        {
            for (int i = 0; i < sources.Length; i++) sources[i].DcValue = saved[i];
        }
    }
}
