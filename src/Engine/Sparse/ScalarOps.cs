using System.Numerics;

namespace Perovspice.Engine.Sparse;

/// <summary>
/// Scalar operations the sparse LU needs beyond <see cref="INumberBase{T}"/>: a real magnitude for pivot tests.
/// Implemented by empty structs so that generic code specialised on them is inlined by the JIT (no virtual calls).
/// </summary>
internal interface IScalarOps<T>
{
    /// <summary>The magnitude |x| used for threshold pivoting.</summary>
    static abstract double Magnitude(T x);
}

/// <summary>Operations for <see cref="double"/>.</summary>
internal readonly struct RealOps : IScalarOps<double>
{
    public static double Magnitude(double x) => Math.Abs(x);
}

/// <summary>Operations for <see cref="Complex"/>.</summary>
internal readonly struct ComplexOps : IScalarOps<Complex>
{
    public static double Magnitude(Complex x) => Complex.Abs(x);
}
