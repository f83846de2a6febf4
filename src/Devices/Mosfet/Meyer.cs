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

    /// <summary>Width (V) of the vds range over which the below-threshold gate–channel charge passes from an even
    /// source/drain split (vds = 0) to Meyer's all-to-source.</summary>
    public const double SplitWidth = 0.05;

    /// <summary>
    /// Gate charges whose derivatives are Meyer's capacitances wherever Meyer's model derives from one gate
    /// charge (accumulation, depletion, saturation, and the linear region with vdsat = vgst as in level 1):
    /// the gate–bulk charge integrates cgb along vgst; below threshold the gate–channel charge integrates Meyer's
    /// cgs along vgst and is split source : drain as (1 − w) : w with w = ½·e^(−vds/0.05 V) (so that it is
    /// continuous where source and drain exchange at vds = 0; Meyer puts it all on the source); above threshold
    /// the channel charge (2/3)·cox·[(vgst − a) + (a² + ab + b²)/(a + b)] with a = min(vdsat, vgst) and
    /// b = max(a − vds, 0) is split source : drain in the ratio a : b (equal at vds = 0, so continuous where
    /// source and drain exchange; all to the source in saturation).
    /// </summary>
    public static void Charges(Dual vgst, Dual vds, Dual vdsat, double phi, double cox,
        out Dual qgs, out Dual qgd, out Dual qgb)
    {
        Dual zero = 0;
        qgs = qgd = qgb = zero;
        if (cox == 0) return;
        if (vgst.V <= 0)
        {
            Dual channel;
            if (vgst.V <= -phi)
            {
                qgb = cox * (vgst + phi / 2);
                channel = -cox * phi / 6;
            }
            else
            {
                qgb = -cox / (2 * phi) * vgst * vgst;
                channel = vgst.V <= -phi / 2 ? -cox * phi / 6 : 2.0 / 3 * cox * (vgst + vgst * vgst / phi);
            }
            Dual w = 0.5 * Dual.Exp(-vds / SplitWidth);
            qgs = (1 - w) * channel;
            qgd = w * channel;
            return;
        }
        Dual a = Dual.Min(vdsat, vgst), b = a - vds;
        if (b.V <= 0 || a.V <= 0) qgs = 2.0 / 3 * cox * vgst;
        else
        {
            Dual sum = a + b;
            Dual channel = 2.0 / 3 * cox * (vgst - a + (a * a + a * b + b * b) / sum);
            qgs = channel * a / sum;
            qgd = channel * b / sum;
        }
    }
}
