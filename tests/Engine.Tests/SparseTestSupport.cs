using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Perovspice.Engine.Sparse;
using Xunit;

namespace Perovspice.Engine.Tests;

/// <summary>A test matrix given by its entries (1-based), convertible to a pattern + slot values and to MathNet.</summary>
internal sealed class SparseCase<T> where T : struct, INumberBase<T>, IEquatable<T>, IFormattable
{
    public SparseCase(int n) => N = n;

    public int N { get; }
    public Dictionary<(int Row, int Col), T> Entries { get; } = new();

    public void Add(int row, int col, T value)
    {
        if (row == 0 || col == 0) return;
        Entries[(row, col)] = Entries.TryGetValue((row, col), out var v) ? v + value : value;
    }

    /// <summary>Pattern holding every entry (plus <paramref name="extra"/> structural zeros, e.g. all diagonals).</summary>
    public SparsePattern Pattern(bool withDiagonal = false)
    {
        var p = new SparsePattern(N);
        foreach (var key in Entries.Keys.OrderBy(k => k.Row).ThenBy(k => k.Col)) p.GetSlot(key.Row, key.Col);
        if (withDiagonal) p.EnsureDiagonal();
        return p;
    }

    /// <summary>Slot values for <paramref name="p"/>; slots without an entry get zero, slot 0 gets <paramref name="trash"/>.</summary>
    public T[] Values(SparsePattern p, T trash = default)
    {
        var v = new T[p.SlotCount + 1];
        v[0] = trash;
        for (int s = 1; s <= p.SlotCount; s++) v[s] = Entries.TryGetValue((p.RowOf(s), p.ColOf(s)), out var x) ? x : T.Zero;
        return v;
    }

    public Matrix<T> Dense()
    {
        var m = Matrix<T>.Build.Dense(N, N);
        foreach (var ((r, c), v) in Entries) m[r - 1, c - 1] = v;
        return m;
    }

    /// <summary>A copy with rows permuted: row r goes to perm[r].</summary>
    public SparseCase<T> PermuteRows(int[] perm)
    {
        var c = new SparseCase<T>(N);
        foreach (var ((r, col), v) in Entries) c.Add(perm[r], col, v);
        return c;
    }
}

/// <summary>Random test matrices and the comparison against MathNet's dense LU.</summary>
internal static class SparseTestSupport
{
    public static double Mag<T>(T v) => v is Complex z ? z.Magnitude : Math.Abs((double)(object)v!);

    public static T Scalar<T>(double x) where T : INumberBase<T> => T.CreateChecked(x);

    public static double RandReal(Random r) => r.NextDouble() * 2 - 1;

    public static Complex RandComplex(Random r) => new(r.NextDouble() * 2 - 1, r.NextDouble() * 2 - 1);

    /// <summary>Random 1-based permutation (element 0 stays 0).</summary>
    public static int[] Permutation(int n, Random r)
    {
        var p = Enumerable.Range(0, n + 1).ToArray();
        for (int i = n; i > 1; i--) { int j = r.Next(1, i + 1); (p[i], p[j]) = (p[j], p[i]); }
        return p;
    }

    /// <summary>Unsymmetric random matrix, about <paramref name="perRow"/> off-diagonals per row, strictly row diagonally dominant.</summary>
    public static SparseCase<T> DiagonallyDominant<T>(int n, int perRow, Random r, Func<Random, T> rand)
        where T : struct, INumberBase<T>, IEquatable<T>, IFormattable
    {
        var c = new SparseCase<T>(n);
        var rowSum = new double[n + 1];
        for (int i = 1; i <= n; i++)
            for (int k = 0; k < perRow && n > 1; k++)
            {
                int j = r.Next(1, n + 1);
                if (j == i) continue;
                T v = rand(r);
                c.Add(i, j, v);
            }
        foreach (var ((i, _), v) in c.Entries) rowSum[i] += Mag(v);
        for (int i = 1; i <= n; i++)
        {
            T phase = rand(r);
            double mag = Mag(phase);
            T unit = mag < 0.1 ? T.One : phase / Scalar<T>(mag);
            c.Add(i, i, unit * Scalar<T>(rowSum[i] + 0.5 + r.NextDouble()));
        }
        return c;
    }

