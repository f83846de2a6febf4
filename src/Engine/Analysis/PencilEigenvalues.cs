using System.Numerics;

namespace Perovspice.Engine.Analysis;

/// <summary>
/// The finite eigenvalues λ of the matrix pencil (G + λC) v = 0 — the natural frequencies of a circuit linearized at
/// an operating point — by the shift-and-invert method of design.md: with a real shift σ, M = (G + σC)⁻¹C has the
/// eigenvalues μ = 1/(σ − λ) and μ = 0 for the algebraic (infinite-eigenvalue) part, so λ = σ − 1/μ.
/// </summary>
/// <remarks>
/// Dense: O(n³) time (<see cref="DenseInverse"/>, <see cref="DenseEigenvalues"/>: eigenvalues only) and O(n²)
/// memory, limited to <see cref="MaxUnknowns"/> unknowns. The shift is taken from the
/// scale of the problem (‖G‖/‖C‖, then refined to the geometric mean of the extreme |λ| so that both ends of a stiff
/// spectrum keep their relative accuracy); a shift that makes G + σC singular or badly conditioned is replaced by the
/// next candidate. μ with |μ| &lt; 1e-12·max|μ| are infinite eigenvalues. Rounding splits a zero μ of a Jordan block
/// (an index-2 part, e.g. a capacitor across a voltage source) into values far above that threshold; those give huge
/// λ that change with σ, so the eigenvalues are computed for two shifts and only those found by both are kept (first around the scale
/// ‖G‖/‖C‖, then around the geometric mean of the kept |λ|; a pencil whose only eigenvalues are such split Jordan
/// blocks, e.g. the bordered pencil of a transfer function without finite zeros, then has none).
/// </remarks>
public static class PencilEigenvalues
{
    /// <summary>Largest number of unknowns the dense solver accepts.</summary>
    public const int MaxUnknowns = 2000;

    private const double InfiniteThreshold = 1e-12, MaxCondition = 1e14;
    private static readonly double[] ShiftFactors = { 0.6180339887, 1.9318516526, 0.0731, 13.7, 0.0047, 211.3 };

    /// <summary>The finite eigenvalues of (G + λC) v = 0, complex pairs both listed, in no particular order.</summary>
    /// <param name="g">G = ∂F/∂x, n × n.</param>
    /// <param name="c">C = ∂Q/∂x, n × n.</param>
    /// <exception cref="SimulationException">More than <see cref="MaxUnknowns"/> unknowns, or G + σC singular for every
    /// shift tried (a singular pencil: det(G + λC) ≡ 0).</exception>
    public static Complex[] Finite(double[,] g, double[,] c)
    {
        int n = g.GetLength(0);
        if (n > MaxUnknowns)
            throw new SimulationLimitException($"the stability analysis computes dense eigenvalues and is limited to {MaxUnknowns} unknowns; this circuit has {n}", null);
        if (n == 0) return Array.Empty<Complex>();
        var pencil = new Pencil(g, c);
        double cn = pencil.CNorm;
        if (cn == 0) return Array.Empty<Complex>();
        double gn = pencil.GNorm;
        double scale = gn > 0 ? gn / cn : 1;

        var first = Agreeing(Solve(pencil, scale), Solve(pencil, scale * 1.7320508076), scale);
        if (first.Length == 0) return first;
        // Re-centre the shift between the smallest and largest |λ| (zero eigenvalues excluded).
        double lo = double.PositiveInfinity, hi = 0;
        foreach (var l in first)
        {
            double m = l.Magnitude;
            if (m > 0) { lo = Math.Min(lo, m); hi = Math.Max(hi, m); }
        }
        double centre = hi > 0 ? Math.Sqrt(lo * hi) : scale;
        try
        {
            return Agreeing(Solve(pencil, centre), Solve(pencil, centre * 1.7320508076), centre);
        }
        catch (SimulationException)
        {
            return first; // no well-conditioned shift near the centre: keep the first estimate
        }
    }

    /// <summary>The eigenvalues of <paramref name="a"/> that <paramref name="b"/> (another shift) also finds: the
    /// spurious values of a split Jordan block at infinity depend on the shift, true eigenvalues do not.</summary>
    private static Complex[] Agreeing(Complex[] a, Complex[] b, double shift)
    {
        var kept = new List<Complex>(a.Length);
        foreach (var l in a)
        {
            double tol = 1e-6 * (l.Magnitude + shift);
            if (b.Any(m => (m - l).Magnitude <= tol)) kept.Add(l);
        }
        return kept.ToArray();
    }

    /// <summary>The rightmost eigenvalue: largest real part, on a tie the one with positive imaginary part; NaN when
    /// the list is empty.</summary>
    public static Complex Rightmost(IReadOnlyList<Complex> eigenvalues)
    {
        var best = new Complex(double.NaN, double.NaN);
        foreach (var l in eigenvalues)
            if (double.IsNaN(best.Real) || l.Real > best.Real || (l.Real == best.Real && l.Imaginary > best.Imaginary))
                best = l;
        return best;
    }

