namespace Perovspice.Engine.Sparse;

/// <summary>
/// A factor-and-solve engine for the matrix described by a <see cref="SparsePattern"/>.
/// Values are passed as a flat array indexed by slot (slot 0, the trash slot, is ignored).
/// </summary>
/// <typeparam name="T">double or System.Numerics.Complex.</typeparam>
public interface ILinearSolver<T>
{
    /// <summary>Factors the matrix with the given slot values. Reuses the previous pivot order when every
    /// pivot stays acceptable; otherwise pivots again. Throws <see cref="SingularMatrixException"/>.</summary>
    void Factor(ReadOnlySpan<T> values);

    /// <summary>Solves A x = b in place: <paramref name="rhs"/> holds b on entry (indices 1..Size, index 0 ignored)
    /// and x on exit (index 0 set to zero).</summary>
    void Solve(Span<T> rhs);
}
