using Perovspice.Engine;

namespace Perovspice.Devices;

public sealed partial class Jfet
{
    /// <summary>Instance parameters of a J element.</summary>
    public static IReadOnlyList<ParameterInfo> InstanceParameters => CommonParameters.AreaMultiplierTemperature;

    /// <summary>The J element: <c>Jname d g s model [area] [off] [ic=vds,vgs] [area=..] [m=..] [temp=..]</c>, models
    /// "njf"/"pjf".</summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 'j',
        Description = "junction field-effect transistor",
        MinNodes = 3,
        Models = new[] { JfetModel.Family },
        ModelRequired = true,
        InstanceParameters = InstanceParameters,
        ListParameters = new[] { "ic" },
        Values = new[] { "area" },
        Flags = new[] { "off" },
        Create = Create,
    };

    private static Jfet Create(DeviceRequest r)
    {
        if (r.Model is not JfetModel model)
            throw new ArgumentException($"jfet '{r.Name}' needs an njf or pjf model");
        double area = r.Has("area") ? r.Get("area", 1) : r.Values.Count > 0 ? r.Values[0] : 1;
        double kelvin = r.DeviceTemperature;
        var ic = CommonParameters.List(r, "ic", 2, "vds[,vgs]");
        double? icVds = ic?[0], icVgs = ic?.Count > 1 ? ic[1] : null;
        return new Jfet(r.Name, r.Nodes[0], r.Nodes[1], r.Nodes[2], model, area, r.Get("m", 1), kelvin,
            r.Flags.Contains("off"), icVds, icVgs);
    }

    private static readonly string[] Names = { "id", "ig", "is", "vgs", "vgd", "vds", "gm", "gds", "ggs", "ggd", "cgs", "cgd" };

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => Names;

    /// <summary>Reads "id", "ig", "is" (currents into the drain, gate and source terminals, with dQ/dt in a
    /// transient), "vgs", "vgd", "vds" (intrinsic voltages), "gm", "gds" (channel derivatives), "ggs", "ggd" (gate
    /// junction conductances) and "cgs", "cgd" (junction capacitances); small-signal values include m.</summary>
    public override double ReadQuantity(string name, Solution solution)
    {
        int n = _vA.Length;
        var v = new double[n];
        var vdot = new double[n];
        for (int k = 0; k < n; k++)
        {
            v[k] = solution.X[_block.Node(k)];
            vdot[k] = solution.Xdot[_block.Node(k)];
        }
        // terminal currents summed with their internal node's (zero by KCL): independent of the drop across rd, rs
        var into = new double[n];
        var sink = new TerminalCurrents(into, vdot, Multiplier);
        Evaluate(ref sink, v, _gmin);
        return name switch
        {
            "id" => _di == D ? into[D] : into[D] + into[_di],
            "ig" => into[G],
            "is" => _si == S ? into[S] : into[S] + into[_si],
            "vgs" => v[G] - v[_si],
            "vgd" => v[G] - v[_di],
            "vds" => v[_di] - v[_si],
            "gm" => _gm,
            "gds" => _gds,
            "ggs" => _ggs,
            "ggd" => _ggd,
            "cgs" => _capgs,
            "cgd" => _capgd,
            _ => base.ReadQuantity(name, solution),
        };
    }
}
