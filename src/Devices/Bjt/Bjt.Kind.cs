namespace Perovspice.Devices;

public sealed partial class Bjt
{
    /// <summary>Instance parameters of a Q element.</summary>
    public static IReadOnlyList<ParameterInfo> InstanceParameters { get; } = CommonParameters.AreaMultiplierTemperature.Concat(new[]
    {
        ParameterInfo.Positive("areab", "", 1, "base area factor (default area): the base-collector junction of a vertical device, the substrate junction of a lateral one"),
        ParameterInfo.Positive("areac", "", 1, "collector area factor (default area): the substrate junction of a vertical device, the base-collector junction of a lateral one"),
    }).ToArray();

    /// <summary>
    /// The Q element: <c>Qname c b e [s] model [area] [off] [ic=vbe,vce] [area=..] [areab=..] [areac=..] [m=..] [temp=..] [dtemp=..]</c>,
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
        double kelvin = r.DeviceTemperature;
        var ic = CommonParameters.List(r, "ic", 2, "vbe[,vce]");
        double? icVbe = ic?[0], icVce = ic?.Count > 1 ? ic[1] : null;
        string substrate = r.Nodes.Count > 3 ? r.Nodes[3] : "0";
        return new Bjt(r.Name, r.Nodes[0], r.Nodes[1], r.Nodes[2], substrate, model, area, r.Get("m", 1), kelvin,
            r.Flags.Contains("off"), icVbe, icVce, r.Has("areab") ? r.Get("areab", 1) : null, r.Has("areac") ? r.Get("areac", 1) : null);
    }
}
