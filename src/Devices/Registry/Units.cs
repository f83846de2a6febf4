namespace Perovspice.Devices;

/// <summary>Physical constants (exact SI values) and SPICE's nominal temperature.</summary>
public static class Units
{
    /// <summary>Boltzmann constant k (J/K).</summary>
    public const double Boltzmann = 1.380649e-23;
    /// <summary>Elementary charge q (C).</summary>
    public const double ElementaryCharge = 1.602176634e-19;
    /// <summary>0 °C in kelvin.</summary>
    public const double CelsiusToKelvin = 273.15;
    /// <summary>SPICE's nominal temperature, 27 °C, in kelvin.</summary>
    public const double NominalTemperature = 300.15;
    /// <summary>Thermal voltage kT/q at <paramref name="kelvin"/>.</summary>
    public static double ThermalVoltage(double kelvin) => Boltzmann * kelvin / ElementaryCharge;
}
