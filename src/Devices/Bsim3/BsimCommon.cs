namespace Perovspice.Devices.Bsim3;

/// <summary>Formulas BSIM3v3 and BSIM4 share word for word (BSIM4 keeps BSIM3's saturation-region terms).</summary>
internal static class BsimCommon
{
    /// <summary>The saturation-voltage factor λ of the non-saturation effect (BSIM3v3 manual, saturation region, a1, a2;
    /// BSIM4 the same): a2 when a1 = 0, otherwise smoothly limited to [a2, 1] (a1 &gt; 0) or [0, a2] (a1 &lt; 0) as
    /// Vgsteff grows.</summary>
    public static Dual3 Lambda(Dual3 vgsteff, double a1, double a2)
    {
        if (a1 == 0) return a2;
        if (a1 > 0)
        {
            double a = 1 - a2;
            Dual3 b = a - a1 * vgsteff - 0.0001;
            return a2 + a - 0.5 * (b + Dual3.Sqrt(b * b + 0.0004 * a));
        }
        Dual3 c = a2 + a1 * vgsteff - 0.0001;
        return 0.5 * (c + Dual3.Sqrt(c * c + 0.0004 * a2));
    }
}
