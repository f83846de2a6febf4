using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Perovspice.Engine.Sparse;

namespace Perovspice.Engine.Analysis;

/// <summary>
/// Eigenvalues λ of the sparse pencil (G + λC) v = 0 nearest a real shift σ, by shift-and-invert Arnoldi: the
/// operator M = (G + σC)⁻¹C (one sparse LU of G + σC, then one solve per Krylov vector) has the eigenvalues
/// μ = 1/(σ − λ), so the λ nearest σ are the largest μ, which Arnoldi finds first; λ = σ − 1/μ. With σ = 0 (the dc
/// Jacobian G, nonsingular at any operating point) these are the slowest modes of the circuit — the ones that
/// decide its stability and cross the imaginary axis at a Hopf bifurcation — while the fast (strongly damped) modes
/// and the infinite eigenvalues (μ = 0) are never computed. Memory O(m·n) for m Krylov vectors, time O(m·(solve +
/// m·n)) plus one factorization: any size the sparse LU handles.
/// </summary>
/// <remarks>
/// Arnoldi with classical Gram–Schmidt, repeated while it cancels more than 30 % of the vector (orthogonal to
/// working precision), no restarts: the Krylov space grows by half (up to <see cref="MaxKrylov"/> vectors and 10⁷ stored complex values) until <c>count</c> Ritz values have a
/// residual ‖M·x − μx‖ ≤ 1e-10·|μ|·‖x‖ (exactly zero when the space becomes invariant, e.g. when it reaches n).
/// Ritz values with |μ| ≤ 1e-12·max|μ| are infinite eigenvalues and are dropped; an imaginary part below 1e-10·|λ| is
/// rounding (the pencil is real) and is set to zero. A Ritz value that has not converged is not returned.
/// </remarks>
public static class SparsePencilEigenvalues
{
    /// <summary>Largest Krylov space built.</summary>
    public const int MaxKrylov = 400;

    private const double ResidualTolerance = 1e-10, InfiniteThreshold = 1e-12, RealThreshold = 1e-10;

    /// <summary>
    /// Up to <paramref name="count"/> finite eigenvalues of (G + λC) v = 0 nearest <paramref name="shift"/>
    /// (complex pairs both listed), nearest first.
    /// </summary>
    /// <param name="pattern">The structure of G and C (slot-indexed values, slot 0 ignored).</param>
    /// <param name="g">G by slot.</param>
    /// <param name="c">C by slot.</param>
    /// <param name="count">How many eigenvalues are wanted (a pair counts as two).</param>
    /// <param name="shift">Real shift σ; G + σC must be nonsingular.</param>
    /// <exception cref="SimulationException">G + σC is singular.</exception>
    public static Complex[] NearShift(SparsePattern pattern, double[] g, double[] c, int count = 12, double shift = 0) =>
        NearShift(pattern, g, c, count, new Complex(shift, 0));

    /// <summary>
    /// As <see cref="NearShift(SparsePattern, double[], double[], int, double)"/> with a complex shift σ (complex
    /// arithmetic throughout): the eigenvalues nearest σ; for a shift off the real axis only those found near σ are
    /// returned, not their conjugates.
    /// </summary>
    /// <param name="pattern">The structure of G and C (slot-indexed values, slot 0 ignored).</param>
    /// <param name="g">G by slot.</param>
    /// <param name="c">C by slot.</param>
    /// <param name="count">How many eigenvalues are wanted.</param>
    /// <param name="shift">Shift σ; G + σC must be nonsingular.</param>
    /// <exception cref="SimulationException">G + σC is singular.</exception>
    public static Complex[] NearShift(SparsePattern pattern, double[] g, double[] c, int count, Complex shift) =>
        NearShift(pattern, g, c, count, shift, MaxKrylov);

