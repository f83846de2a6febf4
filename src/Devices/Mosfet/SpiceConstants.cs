namespace Perovspice.Devices.Mosfet;

/// <summary>
/// The physical constants of the MOSFET models: the CODATA 2014 values that SPICE3/ngspice 39 use (k, q), so that
/// derived parameters (phi and gamma from nsub, the thermal voltage) agree with ngspice to ~1e-12 rather than the
/// ~3e-7 by which kT/q differs from the exact 2019 SI value (<see cref="Units"/>). A threshold derived from nsub
/// moves by ~2e-7 V between the two, which is 1e-5 of the current just above threshold.
/// </summary>
public static class SpiceConstants
{
    /// <summary>Boltzmann constant (J/K), CODATA 2014.</summary>
    public const double Boltzmann = 1.38064852e-23;
    /// <summary>Elementary charge (C), CODATA 2014.</summary>
    public const double ElementaryCharge = 1.6021766208e-19;
    /// <summary>Thermal voltage kT/q (V) at <paramref name="kelvin"/>.</summary>
    public static double ThermalVoltage(double kelvin) => Boltzmann / ElementaryCharge * kelvin;
}
