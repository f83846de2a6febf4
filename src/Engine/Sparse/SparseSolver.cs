using System.Numerics;

namespace Perovspice.Engine.Sparse;

/// <summary>What the public solvers need of the numeric core (lets one base class serve double and Complex).</summary>
internal interface ISparseCore<T>
{
    int Size { get; }
    int SlotCount { get; }
    double RelativeTolerance { get; set; }
    double AbsoluteTolerance { get; set; }
    int ReorderCount { get; }
    int FactorNonZeros { get; }
    long FactorFlops { get; }
    FactorizationKind Kind { get; set; }
    bool UsesMultifrontal { get; }
    bool UsesTwoThreads { get; }
    void ForgetOrder();
    void Factor(ReadOnlySpan<T> values);
    void Solve(Span<T> rhs);
}

/// <summary>
/// Sparse LU solver. The first <see cref="Factor"/> picks a pivot order (Markowitz cost with threshold partial
/// pivoting, diagonal preferred) from the structure and values and fixes the fill pattern; later calls refactor
/// numerically into preallocated arrays without allocating, and pivot afresh only when a pivot falls below
/// <see cref="PivotRelativeTolerance"/> × its column maximum (or is zero). The pattern must be complete when the
/// solver is created. Use <see cref="RealSparseSolver"/> or <see cref="ComplexSparseSolver"/>.
/// </summary>
/// <typeparam name="T">double or Complex.</typeparam>
public abstract class SparseSolver<T> : ILinearSolver<T>
{
    private readonly ISparseCore<T> _lu;

    private protected SparseSolver(ISparseCore<T> core) => _lu = core;

    /// <summary>Number of unknowns.</summary>
    public int Size => _lu.Size;

    /// <summary>Threshold u of partial pivoting: a pivot must be ≥ u × the largest magnitude in its active column. Default 1e-3.</summary>
    public double PivotRelativeTolerance { get => _lu.RelativeTolerance; set => _lu.RelativeTolerance = value; }

    /// <summary>A pivot must also exceed this magnitude. Default 0 (only exact zeros are rejected).</summary>
    public double PivotAbsoluteTolerance { get => _lu.AbsoluteTolerance; set => _lu.AbsoluteTolerance = value; }

    /// <summary>How many times a pivot order has been chosen (1 after the first Factor; grows on re-pivoting).</summary>
    public int ReorderCount => _lu.ReorderCount;

    /// <summary>Structural nonzeros of the matrix (slots, excluding the trash slot).</summary>
    public int MatrixNonZeros => _lu.SlotCount;

    /// <summary>Structural nonzeros of L+U (diagonal counted once), 0 before the first Factor.</summary>
    public int FactorNonZeros => _lu.FactorNonZeros;

    /// <summary>Multiply-adds of one numeric refactorization with the current pivot order (0 before the first Factor).</summary>
    public long RefactorMultiplyAdds => _lu.FactorFlops;

    /// <summary>Fill-ins: entries of L+U that are not entries of the matrix (0 before the first Factor).</summary>
    public int FillIns => _lu.FactorNonZeros == 0 ? 0 : _lu.FactorNonZeros - _lu.SlotCount;

    /// <summary>
    /// How refactorizations are computed: <see cref="FactorizationKind.Auto"/> (default) chooses the multifrontal
    /// factorization for large matrices with dense-update-dominated work. Takes effect at the next pivot order.
    /// </summary>
    public FactorizationKind Factorization { get => _lu.Kind; set => _lu.Kind = value; }

    /// <summary>Whether the current pivot order is factored by supernodes (multifrontal).</summary>
    public bool UsesMultifrontal => _lu.UsesMultifrontal;

    /// <summary>Whether the multifrontal factorization splits its tree over two threads.</summary>
    internal bool UsesTwoThreads => _lu.UsesTwoThreads;

    /// <summary>Forgets the pivot order so that the next <see cref="Factor"/> pivots from scratch.</summary>
    public void ForceReorder() => _lu.ForgetOrder();

    /// <inheritdoc />
    public void Factor(ReadOnlySpan<T> values) => _lu.Factor(values);

    /// <inheritdoc />
    public void Solve(Span<T> rhs) => _lu.Solve(rhs);
}

/// <summary>How a <see cref="SparseSolver{T}"/> computes its numeric factorizations (the pivots are the same).</summary>
public enum FactorizationKind
{
    /// <summary>Multifrontal from 2000 unknowns when a refactorization costs ≥ 8 multiply-adds per factor entry, else left-looking.</summary>
    Auto,
    /// <summary>Column by column over the exact sparse pattern of L and U (no explicit zeros).</summary>
    LeftLooking,
    /// <summary>Supernodes of the symmetrized pattern, dense frontal matrices (any size; for tests and benchmarks).</summary>
    Multifrontal,
}

/// <summary>Sparse LU solver for real matrices (see <see cref="SparseSolver{T}"/>).</summary>
public sealed class RealSparseSolver : SparseSolver<double>
{
    /// <summary>Creates a solver for the (complete) pattern.</summary>
    public RealSparseSolver(SparsePattern pattern) : base(new SparseLU<double, RealOps>(pattern)) { }
}

/// <summary>Sparse LU solver for complex matrices (see <see cref="SparseSolver{T}"/>).</summary>
public sealed class ComplexSparseSolver : SparseSolver<Complex>
{
    /// <summary>Creates a solver for the (complete) pattern.</summary>
    public ComplexSparseSolver(SparsePattern pattern) : base(new SparseLU<Complex, ComplexOps>(pattern)) { }
}
