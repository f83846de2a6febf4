namespace Perovspice.Engine.Analysis;

/// <summary>
/// Variable-step transient integration of F(x, t) + dQ(x)/dt = 0. The derivative of Q is discretised per row
/// (trapezoidal, or Gear/BDF 1–2); the step is chosen from a predictor–corrector estimate of the local truncation
/// error weighted by each unknown's tolerance; steps land exactly on waveform breakpoints, after which the
/// integration restarts at order 1 with a short step (as SPICE).
/// </summary>
internal sealed class TransientRunner
{
    private readonly CircuitSystem _sys;
    private readonly SimulationOptions _opt;
    private readonly NewtonSolver _newton;
    private readonly DcSolver _dc;
    private readonly int _n;
    private readonly double[] _absTol;
    // Unknowns whose column of C = ∂Q/∂x has been nonzero: the differential variables. Only they carry a local
    // truncation error; the others (a voltage source's current, a resistive node) are algebraic and follow them
    // (index-1 DAE). Checking an algebraic current such as C·dv/dt through a source across a capacitor would demand
    // a smooth current at a waveform corner, which it never is.
    private readonly bool[] _differential;
    private readonly double[] _differentialMask;   // 1 where _differential, else 0 (for the SIMD error pass)

    // History: accepted points n, n-1, n-2 (index 0 is the newest).
    private readonly double[][] _xs;
    private readonly double[] _ts = new double[3];
    private double[] _qN, _qN1, _dqN, _xdotN;
    private double[] _qNew, _dqNew, _xdotNew;
    private readonly double[] _hist, _xHist, _xPred;

    public TransientRunner(CircuitSystem sys, SimulationOptions opt, NewtonSolver newton, DcSolver dc)
    {
        _sys = sys;
        _opt = opt;
        _newton = newton;
        _dc = dc;
        _n = sys.Size;
        int len = _n + 1;
        _xs = new[] { new double[len], new double[len], new double[len] };
        _qN = new double[len]; _qN1 = new double[len]; _dqN = new double[len]; _xdotN = new double[len];
        _qNew = new double[len]; _dqNew = new double[len]; _xdotNew = new double[len];
        _hist = new double[len]; _xHist = new double[len]; _xPred = new double[len];
        _absTol = new double[len];
        _differential = new bool[len];
        _differentialMask = new double[len];
        foreach (var u in sys.Unknowns)
            _absTol[u.Index] = u.Kind == UnknownKind.Rate ? double.PositiveInfinity : opt.AbsoluteTolerance(u.Kind);   // no LTE
    }

