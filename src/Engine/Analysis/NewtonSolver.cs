using Perovspice.Engine.Sparse;
using SparseSingular = Perovspice.Engine.Sparse.SingularMatrixException;

namespace Perovspice.Engine.Analysis;

/// <summary>
/// Newton–Raphson on the discretised DAE: J Δx = −r with J = G + a0·C (+ gmin on node diagonals) and
/// r = F + a0·Q + history. Convergence as SPICE: every |Δx_i| ≤ reltol·max(|x_i|, |x_i'|) + abstol(kind_i),
/// and no device limited its step in the last iteration. A device that throws <see cref="SimulationException"/>
/// while loading fails the solve with the device's message as <see cref="Failure"/>. Each solve is configured by an
/// immutable <see cref="NewtonRequest"/>; the solver keeps only its factorization between solves.
/// </summary>
internal sealed class NewtonSolver
{
    private const double ForceConductance = 1e10;
    private readonly CircuitSystem _sys;
    private readonly SimulationOptions _opt;
    private readonly ILinearSolver<double> _lu;
    private readonly double[] _j;
    private readonly double[] _dx;
    private readonly double[] _absTol;
    private readonly bool[] _isNode;

    public NewtonSolver(CircuitSystem sys, SimulationOptions opt)
    {
        _sys = sys;
        _opt = opt;
        _lu = LinearSolverFactory.CreateReal(sys.Pattern);
        _j = new double[sys.Pattern.SlotCount + 1];
        _dx = new double[sys.Size + 1];
        _absTol = new double[sys.Size + 1];
        _isNode = new bool[sys.Size + 1];
        foreach (var u in sys.Unknowns)
        {
            _absTol[u.Index] = opt.AbsoluteTolerance(u.Kind);
            _isNode[u.Index] = u.Kind == UnknownKind.Voltage;
        }
    }

    /// <summary>The counters of this solver's work and of the transient runs that use it (<c>.options acct</c>).</summary>
    internal SolverStatistics Statistics { get; } = new();

    /// <summary>Numeric factorizations of the Jacobian so far (all solves).</summary>
    public long Factorizations { get; private set; }
    /// <summary>Iterations used by the last solve.</summary>
    public int Iterations { get; private set; }
    /// <summary>Unknown with the largest weighted step in the last iteration (for error messages).</summary>
    public int WorstUnknown { get; private set; }
    /// <summary>Reason of the last failure, or null.</summary>
    public string? Failure { get; private set; }
    /// <summary>What kind of failure the last one was (<see cref="NewtonFailure.None"/> after a success).</summary>
    public NewtonFailure FailureKind { get; private set; }

    /// <summary>The name of the unknown the last failure involved ("out", "v1#branch"), or null.</summary>
    public string? FailureUnknown => FailureKind is NewtonFailure.None or NewtonFailure.Device ? null : NameOf(WorstUnknown);

    /// <summary>The name of unknown <paramref name="index"/>, or null for ground or an index out of range.</summary>
    public string? NameOf(int index) => index <= 0 || index > _sys.Size ? null : _sys.Unknowns[index - 1].Name;