    /// <summary>
    /// MNA-like system: <paramref name="nodes"/> nodes joined by random admittances (a chain plus random
    /// extra links, some to ground) and <paramref name="sources"/> voltage sources whose branch rows have a zero
    /// diagonal. Unknowns: nodes 1..nodes, then branch currents.
    /// </summary>
    public static SparseCase<T> Mna<T>(int nodes, int sources, Random r, Func<Random, T> admittance)
        where T : struct, INumberBase<T>, IEquatable<T>, IFormattable
    {
        var c = new SparseCase<T>(nodes + sources);
        void Stamp(int a, int b, T y) { c.Add(a, a, y); c.Add(b, b, y); c.Add(a, b, -y); c.Add(b, a, -y); }
        T Y() => admittance(r);
        for (int i = 1; i < nodes; i++) Stamp(i, i + 1, Y());
        for (int k = 0; k < nodes; k++) Stamp(r.Next(1, nodes + 1), r.Next(0, nodes + 1), Y());
        Stamp(1, 0, Y());
        // Each source drives its own node a (a distinct "driven" node) against ground or an undriven node,
        // so sources never form a loop (which would make the system singular).
        var order = Permutation(nodes, r);
        if (sources > nodes / 2) throw new ArgumentException("at most nodes/2 voltage sources", nameof(sources));
        int driven = sources;
        for (int s = 1; s <= sources; s++)
        {
            int br = nodes + s, a = order[s];
            int b = r.Next(3) == 0 ? 0 : order[driven + 1 + r.Next(nodes - driven)];
            c.Add(a, br, T.One); c.Add(br, a, T.One);
            c.Add(b, br, -T.One); c.Add(br, b, -T.One);
        }
        return c;
    }

    /// <summary>
    /// RC ladder at a transient step: <paramref name="nodes"/> nodes in a chain of 1 kΩ resistors, each with a
    /// capacitor companion conductance to ground, driven by a voltage source at node 1 (unknown nodes + 1).
    /// </summary>
    public static SparseCase<double> RcLadder(int nodes)
    {
        var c = new SparseCase<double>(nodes + 1);
        for (int i = 1; i <= nodes; i++)
        {
            c.Add(i, i, 1e-6);
            if (i < nodes) { c.Add(i, i, 1e-3); c.Add(i + 1, i + 1, 1e-3); c.Add(i, i + 1, -1e-3); c.Add(i + 1, i, -1e-3); }
        }
        c.Add(1, nodes + 1, 1); c.Add(nodes + 1, 1, 1);
        return c;
    }

    /// <summary>An m×m grid of 1 Ω resistors with voltage sources (to ground) at four nodes; unknowns m² + 4.</summary>
    public static SparseCase<double> ResistorGrid(int m)
    {
        var c = new SparseCase<double>(m * m + 4);
        int Id(int x, int y) => x * m + y + 1;
        void G(int a, int b) { c.Add(a, a, 1); c.Add(b, b, 1); c.Add(a, b, -1); c.Add(b, a, -1); }
        for (int x = 0; x < m; x++)
            for (int y = 0; y < m; y++)
            {
                if (x + 1 < m) G(Id(x, y), Id(x + 1, y));
                if (y + 1 < m) G(Id(x, y), Id(x, y + 1));
            }
        int[] at = [Id(0, 0), Id(m - 1, m - 1), Id(0, m - 1), Id(m / 2, m / 2)];
        for (int s = 0; s < at.Length; s++) { int br = m * m + 1 + s; c.Add(at[s], br, 1); c.Add(br, at[s], 1); }
        return c;
    }

    public static double PositiveReal(Random r) => 0.05 + r.NextDouble();

    public static Complex PositiveComplex(Random r) => new(0.05 + r.NextDouble(), r.NextDouble() * 2 - 1);

    /// <summary>Solves with the sparse solver (after a fresh or repeated Factor) and with MathNet; returns the relative difference.</summary>
    public static double CompareWithDense<T>(ILinearSolver<T> solver, SparseCase<T> c, SparsePattern p, Random r, Func<Random, T> rand, bool factor = true)
        where T : struct, INumberBase<T>, IEquatable<T>, IFormattable
    {
        if (factor) solver.Factor(c.Values(p, rand(r) * Scalar<T>(1e6)));
        var b = new T[c.N + 1];
        for (int i = 1; i <= c.N; i++) b[i] = rand(r);
        b[0] = rand(r) + T.One; // ignored, must come back as zero
        var x = (T[])b.Clone();
        solver.Solve(x);
        Assert.Equal(T.Zero, x[0]);
        var dense = c.Dense().LU().Solve(MathNet.Numerics.LinearAlgebra.Vector<T>.Build.DenseOfArray(b[1..]));
        var sparse = MathNet.Numerics.LinearAlgebra.Vector<T>.Build.DenseOfArray(x[1..]);
        return (sparse - dense).L2Norm() / dense.L2Norm();
    }

    /// <summary>Relative residual ‖A·x − b‖ / (‖A‖_max·‖x‖ + ‖b‖), computed sparsely (for big systems).</summary>
    public static double Residual(SparseCase<double> c, double[] x, double[] b)
    {
        var ax = new double[c.N + 1];
        double amax = 0;
        foreach (var ((i, j), v) in c.Entries) { ax[i] += v * x[j]; amax = Math.Max(amax, Math.Abs(v)); }
        double res = 0, xn = 0, bn = 0;
        for (int i = 1; i <= c.N; i++) { res = Math.Max(res, Math.Abs(ax[i] - b[i])); xn = Math.Max(xn, Math.Abs(x[i])); bn = Math.Max(bn, Math.Abs(b[i])); }
        return res / (amax * xn + bn);
    }
}
