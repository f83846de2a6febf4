namespace Perovspice.Devices.Mosfet;

/// <summary>
/// Meyer's gate capacitances (SPICE's intrinsic MOSFET capacitance model). All voltages are in the frame of the
/// conducting direction (the "source" is the lower-potential channel end) and sign-normalised for the channel
/// type. See docs/models.md, "MOSFET — gate capacitance".
/// </summary>
public static class Meyer
{
    /// <summary>
    /// Meyer's capacitances (full values, F): gate–source <paramref name="cgs"/>, gate–drain <paramref name="cgd"/>
    /// and gate–bulk <paramref name="cgb"/> for vgst = vgs − von, vds ≥ 0, saturation voltage vdsat, surface
    /// potential phi and oxide capacitance cox = Cox·Leff·W; with their derivatives with respect to the device
    /// voltages (carried by vgst, vds and vdsat), for the Jacobian of the Meyer currents C(v)·dv/dt.
    /// </summary>
    public static void Capacitances(Dual vgst, Dual vds, Dual vdsat, double phi, double cox,
        out Dual cgs, out Dual cgd, out Dual cgb)
    {
        Dual zero = 0;
        cgs = cgd = cgb = zero;
        if (vgst.V <= -phi) cgb = cox;
        else if (vgst.V <= -phi / 2) cgb = -cox / phi * vgst;
        else if (vgst.V <= 0)
        {
            cgb = -cox / phi * vgst;
            cgs = 4.0 / 3 * cox / phi * vgst + 2.0 / 3 * cox;
        }
        else if (vdsat.V <= vds.V) cgs = 2.0 / 3 * cox;
        else
        {
            Dual s = 2 * vdsat - vds, t = vdsat - vds;
            Dual s2 = s * s;
            cgd = 2.0 / 3 * cox * (1 - vdsat * vdsat / s2);
            cgs = 2.0 / 3 * cox * (1 - t * t / s2);
        }
    }
}