    /// <summary>Integrates from the operating point (or the initial conditions with uic) to tstop;
    /// <paramref name="onPoint"/> receives every accepted point at or after tstart and returns false to stop there.</summary>
    /// <param name="spec">Times and uic.</param>
    /// <param name="initialConditions">.ic node voltages (held during the operating point, or the start values with
    /// uic).</param>
    /// <param name="onPoint">Receives each point (its arrays are reused); false stops the run.</param>
    /// <param name="cancellation">Checked at every step and Newton iteration.</param>
    public void Run(TransientSpec spec, IEnumerable<KeyValuePair<string, double>> initialConditions,
        Func<Solution, bool> onPoint, CancellationToken cancellation)
    {
        if (!(spec.Stop > 0) || !(spec.Step > 0)) throw new ArgumentException("tran needs tstep > 0 and tstop > 0");
        var ctx = _sys.Load;
        // Time-invariant devices have no events and no per-point state: the per-point hooks skip them.
        var devices = _sys.Circuit.Devices.Where(d => !d.IsTimeInvariant).ToArray();
        double tstop = spec.Stop;
        double tmax = spec.EffectiveMaxStep;
        if (!(tmax > 0)) tmax = spec.Step;
        foreach (var d in _sys.Circuit.Devices) tmax = Math.Min(tmax, d.MaxTimeStep);
        tmax = Math.Min(tmax, tstop);   // a tmax beyond the stop time (.tran 1u 1e-308 0 0.1u) would make hmin exceed it
        double hmin = Math.Max(tmax * 1e-9, tstop * 1e-15);
        // No step exceeds tmax, so at least tstop/tmax points are needed: more than the limit fails now, not after
        // computing that many (`.tran 1f 80n` asks for 8e7 points).
        if (tstop / tmax > _opt.MaxPoints)
            throw new SimulationLimitException($"transient: the maximum step {tmax:G3} s needs at least {tstop / tmax:G3} time points " +
                $"to reach {tstop:G3} s, more than {_opt.MaxPoints} (the limit for this analysis)", Analysis);
        var breakpoints = CollectBreakpoints(spec with { MaxBreakpoints = _opt.MaxPoints }, hmin);
        if (breakpoints.Count > _opt.MaxPoints)
            throw new SimulationLimitException($"transient: the sources' waveforms have more than {_opt.MaxPoints} breakpoints before the stop time (the limit for this analysis)", Analysis);
        // A step that jumps over a device event (a switch threshold) is cut back to end this close after it.
        double eventTol = Math.Max(1e-4 * tmax, 10 * hmin);

        // Starting point: the operating point (with .ic nodes held) or, with uic, the given values.
        var x = new double[_n + 1];
        var forced = ForcedInitialConditions(initialConditions);
        if (spec.UseInitialConditions)
        {
            foreach (var (i, v) in forced) x[i] = v;
            ctx.UseInitialConditions = true;
        }
        else
        {
            _dc.Solve(x, new FailurePoint("transient operating point", Analysis, Time: 0), cancellation,
                AnalysisMode.Transient, forced: forced);
        }
        ctx.Mode = AnalysisMode.Transient;
        ctx.Time = 0;
        _sys.Evaluate(x);
        ctx.UseInitialConditions = false;
        ChargesAt(x, _qN); // Q at x (the load point itself) and the differential unknowns known so far
        Array.Clear(_dqN);
        Array.Clear(_xdotN);
        Array.Copy(x, _xs[0], x.Length);
        _ts[0] = 0;
        // Devices see the starting point; from here on they change state only at accepted points.
        _tpc.Reset(0, _xs[0], isBreakpoint: true, previousStartedSegment: false);
        foreach (var d in _sys.Circuit.Devices) d.AcceptTimePoint(_tpc);
        MergeBreakpoints(breakpoints, 0, hmin);
        bool segmentStart = true; // the last accepted point started an integration segment

        var sol = new Solution(_sys);
        if (!Emit(sol, 0, x, _xdotN, spec, onPoint)) return;

        double t = 0;
        double h = Math.Min(0.1 * Math.Min(spec.Step, tmax), 0.1 * (breakpoints[0] - t));
        int pointsSinceBreak = 1; // accepted points since the last breakpoint, that point included
        int order = 1;
        int maxOrder = _opt.Method == IntegrationMethod.Trapezoidal ? 2 : Math.Clamp(_opt.MaxOrder, 1, 2);
        int bpIndex = 0;
        var xNew = new double[_n + 1];
        long steps = 0;
        double stallFrom = 0;   // time of the last point that advanced one maximum step
        long stallPoints = 0;
        var stats = _newton.Statistics;
        string? failedSinceAccept = null; // the last Newton failure since the last accepted point, for messages
        double hBeforeEvent = 0; // the step proposed before an event cut it back (0: no cut since the last point)

        _stepRequest = new NewtonRequest(_opt.Itl4) { ReuseJacobianWithinSolve = true, ReuseJacobianAcrossSolves = _opt.ReuseFactorization, Cancellation = cancellation };
        ctx.TimeStepping = true;
        _linear = _sys.IsLinear ? new LinearTransientSolver(_sys, _newton.Statistics) : null;
        try
        {
        while (bpIndex < breakpoints.Count)
        {
            cancellation.ThrowIfCancellationRequested();
            double nextBp = breakpoints[bpIndex];
            double hTry = Math.Min(h, tmax);
            bool landing = false;
            if (t + hTry >= nextBp - hmin) { hTry = nextBp - t; landing = true; }
            else if (t + 2 * hTry > nextBp) hTry = (nextBp - t) / 2; // avoid a sliver before the breakpoint

            int p = Math.Min(order, pointsSinceBreak);
            double tNew = landing ? nextBp : t + hTry;
            // a step that no longer moves time (a stop time near the smallest double: .tran 1u 4.9e-324) ends the run
            if (!(tNew > t))
                throw TooSmall($"transient at t={t:G6}: time step too small ({hTry:G3} s): time does not advance", t, null);
            ctx.Mode = AnalysisMode.Transient;

            // The first step after a breakpoint has no history to predict from: its error is measured by
            // step doubling instead (one backward-Euler step of h against two of h/2).
            int predPoints = Math.Min(pointsSinceBreak, p + 1);
            bool doubling = predPoints < 2;
            if (doubling && !HalfSteps(t, hTry, _xPred))
            {
                stats.RejectedTimePoints++;
                h = hTry / 8;
                if (h < hmin)
                    throw TooSmall($"transient at t={tNew:G6}: time step too small ({h:G3} s); {_newton.Failure}", tNew, _newton.FailureUnknown);
                continue;
            }

            SetCoefficients(p, hTry, out double a0);
            var request = _stepRequest with { A0 = a0, History = _hist };
            ctx.Time = tNew;

            // Predictor: polynomial through the points since the last breakpoint.
            if (!doubling)
            {
                Predict(predPoints, tNew, xNew);
                Array.Copy(xNew, _xPred, xNew.Length);
            }
            else Array.Copy(_xPred, xNew, xNew.Length);
            var xPred = _xPred;

            _fastSolved = _linear != null && _linear.Solve(xNew, a0, _hist);
            if (!_fastSolved && !_newton.Solve(xNew, request))
            {
                stats.RejectedTimePoints++;
                failedSinceAccept = _newton.Failure;
                h = hTry / 8;
                order = 1;
                if (h < hmin)
                    throw TooSmall($"transient at t={tNew:G6}: time step too small ({h:G3} s); {_newton.Failure}", tNew, _newton.FailureUnknown);
                continue;
            }

            double hNext = hTry * 2;
            // With uic the starting point is not a solution (internal nodes and junctions at 0 while sources are
            // not), so the first step's "truncation error" is mostly the jump itself. It is checked as usual; only
            // when cutting it has brought it down to a few hmin (SPICE never checks it) is it accepted at that length.
            bool firstUicStep = spec.UseInitialConditions && steps == 0;
            if (predPoints >= 2 || doubling)
            {
                // Step doubling: the full step's error is about twice the difference (BE error ∝ h²).
                int pc = doubling ? 1 : predPoints - 1; // order whose error the estimate measures
                double r = doubling ? DoublingErrorRatio(xNew, xPred) : ErrorRatio(xNew, xPred, pc, p, hTry, tNew);
                double factor = r > 0 ? 0.9 * Math.Pow(r, -1.0 / (pc + 1)) : 2;
                if (r > 1)
                {
                    h = hTry * Math.Clamp(factor, 0.1, 0.9);
                    if (!(firstUicStep && h < 1e3 * hmin))
                    {
                        stats.RejectedTimePoints++;
                        if (h < hmin)
                            throw TooSmall($"transient at t={tNew:G6}: time step too small ({h:G3} s); truncation error at {_newton.Describe(_worstLte)}"
                                + (failedSinceAccept is null ? "" : $"; a longer step failed: {failedSinceAccept}"), tNew, _newton.NameOf(_worstLte));
                        continue;
                    }
                    hNext = hTry;
                }
                else hNext = hTry * Math.Clamp(factor, 0.5, 2);
            }

            // Device events (switch thresholds) inside the step: retry so that the step ends just after the
            // earliest one; the device changes state when that point is accepted.
            double tEvent = double.PositiveInfinity;
            for (int k = 0; k < devices.Length; k++) tEvent = Math.Min(tEvent, devices[k].FindEvent(t, _xs[0], tNew, xNew));
            if (tEvent < tNew - eventTol)
            {
                stats.RejectedTimePoints++;
                if (hBeforeEvent == 0) hBeforeEvent = hTry;
                h = Math.Max(tEvent - t, 0) + 0.5 * eventTol;
                continue;
            }

            // Accept.
            failedSinceAccept = null;
            Accept(xNew, a0, p, hTry);
            t = tNew;
            stats.AcceptedTimePoints++;
            if (++steps > _opt.MaxPoints)
                throw new SimulationLimitException($"transient at t={t:G6}: more than {_opt.MaxPoints} time points (the limit for this analysis)", Analysis, t);
            // a collapsed step: many points without time advancing by one maximum step
            if (t - stallFrom >= tmax) { stallFrom = t; stallPoints = 0; }
            else if (++stallPoints > _opt.MaxStallPoints)
                throw TooSmall($"transient at t={t:G6}: time step too small ({hTry:G3} s): {_opt.MaxStallPoints} time points " +
                               $"without advancing {tmax:G3} s (the maximum step); truncation error at {_newton.Describe(_worstLte)} " +
                               "(--max-stall raises the count)", t, _newton.NameOf(_worstLte));
            if (!Emit(sol, t, _xs[0], _xdotN, spec, onPoint)) { StepCount = steps; return; }
            _tpc.Reset(t, _xs[0], landing, segmentStart);
            for (int k = 0; k < devices.Length; k++) devices[k].AcceptTimePoint(_tpc);
            bool discontinuity = _tpc.Discontinuity;
            MergeBreakpoints(breakpoints, bpIndex + (landing ? 1 : 0), hmin);
            segmentStart = landing || discontinuity;
            double hUncut = hBeforeEvent > 0 ? hBeforeEvent : hTry;
            hBeforeEvent = 0;
            if (landing)
            {
                bpIndex++;
                pointsSinceBreak = 1;
                order = 1;
                double gap = bpIndex < breakpoints.Count ? breakpoints[bpIndex] - t : tmax;
                h = 0.1 * Math.Min(hTry, gap);
            }
            else if (discontinuity)
            {
                // A device changed its equations here: restart like after a breakpoint.
                pointsSinceBreak = 1;
                order = 1;
                h = 0.1 * Math.Min(hUncut, breakpoints[bpIndex] - t);
            }
            else
            {
                pointsSinceBreak++;
                order = maxOrder;
                h = hNext;
            }
        }
        }
        finally
        {
            ctx.TimeStepping = false;
        }
        StepCount = steps;
    }

