namespace Perovspice.Devices.Mosfet;

/// <summary>
/// The SPICE3 temperature laws of the MOSFET levels 1–3, evaluated once per device at its temperature T from the
/// model's values at the nominal temperature Tnom (docs/models.md, "MOSFET — temperature"):
/// kp and u0 scale as (T/Tnom)^−1.5; phi and pb follow the silicon band gap Eg(T) = 1.16 − 7.02e−4·T²/(T + 1108);
/// vto follows phi; the junction saturation currents scale as e^(−Eg(T)/vt + Eg(Tnom)/vtnom); the junction
/// capacitances follow pb.
/// </summary>
public sealed class MosfetTemperature
{
    /// <summary>The reference temperature of the band-gap law (K).</summary>
    public const double Reference = 300.15;
    /// <summary>Band gap of silicon at <see cref="Reference"/> as SPICE writes it (eV).</summary>
    private const double ReferenceGap = 1.1150877;

    /// <summary>Silicon band gap (eV) at <paramref name="kelvin"/>.</summary>
    public static double BandGap(double kelvin) => 1.16 - 7.02e-4 * kelvin * kelvin / (kelvin + 1108);

    /// <summary>The band-gap correction of a junction potential at <paramref name="kelvin"/> (SPICE's pbfact).</summary>
    private static double PotentialShift(double kelvin)
    {
        double vt = Units.ThermalVoltage(kelvin);
        double kt = Units.Boltzmann * kelvin;
        double arg = -BandGap(kelvin) / (2 * kt) + ReferenceGap / (Units.Boltzmann * 2 * Reference);
        return -2 * vt * (1.5 * Math.Log(kelvin / Reference) + Units.ElementaryCharge * arg);
    }

    /// <summary>Evaluates the laws for <paramref name="m"/> at device temperature <paramref name="kelvin"/>.</summary>
    public MosfetTemperature(MosfetModel m, double kelvin)
    {
        if (!(kelvin > 0)) throw new ArgumentException("temperature must be above 0 K");
        Kelvin = kelvin;
        Vt = Units.ThermalVoltage(kelvin);
        double tnom = m.Tnom;
        double vtnom = Units.ThermalVoltage(tnom);
        double fact1 = tnom / Reference, fact2 = kelvin / Reference;
        double eg1 = BandGap(tnom), eg = BandGap(kelvin);
        double shift1 = PotentialShift(tnom), shift = PotentialShift(kelvin);

        double ratio = kelvin / tnom;
        double ratio15 = ratio * Math.Sqrt(ratio);
        Kp = m.Kp / ratio15;
        U0 = m.U0 / ratio15;

        double phiRef = (m.Phi - shift1) / fact1;
        Phi = fact2 * phiRef + shift;
        Vbi = m.Vto - m.Type * m.Gamma * Math.Sqrt(m.Phi) + 0.5 * (eg1 - eg) + m.Type * 0.5 * (Phi - m.Phi);
        Vto = Vbi + m.Type * m.Gamma * Math.Sqrt(Phi);

        double satFactor = Math.Exp(-eg / Vt + eg1 / vtnom);
        Is = m.Is * satFactor;
        Js = m.Js * satFactor;

        double pbRef = (m.Pb - shift1) / fact1;
        double gammaOld = (m.Pb - pbRef) / pbRef;
        Pb = fact2 * pbRef + shift;
        double gammaNew = (Pb - pbRef) / pbRef;
        double bottom = (1 + m.Mj * (4e-4 * (kelvin - Reference) - gammaNew))
                        / (1 + m.Mj * (4e-4 * (tnom - Reference) - gammaOld));
        double side = (1 + m.Mjsw * (4e-4 * (kelvin - Reference) - gammaNew))
                      / (1 + m.Mjsw * (4e-4 * (tnom - Reference) - gammaOld));
        Cbd = m.Cbd * bottom;
        Cbs = m.Cbs * bottom;
        Cj = m.Cj * bottom;
        Cjsw = m.Cjsw * side;
        if (!(Phi > 0)) throw new ArgumentException($"surface potential phi is {Phi:G4} V at {kelvin - Units.CelsiusToKelvin:G4} °C (must stay > 0)");
        if (!(Pb > 0)) throw new ArgumentException($"junction potential pb is {Pb:G4} V at {kelvin - Units.CelsiusToKelvin:G4} °C (must stay > 0)");
    }

    /// <summary>Device temperature (K).</summary>
    public double Kelvin { get; }
    /// <summary>Thermal voltage kT/q (V).</summary>
    public double Vt { get; }
    /// <summary>kp at T (A/V²).</summary>
    public double Kp { get; }
    /// <summary>u0 at T (cm²/V·s).</summary>
    public double U0 { get; }
    /// <summary>Surface potential at T (V).</summary>
    public double Phi { get; }
    /// <summary>Built-in part of the threshold, vto − type·γ·√phi at T (V).</summary>
    public double Vbi { get; }
    /// <summary>Threshold voltage at T (V, sign as vto).</summary>
    public double Vto { get; }
    /// <summary>Junction saturation current (A) and density (A/m²) at T.</summary>
    public double Is { get; }
    /// <inheritdoc cref="Is" />
    public double Js { get; }
    /// <summary>Junction potential at T (V).</summary>
    public double Pb { get; }
    /// <summary>Junction capacitances at T (cbd, cbs in F; cj in F/m²; cjsw in F/m).</summary>
    public double Cbd { get; }
    /// <inheritdoc cref="Cbd" />
    public double Cbs { get; }
    /// <inheritdoc cref="Cbd" />
    public double Cj { get; }
    /// <inheritdoc cref="Cbd" />
    public double Cjsw { get; }
}
