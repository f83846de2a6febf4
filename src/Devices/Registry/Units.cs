namespace Perovspice.Devices;

/// <summary>
/// Physical constants as ngspice 39 uses them (CODATA 2014: k = 1.38064852e-23 J/K, q = 1.6021766208e-19 C, 3.5e-7
/// relative above the exact 2019 SI ratio k/q) and SPICE's nominal temperature. Junction currents go as e^(v/vt)
/// with v/vt ≈ 30, so the SI ratio would put every forward current 1e-5 away from ngspice's.
/// </summary>
public static class Units
{
    /// <summary>Boltzmann constant k (J/K), CODATA 2014.</summary>
    public const double Boltzmann = 1.38064852e-23;
    /// <summary>Elementary charge q (C), CODATA 2014.</summary>
    public const double ElementaryCharge = 1.6021766208e-19;
    /// <summary>0 °C in kelvin.</summary>
    public const double CelsiusToKelvin = 273.15;
    /// <summary>SPICE's nominal temperature, 27 °C, in kelvin.</summary>
    public const double NominalTemperature = 300.15;
    /// <summary>Thermal voltage kT/q at <paramref name="kelvin"/>.</summary>
    public static double ThermalVoltage(double kelvin) => Boltzmann / ElementaryCharge * kelvin;
}