    /// <summary>Accepted steps of the last run.</summary>
    public long StepCount { get; private set; }

    private int _worstLte;
    private LinearTransientSolver? _linear; // all devices linear: time points without Newton (see the class)
    private bool _fastSolved; // the last time point was solved by _linear: its charges come from it

    private const string Analysis = "transient";
    private NewtonRequest _stepRequest = new(1);

    private static TimestepTooSmallException TooSmall(string message, double time, string? unknown) =>
        new(message, Analysis, time, null, unknown);

    private static bool Emit(Solution sol, double t, double[] x, double[] xdot, TransientSpec spec, Func<Solution, bool> onPoint)
    {
        if (t < spec.Start - 1e-15 * spec.Stop) return true;
        sol.Time = t;
        Array.Copy(x, sol.X, x.Length);
        Array.Copy(xdot, sol.Xdot, xdot.Length);
        return onPoint(sol);
    }

    private readonly TimePointContext _tpc = new();

    /// <summary>Inserts the breakpoints devices asked for at the last accepted point into the sorted list, at or
    /// after index <paramref name="from"/> (the next one still to land on); drops those within 10·hmin of the
    /// current time, of tstop or of another breakpoint.</summary>
    private void MergeBreakpoints(List<double> breakpoints, int from, double hmin)
    {
        var added = _tpc.NewBreakpoints;
        if (added.Count == 0) return;
        double now = _tpc.Time, tstop = breakpoints[^1];
        foreach (double b in added)
        {
            if (b <= now + 10 * hmin || b >= tstop - 10 * hmin) continue;
            int k = breakpoints.BinarySearch(from, breakpoints.Count - from, b, null);
            if (k >= 0) continue;
            k = ~k;
            if (k > from && b - breakpoints[k - 1] < 10 * hmin) continue;
            if (k < breakpoints.Count && breakpoints[k] - b < 10 * hmin) continue;
            breakpoints.Insert(k, b);
        }
        added.Clear();
    }

