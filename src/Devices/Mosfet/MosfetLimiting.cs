namespace Perovspice.Devices.Mosfet;

/// <summary>
/// SPICE's Newton step limiting for MOSFET terminal voltages (Nagel's SPICE2 thesis): the gate–source voltage is
/// kept from jumping across the threshold in one step, the drain–source voltage from growing too fast. Each
/// returns the voltage to use and whether it differs from the new one.
/// </summary>
public static class MosfetLimiting
{
    /// <summary>Limits a gate voltage step <paramref name="vOld"/> → <paramref name="vNew"/> around threshold
    /// <paramref name="vto"/> (SPICE's fetlim).</summary>
    public static double Gate(double vNew, double vOld, double vto, out bool limited)
    {
        double v = vNew;
        double hi = Math.Abs(2 * (vOld - vto)) + 2;
        double lo = Math.Abs(vOld - vto) + 1;
        double vtox = vto + 3.5;
        double delta = vNew - vOld;
        if (vOld >= vto)
        {
            if (vOld >= vtox)
            {
                if (delta <= 0)
                {
                    // going off
                    if (vNew >= vtox) { if (-delta > lo) v = vOld - lo; }
                    else v = Math.Max(vNew, vto + 2);
                }
                else if (delta >= hi) v = vOld + hi; // staying on
            }
            else
            {
                // middle region
                v = delta <= 0 ? Math.Max(vNew, vto - 0.5) : Math.Min(vNew, vto + 4);
            }
        }
        else
        {
            // off
            if (delta <= 0) { if (-delta > hi) v = vOld - hi; }
            else
            {
                double on = vto + 0.5;
                if (vNew <= on) { if (delta > lo) v = vOld + lo; }
                else v = on;
            }
        }
        limited = v != vNew;
        return v;
    }

    /// <summary>Limits a drain–source voltage step (SPICE's limvds).</summary>
    public static double DrainSource(double vNew, double vOld, out bool limited)
    {
        double v = vNew;
        if (vOld >= 3.5)
        {
            if (vNew > vOld) v = Math.Min(vNew, 3 * vOld + 2);
            else if (vNew < 3.5) v = Math.Max(vNew, 2);
        }
        else
        {
            v = vNew > vOld ? Math.Min(vNew, 4) : Math.Max(vNew, -0.5);
        }
        limited = v != vNew;
        return v;
    }
}
