namespace Perovspice.Engine.Analysis;

/// <summary>
/// Finds a dc operating point: plain Newton, then gmin stepping, then source stepping (as SPICE).
/// </summary>
internal sealed class DcSolver
{
    private readonly CircuitSystem _sys;
    private readonly SimulationOptions _opt;
    private readonly NewtonSolver _newton;

    public DcSolver(CircuitSystem sys, SimulationOptions opt, NewtonSolver newton)
    {
        _sys = sys;
        _opt = opt;
        _newton = newton;
    }

    /// <summary>Solves F(x) = 0 starting from <paramref name="x"/>; throws a <see cref="SimulationException"/>
    /// subclass with <paramref name="at"/>'s text in the message when every strategy fails.</summary>
    /// <param name="x">Start values, replaced by the solution.</param>
    /// <param name="at">Where this solve is, for the failure's message and properties.</param>
    /// <param name="cancellation">Checked at every Newton iteration.</param>
    /// <param name="mode">The analysis mode devices see.</param>
    /// <param name="allowHomotopy">False: plain Newton only.</param>
    /// <param name="forced">Unknowns held at a value (.ic during the transient's operating point), or null.</param>
    public void Solve(double[] x, FailurePoint at, CancellationToken cancellation, AnalysisMode mode = AnalysisMode.Dc,
        bool allowHomotopy = true, IReadOnlyList<(int Index, double Value)>? forced = null)
    {
        var ctx = _sys.Load;
        ctx.Mode = mode;
        ctx.Time = 0;
        ctx.Gmin = _opt.Gmin;
        ctx.SourceFactor = 1;
        var request = new NewtonRequest(_opt.Itl1) { Cancellation = cancellation };
        if (forced is not null) request = request with { Forced = forced };

        if (_opt.NodeSets.Count > 0 && Array.TrueForAll(x, v => v == 0)) StartFromNodeSets(x, request);
        var start = (double[])x.Clone();
        if (_newton.Solve(x, request)) return;
        string firstFailure = _newton.Failure ?? "no convergence";
        var kind = _newton.FailureKind;
        string? unknown = _newton.FailureUnknown;
        if (!allowHomotopy) throw at.Fail(firstFailure, kind, unknown);

        Array.Copy(start, x, x.Length);
        if (_opt.GminStepping && GminStepping(x, request)) return;
        Array.Copy(start, x, x.Length);
        if (_opt.SourceStepping && SourceStepping(x, request)) return;
        string tried = (_opt.GminStepping, _opt.SourceStepping) switch
        {
            (true, true) => "; gmin stepping and source stepping also failed",
            (true, false) => "; gmin stepping also failed",
            (false, true) => "; source stepping also failed",
            _ => "",
        };
        throw at.Fail(firstFailure + tried, kind, unknown);
    }

    /// <summary>
    /// .nodeset: Newton with the nodeset nodes held (as .ic holds its nodes, and not those .ic already holds); when it
    /// converges, its solution is the start of the free solve, else the start stays zero.
    /// </summary>
    private void StartFromNodeSets(double[] x, NewtonRequest request)
    {
        var held = new List<(int Index, double Value)>(request.Forced);
        foreach (var (node, value) in _opt.NodeSets)
        {
            if (!_sys.HasNode(node)) continue;
            int index = _sys.NodeIndex(node);
            if (index > 0 && !held.Exists(f => f.Index == index)) held.Add((index, value));
        }
        if (held.Count == request.Forced.Count) return;
        var trial = (double[])x.Clone();
        if (_newton.Solve(trial, request with { Forced = held })) Array.Copy(trial, x, x.Length);
    }

    private bool GminStepping(double[] x, NewtonRequest request)
    {
        double gmin = 1e-2;
        while (true)
        {
            if (!_newton.Solve(x, request with { DiagonalGmin = gmin })) return false;
            if (gmin <= _opt.Gmin) break;
            gmin = Math.Max(gmin / 10, _opt.Gmin);
        }
        return _newton.Solve(x, request);
    }

    private bool SourceStepping(double[] x, NewtonRequest request)
    {
        var ctx = _sys.Load;
        Array.Clear(x);
        double factor = 0, step = 0.1;
        var good = (double[])x.Clone();
        try
        {
            ctx.SourceFactor = 0;
            if (!_newton.Solve(x, request)) return false;
            Array.Copy(x, good, x.Length);
            while (factor < 1)
            {
                double next = Math.Min(1, factor + step);
                ctx.SourceFactor = next;
                if (_newton.Solve(x, request))
                {
                    factor = next;
                    Array.Copy(x, good, x.Length);
                    step = Math.Min(step * 1.5, 0.5);
                }
                else
                {
                    Array.Copy(good, x, x.Length);
                    step /= 4;
                    if (step < 1e-7) return false;
                }
            }
            return true;
        }
        finally
        {
            ctx.SourceFactor = 1;
        }
    }
}

/// <summary>Where a solve is, for its failure: the message prefix ("dc sweep at v1=0.5") and the facts the exception
/// carries.</summary>
/// <param name="Where">The message prefix.</param>
/// <param name="Analysis">The analysis name for <see cref="SimulationException.Analysis"/>.</param>
/// <param name="Time">Simulated time, or null.</param>
/// <param name="SweepValue">Swept value, or null.</param>
internal sealed record FailurePoint(string Where, string Analysis, double? Time = null, double? SweepValue = null)
{
    /// <summary>The typed exception for a Newton failure of <paramref name="kind"/>: "{Where}: {why}".</summary>
    public SimulationException Fail(string why, NewtonFailure kind, string? unknown)
    {
        string message = $"{Where}: {why}";
        return kind switch
        {
            NewtonFailure.Singular => new SingularMatrixException(message, Analysis, Time, SweepValue, unknown),
            NewtonFailure.NonFinite => new NonFiniteValueException(message, Analysis, Time, SweepValue, unknown),
            NewtonFailure.NoConvergence => new NoConvergenceException(message, Analysis, Time, SweepValue, unknown),
            _ => new SimulationException(message, Analysis, Time, SweepValue, unknown),
        };
    }
}