    private List<double> CollectBreakpoints(TransientSpec spec, double hmin)
    {
        double tstop = spec.Stop;
        var raw = new List<double>();
        foreach (var d in _sys.Circuit.Devices) d.BeginTransient(spec, raw);
        raw.Add(tstop);
        if (spec.Start > 0 && spec.Start < tstop) raw.Add(spec.Start); // the first written point lands on tstart
        raw.Sort();
        var list = new List<double>();
        foreach (double b in raw)
        {
            if (!(b > hmin) || b > tstop) continue;
            if (list.Count > 0 && b - list[^1] < 10 * hmin) continue;
            list.Add(b);
        }
        if (list.Count == 0) list.Add(tstop);
        else if (list[^1] != tstop)
        {
            if (tstop - list[^1] < 10 * hmin) list[^1] = tstop; else list.Add(tstop);
        }
        return list;
    }

    private List<(int, double)> ForcedInitialConditions(IEnumerable<KeyValuePair<string, double>> initialConditions)
    {
        var forced = new List<(int, double)>();
        foreach (var (node, value) in initialConditions)
            forced.Add((_sys.NodeIndex(node), value));
        return forced;
    }

    /// <summary>Sets a0 and the per-row history so that dQ/dt(t_new) ≈ a0·Q(t_new) + hist.</summary>
    private void SetCoefficients(int order, double h, out double a0)
    {
        bool trap = _opt.Method == IntegrationMethod.Trapezoidal;
        double[] hist = _hist, qN = _qN, dqN = _dqN;
        if (order == 1)
        {
            a0 = 1 / h;
            VectorLoops.NegDiv(hist, qN, h, _n + 1);
        }
        else if (trap)
        {
            a0 = 2 / h;
            VectorLoops.Combine2(hist, -a0, qN, -1, dqN, _n + 1);
        }
        else
        {
            // Variable-step BDF2: ρ = h / h_prev.
            double hPrev = _ts[0] - _ts[1];
            double rho = h / hPrev;
            a0 = (1 + 2 * rho) / ((1 + rho) * h);
            double b1 = -(1 + rho) / h, b2 = rho * rho / ((1 + rho) * h);
            VectorLoops.Combine2(hist, b1, qN, b2, _qN1, _n + 1);
        }
    }

