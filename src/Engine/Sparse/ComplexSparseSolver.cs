using System.Numerics;

namespace Perovspice.Engine.Sparse;

/// <summary>
/// Sparse LU solver for complex matrices. The first <see cref="Factor"/> picks a pivot order (Markowitz cost with
/// threshold partial pivoting, diagonal preferred) from the structure and values and fixes the fill pattern;
/// later calls refactor numerically into preallocated arrays without allocating, and pivot afresh only when a
/// pivot falls below <see cref="PivotRelativeTolerance"/> × its column maximum (or is zero).
/// The pattern must be complete when the solver is created.
/// </summary>
public sealed class ComplexSparseSolver : ILinearSolver<Complex>
{
    private readonly SparseLU<Complex, ComplexOps> _lu;

    /// <summary>Creates a solver for the (complete) pattern.</summary>
    public ComplexSparseSolver(SparsePattern pattern) => _lu = new SparseLU<Complex, ComplexOps>(pattern);

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

    /// <summary>Fill-ins: entries of L+U that are not entries of the matrix (0 before the first Factor).</summary>
    public int FillIns => _lu.FactorNonZeros == 0 ? 0 : _lu.FactorNonZeros - _lu.SlotCount;

    /// <summary>Forgets the pivot order so that the next <see cref="Factor"/> pivots from scratch.</summary>
    public void ForceReorder() => _lu.ForgetOrder();

    /// <inheritdoc />
    public void Factor(ReadOnlySpan<Complex> values) => _lu.Factor(values);

    /// <inheritdoc />
    public void Solve(Span<Complex> rhs) => _lu.Solve(rhs);
}
