namespace Perovspice.Devices.Mosfet;

/// <summary>
/// Meyer's gate capacitances (SPICE's intrinsic MOSFET capacitance model) and the gate charges this simulator
/// integrates in their place. All voltages are in the frame of the conducting direction (the "source" is the
/// lower-potential channel end) and sign-normalised for the channel type. See docs/models.md, "MOSFET — gate
/// charge".
/// </summary>
public static class Meyer
{
    /// <summary>
    /// Meyer's capacitances (full values, F): gate–source <paramref name="cgs"/>, gate–drain <paramref name="cgd"/>
    /// and gate–bulk <paramref name="cgb"/> for vgst = vgs − von, vds ≥ 0, saturation voltage vdsat, surface
    /// potential phi and oxide capacitance cox = Cox·Leff·W.
    /// </summary>
    public static void Capacitances(double vgst, double vds, double vdsat, double phi, double cox,
        out double cgs, out double cgd, out double cgb)
    {
        cgs = cgd = cgb = 0;
        if (vgst <= -phi) cgb = cox;
        else if (vgst <= -phi / 2) cgb = -vgst * cox / phi;
        else if (vgst <= 0)
        {
            cgb = -vgst * cox / phi;
            cgs = 4.0 / 3 * cox * vgst / phi + 2.0 / 3 * cox;
        }
        else if (vdsat <= vds) cgs = 2.0 / 3 * cox;
        else
        {
            double s = 2 * vdsat - vds, t = vdsat - vds;
            cgd = 2.0 / 3 * cox * (1 - vdsat * vdsat / (s * s));
            cgs = 2.0 / 3 * cox * (1 - t * t / (s * s));
        }
    }

    /// <summary>
    /// Gate charges whose derivatives are Meyer's capacitances wherever Meyer's model derives from one gate
    /// charge (accumulation, depletion, saturation, and the linear region with vdsat = vgst as in level 1):
    /// the gate–bulk charge integrates cgb along vgst; the channel charge is
    /// (2/3)·cox·[(vgst − a) + (a² + ab + b²)/(a + b)] with a = vdsat and b = max(vdsat − vds, 0), split between
    /// source and drain in the ratio a : b (equal at vds = 0, all to the source in saturation).
    /// </summary>
    public static void Charges(Dual vgst, Dual vds, Dual vdsat, double phi, double cox,
        out Dual qgs, out Dual qgd, out Dual qgb)
    {
        Dual zero = 0;
        qgs = qgd = qgb = zero;
        if (cox == 0) return;
        if (vgst.V <= -phi)
        {
            qgb = cox * (vgst + phi / 2);
            qgs = -cox * phi / 6;
        }
        else if (vgst.V <= -phi / 2)
        {
            qgb = -cox / (2 * phi) * vgst * vgst;
            qgs = -cox * phi / 6;
        }
        else if (vgst.V <= 0)
        {
            qgb = -cox / (2 * phi) * vgst * vgst;
            qgs = 2.0 / 3 * cox * (vgst + vgst * vgst / phi);
        }
        else
        {
            Dual a = vdsat, b = vdsat - vds;
            if (b.V <= 0 || a.V <= 0) qgs = 2.0 / 3 * cox * vgst;
            else
            {
                Dual sum = a + b;
                Dual h = (a * a + a * b + b * b) / sum;
                qgs = 2.0 / 3 * cox * (vgst - a + h * a / sum);
                qgd = 2.0 / 3 * cox * (h * b / sum);
            }
        }
    }
}
