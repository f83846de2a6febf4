namespace Perovspice.Devices.Bsim3;

/// <summary>
/// A value with its exact first derivatives with respect to the three MOSFET controlling voltages vgs, vds and vbs
/// (forward-mode automatic differentiation). BSIM3's long chain of smoothing functions is written once on this
/// type, and the Jacobian entries (gm, gds, gmbs, the capacitances) come out analytically, to rounding, with no
/// hand-derived derivative chain to get wrong.
/// </summary>
public readonly struct Dual3
{
    /// <summary>The value.</summary>
    public readonly double V;
    /// <summary>∂/∂vgs.</summary>
    public readonly double G;
    /// <summary>∂/∂vds.</summary>
    public readonly double D;
    /// <summary>∂/∂vbs.</summary>
    public readonly double B;

    /// <summary>A value with the given partial derivatives.</summary>
    public Dual3(double v, double g, double d, double b)
    {
        V = v; G = g; D = d; B = b;
    }

    /// <summary>A constant (all derivatives zero).</summary>
    public static implicit operator Dual3(double v) => new(v, 0, 0, 0);

    /// <summary>Sum.</summary>
    public static Dual3 operator +(Dual3 a, Dual3 b) => new(a.V + b.V, a.G + b.G, a.D + b.D, a.B + b.B);
    /// <summary>Difference.</summary>
    public static Dual3 operator -(Dual3 a, Dual3 b) => new(a.V - b.V, a.G - b.G, a.D - b.D, a.B - b.B);
    /// <summary>Negation.</summary>
    public static Dual3 operator -(Dual3 a) => new(-a.V, -a.G, -a.D, -a.B);
    /// <summary>Product.</summary>
    public static Dual3 operator *(Dual3 a, Dual3 b) =>
        new(a.V * b.V, a.G * b.V + a.V * b.G, a.D * b.V + a.V * b.D, a.B * b.V + a.V * b.B);
    /// <summary>Scaling.</summary>
    public static Dual3 operator *(Dual3 a, double s) => new(a.V * s, a.G * s, a.D * s, a.B * s);
    /// <summary>Scaling.</summary>
    public static Dual3 operator *(double s, Dual3 a) => new(a.V * s, a.G * s, a.D * s, a.B * s);
    /// <summary>Quotient.</summary>
    public static Dual3 operator /(Dual3 a, Dual3 b)
    {
        double q = a.V / b.V, r = 1 / b.V;
        return new(q, (a.G - q * b.G) * r, (a.D - q * b.D) * r, (a.B - q * b.B) * r);
    }
    /// <summary>Division by a constant.</summary>
    public static Dual3 operator /(Dual3 a, double s) => a * (1 / s);
    /// <summary>A constant divided by a dual.</summary>
    public static Dual3 operator /(double s, Dual3 b)
    {
        double q = s / b.V, k = -q / b.V;
        return new(q, k * b.G, k * b.D, k * b.B);
    }

    /// <summary>Applies a scalar function with value <paramref name="f"/> and derivative <paramref name="df"/>.</summary>
    public Dual3 Chain(double f, double df) => new(f, df * G, df * D, df * B);

    /// <summary>Square root (the argument must be positive for a finite derivative).</summary>
    public static Dual3 Sqrt(Dual3 a)
    {
        double s = Math.Sqrt(a.V);
        return a.Chain(s, 0.5 / s);
    }

    /// <summary>Exponential.</summary>
    public static Dual3 Exp(Dual3 a)
    {
        double e = Math.Exp(a.V);
        return a.Chain(e, e);
    }

    /// <summary>Natural logarithm.</summary>
    public static Dual3 Log(Dual3 a) => a.Chain(Math.Log(a.V), 1 / a.V);

    /// <summary>a^p for a constant exponent.</summary>
    public static Dual3 Pow(Dual3 a, double p)
    {
        double v = Math.Pow(a.V, p);
        return a.Chain(v, p * Math.Pow(a.V, p - 1));
    }

    /// <inheritdoc />
    public override string ToString() => $"{V:R} [g {G:R}, d {D:R}, b {B:R}]";
}
