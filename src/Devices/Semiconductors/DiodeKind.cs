namespace Perovspice.Devices;

/// <summary>The D element kind: <c>Dname anode cathode model [area] [off] [area=] [m=] [ic=]</c>, `.model NAME D`.</summary>
public static class DiodeKind
{
    /// <summary>The diode model family (type "d", level 1).</summary>
    public static ModelFamily Family { get; } = new()
    {
        Types = new[] { "d" },
        Description = "junction diode",
        Levels = new[]
        {
            new ModelLevel
            {
                Numbers = new[] { 1 },
                Description = "SPICE level-1 junction diode",
                Parameters = DiodeModel.Parameters,
                Create = m =>
                {
                    var given = new Dictionary<string, double>(m.Given, StringComparer.OrdinalIgnoreCase);
                    given.TryAdd("tnom", m.NominalTemperature - Units.CelsiusToKelvin);
                    return new DiodeModel(given, m.Name);
                },
            },
        },
    };

    /// <summary>The D kind.</summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 'd',
        Description = "junction diode",
        MinNodes = 2,
        Models = new[] { Family },
        ModelRequired = true,
        Values = new[] { "area" },
        Flags = new[] { "off" },
        InstanceParameters = new[]
        {
            ParameterInfo.Positive("area", "", 1, "area factor"),
            ParameterInfo.Positive("m", "", 1, "multiplier (devices in parallel)"),
            ParameterInfo.Any("ic", "V", 0, "initial junction voltage (accepted; uic uses node .ic values)"),
            ParameterInfo.Any("temp", "°C", 27, "instance temperature (default: the circuit's)"),
            ParameterInfo.Any("dtemp", "K", 0, "instance temperature offset from the circuit's"),
        },
        Create = r => new Diode(r.Name, r.Nodes[0], r.Nodes[1], (DiodeModel)r.Model!, r.Get("area", 1) * r.Get("m", 1),
            r.DeviceTemperature) { Multiplier = r.Get("m", 1) },
    };
}
