using Perovspice.Engine.Analysis;

namespace Perovspice.Engine;

/// <summary>
/// A dc sweep (<c>.dc</c>) of one or two independent sources (the first varies fastest). Each point continues from
/// the previous one; a point that fails so is retried from zero with gmin and source stepping. Either sweep may be
/// the circuit temperature (<see cref="Temperature"/>, as ngspice's <c>.dc temp …</c>): devices take their
/// temperature when they are made, so each temperature solves a circuit made for it by the
/// <c>circuitAtTemperature</c> function given to the constructor. The same holds for any sweep that is not a source
/// of the circuit (ngspice's <c>.dc R1 …</c>, a resistor's value): each of its values solves the circuit made for it
/// (<see cref="DcAnalysis(IReadOnlyList{DcSweepSpec}, int, Func{double, Circuit})"/>).
/// </summary>
public sealed class DcAnalysis : SimulationAnalysis
{
    /// <summary>Creates the sweep.</summary>
    /// <param name="sweeps">One or two swept sources.</param>
    /// <param name="circuitAtTemperature">Makes the circuit at a temperature (°C); needed when a sweep is
    /// <see cref="Temperature"/>. It may throw <see cref="SimulationException"/> for a temperature it cannot make.</param>
    /// <exception cref="ArgumentException">Not one or two sweeps, both sweeps the temperature, or a temperature sweep
    /// without <paramref name="circuitAtTemperature"/>.</exception>
    public DcAnalysis(IReadOnlyList<DcSweepSpec> sweeps, Func<double, Circuit>? circuitAtTemperature = null)
    {
        if (sweeps.Count is < 1 or > 2) throw new ArgumentException("a dc sweep has one or two sources");
        Sweeps = sweeps.ToArray();
        int temps = Sweeps.Count(IsTemperature);
        if (temps > 1) throw new ArgumentException("a dc sweep sweeps the temperature at most once");
        if (temps == 1 && circuitAtTemperature is null)
            throw new ArgumentException("a temperature sweep needs a function making the circuit at a temperature");
        _circuitAt = temps == 1 ? circuitAtTemperature : null;
        _rebuilt = temps == 1 ? (IsTemperature(Sweeps[0]) ? 0 : 1) : -1;
    }

    /// <summary>Creates a sweep one of whose variables is not a source of the circuit but changes the circuit itself
    /// (the temperature, or an element's value such as ngspice's <c>.dc R1 1k 10k 1k</c>): each of its values solves
    /// the circuit <paramref name="circuitAt"/> makes for it (made once per value; the other sweep, if any, is a
    /// source set on that circuit).</summary>
    /// <param name="sweeps">One or two sweeps, the first varying fastest.</param>
    /// <param name="rebuiltSweep">The index (0 or 1) of the sweep whose values need their own circuit.</param>
    /// <param name="circuitAt">Makes the circuit for a value of that sweep. It may throw
    /// <see cref="SimulationException"/> for a value it cannot make.</param>
    /// <exception cref="ArgumentException">Not one or two sweeps, or <paramref name="rebuiltSweep"/> out of range.</exception>
    public DcAnalysis(IReadOnlyList<DcSweepSpec> sweeps, int rebuiltSweep, Func<double, Circuit> circuitAt)
    {
        if (sweeps.Count is < 1 or > 2) throw new ArgumentException("a dc sweep has one or two sources");
        if (rebuiltSweep < 0 || rebuiltSweep >= sweeps.Count) throw new ArgumentException("the rebuilt sweep's index is out of range");
        Sweeps = sweeps.ToArray();
        _rebuilt = rebuiltSweep;
        _circuitAt = circuitAt ?? throw new ArgumentNullException(nameof(circuitAt));
    }

    /// <summary>The name of the swept "source" that is the circuit temperature in °C (ngspice's <c>temp</c>); it is
    /// also the name of its column.</summary>
    public const string Temperature = "temp";

    private readonly Func<double, Circuit>? _circuitAt;
    private readonly int _rebuilt = -1;

    /// <summary>Whether <paramref name="sweep"/> sweeps the circuit temperature.</summary>
    public static bool IsTemperature(DcSweepSpec sweep) => string.Equals(sweep.Source, Temperature, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates a sweep of one source.</summary>
    public DcAnalysis(DcSweepSpec sweep) : this(new[] { sweep }) { }

    /// <summary>The swept sources, the fastest first.</summary>
    public IReadOnlyList<DcSweepSpec> Sweeps { get; }

    /// <inheritdoc/>
    public override string Kind => "dc";

    /// <summary>Runs the sweep; the sources get their own values back at the end.</summary>
    /// <param name="simulator">The simulator of the circuit (of a temperature sweep: whose options it uses; the
    /// solutions are of the circuits made for each temperature).</param>
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
        bool Each(double[] values, Solution sol)
        {
            bool go = onPoint(values, sol);
            progress?.Report(new AnalysisProgress(Kind, values[0], last, ++count));
            return go;
        }
        if (_circuitAt is null) Sweep(simulator, Sweeps, "dc sweep", Each, cancellation);
        else RebuiltSweep(simulator, Sweeps, "dc sweep", Each, cancellation);
    }