    /// <summary>Eigenvalues for a shift near <paramref name="scale"/>: the first candidate σ = factor·scale for which
    /// G + σC is well conditioned.</summary>
    private static Complex[] Solve(Pencil pencil, double scale)
    {
        bool unconverged = false;
        int n = pencil.N;
        var a = new double[n * n];
        var inverse = new double[n * n];
        var m = new double[n * n];
        foreach (double factor in ShiftFactors)
        {
            double sigma = factor * scale;
            pencil.Shifted(sigma, a);
            double aNorm = OneNorm(a, n);
            if (!DenseInverse.Invert(a, n, inverse)) continue;
            double condition = aNorm * OneNorm(inverse, n);
            if (!double.IsFinite(condition) || condition > MaxCondition) continue;
            pencil.InverseTimesC(inverse, m);
            Complex[] mu;
            try { mu = DenseEigenvalues.Compute(m, n); }
            catch (ArithmeticException)
            {
                // The QR iteration did not converge: MathNet's eigen-decomposition (with eigenvectors, slower) instead.
                pencil.InverseTimesC(inverse, m);
                try { mu = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (i, j) => m[i * n + j]).Evd().EigenValues.ToArray(); }
                catch (MathNet.Numerics.NonConvergenceException) { unconverged = true; continue; }   // found by the fuzz test
            }
            double max = 0;
            foreach (var x in mu) max = Math.Max(max, x.Magnitude);
            var result = new List<Complex>();
            foreach (var x in mu)
                if (x.Magnitude > InfiniteThreshold * max) result.Add(sigma - 1 / x);
            return result.ToArray();
        }
        if (unconverged)
            throw new SimulationException("the eigenvalue computation did not converge for any shift (the linearized circuit is too ill-conditioned)");
        throw new SimulationException("G + sC is singular for every shift s tried: the linearized circuit has no unique solution (a singular pencil)");
    }

    /// <summary>The 1-norm (largest column sum of magnitudes) of an n × n row-major matrix.</summary>
    private static double OneNorm(double[] a, int n)
    {
        var sums = new double[n];
        for (int i = 0; i < n; i++)
        {
            var row = a.AsSpan(i * n, n);
            for (int j = 0; j < n; j++) sums[j] += Math.Abs(row[j]);
        }
        double max = 0;
        foreach (double x in sums) max = Math.Max(max, double.IsNaN(x) ? double.PositiveInfinity : x);
        return max;
    }

    /// <summary>G and C by rows, C's nonzeros also as a sparse row list.</summary>
    private sealed class Pencil
    {
        private readonly double[] _g, _c;
        private readonly int[] _cRowStart, _cCol;
        private readonly double[] _cVal;

        public Pencil(double[,] g, double[,] c)
        {
            N = g.GetLength(0);
            int n = N;
            _g = new double[n * n]; _c = new double[n * n];
            var cols = new List<int>(); var vals = new List<double>();
            _cRowStart = new int[n + 1];
            double gs = 0, cs = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double gv = g[i, j], cv = c[i, j];
                    _g[i * n + j] = gv; _c[i * n + j] = cv;
                    gs += gv * gv; cs += cv * cv;
                    if (cv != 0) { cols.Add(j); vals.Add(cv); }
                }
                _cRowStart[i + 1] = cols.Count;
            }
            _cCol = cols.ToArray(); _cVal = vals.ToArray();
            GNorm = Math.Sqrt(gs); CNorm = Math.Sqrt(cs);
        }

        public int N { get; }

        /// <summary>Frobenius norms.</summary>
        public double GNorm { get; }
        public double CNorm { get; }

        /// <summary>a = G + σC.</summary>
        public void Shifted(double sigma, double[] a)
        {
            for (int i = 0; i < a.Length; i++) a[i] = _g[i] + sigma * _c[i];
        }

        /// <summary>m = inverse·C, using C's sparsity (row k of C scaled by inverse[i, k], for its nonzero rows).</summary>
        public void InverseTimesC(double[] inverse, double[] m)
        {
            int n = N;
            Array.Clear(m, 0, n * n);
            for (int i = 0; i < n; i++)
            {
                var mi = m.AsSpan(i * n, n);
                for (int k = 0; k < n; k++)
                {
                    int s0 = _cRowStart[k], s1 = _cRowStart[k + 1];
                    if (s0 == s1) continue;
                    double f = inverse[i * n + k];
                    if (f == 0) continue;
                    for (int s = s0; s < s1; s++) mi[_cCol[s]] += f * _cVal[s];
                }
            }
        }
    }
}
