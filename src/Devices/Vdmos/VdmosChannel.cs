namespace Perovspice.Devices.Vdmos;

/// <summary>
/// The VDMOS channel current and gate-drain charge in the n-channel frame (docs/models.md, "VDMOS power MOSFET",
/// equations V1–V6), with their partial derivatives.
/// </summary>
public static class VdmosChannel
{
    /// <summary>
    /// Drain' → source' current <paramref name="i"/> at intrinsic vgs, vds (n-channel frame; negative vds is the
    /// inverse mode, the drain acting as source), with ∂i/∂vgs = <paramref name="gmg"/> and ∂i/∂vds =
    /// <paramref name="gmd"/>. <paramref name="beta"/> = kp(T), <paramref name="von"/> the threshold,
    /// <paramref name="ksub"/> the subthreshold slope (0: none), <paramref name="shift"/> = subshift.
    /// </summary>
    public static void Current(double vgs, double vds, double beta, double von, double ksub, double shift,
        double lambda, double theta, double mtriode, out double i, out double gmg, out double gmd)
    {
        double mode = vds >= 0 ? 1 : -1;
        // the controlling gate voltage is vgs in normal mode, vgd in inverse mode
        double vgm = mode > 0 ? vgs : vgs - vds;
        double dvgmDvds = mode > 0 ? 0 : -1;
        double x = vgm - von - shift;
        double u, sigma;
        if (ksub > 0)
        {
            // u = ksub·ln(1 + e^(x/ksub)), written without overflow; σ = du/dx
            double z = x / ksub;
            u = z > 0 ? x + ksub * Math.Log(1 + Math.Exp(-z)) : ksub * Math.Log(1 + Math.Exp(z));
            sigma = z > 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
        }
        else
        {
            u = Math.Max(x, 0);
            sigma = x > 0 ? 1 : 0;
        }
        double vdss = mode * vds * mtriode;
        double a = 1 + lambda * vds;
        double b = Math.Max(1 + theta * vgs, 1e-3);
        double bp = beta * a / b;
        double dbpDvgs = 1 + theta * vgs > 1e-3 ? -beta * theta * a / (b * b) : 0;
        double dbpDvds = beta * lambda / b;
        double id, dIdVgs, dIdVds;
        if (u <= vdss)
        {
            // saturation
            id = bp * u * u / 2;
            dIdVgs = dbpDvgs * u * u / 2 + bp * u * sigma;
            dIdVds = dbpDvds * u * u / 2 + bp * u * sigma * dvgmDvds;
        }
        else
        {
            // triode
            double f = vdss * (u - vdss / 2);
            id = bp * f;
            dIdVgs = dbpDvgs * f + bp * vdss * sigma;
            dIdVds = dbpDvds * f + bp * (mode * mtriode * (u - vdss) + vdss * sigma * dvgmDvds);
        }
        i = mode * id;
        gmg = mode * dIdVgs;
        gmd = mode * dIdVds;
    }

    /// <summary>
    /// Gate-drain charge <paramref name="q"/> (on the gate, from vgd = 0) and capacitance <paramref name="c"/> at
    /// vgd: C = y + s·tanh(a·vgd) above 0, y + s·atan(a·vgd) below, s = (cgdmax − cgdmin)/(1 + π/2),
    /// y = cgdmax − s; Q = ∫₀^vgd C.
    /// </summary>
    public static void GateDrain(double vgd, double cgdmin, double cgdmax, double a, out double q, out double c)
    {
        double s = (cgdmax - cgdmin) / (1 + Math.PI / 2), y = cgdmax - s;
        double x = a * vgd;
        if (vgd > 0)
        {
            // ln cosh x = |x| + ln(1 + e^(−2|x|)) − ln 2
            double lncosh = x + Math.Log(1 + Math.Exp(-2 * x)) - Math.Log(2);
            q = y * vgd + s / a * lncosh;
            c = y + s * Math.Tanh(x);
        }
        else
        {
            q = y * vgd + s * (vgd * Math.Atan(x) - Math.Log(1 + x * x) / (2 * a));
            c = y + s * Math.Atan(x);
        }
    }
}
