using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Perovspice.Engine;
using Perovspice.Netlist;

namespace Perovspice.Cli.Fitting;

/// <summary>The outcome of a fit.</summary>
/// <param name="Values">Fitted parameter values.</param>
/// <param name="Start">The start that led to them.</param>
/// <param name="StdErr">Standard errors of the values (∞ when the parameter is not determined).</param>
/// <param name="Lo95">Lower end of the 95 % interval.</param>
/// <param name="Hi95">Upper end of the 95 % interval.</param>
/// <param name="Correlation">Correlation matrix of the parameters.</param>
/// <param name="ChiSquare">Σ ((model − data)/σ)².</param>
/// <param name="Dof">Degrees of freedom: data values − parameters.</param>
/// <param name="Iterations">Levenberg–Marquardt iterations (of the start kept).</param>
/// <param name="Evaluations">Model evaluations over all starts.</param>
/// <param name="Reason">Why the minimizer stopped.</param>
/// <param name="HitIterationLimit">True when it stopped at the iteration limit.</param>
internal sealed record FitResult(double[] Values, double[] Start, double[] StdErr, double[] Lo95, double[] Hi95, double[,] Correlation,
    double ChiSquare, int Dof, int Iterations, long Evaluations, string Reason, bool HitIterationLimit)
{
    /// <summary>χ² / degrees of freedom.</summary>
    public double ReducedChiSquare => ChiSquare / Dof;
}

/// <summary>
/// Bounded least squares with MathNet.Numerics' Levenberg–Marquardt minimizer. Parameters marked :log are fitted as
/// ln(value). The Jacobian is by forward differences, its columns evaluated in parallel. Standard errors from the
/// covariance (JᵀWJ)⁻¹·χ²_red at the minimum; 95 % intervals with Student's t for the degrees of freedom (for :log
/// parameters the interval is taken in ln(value) and mapped back, so it stays positive and asymmetric).
/// </summary>
internal sealed class FitSolver
{
    private readonly FitModel _model;
    private readonly IReadOnlyList<FitVary> _vary;
    private readonly int _maxIterations;
    private readonly double[] _lo, _hi;

    /// <summary>Creates the solver for a model and its varied parameters.</summary>
    public FitSolver(FitModel model, IReadOnlyList<FitVary> vary, int maxIterations)
    {
        _model = model; _vary = vary; _maxIterations = maxIterations;
        _lo = vary.Select(v => v.Log ? Math.Log(v.Lo) : v.Lo).ToArray();
        _hi = vary.Select(v => v.Log ? Math.Log(v.Hi) : v.Hi).ToArray();
    }

    /// <summary>Reports a start that failed (the message) and is skipped.</summary>
    public Action<string>? Warn { get; init; }

    private double[] ToValues(IReadOnlyList<double> p) => p.Select((x, j) => _vary[j].Log ? Math.Exp(x) : x).ToArray();
    private double[] ToInternal(IReadOnlyList<double> v) => v.Select((x, j) => _vary[j].Log ? Math.Log(x) : x).ToArray();

    /// <summary>The start points: the netlist's values, then <paramref name="starts"/> − 1 points drawn with
    /// <paramref name="seed"/>, log-uniform in the bounds (uniform when a bound is not positive).</summary>
    public List<double[]> Starts(int starts, int seed)
    {
        var list = new List<double[]> { _model.Start };
        var rng = new Random(seed);
        for (int s = 1; s < starts; s++)
            list.Add(_vary.Select(v => v.Lo > 0 ? v.Lo * Math.Pow(v.Hi / v.Lo, rng.NextDouble()) : v.Lo + (v.Hi - v.Lo) * rng.NextDouble()).ToArray());
        return list;
    }

    /// <summary>Fits from every start and keeps the lowest χ². The first start must evaluate (else the
    /// <see cref="SimulationException"/> or <see cref="NetlistException"/> propagates); a later start that fails is skipped.</summary>
    public FitResult Fit(int starts, int seed)
    {
        (double[] P, double Chi, int Iter, string Reason, bool Limit, double[] Start)? best = null;
        var all = Starts(starts, seed);
        for (int s = 0; s < all.Count; s++)
        {
            var p0 = ToInternal(all[s]);
            if (s == 0) _ = _model.Evaluate(all[s]); // the model must work at the start point
            try
            {
                var r = Minimize(p0);
                if (best is null || r.Chi < best.Value.Chi) best = (r.P, r.Chi, r.Iter, r.Reason, r.Limit, all[s]);
            }
            catch (Exception e) when (s > 0 && e is SimulationException or NetlistException)
            {
                Warn?.Invoke($"start {s + 1} skipped: {e.Message}");
            }
        }
        var b = best!.Value;
        return Statistics(b.P, b.Start, b.Iter, b.Reason, b.Limit);
    }

    private double[] Residuals(double[] p) => _model.Evaluate(ToValues(p));

