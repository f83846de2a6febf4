namespace Perovspice.Devices.Mosfet;

/// <summary>The bulk–drain and bulk–source pn junctions of a MOSFET: current and depletion charge.</summary>
public static class BulkJunction
{
    /// <summary>
    /// Junction current (bulk to diffusion) with gmin in parallel: is·(e^(v/vt) − 1) above −3·vt, and the
    /// saturated −is below −3·vt, as ngspice 39's MOSFET levels 1–3 (measured: at v = −0.1 V, is = 1 nA, ngspice
    /// gives exactly −is + gmin·v). The step of is·e^−3 ≈ 0.05·is at −3·vt is ngspice's; it is far below any
    /// tolerance that matters for a junction of is ≲ 1e−12 A.
    /// </summary>
    public static Dual Current(Dual v, double isat, double vt, double gmin)
    {
        double x = v.V;
        double i, g;
        if (x <= -3 * vt)
        {
            i = -isat;
            g = 0;
        }
        else
        {
            double e = Junction.SafeExp(x / vt, out double de);
            i = isat * (e - 1);
            g = isat * de / vt;
        }
        return v.Chain(i + gmin * x, g + gmin);
    }

    /// <summary>
    /// Depletion charge of a junction with bottom and sidewall zero-bias capacitances <paramref name="cBottom"/>
    /// and <paramref name="cSide"/>: q = cz·pb·(1 − (1 − v/pb)^(1−m))/(1 − m) below fc·pb, continued above with the
    /// capacitance linear in v (value and slope continuous), for each part with its grading m.
    /// </summary>
    public static Dual Charge(Dual v, double cBottom, double cSide, double pb, double mj, double mjsw, double fc)
    {
        double q = 0, c = 0;
        Add(v.V, cBottom, pb, mj, fc, ref q, ref c);
        Add(v.V, cSide, pb, mjsw, fc, ref q, ref c);
        return v.Chain(q, c);
    }

    private static void Add(double v, double cz, double pb, double m, double fc, ref double q, ref double c)
    {
        if (cz == 0) return;
        double fcv = fc * pb;
        if (v < fcv)
        {
            double s = 1 - v / pb;
            double sm = Math.Pow(s, -m);
            q += cz * pb / (1 - m) * (1 - s * sm);
            c += cz * sm;
        }
        else
        {
            double f1 = pb / (1 - m) * (1 - Math.Pow(1 - fc, 1 - m));
            double f2 = Math.Pow(1 - fc, 1 + m);
            double f3 = 1 - fc * (1 + m);
            q += cz * (f1 + (f3 * (v - fcv) + m / (2 * pb) * (v * v - fcv * fcv)) / f2);
            c += cz / f2 * (f3 + m * v / pb);
        }
    }
}