    /// <summary>As above; stops at <paramref name="softLimit"/> Krylov vectors once at least one Ritz value converged.</summary>
    private static Complex[] NearShift(SparsePattern pattern, double[] g, double[] c, int count, Complex shift, int softLimit)
    {
        int n = pattern.Size;
        if (n == 0 || count <= 0) return Array.Empty<Complex>();
        var rows = pattern.RowsBySlot();
        var cols = pattern.ColsBySlot();
        int slots = rows.Length;
        var a = new Complex[slots];
        bool anyC = false;
        for (int s = 1; s < slots; s++) { a[s] = g[s] + shift * c[s]; anyC |= c[s] != 0; }
        if (!anyC) return Array.Empty<Complex>();
        var lu = new ComplexSparseSolver(pattern);
        try { lu.Factor(a); }
        catch (Sparse.SingularMatrixException)
        {
            throw new SimulationException($"G + ({shift.Real:G6}{shift.Imaginary:+0.######;-0.######}j)·C is singular: the linearized circuit has no unique solution at this shift");
        }

        int maxM = Math.Min(n, Math.Max(1, Math.Min(MaxKrylov, (int)(1e7 / n))));
        int m0 = Math.Min(maxM, Math.Max(2 * count + 20, 40));
        var basis = new List<Complex[]>(m0 + 1);
        var h = new Complex[maxM + 1, maxM];
        // Deterministic start vector with no structure (all unknowns excited).
        var v0 = new Complex[n + 1];
        uint state = 2463534242;
        for (int i = 1; i <= n; i++)
        {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5;
            v0[i] = state / (double)uint.MaxValue - 0.5;
        }
        Scale(v0, 1 / Norm(v0));
        basis.Add(v0);
        var work = new Complex[n + 1];
        int m = 0, target = m0;
        Complex[] result;
        while (true)
        {
            bool invariant = false;
            for (; m < target; m++)
            {
                // w = (G + σC)⁻¹ C v_m
                var v = basis[m];
                Array.Clear(work);
                for (int s = 1; s < slots; s++)
                {
                    double cv = c[s];
                    if (cv != 0) work[rows[s]] += cv * v[cols[s]];
                }
                work[0] = 0;
                lu.Solve(work);
                var w = (Complex[])work.Clone();
                double before = Norm(w), beta = before;
                // Gram–Schmidt, repeated when it cancelled much of w (Daniel–Gragg–Kaufman–Stewart criterion).
                for (int pass = 0; pass < 3; pass++)
                {
                    double start = beta;
                    for (int j = 0; j <= m; j++)
                    {
                        Complex d = Dot(basis[j], w);
                        h[j, m] += d;
                        Axpy(-d, basis[j], w);
                    }
                    beta = Norm(w);
                    if (beta > 0.7071 * start) break;
                }
                h[m + 1, m] = beta;
                if (beta <= 1e-14 * before || m + 1 == n) { m++; invariant = true; break; }
                Scale(w, 1 / beta);
                basis.Add(w);
            }
            result = Ritz(h, m, invariant, count, shift, out int converged);
            if (invariant || converged >= count || m >= maxM || (m >= softLimit && converged > 0)) break;
            target = Math.Min(maxM, m + m / 2);
        }
        return result;
    }

