using Perovspice.Engine.Sparse;

namespace Perovspice.Engine.Analysis;

/// <summary>
/// The transient time point of a circuit whose devices are all linear, without Newton and without loading the
/// time-invariant devices (<see cref="Device.IsTimeInvariant"/>) at every point.
/// <para>
/// With every device linear, F(x, t) = G·x + F(0, t) and Q(x) = C·x + Q(0, t) with constant G and C (the same
/// assumption under which Newton reuses a linear circuit's factorization). The discretised equation
/// F + a0·Q + hist = 0 is then (G + a0·C)·x = −(F(0, t) + a0·Q(0, t) + hist): one solve with a factorization
/// that changes only with a0. The time-invariant devices' part of F(0, t) and Q(0, t), and G and C, are loaded
/// once; only the other devices (sources, delay lines) are loaded, at x = 0, at each point. Up to two
/// factorizations are kept (the steady step and the short steps after a breakpoint alternate).
/// </para>
/// </summary>
internal sealed class LinearTransientSolver
{
    private readonly CircuitSystem _sys;
    private readonly Device[] _varying, _invariant;
    private readonly LoadContext _scratch;
    private readonly double[] _fInv, _qInv, _q0, _g, _c, _j;
    private readonly double[] _rhs;
    private int[] _cSlots = [];
    private readonly RealSparseSolver?[] _lu = new RealSparseSolver?[2];
    private readonly double[] _luA0 = { double.NaN, double.NaN };
    private int _luNext;
    private bool _ready;

    private readonly SolverStatistics _stats;

    /// <summary>Prepares the solver for <paramref name="sys"/> (which must be linear); it counts its factorizations and
    /// solves in <paramref name="stats"/>.</summary>
    public LinearTransientSolver(CircuitSystem sys, SolverStatistics stats)
    {
        _sys = sys;
        _stats = stats;
        var devices = sys.Circuit.Devices;
        _varying = devices.Where(d => !d.IsTimeInvariant).ToArray();
        _invariant = devices.Where(d => d.IsTimeInvariant).ToArray();
        int n = sys.Size, slots = sys.Pattern.SlotCount + 1;
        _scratch = new LoadContext(n, sys.Pattern.SlotCount);
        _fInv = new double[n + 1];
        _qInv = new double[n + 1];
        _q0 = new double[n + 1];
        _rhs = new double[n + 1];
        _g = new double[slots];
        _c = new double[slots];
        _j = new double[slots];
    }

    /// <summary>Number of devices loaded at every time point.</summary>
    public int VaryingDevices => _varying.Length;

    private void CopyFlags()
    {
        var main = _sys.Load;
        var s = _scratch;
        s.Mode = AnalysisMode.Transient;
        s.Time = main.Time;
        s.SourceFactor = main.SourceFactor;
        s.Gmin = main.Gmin;
        s.FirstIteration = true;
        s.InitJunctions = false;
        s.TimeStepping = main.TimeStepping;
        s.Static = false;
        s.UseInitialConditions = false;
    }

    private void Init()
    {
        // G, C and the invariant devices' F(0), Q(0), loaded once at x = 0 with the time-stepping flags.
        CopyFlags();
        var s = _scratch;
        s.Clear();
        foreach (var d in _invariant) d.Load(s);
        Array.Copy(s.F, _fInv, _fInv.Length);
        Array.Copy(s.Q, _qInv, _qInv.Length);
        foreach (var d in _varying) d.Load(s);
        Array.Copy(s.G, _g, _g.Length);
        Array.Copy(s.C, _c, _c.Length);
        var list = new List<int>();
        for (int k = 1; k < _c.Length; k++) if (_c[k] != 0) list.Add(k);
        _cSlots = list.ToArray();
        _ready = true;
    }

    /// <summary>
    /// Solves the time point at the load context's time with J = G + a0·C and the history term
    /// <paramref name="hist"/>; the solution goes to <paramref name="x"/>. Returns false (x untouched) when a
    /// device throws or limits, the matrix is singular or the result is not finite: the caller then uses Newton,
    /// which reports the failure.
    /// </summary>
    public bool Solve(double[] x, double a0, double[] hist)
    {
        if (!_ready) Init();
        CopyFlags();
        var s = _scratch;
        Array.Clear(s.F);
        Array.Clear(s.Q);
        s.Limited = false;
        // G and C of the scratch context are never read again after Init: the varying devices add into them freely.
        try
        {
            for (int k = 0; k < _varying.Length; k++) _varying[k].Load(s);
        }
        catch (SimulationException) { return false; }
        if (s.Limited) return false;

        int n = _sys.Size;
        double[] f = s.F, q = s.Q, fInv = _fInv, qInv = _qInv, q0 = _q0, rhs = _rhs;
        for (int i = 1; i <= n; i++)
        {
            double qi = qInv[i] + q[i];
            q0[i] = qi;
            rhs[i] = -(fInv[i] + f[i] + a0 * qi + hist[i]);
        }
        rhs[0] = 0;
        try
        {
            Factorization(a0).Solve(rhs);
            _stats.Solves++;
        }
        catch (Sparse.SingularMatrixException) { return false; }
        for (int i = 1; i <= n; i++)
            if (!double.IsFinite(rhs[i])) return false;
        Array.Copy(rhs, x, n + 1);
        x[0] = 0;
        return true;
    }

    private RealSparseSolver Factorization(double a0)
    {
        for (int k = 0; k < 2; k++)
            if (_lu[k] != null && _luA0[k] == a0) return _lu[k]!;
        int slot = _luNext;
        _luNext ^= 1;
        _luA0[slot] = double.NaN;
        var lu = _lu[slot] ??= new RealSparseSolver(_sys.Pattern);
        double[] g = _g, c = _c, j = _j;
        for (int k = 0; k < j.Length; k++) j[k] = g[k] + a0 * c[k];
        lu.Factor(j);
        _stats.Factorizations++;
        _luA0[slot] = a0;
        return lu;
    }

    /// <summary>Q at <paramref name="x"/> for the time point of the last successful <see cref="Solve"/>:
    /// Q(0, t) + C·x.</summary>
    public void ChargesAt(double[] x, double[] qOut)
    {
        int n = _sys.Size;
        Array.Copy(_q0, qOut, n + 1);
        qOut[0] = 0;
        var rows = _sys.SlotRows;
        var cols = _sys.SlotCols;
        double[] c = _c;
        foreach (int k in _cSlots) qOut[rows[k]] += c[k] * x[cols[k]];
        qOut[0] = 0;
    }
}