    private void Predict(int points, double tNew, double[] xOut)
    {
        if (points <= 1)
        {
            Array.Copy(_xs[0], xOut, xOut.Length);
            return;
        }
        Span<double> w = stackalloc double[3];
        for (int j = 0; j < points; j++)
        {
            double wj = 1;
            for (int m = 0; m < points; m++)
                if (m != j) wj *= (tNew - _ts[m]) / (_ts[j] - _ts[m]);
            w[j] = wj;
        }
        double[] x0 = _xs[0], x1 = _xs[1], x2 = _xs[2];
        double w0 = w[0], w1 = w[1], w2 = w[2];
        int n = _n;
        if (x0.Length <= n || x1.Length <= n || x2.Length <= n || xOut.Length <= n) throw new InvalidOperationException();
        if (points == 2) VectorLoops.Combine2(xOut, w0, x0, w1, x1, n + 1);
        else VectorLoops.Combine3(xOut, w0, x0, w1, x1, w2, x2, n + 1);
    }

    /// <summary>Two backward-Euler steps of h/2 from the last accepted point; the result goes to
    /// <paramref name="xOut"/>. Leaves the history untouched.</summary>
    private bool HalfSteps(double t, double h, double[] xOut)
    {
        var ctx = _sys.Load;
        _fastSolved = false;
        double a0 = 2 / h;
        var request = _stepRequest with { A0 = a0, History = _hist };
        for (int i = 0; i <= _n; i++) _hist[i] = -a0 * _qN[i];
        ctx.Time = t + h / 2;
        Array.Copy(_xs[0], xOut, xOut.Length);
        if (!_newton.Solve(xOut, request)) return false;
        ChargesAt(xOut, _qNew);
        for (int i = 0; i <= _n; i++) _hist[i] = -a0 * _qNew[i];
        ctx.Time = t + h;
        return _newton.Solve(xOut, request);
    }

