namespace Perovspice.Devices;

/// <summary>Numerical helpers for pn-junction exponentials: an overflow-safe exponential and SPICE-style
/// junction voltage limiting.</summary>
public static class Junction
{
    /// <summary>Exponent above which <see cref="SafeExp"/> continues linearly (e^80 ≈ 5.5e34).</summary>
    public const double MaxExponent = 80;

    private static readonly double ExpMax = Math.Exp(MaxExponent);

    /// <summary>
    /// e^x for x ≤ <see cref="MaxExponent"/>, continued linearly (value and slope matching) above it, so that no
    /// finite input gives Inf or NaN. <paramref name="derivative"/> is d/dx of the returned value.
    /// </summary>
    public static double SafeExp(double x, out double derivative)
    {
        if (x <= MaxExponent)
        {
            derivative = Math.Exp(x);
            return derivative;
        }
        derivative = ExpMax;
        return ExpMax * (1 + (x - MaxExponent));
    }

    /// <summary>Critical voltage vte·ln(vte/(√2·is)) above which <see cref="Limit"/> acts (vte = n·kT/q).</summary>
    public static double CriticalVoltage(double vte, double saturationCurrent) =>
        vte * Math.Log(vte / (Math.Sqrt(2) * saturationCurrent));

    /// <summary>
    /// SPICE's pn-junction limiting: when the new junction voltage is above <paramref name="vcrit"/> and moved by
    /// more than 2·vte from the previous iterate, the step is replaced by a logarithmic one (the voltage at which
    /// the exponential's linearisation at the old point would give the new current). Returns the voltage to use;
    /// <paramref name="limited"/> says whether it differs from <paramref name="vNew"/>.
    /// </summary>
    public static double Limit(double vNew, double vOld, double vte, double vcrit, out bool limited)
    {
        double v = vNew;
        if (vNew > vcrit && Math.Abs(vNew - vOld) > 2 * vte)
        {
            if (vOld > 0)
            {
                double arg = 1 + (vNew - vOld) / vte;
                v = arg > 0 ? vOld + vte * Math.Log(arg) : vcrit;
            }
            else if (vNew > 0)
            {
                v = vte * Math.Log(vNew / vte);
            }
        }
        limited = v != vNew;
        return v;
    }
}
