namespace Perovspice.Devices;

/// <summary>
/// The SPICE depletion charge of a pn junction and its temperature laws, shared by the BJT and the JFET.
/// </summary>
public static class Depletion
{
    /// <summary>Reference temperature of the junction-potential law (27 °C) in kelvin.</summary>
    public const double ReferenceTemperature = Units.NominalTemperature;

    /// <summary>
    /// Charge and capacitance of a junction of zero-bias capacitance <paramref name="cj0"/>, potential
    /// <paramref name="vj"/> and grading <paramref name="m"/> at voltage <paramref name="v"/>:
    /// C = cj0 (1 − v/vj)^−m below fc·vj, continued linearly in v above it (C = cj0/(1−fc)^(1+m)·(1 − fc(1+m) + m v/vj)),
    /// Q = ∫C dv from 0. Adds to <paramref name="q"/> and <paramref name="c"/>.
    /// </summary>
    public static void Add(double v, double cj0, double vj, double m, double fc, ref double q, ref double c)
    {
        if (cj0 == 0) return;
        double fcv = fc * vj;
        if (v < fcv)
        {
            double s = 1 - v / vj;
            double sm = Math.Exp(-m * Math.Log(s));
            q += cj0 * vj * (1 - s * sm) / (1 - m);
            c += cj0 * sm;
        }
        else
        {
            double f1 = vj * (1 - Math.Pow(1 - fc, 1 - m)) / (1 - m);
            double f2 = Math.Pow(1 - fc, 1 + m);
            double f3 = 1 - fc * (1 + m);
            q += cj0 * (f1 + (f3 * (v - fcv) + m / (2 * vj) * (v * v - fcv * fcv)) / f2);
            c += cj0 / f2 * (f3 + m * v / vj);
        }
    }

    /// <summary>Silicon band gap (eV) at <paramref name="kelvin"/>: 1.16 − 7.02e-4·T²/(T + 1108).</summary>
    public static double SiliconGap(double kelvin) => 1.16 - 7.02e-4 * kelvin * kelvin / (kelvin + 1108);

    // P(T) = Eg(T) − (T/Tref)·Eg(Tref) − 3·vt(T)·ln(T/Tref): the part of the junction potential that is not
    // proportional to T (intrinsic carrier density ~ T^1.5·exp(−Eg/2kT)).
    private static double NonLinearPart(double t) =>
        SiliconGap(t) - t / ReferenceTemperature * ReferenceGap
        - 3 * SpiceThermal.Voltage(t) * Math.Log(t / ReferenceTemperature);

    /// <summary>Silicon band gap at the reference temperature as SPICE rounds it (eV).</summary>
    private const double ReferenceGap = 1.1150877;

    /// <summary>Junction potential at <paramref name="t"/> given <paramref name="vjNominal"/> at
    /// <paramref name="tnom"/>: vj(T) = (T/Tnom)(vj(Tnom) − P(Tnom)) + P(T).</summary>
    public static double Potential(double vjNominal, double tnom, double t) =>
        t / tnom * (vjNominal - NonLinearPart(tnom)) + NonLinearPart(t);

    /// <summary>Zero-bias capacitance at <paramref name="t"/> given <paramref name="cjNominal"/> at
    /// <paramref name="tnom"/> (grading <paramref name="m"/>): cj ∝ 1 + m(4e-4·(T − Tref) − (vj(T) − vj0)/vj0),
    /// with vj0 the potential at Tref.</summary>
    public static double Capacitance(double cjNominal, double vjNominal, double m, double tnom, double t)
    {
        if (t == tnom) return cjNominal;
        double vj0 = Potential(vjNominal, tnom, ReferenceTemperature);
        double factorNom = 1 + m * (4e-4 * (tnom - ReferenceTemperature) - (vjNominal - vj0) / vj0);
        double factor = 1 + m * (4e-4 * (t - ReferenceTemperature) - (Potential(vjNominal, tnom, t) - vj0) / vj0);
        return cjNominal * factor / factorNom;
    }
}

/// <summary>
/// kT/q as ngspice 39 computes it: with the CODATA-2014 constants k = 1.38064852e-23 J/K and
/// q = 1.6021766208e-19 C (3.5e-7 relative above the exact 2019 SI ratio of <see cref="Units"/>). Junction
/// currents go as e^(v/vt) with v/vt ≈ 30, so the SI value would put every forward current 1e-5 away from
/// ngspice's; the BJT and JFET use this one.
/// </summary>
public static class SpiceThermal
{
    /// <summary>Boltzmann constant k (J/K), CODATA 2014.</summary>
    public const double Boltzmann = 1.38064852e-23;
    /// <summary>Elementary charge q (C), CODATA 2014.</summary>
    public const double Charge = 1.6021766208e-19;
    /// <summary>kT/q at <paramref name="kelvin"/>.</summary>
    public static double Voltage(double kelvin) => Boltzmann / Charge * kelvin;
}
