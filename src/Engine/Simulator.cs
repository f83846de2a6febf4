using System.Numerics;
using Perovspice.Engine.Analysis;
using Perovspice.Engine.Sparse;

namespace Perovspice.Engine;

/// <summary>
/// Runs analyses on a circuit: operating point, dc sweep, transient, ac and the stability (hopf) sweep. All of them are generic over the
/// devices' F, Q, G and C.
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
        _newton = new NewtonSolver(System, Options);
        _dc = new DcSolver(System, Options, _newton);
    }

    /// <summary>The options in force.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The compiled system (unknowns, node lookup).</summary>
    public CircuitSystem System { get; }

    /// <summary>Initial node voltages (.ic): held during the transient's operating point, or the start values
    /// with uic.</summary>
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Computes the dc operating point.</summary>
    public Solution OperatingPoint()
    {
        var x = new double[System.Size + 1];
        _dc.Solve(x, "operating point");
        var s = new Solution(System);
        Array.Copy(x, s.X, x.Length);
        return s;
    }

    /// <summary>Sweeps one or two sources (the first varies fastest); <paramref name="onPoint"/> receives the
    /// swept values and the solution at each point.</summary>
    public void DcSweep(IReadOnlyList<DcSweepSpec> sweeps, Action<double[], Solution> onPoint) =>
        Sweep(sweeps, onPoint, "dc sweep");

    /// <summary>
    /// Stability sweep (<c>.hopf</c>): sweeps one source as <see cref="DcSweep"/> does (each operating point continued
    /// from the previous one) and at each point linearizes the circuit and computes the finite eigenvalues λ of the
    /// pencil (G + λC) v = 0 — its natural frequencies, in 1/s (<see cref="PencilEigenvalues"/>). The operating point is
    /// stable when every λ has a negative real part. Feed the eigenvalues to a <see cref="HopfTracker"/> to locate
    /// Hopf bifurcations.
    /// </summary>
    /// <param name="sweep">The swept source and its values.</param>
    /// <param name="onPoint">Receives the swept value, the operating point and its finite eigenvalues (complex pairs
    /// both listed, unordered); the solution is reused between points.</param>
    /// <remarks>Up to <see cref="PencilEigenvalues.MaxUnknowns"/> unknowns every finite eigenvalue is computed (dense);
    /// above, the 12 nearest zero (the slowest modes, <see cref="SparsePencilEigenvalues.AtPoint"/>).</remarks>
    /// <exception cref="SimulationException">No operating point, or a singular pencil; the message names the sweep
    /// value.</exception>
    public void Hopf(DcSweepSpec sweep, Action<double, Solution, IReadOnlyList<Complex>> onPoint)
    {
        Sweep(new[] { sweep }, (values, sol) =>
        {
            bool sparse = System.Size > PencilEigenvalues.MaxUnknowns; // above the dense limit: the slowest modes only
            var (g, c) = sparse ? (new double[0, 0], new double[0, 0]) : System.DenseJacobians(sol.X);
            Complex[] eigenvalues;
            try { eigenvalues = sparse ? SparsePencilEigenvalues.AtPoint(System, sol.X) : PencilEigenvalues.Finite(g, c); }
            catch (SimulationException e) { throw new SimulationException($"hopf analysis at {sweep.Source}={values[0]:G6}: {e.Message}"); }
            onPoint(values[0], sol, eigenvalues);
        }, "hopf analysis");
    }

    private void Sweep(IReadOnlyList<DcSweepSpec> sweeps, Action<double[], Solution> onPoint, string analysis)
    {
        if (sweeps.Count is < 1 or > 2) throw new ArgumentException("a dc sweep has one or two sources");
        var sources = sweeps.Select(s => FindSource(s.Source)).ToArray();
        double count = sweeps.Aggregate(1.0, (n, s) => n * s.PointCount());
        if (count > Options.MaxPoints)
            throw new SimulationException($"{analysis}: {count:G3} points, more than the limit of {Options.MaxPoints}");
        var saved = sources.Select(s => s.DcValue).ToArray();
        var inner = sweeps[0].Values();
        var outer = sweeps.Count == 2 ? sweeps[1].Values() : new[] { double.NaN };
        var x = new double[System.Size + 1];
        var sol = new Solution(System);
        try
        {
            bool first = true;
            foreach (double vo in outer)
            {
                if (sweeps.Count == 2) sources[1].DcValue = vo;
                foreach (double vi in inner)
                {
                    Options.Cancellation.ThrowIfCancellationRequested();
                    sources[0].DcValue = vi;
                    string where = sweeps.Count == 2
                        ? $"{analysis} at {sweeps[0].Source}={vi:G6}, {sweeps[1].Source}={vo:G6}"
                        : $"{analysis} at {sweeps[0].Source}={vi:G6}";
                    if (first) _dc.Solve(x, where);
                    else
                    {
                        // Continuation from the previous point; fall back to a fresh start with homotopy.
                        try { _dc.Solve(x, where); }
                        catch (SimulationException)
                        {
                            Array.Clear(x);
                            _dc.Solve(x, where);
                        }
                    }
                    first = false;
                    Array.Copy(x, sol.X, x.Length);
                    onPoint(sweeps.Count == 2 ? new[] { vi, vo } : new[] { vi }, sol);
                }
            }
        }
        finally
        {
            for (int i = 0; i < sources.Length; i++) sources[i].DcValue = saved[i];
        }
    }

    /// <summary>Runs a small-signal ac sweep around the dc operating point.</summary>
    public void Ac(AcSpec spec, Action<AcSolution> onPoint)
    {
        if (spec.PointCount() > Options.MaxPoints)
            throw new SimulationException($"ac analysis: {spec.PointCount():G3} points, more than the limit of {Options.MaxPoints}");
        var op = OperatingPoint().X;
        System.Load.Static = false;
        System.Evaluate(op);
        var ctx = System.Load;
        var g = (double[])ctx.G.Clone();
        var c = (double[])ctx.C.Clone();
        var excitation = new Complex[System.Size + 1];
        foreach (var d in System.Circuit.Devices) d.LoadAcExcitation(excitation);
        var lu = LinearSolverFactory.CreateComplex(System.Pattern);
        var j = new Complex[g.Length];
        var sol = new AcSolution(System, op);
        foreach (double f in spec.Frequencies())
        {
            Options.Cancellation.ThrowIfCancellationRequested();
            double w = 2 * Math.PI * f;
            for (int s = 0; s < j.Length; s++) j[s] = new Complex(g[s], w * c[s]);
            foreach (var d in System.Circuit.Devices) d.LoadAc(w, j);
            Array.Copy(excitation, sol.X, excitation.Length);
            try
            {
                lu.Factor(j);
            }
            catch (SingularMatrixException e)
            {
                throw new SimulationException($"ac analysis at {f:G6} Hz: singular matrix at {_newton.Describe(e.Unknown)}");
            }
            lu.Solve(sol.X);
            for (int i = 1; i <= System.Size; i++)
                if (!double.IsFinite(sol.X[i].Real) || !double.IsFinite(sol.X[i].Imaginary))
                    throw new SimulationException($"ac analysis at {f:G6} Hz: non-finite value at {_newton.Describe(i)}");
            sol.Frequency = f;
            onPoint(sol);
        }
    }

    /// <summary>Runs a transient analysis; <paramref name="onPoint"/> receives every accepted time point at or
    /// after tstart (the first at t = 0 or tstart, the last exactly at tstop).</summary>
    public void Transient(TransientSpec spec, Action<Solution> onPoint) =>
        new TransientRunner(this, System, Options, _newton, _dc).Run(spec, onPoint);

    internal IDcSource FindSource(string name) =>
        System.Circuit.Find(name) as IDcSource
        ?? throw new ArgumentException($"'{name}' is not an independent source");
}
