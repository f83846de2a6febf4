namespace Perovspice.Devices.Mosfet;

/// <summary>A `level=1` MOSFET model card (Shichman–Hodges).</summary>
public sealed class Level1Model : MosfetModel
{
    /// <summary>Reads a level-1 card.</summary>
    public Level1Model(ModelRequest r) : base(r, MosfetParameters.Level1, "MOSFET level 1 model") { }

    /// <summary>The level as the model family lists it.</summary>
    public static ModelLevel Level { get; } = new()
    {
        Numbers = new[] { 1 },
        Description = "Shichman–Hodges",
        Parameters = MosfetParameters.Level1,
        Create = r => new Level1Model(r),
    };

    /// <inheritdoc />
    public override Engine.Device CreateDevice(DeviceRequest request) => new Level1Mosfet(request, this);
}

/// <summary>
/// SPICE level-1 MOSFET (Shichman–Hodges): von = vbi + γ·√(phi − vbs);
/// id = β(1 + λvds)·(vgs − von − vds/2)·vds in the linear region, β/2·(1 + λvds)·(vgs − von)² in saturation,
/// 0 below von; β = kp·W/(L − 2ld). See docs/models.md, "MOSFET level 1".
/// </summary>
public sealed class Level1Mosfet : MosfetDevice
{
    private readonly double _beta, _vbi, _gamma, _phi, _lambda;

    /// <summary>Builds the device.</summary>
    public Level1Mosfet(DeviceRequest r, Level1Model model) : base(r, model)
    {
        _beta = Temp.Kp * Multiplier * W / EffectiveLength;
        _vbi = Type * Temp.Vbi;
        _gamma = model.Gamma;
        _phi = Temp.Phi;
        _lambda = model.Lambda;
    }

    /// <inheritdoc />
    protected override ChannelPoint Channel(Dual vgs, Dual vds, Dual vbs)
    {
        Dual sarg;
        if (vbs.V <= 0) sarg = Dual.Sqrt(_phi - vbs);
        else
        {
            double s = Math.Sqrt(_phi);
            sarg = s - vbs / (2 * s);
            if (sarg.V < 0) sarg = 0;
        }
        Dual von = _vbi + _gamma * sarg;
        Dual vgst = vgs - von;
        Dual vdsat = vgst.V > 0 ? vgst : 0;
        Dual id = 0;
        if (vgst.V > 0)
        {
            Dual betap = _beta * (1 + _lambda * vds);
            id = vgst.V <= vds.V ? 0.5 * betap * vgst * vgst : betap * vds * (vgst - 0.5 * vds);
        }
        return new ChannelPoint(id, von, vdsat);
    }
}
