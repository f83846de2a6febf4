namespace Perovspice.Engine.Sparse;

/// <summary>Thrown when a factorization finds no usable pivot; names the unknown (1-based) where it failed.</summary>
public sealed class SingularMatrixException : Exception
{
    /// <summary>Creates the exception for unknown <paramref name="unknown"/>.</summary>
    public SingularMatrixException(int unknown)
        : base($"singular matrix at unknown {unknown}") => Unknown = unknown;

    /// <summary>The 1-based unknown (row/column of the original matrix) whose pivot vanished.</summary>
    public int Unknown { get; }
}