    /// <summary>max_i 2·|x_full − x_halves| / tol_i.</summary>
    private double DoublingErrorRatio(double[] xFull, double[] xHalves)
    {
        double trScale = _opt.TrTol / 7;
        double worst = 0;
        for (int i = 1; i <= _n; i++)
        {
            if (!_differential[i]) continue;
            double tol = (_opt.RelTol * Math.Max(Math.Abs(xFull[i]), Math.Abs(_xs[0][i])) + _absTol[i]) * trScale;
            double r = 2 * Math.Abs(xFull[i] - xHalves[i]) / tol;
            if (r > worst) { worst = r; _worstLte = i; }
        }
        return worst;
    }

    /// <summary>Q at a converged point: the last load's Q plus C·(x − x_loaded) (exact for linear charges).</summary>
    private void ChargesAt(double[] x, double[] qOut)
    {
        if (_fastSolved) { _linear!.ChargesAt(x, qOut); return; }
        var ctx = _sys.Load;
        var cvals = ctx.C;
        var xl = ctx.X;
        Array.Copy(ctx.Q, qOut, qOut.Length);
        var rows = _sys.SlotRows;
        var cols = _sys.SlotCols;
        var differential = _differential;
        for (int s = 1; s < cvals.Length; s++)
        {
            double cv = cvals[s];
            if (cv != 0)
            {
                int col = cols[s];
                qOut[rows[s]] += cv * (x[col] - xl[col]);
                differential[col] = true;
                _differentialMask[col] = 1;
            }
        }
    }

    /// <summary>max_i LTE_i / tol_i, with LTE from the predictor–corrector difference (Milne's device).</summary>
    private double ErrorRatio(double[] xNew, double[] xPred, int pc, int p, double h, double tNew)
    {
        // Error constant of the corrector of order pc: BE 1/2, trapezoidal 1/12, BDF2 2/9.
        double cm = pc == 1 ? 0.5 : (_opt.Method == IntegrationMethod.Trapezoidal ? 1.0 / 12 : 2.0 / 9);
        if (p < pc) cm = 0.5;
        double hp = Math.Pow(h, pc + 1);
        double prod = 1, fact = 1;
        for (int j = 0; j <= pc; j++) { prod *= tNew - _ts[j]; fact *= j + 1; }
        double scale = cm * hp / (cm * hp + prod / fact);
        int worstAt = _worstLte;
        double worst = VectorLoops.MaxErrorRatio(xNew, xPred, _xs[0], _absTol, _differentialMask, _n, scale, _opt.RelTol,
            _opt.TrTol / 7, ref worstAt);
        _worstLte = worstAt;
        return worst;
    }

    private void Accept(double[] xNew, double a0, int order, double h)
    {
        var ctx = _sys.Load;
        ChargesAt(xNew, _qNew);
        double[] dqNew = _dqNew, qNew = _qNew, hist = _hist, xdotNew = _xdotNew, xHist = _xHist;
        VectorLoops.Combine2(dqNew, a0, qNew, 1, hist, _n + 1);
        // The same formula applied to x gives dx/dt for device outputs.
        SetXHistory(order, h, a0);
        VectorLoops.Combine2(xdotNew, a0, xNew, 1, xHist, _n + 1);
        xdotNew[0] = 0;

        // Shift the history.
        var oldest = _xs[2];
        _xs[2] = _xs[1]; _xs[1] = _xs[0]; _xs[0] = oldest;
        Array.Copy(xNew, _xs[0], xNew.Length);
        _ts[2] = _ts[1]; _ts[1] = _ts[0]; _ts[0] = ctx.Time;
        (_qN1, _qN, _qNew) = (_qN, _qNew, _qN1);
        (_dqN, _dqNew) = (_dqNew, _dqN);
        (_xdotN, _xdotNew) = (_xdotNew, _xdotN);
    }

    private void SetXHistory(int order, double h, double a0)
    {
        double[] xn = _xs[0], xHist = _xHist, xdotN = _xdotN;
        if (order == 1)
            VectorLoops.NegDiv(xHist, xn, h, _n + 1);
        else if (_opt.Method == IntegrationMethod.Trapezoidal)
            VectorLoops.Combine2(xHist, -a0, xn, -1, xdotN, _n + 1);
        else
        {
            double rho = h / (_ts[0] - _ts[1]);
            double b1 = -(1 + rho) / h, b2 = rho * rho / ((1 + rho) * h);
            VectorLoops.Combine2(xHist, b1, xn, b2, _xs[1], _n + 1);
        }
    }
}