    /// <summary>Iterates from <paramref name="x"/> (updated in place) as <paramref name="request"/> says. Returns
    /// true when converged; else <see cref="Failure"/> and <see cref="FailureKind"/> say why.</summary>
    public bool Solve(double[] x, NewtonRequest request)
    {
        Failure = null;
        FailureKind = NewtonFailure.None;
        var ctx = _sys.Load;
        int n = _sys.Size;
        double a0 = request.A0, diagonalGmin = request.DiagonalGmin;
        var history = request.History;
        var forced = request.Forced;
        int maxIterations = request.MaxIterations;
        bool fromScratch = a0 == 0 && Array.TrueForAll(x, v => v == 0);
        double worstBefore = double.PositiveInfinity, worstLast = double.PositiveInfinity;
        bool limitedLast = false;
        // modified Newton across solves (see NewtonRequest.ReuseJacobianAcrossSolves); freshInSolve: the
        // factorization in use was made by this solve
        bool staleMode = request.ReuseJacobianAcrossSolves && _staleWorthwhile && !_sys.IsLinear;
        bool freshInSolve = false;
        for (int iter = 1; iter <= maxIterations; iter++)
        {
            request.Cancellation.ThrowIfCancellationRequested();
            Iterations = iter;
            Statistics.NewtonIterations++;
            ctx.FirstIteration = iter == 1;
            ctx.InitJunctions = iter == 1 && fromScratch;
            ctx.Static = a0 == 0 && history is null;
            try
            {
                _sys.Evaluate(x);
            }
            catch (SimulationException e)
            {
                // A device that cannot be evaluated at this iterate (a behavioural expression outside its
                // domain) fails this solve; homotopy or a smaller time step may still get past it.
                ctx.InitJunctions = false;
                WorstUnknown = 0;
                Failure = e.Message;
                FailureKind = NewtonFailure.Device;
                return false;
            }
            ctx.InitJunctions = false;
            // A linear circuit's G and C do not change: while a0, gmin and the forced rows stay the same the
            // factorization of J can be reused and only the right-hand side is new.
            bool sameMatrix = _factored && a0 == _factoredA0 && diagonalGmin == _factoredGmin
                              && forced.Count == 0 && _factoredForced == 0;
            // A nonlinear circuit may take a chord step with the Jacobian of an earlier iterate of this solve:
            // on the second iteration, or while the last step shrank the update at least threefold.
            bool chord = request.ReuseJacobianWithinSolve && iter > 1 && !limitedLast
                         && (iter == 2 || worstLast <= 0.3 * worstBefore);
            bool reuse = sameMatrix && (_sys.IsLinear || chord);
            // A large nonlinear circuit may also keep the factorization of an earlier time point (modified Newton):
            // on the first iteration while a0 is within 30 % of the factored one, then while the update contracts
            // at least twofold, up to StaleIterationLimit; otherwise this iterate's Jacobian is factored and
            // Newton goes on as usual (so a stale Jacobian never turns into a failed time point).
            if (!reuse && staleMode && !freshInSolve && _factored && !limitedLast && iter <= StaleIterationLimit(maxIterations)
                && diagonalGmin == _factoredGmin && forced.Count == 0 && _factoredForced == 0
                && (iter == 1 ? _factoredA0 > 0 && Math.Abs(a0 / _factoredA0 - 1) <= 0.3
                              : iter == 2 || worstLast <= 0.5 * worstBefore))
                reuse = true;
            AssembleRhs(x, a0, history, diagonalGmin, forced);
            try
            {
                if (!reuse)
                {
                    _factored = false;
                    AssembleMatrix(a0, diagonalGmin, forced);
                    _lu.Factor(_j);
                    // refactoring costs ≥ 10 solves on ≥ 2000 unknowns: decided once per pivot order (counting the
                    // multiply-adds walks the whole factor)
                    if (_sys.Size >= 2000 && _lu is RealSparseSolver rs && rs.ReorderCount != _worthwhileOrder)
                    {
                        _worthwhileOrder = rs.ReorderCount;
                        _staleWorthwhile = rs.RefactorMultiplyAdds >= 10L * rs.FactorNonZeros;
                    }
                    freshInSolve = true;
                    Factorizations++;
                    Statistics.Factorizations++;
                    _factored = true;
                    _factoredA0 = a0;
                    _factoredGmin = diagonalGmin;
                    _factoredForced = forced.Count;
                }
            }
            catch (SparseSingular e)
            {
                WorstUnknown = e.Unknown;
                Failure = $"singular matrix at {Describe(e.Unknown)}";
                FailureKind = NewtonFailure.Singular;
                return false;
            }
            _lu.Solve(_dx);
            Statistics.Solves++;
            // A linear system is solved exactly by one Newton step.
            bool oneShot = iter == 1 && _sys.IsLinear && !ctx.Limited;
            double worst = VectorLoops.NewtonUpdate(x, _dx, _absTol, n, _opt.RelTol, out int worstAt);
            WorstUnknown = worstAt;
            if (double.IsNaN(worst))
            {
                Failure = $"non-finite value at {Describe(worstAt)}";
                FailureKind = NewtonFailure.NonFinite;
                return false;
            }
            bool converged = iter > 1 && !(worst > 1);
            if (ctx.Limited) converged = false;
            // With a stale Jacobian the iteration converges only linearly, so a point is accepted only when the last
            // update is below StaleTolerance of the tolerance and contracted at least twofold (the remaining error
            // is then below the last update), or the update is negligible (1e-3 of the tolerance).
            if (converged && staleMode && !freshInSolve && worst > 1e-3 && (worst > StaleTolerance || worst > 0.5 * worstLast))
                converged = false;
            if (converged || oneShot) return true;
            worstBefore = worstLast;
            worstLast = worst;
            limitedLast = ctx.Limited;
        }
        Failure = $"no convergence in {maxIterations} iterations; worst {Describe(WorstUnknown)}";
        FailureKind = NewtonFailure.NoConvergence;
        return false;
    }

    /// <summary>Names an unknown for messages: "node 'out'", "branch current of 'v1'", ...</summary>
    public string Describe(int index)
    {
        if (index <= 0 || index > _sys.Size) return "an unknown";
        var u = _sys.Unknowns[index - 1];
        return u.Kind switch
        {
            UnknownKind.Voltage => $"node '{u.Name}'",
            UnknownKind.Current => $"current '{u.Name}'",
            _ => $"state '{u.Name}'",
        };
    }

