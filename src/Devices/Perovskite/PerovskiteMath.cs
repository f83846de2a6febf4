namespace Perovspice.Devices.Perovskite;

/// <summary>Overflow-safe exponential and logistic functions and Newton-step limiting for the memristor
/// models: no input produces Inf or NaN.</summary>
internal static class PerovskiteMath
{
    /// <summary>Above this argument exp is continued linearly (exp(80) ≈ 5.5e34).</summary>
    public const double ExpLimit = 80;

    /// <summary>Largest change of an exponent argument (in units of its ideality voltage) per Newton iteration.</summary>
    public const double MaxExponentStep = 5;

    /// <summary>exp(x) for x ≤ <see cref="ExpLimit"/>, continued linearly (C¹) above; returns the derivative too.</summary>
    public static double Exp(double x, out double derivative)
    {
        if (x <= ExpLimit)
        {
            double e = Math.Exp(x);
            derivative = e;
            return e;
        }
        double eMax = Math.Exp(ExpLimit);
        derivative = eMax;
        return eMax * (1 + (x - ExpLimit));
    }

    /// <summary>The logistic σ(z) = 1/(1 + e^(−z)) and its complement 1 − σ(z), both without cancellation or
    /// overflow; σ'(z) = σ·(1 − σ).</summary>
    public static double Logistic(double z, out double complement)
    {
        if (z >= 0)
        {
            double e = Math.Exp(-z);
            complement = e / (1 + e);
            return 1 / (1 + e);
        }
        else
        {
            double e = Math.Exp(z);
            complement = 1 / (1 + e);
            return e / (1 + e);
        }
    }

    /// <summary>SPICE-style limiting of an exponent argument: the new value moves at most
    /// <see cref="MaxExponentStep"/> from the value used at the previous iteration.</summary>
    public static double Limit(double zNew, double zOld, out bool limited)
    {
        double dz = zNew - zOld;
        limited = Math.Abs(dz) > MaxExponentStep;
        return limited ? zOld + Math.CopySign(MaxExponentStep, dz) : zNew;
    }
}
