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

    /// <summary>Solves F(x) = 0 starting from <paramref name="x"/>; throws <see cref="SimulationException"/>
    /// with <paramref name="where"/> in the message when every strategy fails.</summary>
    public void Solve(double[] x, string where, AnalysisMode mode = AnalysisMode.Dc, bool allowHomotopy = true)
    {
        var ctx = _sys.Load;
        ctx.Mode = mode;
        ctx.Time = 0;
        ctx.Gmin = _opt.Gmin;
        _newton.A0 = 0;
        _newton.History = null;
        _newton.DiagonalGmin = 0;
        ctx.SourceFactor = 1;

        var start = (double[])x.Clone();
        if (_newton.Solve(x, _opt.Itl1)) return;
        string firstFailure = _newton.Failure ?? "no convergence";
        if (!allowHomotopy) throw Fail(where, firstFailure);

        Array.Copy(start, x, x.Length);
        if (_opt.GminStepping && GminStepping(x)) return;
        Array.Copy(start, x, x.Length);
        if (_opt.SourceStepping && SourceStepping(x)) return;
        string tried = (_opt.GminStepping, _opt.SourceStepping) switch
        {
            (true, true) => "; gmin stepping and source stepping also failed",
            (true, false) => "; gmin stepping also failed",
            (false, true) => "; source stepping also failed",
            _ => "",
        };
        throw Fail(where, firstFailure + tried);
    }

    private static SimulationException Fail(string where, string why) => new($"{where}: {why}");

    private bool GminStepping(double[] x)
    {
        double gmin = 1e-2;
        var last = (double[])x.Clone();
        try
        {
            while (true)
            {
                _newton.DiagonalGmin = gmin;
                if (!_newton.Solve(x, _opt.Itl1)) return false;
                if (gmin <= _opt.Gmin) break;
                gmin = Math.Max(gmin / 10, _opt.Gmin);
            }
            _newton.DiagonalGmin = 0;
            return _newton.Solve(x, _opt.Itl1);
        }
        finally
        {
            _newton.DiagonalGmin = 0;
        }
    }

    private bool SourceStepping(double[] x)
    {
        var ctx = _sys.Load;
        Array.Clear(x);
        double factor = 0, step = 0.1;
        var good = (double[])x.Clone();
        try
        {
            ctx.SourceFactor = 0;
            if (!_newton.Solve(x, _opt.Itl1)) return false;
            Array.Copy(x, good, x.Length);
            while (factor < 1)
            {
                double next = Math.Min(1, factor + step);
                ctx.SourceFactor = next;
                if (_newton.Solve(x, _opt.Itl1))
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
