using System.Numerics;

namespace Perovspice.Engine.Sparse;

/// <summary>Placeholder dense LU with partial pivoting behind <see cref="ILinearSolver{T}"/> (small systems only).</summary>
public sealed class DenseRealSolver : ILinearSolver<double>
{
    private readonly int _n;
    private readonly int[] _rows, _cols;
    private readonly double[,] _a;
    private readonly int[] _perm;

    /// <summary>Creates a solver for the pattern.</summary>
    public DenseRealSolver(SparsePattern p)
    {
        _n = p.Size; _rows = p.RowsBySlot(); _cols = p.ColsBySlot();
        _a = new double[_n, _n]; _perm = new int[_n];
    }

    /// <inheritdoc />
    public void Factor(ReadOnlySpan<double> values)
    {
        Array.Clear(_a);
        for (int s = 1; s < _rows.Length; s++) _a[_rows[s] - 1, _cols[s] - 1] += values[s];
        for (int i = 0; i < _n; i++) _perm[i] = i;
        for (int k = 0; k < _n; k++)
        {
            int p = k; double best = Math.Abs(_a[k, k]);
            for (int i = k + 1; i < _n; i++) if (Math.Abs(_a[i, k]) > best) { best = Math.Abs(_a[i, k]); p = i; }
            if (best == 0) throw new SingularMatrixException(k + 1);
            if (p != k) { for (int j = 0; j < _n; j++) (_a[k, j], _a[p, j]) = (_a[p, j], _a[k, j]); (_perm[k], _perm[p]) = (_perm[p], _perm[k]); }
            for (int i = k + 1; i < _n; i++)
            {
                double f = _a[i, k] / _a[k, k]; _a[i, k] = f;
                if (f != 0) for (int j = k + 1; j < _n; j++) _a[i, j] -= f * _a[k, j];
            }
        }
    }

    /// <inheritdoc />
    public void Solve(Span<double> rhs)
    {
        var y = new double[_n];
        for (int i = 0; i < _n; i++) { double s = rhs[_perm[i] + 1]; for (int j = 0; j < i; j++) s -= _a[i, j] * y[j]; y[i] = s; }
        for (int i = _n - 1; i >= 0; i--) { double s = y[i]; for (int j = i + 1; j < _n; j++) s -= _a[i, j] * y[j]; y[i] = s / _a[i, i]; }
        rhs[0] = 0; for (int i = 0; i < _n; i++) rhs[i + 1] = y[i];
    }
}

/// <summary>Placeholder dense complex LU with partial pivoting behind <see cref="ILinearSolver{T}"/>.</summary>
public sealed class DenseComplexSolver : ILinearSolver<Complex>
{
    private readonly int _n;
    private readonly int[] _rows, _cols;
    private readonly Complex[,] _a;
    private readonly int[] _perm;

    /// <summary>Creates a solver for the pattern.</summary>
    public DenseComplexSolver(SparsePattern p)
    {
        _n = p.Size; _rows = p.RowsBySlot(); _cols = p.ColsBySlot();
        _a = new Complex[_n, _n]; _perm = new int[_n];
    }

    /// <inheritdoc />
    public void Factor(ReadOnlySpan<Complex> values)
    {
        Array.Clear(_a);
        for (int s = 1; s < _rows.Length; s++) _a[_rows[s] - 1, _cols[s] - 1] += values[s];
        for (int i = 0; i < _n; i++) _perm[i] = i;
        for (int k = 0; k < _n; k++)
        {
            int p = k; double best = _a[k, k].Magnitude;
            for (int i = k + 1; i < _n; i++) if (_a[i, k].Magnitude > best) { best = _a[i, k].Magnitude; p = i; }
            if (best == 0) throw new SingularMatrixException(k + 1);
            if (p != k) { for (int j = 0; j < _n; j++) (_a[k, j], _a[p, j]) = (_a[p, j], _a[k, j]); (_perm[k], _perm[p]) = (_perm[p], _perm[k]); }
            for (int i = k + 1; i < _n; i++)
            {
                Complex f = _a[i, k] / _a[k, k]; _a[i, k] = f;
                if (f != Complex.Zero) for (int j = k + 1; j < _n; j++) _a[i, j] -= f * _a[k, j];
            }
        }
    }

    /// <inheritdoc />
    public void Solve(Span<Complex> rhs)
    {
        var y = new Complex[_n];
        for (int i = 0; i < _n; i++) { Complex s = rhs[_perm[i] + 1]; for (int j = 0; j < i; j++) s -= _a[i, j] * y[j]; y[i] = s; }
        for (int i = _n - 1; i >= 0; i--) { Complex s = y[i]; for (int j = i + 1; j < _n; j++) s -= _a[i, j] * y[j]; y[i] = s / _a[i, i]; }
        rhs[0] = 0; for (int i = 0; i < _n; i++) rhs[i + 1] = y[i];
    }
}

/// <summary>Chooses the linear solver implementation for a pattern.</summary>
public static class LinearSolverFactory
{
    /// <summary>A real solver for the pattern (sparse LU).</summary>
    public static ILinearSolver<double> CreateReal(SparsePattern pattern) => new RealSparseSolver(pattern);

    /// <summary>A complex solver for the pattern (sparse LU).</summary>
    public static ILinearSolver<Complex> CreateComplex(SparsePattern pattern) => new ComplexSparseSolver(pattern);

    /// <summary>The dense real solver (reference implementation; O(n³), for tiny systems and tests).</summary>
    public static ILinearSolver<double> CreateDenseReal(SparsePattern pattern) => new DenseRealSolver(pattern);

    /// <summary>The dense complex solver (reference implementation; O(n³), for tiny systems and tests).</summary>
    public static ILinearSolver<Complex> CreateDenseComplex(SparsePattern pattern) => new DenseComplexSolver(pattern);
}