    /// <inheritdoc/>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var table = output.AddTable(Kind, "", "DC transfer characteristic");
        var sweepColumns = Sweeps.Select(s => table.AddColumn(s.Source.ToLowerInvariant(), SweepType(simulator, s))).ToArray();
        if (_circuitAt is not null)
        {
            TabulateRebuilt(simulator, output, table, sweepColumns, cancellation, progress);
            return;
        }
        var columns = new ProbeColumns(table, output, simulator.System, "dc sweep");
        Run(simulator, (values, sol) =>
        {
            for (int k = 0; k < values.Length; k++) sweepColumns[k](values[k]);
            columns.Add(sol, sweepValue: values[0]);
            output.Observe(values[0], sol);
            return true;
        }, cancellation, progress);
    }

    /// <summary>Tabulates a sweep with a rebuilt variable: every value has its own circuit, so the probes are resolved
    /// again for each one (a device quantity reads that circuit's device).</summary>
    private void TabulateRebuilt(Simulator simulator, IAnalysisOutput output, IResultTableWriter table,
        Action<double>[] sweepColumns, CancellationToken cancellation, IProgress<AnalysisProgress>? progress)
    {
        var appenders = output.Probes.Select(p =>
        {
            var (vector, type) = p.RealRawName;
            return table.AddColumn(p.Text, vector, type);
        }).ToArray();
        CircuitSystem? system = null;
        Func<Solution, double>[] readers = Array.Empty<Func<Solution, double>>();
        Run(simulator, (values, sol) =>
        {
            if (!ReferenceEquals(system, sol.System))
            {
                system = sol.System;
                readers = output.Probes.Select(p => p.RealReader(sol.System)).ToArray();
            }
            for (int k = 0; k < values.Length; k++) sweepColumns[k](values[k]);
            for (int k = 0; k < readers.Length; k++)
            {
                double v = readers[k](sol);
                if (!double.IsFinite(v))
                    throw new NonFiniteValueException($"non-finite value of '{output.Probes[k].Text}'", "dc sweep", null, values[0], output.Probes[k].Text);
                appenders[k](v);
            }
            output.Observe(values[0], sol);
            return true;
        }, cancellation, progress);
    }

    /// <summary>The type of a swept value: the temperature and element values have none; a current for a source
    /// without a branch (a current source), else a voltage.</summary>
    private QuantityType SweepType(Simulator simulator, DcSweepSpec sweep) =>
        IsTemperature(sweep) || (_rebuilt >= 0 && ReferenceEquals(sweep, Sweeps[_rebuilt])) ? QuantityType.None
            : SourceType(simulator, sweep.Source);

    /// <summary>The type of a swept source's values: a current for a source without a branch (a current source).</summary>
    internal static QuantityType SourceType(Simulator simulator, string source) =>
        simulator.System.Circuit.Find(source) is { BranchIndex: 0 } ? QuantityType.Current : QuantityType.Voltage;

    /// <summary>
    /// The sweep when one of the sweeps changes the circuit (the temperature, an element's value): a simulator per
    /// value (made once, kept for the sweep), the other sweep's source set on it. Each point continues from the
    /// previous one, as <see cref="Sweep"/> does, and a point that fails so is retried from zero.
    /// </summary>
    private void RebuiltSweep(Simulator simulator, IReadOnlyList<DcSweepSpec> sweeps, string analysis,
        Func<double[], Solution, bool> onPoint, CancellationToken cancellation)
    {
        var options = simulator.Options;
        double count = sweeps.Aggregate(1.0, (n, s) => n * s.PointCount());
        if (count > options.MaxPoints)
            throw new SimulationLimitException($"{analysis}: {count:G3} points, more than the limit of {options.MaxPoints}", analysis);
        using var linked = new LinkedCancellation(options.Cancellation, cancellation);
        var token = linked.Token;
        int t = _rebuilt;
        var inner = sweeps[0].Values();
        var outer = sweeps.Count == 2 ? sweeps[1].Values() : new[] { double.NaN };
        var simulators = new Dictionary<double, (Simulator Sim, IDcSource? Source, Solution Sol)>();
        double[]? x = null;
        bool first = true;
        foreach (double vo in outer)
            foreach (double vi in inner)
            {
                token.ThrowIfCancellationRequested();
                double value = t == 0 ? vi : vo;
                string where = sweeps.Count == 2
                    ? $"{analysis} at {sweeps[0].Source}={vi:G6}, {sweeps[1].Source}={vo:G6}"
                    : $"{analysis} at {sweeps[0].Source}={vi:G6}";
                if (!simulators.TryGetValue(value, out var at))
                {
                    Circuit circuit;
                    try { circuit = _circuitAt!(value); }
                    catch (SimulationException e) { throw new SimulationException($"{where}: {e.Message}", analysis, sweepValue: vi, inner: e); }
                    var sim = new Simulator(circuit, options);
                    at = (sim, sweeps.Count == 2 ? sim.FindSource(sweeps[1 - t].Source) : null, new Solution(sim.System));
                    // a sweep of the rebuilt variable alone needs each circuit once: keep none
                    if (sweeps.Count == 2) simulators[value] = at;
                }
                if (at.Source is not null) at.Source.DcValue = t == 0 ? vo : vi;
                if (x is null || x.Length != at.Sim.System.Size + 1) { x = new double[at.Sim.System.Size + 1]; first = true; }
                var point = new FailurePoint(where, analysis, SweepValue: vi);
                if (first) at.Sim.Dc.Solve(x, point, token);
                else
                {
                    try { at.Sim.Dc.Solve(x, point, token); }
                    catch (SimulationException)
                    {
                        Array.Clear(x);
                        at.Sim.Dc.Solve(x, point, token);
                    }
                }
                first = false;
                Array.Copy(x, at.Sol.X, x.Length);
                if (!onPoint(sweeps.Count == 2 ? new[] { vi, vo } : new[] { vi }, at.Sol)) return;
            }
    }

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
