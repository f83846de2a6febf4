namespace Perovspice.Devices.Mosfet;

/// <summary>The `M` element (MOSFET) and the "nmos"/"pmos" model family.</summary>
public static class MosfetKind
{
    /// <summary>`.model NAME NMOS|PMOS level=N`: levels 1 (default), 2, 3, and 8/49 (BSIM3v3.3).</summary>
    public static ModelFamily Family { get; } = new()
    {
        Types = new[] { "nmos", "pmos" },
        Description = "MOSFET",
        DefaultLevel = 1,
        Levels = new[] { Level1Model.Level, Level2Model.Level, Level3Model.Level, Bsim3.Bsim3Model.Level },
    };

    /// <summary>`Mname d g s b model [l=…] [w=…] [ad=…] [as=…] [pd=…] [ps=…] [nrd=…] [nrs=…] [m=…] [off]
    /// [ic=vds,vgs,vbs]`.</summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 'm',
        Description = "MOSFET",
        MinNodes = 4,
        Models = new[] { Family },
        ModelRequired = true,
        InstanceParameters = MosfetParameters.Instance,
        ListParameters = new[] { "ic" },
        Flags = new[] { "off" },
        Create = r => r.Model is IMosfetModel m
            ? m.CreateDevice(r)
            : throw new ArgumentException("a MOSFET needs four nodes and an NMOS or PMOS model: Mname d g s b model"),
    };
}