    private bool _factored, _staleWorthwhile;
    private int _worthwhileOrder = -1;   // the pivot order (ReorderCount) _staleWorthwhile was decided for
    /// <summary>With a stale Jacobian, the largest last update (as a fraction of the Newton tolerance) accepted as
    /// converged. 0.01 keeps the crossbar benchmark's results within 0.002 % of range of full Newton's (1 allowed
    /// 0.03 %).</summary>
    private const double StaleTolerance = 0.01;

    /// <summary>The last iteration that may still use a stale factorization: all but three of the limit (at least half
    /// of it), so that a fresh factorization always has three iterations left. Half of itl4 = 10 cut off slow but
    /// steady contractions just before they converged (a 32×32 crossbar: 5 % of its factorizations).</summary>
    private static int StaleIterationLimit(int maxIterations) => Math.Max(maxIterations / 2, maxIterations - 3);
    private double _factoredA0, _factoredGmin;
    private int _factoredForced;

    private void AssembleMatrix(double a0, double diagonalGmin, IReadOnlyList<(int Index, double Value)> forced)
    {
        var ctx = _sys.Load;
        var g = ctx.G;
        var c = ctx.C;
        int slots = _j.Length;
        if (a0 == 0) Array.Copy(g, _j, slots);
        else for (int s = 0; s < slots; s++) _j[s] = g[s] + a0 * c[s];
        if (diagonalGmin > 0)
        {
            var diag = _sys.DiagonalSlots;
            for (int i = 1; i <= _sys.Size; i++)
                if (_isNode[i]) _j[diag[i]] += diagonalGmin;
        }
        foreach (var (index, _) in forced) _j[_sys.DiagonalSlots[index]] += ForceConductance;
    }

    private void AssembleRhs(double[] x, double a0, double[]? hist, double gmin,
        IReadOnlyList<(int Index, double Value)> forced)
    {
        var ctx = _sys.Load;
        int n = _sys.Size;
        var f = ctx.F;
        var q = ctx.Q;
        if (hist == null || a0 == 0)
            for (int i = 1; i <= n; i++) _dx[i] = -f[i];
        else
            VectorLoops.NegResidual(_dx, f, a0, q, hist, n + 1);

        if (gmin > 0)
            for (int i = 1; i <= n; i++)
                if (_isNode[i]) _dx[i] -= gmin * x[i];
        foreach (var (index, value) in forced) _dx[index] += ForceConductance * (value - x[index]);
        _dx[0] = 0;
    }
}

/// <summary>Why a Newton solve failed.</summary>
internal enum NewtonFailure
{
    /// <summary>It did not fail.</summary>
    None,
    /// <summary>A device could not be evaluated (its message is the failure).</summary>
    Device,
    /// <summary>The Jacobian was singular.</summary>
    Singular,
    /// <summary>An unknown became infinite or NaN.</summary>
    NonFinite,
    /// <summary>The iteration limit was reached.</summary>
    NoConvergence,
}

/// <summary>One Newton solve's settings (immutable: a caller derives variants with <c>with</c>).</summary>
/// <param name="MaxIterations">Iteration limit (itl1 in dc, itl4 at a time point).</param>
internal sealed record NewtonRequest(int MaxIterations)
{
    /// <summary>Coefficient of Q in the discretised derivative (0 in dc).</summary>
    public double A0 { get; init; }
    /// <summary>History part of the discretised derivative, by row (null in dc).</summary>
    public double[]? History { get; init; }
    /// <summary>Extra conductance from every node to ground (gmin stepping).</summary>
    public double DiagonalGmin { get; init; }
    /// <summary>Unknowns held at a value (.ic during the transient's operating point).</summary>
    public IReadOnlyList<(int Index, double Value)> Forced { get; init; } = Array.Empty<(int, double)>();
    /// <summary>
    /// Allows later iterations of one solve to reuse the Jacobian factored at an earlier iterate (a chord step)
    /// while the iteration contracts well; the residual and the convergence test stay exact, so only the cost
    /// changes. Used for transient time points, where the predictor starts close to the answer.
    /// </summary>
    public bool ReuseJacobianWithinSolve { get; init; }
    /// <summary>
    /// Allows a solve to start from the factorization of an earlier solve (a transient's previous time point) when
    /// the circuit is large enough for a refactorization to cost much more than a solve: modified Newton, accepted
    /// only while the update contracts at least twofold. The converged point meets the same test, so results differ
    /// from full Newton within the Newton tolerance.
    /// </summary>
    public bool ReuseJacobianAcrossSolves { get; init; }
    /// <summary>Checked once per iteration.</summary>
    public CancellationToken Cancellation { get; init; }
}
