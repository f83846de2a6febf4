using System.Numerics;
using Perovspice.Engine.Analysis;
using Perovspice.Engine.Sparse;
using SparseSingular = Perovspice.Engine.Sparse.SingularMatrixException;

namespace Perovspice.Engine;

/// <summary>A small-signal ac sweep (<c>.ac</c>) around the dc operating point: (G + jωC) x = excitation.</summary>
public sealed class AcAnalysis : SimulationAnalysis
{
    /// <summary>Creates the sweep.</summary>
    /// <param name="spec">Spacing, points and frequency range (or a list of frequencies).</param>
    public AcAnalysis(AcSpec spec) => Spec = spec;

    /// <summary>Creates the sweep from its parameters.</summary>
    /// <param name="kind">Decade, octave or linear spacing.</param>
    /// <param name="points">Points per decade or octave, or in total (linear).</param>
    /// <param name="start">First frequency, Hz.</param>
    /// <param name="stop">Last frequency, Hz.</param>
    public AcAnalysis(AcSweepKind kind, int points, double start, double stop) : this(new AcSpec(kind, points, start, stop)) { }

    /// <summary>The sweep.</summary>
    public AcSpec Spec { get; }

    /// <inheritdoc/>
    public override string Kind => "ac";

    /// <summary>Runs the sweep.</summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="onPoint">Receives each frequency's solution (reused between points: copy what you keep); returns
    /// false to stop the sweep there.</param>
    /// <param name="cancellation">Stops the run with <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives (ac, frequency, last frequency, points) after each point.</param>
    /// <exception cref="SimulationException">No operating point, or a singular matrix or non-finite value at a
    /// frequency (<see cref="SimulationException.SweepValue"/>), or too many points.</exception>
    public void Run(Simulator simulator, Func<AcSolution, bool> onPoint, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        const string analysis = "ac analysis";
        var options = simulator.Options;
        var system = simulator.System;
        if (Spec.PointCount() > options.MaxPoints)
            throw new SimulationLimitException($"ac analysis: {Spec.PointCount():G3} points, more than the limit of {options.MaxPoints}", analysis);
        using var linked = new LinkedCancellation(options.Cancellation, cancellation);
        var token = linked.Token;
        var op = new OperatingPointAnalysis().Run(simulator, token).X;
        system.Load.Static = false;
        system.Evaluate(op);
        var ctx = system.Load;
        var g = (double[])ctx.G.Clone();
        var c = (double[])ctx.C.Clone();
        var excitation = new Complex[system.Size + 1];
        foreach (var d in system.Circuit.Devices) d.LoadAcExcitation(excitation);
        var lu = LinearSolverFactory.CreateComplex(system.Pattern);
        var j = new Complex[g.Length];
        var sol = new AcSolution(system, op);
        var frequencies = Spec.Frequencies();
        double last = frequencies.Length > 0 ? frequencies[^1] : 0;
        long count = 0;
        foreach (double f in frequencies)
        {
            token.ThrowIfCancellationRequested();
            double w = 2 * Math.PI * f;
            for (int s = 0; s < j.Length; s++) j[s] = new Complex(g[s], w * c[s]);
            foreach (var d in system.Circuit.Devices) d.LoadAc(w, j);
            Array.Copy(excitation, sol.X, excitation.Length);
            try
            {
                lu.Factor(j);
            }
            catch (SparseSingular e)
            {
                throw new SingularMatrixException($"ac analysis at {f:G6} Hz: singular matrix at {simulator.Newton.Describe(e.Unknown)}",
                    analysis, null, f, simulator.Newton.NameOf(e.Unknown));
            }
            lu.Solve(sol.X);
            for (int i = 1; i <= system.Size; i++)
                if (!double.IsFinite(sol.X[i].Real) || !double.IsFinite(sol.X[i].Imaginary))
                    throw new NonFiniteValueException($"ac analysis at {f:G6} Hz: non-finite value at {simulator.Newton.Describe(i)}",
                        analysis, null, f, simulator.Newton.NameOf(i));
            sol.Frequency = f;
            if (!onPoint(sol)) return;
            progress?.Report(new AnalysisProgress(Kind, f, last, ++count));
        }
    }

    /// <inheritdoc/>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var table = output.AddTable(Kind, "", "AC Analysis");
        var frequency = table.AddColumnOnly("frequency");
        var frequencyVector = table.AddComplexVector("frequency", QuantityType.Frequency);
        var readers = new List<(Func<AcSolution, Complex> Read, List<(string Name, Action<double> Append, Func<Complex, double> Part)> Columns, Action<Complex>? Vector)>();
        var vectorNames = new HashSet<string>();
        foreach (var probe in output.Probes)
        {
            var columns = probe.AcColumns().Select(p => (p.Name, table.AddColumnOnly(p.Name), p.Part)).ToList();
            var (name, type) = probe.RawName;
            var vector = vectorNames.Add(name) ? table.AddComplexVector(name, type) : null;
            readers.Add((probe.AcReader(simulator.System), columns, vector));
        }
        Run(simulator, s =>
        {
            frequency(s.Frequency);
            frequencyVector(s.Frequency);
            output.Observe(s);
            foreach (var (read, columns, vector) in readers)
            {
                var z = read(s);
                foreach (var (name, append, part) in columns)
                {
                    double v = part(z);
                    if (!double.IsFinite(v))
                        throw new NonFiniteValueException($"ac analysis at {s.Frequency:G6} Hz: non-finite value of '{name}'",
                            "ac analysis", null, s.Frequency, name);
                    append(v);
                }
                vector?.Invoke(z);
            }
            return true;
        }, cancellation, progress);
    }
}
