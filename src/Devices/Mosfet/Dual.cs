namespace Perovspice.Devices.Mosfet;

/// <summary>
/// A value with its partial derivatives with respect to the three controlling voltages of a MOSFET (vgs, vds,
/// vbs, source-referenced and sign-normalised for the channel type): forward-mode automatic differentiation, so
/// that every level's Jacobian is the exact derivative of the current and charges it computes.
/// </summary>
public readonly struct Dual
{
    /// <summary>The value.</summary>
    public readonly double V;
    /// <summary>∂/∂vgs.</summary>
    public readonly double G;
    /// <summary>∂/∂vds.</summary>
    public readonly double D;
    /// <summary>∂/∂vbs.</summary>
    public readonly double B;

    /// <summary>Creates a value with its partials.</summary>
    public Dual(double v, double g = 0, double d = 0, double b = 0)
    {
        V = v; G = g; D = d; B = b;
    }

    /// <summary>A constant.</summary>
    public static implicit operator Dual(double v) => new(v);

    /// <summary>Sum.</summary>
    public static Dual operator +(Dual a, Dual b) => new(a.V + b.V, a.G + b.G, a.D + b.D, a.B + b.B);
    /// <summary>Difference.</summary>
    public static Dual operator -(Dual a, Dual b) => new(a.V - b.V, a.G - b.G, a.D - b.D, a.B - b.B);
    /// <summary>Negation.</summary>
    public static Dual operator -(Dual a) => new(-a.V, -a.G, -a.D, -a.B);
    /// <summary>Product.</summary>
    public static Dual operator *(Dual a, Dual b) =>
        new(a.V * b.V, a.G * b.V + a.V * b.G, a.D * b.V + a.V * b.D, a.B * b.V + a.V * b.B);
    /// <summary>Product with a constant.</summary>
    public static Dual operator *(double k, Dual a) => new(k * a.V, k * a.G, k * a.D, k * a.B);
    /// <summary>Product with a constant.</summary>
    public static Dual operator *(Dual a, double k) => new(k * a.V, k * a.G, k * a.D, k * a.B);
    /// <summary>Quotient.</summary>
    public static Dual operator /(Dual a, Dual b)
    {
        double q = a.V / b.V, inv = 1 / b.V;
        return new(q, (a.G - q * b.G) * inv, (a.D - q * b.D) * inv, (a.B - q * b.B) * inv);
    }
    /// <summary>Quotient by a constant.</summary>
    public static Dual operator /(Dual a, double k) => new(a.V / k, a.G / k, a.D / k, a.B / k);

    /// <summary>Applies a function with value <paramref name="f"/> and slope <paramref name="df"/> at V.</summary>
    public Dual Chain(double f, double df) => new(f, df * G, df * D, df * B);

    /// <summary>Square root (argument &gt; 0).</summary>
    public static Dual Sqrt(Dual a)
    {
        double s = Math.Sqrt(a.V);
        return a.Chain(s, 0.5 / s);
    }

    /// <summary>Overflow-safe exponential (<see cref="Junction.SafeExp"/>).</summary>
    public static Dual Exp(Dual a)
    {
        double e = Junction.SafeExp(a.V, out double de);
        return a.Chain(e, de);
    }

    /// <summary>Natural logarithm (argument &gt; 0).</summary>
    public static Dual Log(Dual a) => a.Chain(Math.Log(a.V), 1 / a.V);

    /// <summary>a^p for a &gt; 0 and a constant p.</summary>
    public static Dual Pow(Dual a, double p)
    {
        double v = Math.Pow(a.V, p);
        return a.Chain(v, p * v / a.V);
    }

    /// <summary>The larger by value (its partials follow).</summary>
    public static Dual Max(Dual a, Dual b) => a.V >= b.V ? a : b;
    /// <summary>The smaller by value (its partials follow).</summary>
    public static Dual Min(Dual a, Dual b) => a.V <= b.V ? a : b;

    /// <summary>The value with the partials replaced by zero.</summary>
    public Dual Constant => new(V);

    /// <summary>First-order change of the value for voltage changes (dvgs, dvds, dvbs).</summary>
    public double Delta(double dvgs, double dvds, double dvbs) => G * dvgs + D * dvds + B * dvbs;

    /// <inheritdoc />
    public override string ToString() => $"{V} [{G}, {D}, {B}]";
}