    private (double[] P, double Chi, int Iter, string Reason, bool Limit) Minimize(double[] p0)
    {
        int n = _model.Observed.Length;
        var observed = Vector<double>.Build.DenseOfArray(_model.Observed);
        var x = Vector<double>.Build.Dense(n, i => i);
        double[]? bestP = null;
        double bestChi = double.PositiveInfinity;
        var cache = new Dictionary<string, double[]>();
        double[] F(double[] p)
        {
            string key = string.Join(",", p.Select(v => v.ToString("R")));
            lock (cache) if (cache.TryGetValue(key, out var hit)) return hit;
            double[] f;
            try { f = Residuals(p); }
            catch (Exception e) when (e is SimulationException or NetlistException)
            {
                if (bestP is null) throw;
                f = _model.Observed.Select(o => o + 1e6).ToArray(); // a failed trial step: rejected by its huge χ²
            }
            double chi = 0;
            for (int i = 0; i < n; i++) chi += (f[i] - _model.Observed[i]) * (f[i] - _model.Observed[i]);
            lock (cache)
            {
                if (cache.Count > 64) cache.Clear();
                cache[key] = f;
                if (chi < bestChi) { bestChi = chi; bestP = (double[])p.Clone(); }
            }
            return f;
        }
        var model = ObjectiveFunction.NonlinearModel(
            (p, _) => Vector<double>.Build.DenseOfArray(F(p.ToArray())),
            (p, _) => Matrix<double>.Build.DenseOfArray(Jacobian(p.ToArray(), F)),
            x, observed);
        int iterations;
        string reason;
        bool limit;
        try
        {
            var minimizer = new LevenbergMarquardtMinimizer(gradientTolerance: 1e-12, stepTolerance: 1e-10,
                functionTolerance: 1e-12, maximumIterations: _maxIterations);
            var result = minimizer.FindMinimum(model, Vector<double>.Build.DenseOfArray(p0),
                Vector<double>.Build.DenseOfArray(_lo), Vector<double>.Build.DenseOfArray(_hi));
            iterations = result.Iterations;
            limit = result.ReasonForExit == ExitCondition.ExceedIterations || iterations >= _maxIterations;
            reason = limit ? $"iteration limit ({_maxIterations}) reached" : Describe(result.ReasonForExit);
        }
        catch (MathNet.Numerics.Optimization.MaximumIterationsException)
        {
            iterations = _maxIterations;
            limit = true;
            reason = $"iteration limit ({_maxIterations}) reached";
        }
        return (Clamp(bestP!), bestChi, iterations, reason, limit);
    }

    private double[] Clamp(double[] p) => p.Select((v, j) => Math.Clamp(v, _lo[j], _hi[j])).ToArray();

    private static string Describe(ExitCondition c) => c switch
    {
        ExitCondition.Converged => "converged",
        ExitCondition.RelativeGradient or ExitCondition.AbsoluteGradient => "converged (gradient below tolerance)",
        ExitCondition.RelativePoints => "converged (step below tolerance)",
        ExitCondition.LackOfProgress => "converged (chi-square no longer decreasing)",
        ExitCondition.BoundTolerance => "stopped at a bound",
        _ => $"stopped ({c})",
    };

    /// <summary>Forward-difference Jacobian ∂f/∂p (n × k); the k shifted evaluations run in parallel.</summary>
    private double[,] Jacobian(double[] p, Func<double[], double[]> f)
    {
        int k = p.Length;
        var cols = new double[k + 1][];
        var h = new double[k];
        Parallel.For(0, k + 1, j =>
        {
            if (j == k) { cols[k] = f(p); return; }
            var q = (double[])p.Clone();
            double step = 1e-6 * Math.Max(Math.Abs(p[j]), 1e-3 * (_hi[j] - _lo[j]));
            if (q[j] + step > _hi[j]) step = -step;
            q[j] += step;
            h[j] = step;
            cols[j] = f(q);
        });
        int n = cols[k].Length;
        var jac = new double[n, k];
        for (int j = 0; j < k; j++)
            for (int i = 0; i < n; i++) jac[i, j] = (cols[j][i] - cols[k][i]) / h[j];
        return jac;
    }

    private FitResult Statistics(double[] p, double[] start, int iterations, string reason, bool limit)
    {
        int n = _model.Observed.Length, k = p.Length, dof = n - k;
        var f = Residuals(p);
        double chi = 0;
        for (int i = 0; i < n; i++) chi += (f[i] - _model.Observed[i]) * (f[i] - _model.Observed[i]);
        var jac = Matrix<double>.Build.DenseOfArray(Jacobian(p, Residuals));
        var jtj = jac.TransposeThisAndMultiply(jac);
        double red = chi / dof;
        var cov = Matrix<double>.Build.Dense(k, k, double.PositiveInfinity);
        var svd = jtj.Svd();
        if (svd.S[k - 1] > 1e-14 * svd.S[0]) cov = jtj.Inverse() * red;
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, dof, 0.975);
        var values = ToValues(p);
        var se = new double[k];
        var lo = new double[k];
        var hi = new double[k];
        var corr = new double[k, k];
        for (int j = 0; j < k; j++)
        {
            double s = Math.Sqrt(Math.Max(cov[j, j], 0));
            if (!double.IsFinite(s)) { se[j] = double.PositiveInfinity; lo[j] = _vary[j].Lo; hi[j] = _vary[j].Hi; }
            else if (_vary[j].Log) { se[j] = values[j] * s; lo[j] = values[j] * Math.Exp(-t * s); hi[j] = values[j] * Math.Exp(t * s); }
            else { se[j] = s; lo[j] = values[j] - t * s; hi[j] = values[j] + t * s; }
            for (int m = 0; m < k; m++)
            {
                double c = cov[j, m] / Math.Sqrt(cov[j, j] * cov[m, m]);
                corr[j, m] = double.IsFinite(c) ? Math.Clamp(c, -1, 1) : j == m ? 1 : 0;
            }
        }
        return new FitResult(values, start, se, lo, hi, corr, chi, dof, iterations, _model.Evaluations, reason, limit);
    }
}
