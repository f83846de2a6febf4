namespace Perovspice.Devices.Bsim3;

/// <summary>SPICE's MOSFET Newton step limits (as described in the SPICE3 documentation of the MOS models).</summary>
public static class Bsim3Limits
{
    /// <summary>
    /// fetlim: limits a new gate voltage against the previous one relative to the threshold <paramref name="vto"/>:
    /// far above threshold steps are bounded by 2|vold − vto| + 2 upward and |vold − vto| + 1 downward, near
    /// threshold the step may not cross vto − 0.5 / vto + 4, and below threshold it may not jump above vto + 0.5.
    /// </summary>
    public static double FetLim(double vnew, double vold, double vto)
    {
        double hi = 2 * Math.Abs(vold - vto) + 2;
        double lo = Math.Abs(vold - vto) + 1;
        double vtox = vto + 3.5;
        double delv = vnew - vold;
        if (vold >= vto)
        {
            if (vold >= vtox)
            {
                if (delv <= 0)
                {
                    if (vnew >= vtox) { if (-delv > lo) vnew = vold - lo; }
                    else vnew = Math.Max(vnew, vto + 2);
                }
                else if (delv >= hi) vnew = vold + hi;
            }
            else
            {
                vnew = delv <= 0 ? Math.Max(vnew, vto - 0.5) : Math.Min(vnew, vto + 4);
            }
        }
        else
        {
            if (delv <= 0)
            {
                if (-delv > hi) vnew = vold - hi;
            }
            else
            {
                double vtemp = vto + 0.5;
                if (vnew <= vtemp) { if (delv > lo) vnew = vold + lo; }
                else vnew = vtemp;
            }
        }
        return vnew;
    }

    /// <summary>limvds: bounds a drain–source step (to 3·vold + 2 upward above 3.5 V, to 4 V upward and −0.5 V
    /// downward below).</summary>
    public static double LimVds(double vnew, double vold)
    {
        if (vold >= 3.5)
        {
            if (vnew > vold) vnew = Math.Min(vnew, 3 * vold + 2);
            else if (vnew < 3.5) vnew = Math.Max(vnew, 2);
        }
        else
        {
            vnew = vnew > vold ? Math.Min(vnew, 4) : Math.Max(vnew, -0.5);
        }
        return vnew;
    }
}