    /// <summary>The converged finite Ritz values of the m-step Arnoldi relation, as λ, nearest the shift first.</summary>
    private static Complex[] Ritz(Complex[,] h, int m, bool invariant, int count, Complex shift, out int converged)
    {
        var hm = Matrix<Complex>.Build.Dense(m, m, (i, j) => h[i, j]);
        var evd = hm.Evd();
        var mu = evd.EigenValues;
        var y = evd.EigenVectors;
        double beta = invariant ? 0 : h[m, m - 1].Magnitude;
        double max = 0;
        for (int i = 0; i < m; i++) max = Math.Max(max, mu[i].Magnitude);
        var found = new List<(double Mag, Complex Lambda)>();
        for (int i = 0; i < m; i++)
        {
            double mag = mu[i].Magnitude;
            if (!(mag > InfiniteThreshold * max)) continue;
            double norm = 0;
            for (int k = 0; k < m; k++) norm += y[k, i].Magnitude * y[k, i].Magnitude;
            double residual = beta * y[m - 1, i].Magnitude / Math.Sqrt(norm);
            if (residual > ResidualTolerance * mag) continue;
            var lambda = shift - 1 / mu[i];
            // A real pencil's real eigenvalue comes out of complex arithmetic with a rounding-size imaginary part.
            if (Math.Abs(lambda.Imaginary) <= RealThreshold * lambda.Magnitude) lambda = new Complex(lambda.Real, 0);
            found.Add((mag, lambda));
        }
        found.Sort((p, q) => q.Mag.CompareTo(p.Mag));
        converged = found.Count;
        int take = Math.Min(count, found.Count);
        // Keep complex pairs whole (a real shift finds both members at the same distance).
        if (take < found.Count && take > 0 && found[take - 1].Lambda.Imaginary != 0
            && (found[take].Lambda - Complex.Conjugate(found[take - 1].Lambda)).Magnitude <= 1e-9 * found[take].Lambda.Magnitude)
            take++;
        var result = new Complex[take];
        for (int i = 0; i < take; i++) result[i] = found[i].Lambda;
        return result;
    }

    /// <summary>
    /// Eigenvalues of the circuit linearized at <paramref name="x"/> for a stability analysis above the dense solver's
    /// size limit: the <paramref name="count"/> nearest zero (the slow modes), then those nearest iω for
    /// ω = 4ᵏ·s (k = −1..2, s = the largest |λ| among the slow ones) — a scan up the imaginary axis, where an
    /// oscillatory pair that is about to cross lies even when many slow modes (an array of identical cells) are nearer
    /// zero. Eigenvalues found off the real axis are listed with their conjugates; duplicates (1e-8 relative) once.
    /// </summary>
    public static Complex[] AtPoint(CircuitSystem system, double[] x, int count = 12)
    {
        system.Evaluate(x);
        var g = (double[])system.Load.G.Clone();
        var c = (double[])system.Load.C.Clone();
        var all = new List<Complex>();
        void Add(Complex l)
        {
            foreach (var k in all) if ((k - l).Magnitude <= 1e-8 * l.Magnitude) return;
            all.Add(l);
        }
        // The slow modes of an array of identical cells form clusters that need many Krylov vectors to resolve one by one:
        // 160 vectors are enough to give the scale s, and the crossing pair is looked for up the imaginary axis.
        var slow = NearShift(system.Pattern, g, c, count, Complex.Zero, 160);
        foreach (var l in slow) Add(l);
        if (slow.Length == 0) return all.ToArray();
        double s0 = slow.Max(l => l.Magnitude);
        for (int k = -1; k <= 2; k++)
        {
            Complex[] near;
            try { near = NearShift(system.Pattern, g, c, count, new Complex(0, s0 * Math.Pow(4, k)), 160); }
            catch (SimulationException) { continue; }   // G + iωC singular: an eigenvalue exactly there, skip this ω
            foreach (var l in near) { Add(l); if (l.Imaginary != 0) Add(Complex.Conjugate(l)); }
        }
        return all.ToArray();
    }

    private static Complex Dot(Complex[] a, Complex[] b)
    {
        double re = 0, im = 0;
        for (int i = 1; i < a.Length; i++)
        {
            Complex x = a[i], y = b[i];   // conj(x)·y
            re += x.Real * y.Real + x.Imaginary * y.Imaginary;
            im += x.Real * y.Imaginary - x.Imaginary * y.Real;
        }
        return new Complex(re, im);
    }

    private static void Axpy(Complex alpha, Complex[] x, Complex[] y)
    {
        for (int i = 1; i < x.Length; i++) y[i] += alpha * x[i];
    }

    private static double Norm(Complex[] a)
    {
        double s = 0;
        for (int i = 1; i < a.Length; i++) s += a[i].Real * a[i].Real + a[i].Imaginary * a[i].Imaginary;
        return Math.Sqrt(s);
    }

    private static void Scale(Complex[] a, double f)
    {
        for (int i = 1; i < a.Length; i++) a[i] *= f;
    }
}
