namespace Perovspice.Devices;

/// <summary>Instance parameters that many kinds share, written once.</summary>
public static class CommonParameters
{
    /// <summary><c>area</c> (area factor), <c>m</c> (devices in parallel), <c>temp</c> (°C, default the circuit's)
    /// and <c>dtemp</c> (offset from the circuit's): the semiconductor devices' common instance parameters (read the
    /// temperature with <see cref="DeviceRequest.DeviceTemperature"/>).</summary>
    public static IReadOnlyList<ParameterInfo> AreaMultiplierTemperature { get; } = new ParameterInfo[]
    {
        ParameterInfo.Positive("area", "", 1, "area factor"),
        ParameterInfo.Positive("m", "", 1, "multiplier (devices in parallel)"),
        new("temp", "°C", 27, "device temperature (default: the circuit temperature)",
            v => v > -Units.CelsiusToKelvin, "> -273.15"),
        ParameterInfo.Any("dtemp", "°C", 0, "offset from the circuit temperature"),
    };

    /// <summary>The values of a list parameter such as <c>ic=vbe,vce</c>: null when not given; an
    /// <see cref="ArgumentException"/> naming <paramref name="what"/> when it has more than
    /// <paramref name="most"/> values.</summary>
    public static IReadOnlyList<double>? List(DeviceRequest r, string name, int most, string what)
    {
        if (!r.ListParameters.TryGetValue(name, out var values)) return null;
        if (values.Count < 1 || values.Count > most) throw new ArgumentException($"{name}= takes {what}");
        return values;
    }
}
