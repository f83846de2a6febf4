namespace Perovspice.Devices;

public sealed partial class Bjt
{
    /// <summary>Instance parameters of a Q element.</summary>
    public static IReadOnlyList<ParameterInfo> InstanceParameters { get; } = new ParameterInfo[]
    {
        ParameterInfo.Positive("area", "", 1, "area factor"),
        ParameterInfo.Positive("m", "", 1, "multiplier (devices in parallel)"),
        new("temp", "°C", 27, "device temperature (default: the circuit temperature)",
            v => v > -Units.CelsiusToKelvin, "> -273.15"),
        ParameterInfo.Any("dtemp", "°C", 0, "offset from the circuit temperature"),
    };

    /// <summary>
    /// The Q element: <c>Qname c b e [s] model [area] [off] [ic=vbe,vce] [area=..] [m=..] [temp=..] [dtemp=..]</c>,
    /// models "npn"/"pnp". Without a substrate node the substrate is ground.
    /// </summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 'q',
        Description = "bipolar junction transistor",
        MinNodes = 3,
        MaxNodes = 4,
        Models = new[] { BjtModel.Family },
        ModelRequired = true,
        InstanceParameters = InstanceParameters,
        ListParameters = new[] { "ic" },
        Values = new[] { "area" },
        Flags = new[] { "off" },
        Create = Create,
    };

    private static Bjt Create(DeviceRequest r)
    {
        if (r.Model is not BjtModel model)
            throw new ArgumentException($"bjt '{r.Name}' needs an npn or pnp model");
        double area = r.Has("area") ? r.Get("area", 1) : r.Values.Count > 0 ? r.Values[0] : 1;
        double kelvin = r.Has("temp") ? r.Get("temp", 27) + Units.CelsiusToKelvin : r.Temperature + r.Get("dtemp", 0);
        double? icVbe = null, icVce = null;
        if (r.ListParameters.TryGetValue("ic", out var ic))
        {
            if (ic.Count is < 1 or > 2) throw new ArgumentException("ic= takes vbe[,vce]");
            icVbe = ic[0];
            if (ic.Count > 1) icVce = ic[1];
        }
        string substrate = r.Nodes.Count > 3 ? r.Nodes[3] : "0";
        return new Bjt(r.Name, r.Nodes[0], r.Nodes[1], r.Nodes[2], substrate, model, area, r.Get("m", 1), kelvin,
            r.Flags.Contains("off"), icVbe, icVce);
    }
}
