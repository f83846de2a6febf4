namespace Perovspice.Devices.Mosfet;

/// <summary>The `M` element (MOSFET) and the "nmos"/"pmos" model family; the element also takes ngspice's
/// three-terminal VDMOS power MOSFET (<see cref="Vdmos.VdmosModel.Family"/>).</summary>
public static class MosfetKind
{
    /// <summary>`.model NAME NMOS|PMOS level=N`: levels 1 (default), 2, 3, 8/49 (BSIM3v3.3) and 14/54 (BSIM4.8).</summary>
    public static ModelFamily Family { get; } = new()
    {
        Types = new[] { "nmos", "pmos" },
        Description = "MOSFET",
        DefaultLevel = 1,
        Levels = new[] { Level1Model.Level, Level2Model.Level, Level3Model.Level, Bsim3.Bsim3Model.Level, Bsim4.Bsim4Model.Level },
        Nodes = 4,
    };

    /// <summary>`Mname d g s b model [l=…] [w=…] [ad=…] [as=…] [pd=…] [ps=…] [nrd=…] [nrs=…] [m=…] [off]
    /// [ic=vds,vgs,vbs]`, or with a VDMOS model `Mname d g s model [m=…] [off] [ic=vds,vgs]`.</summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 'm',
        Description = "MOSFET",
        MinNodes = 3,
        MaxNodes = 5,
        Models = new[] { Family, Vdmos.VdmosModel.Family },
        ModelRequired = true,
        InstanceParameters = MosfetParameters.Instance.Concat(Bsim4.Bsim4Model.InstanceParameters).ToList(),
        ListParameters = new[] { "ic" },
        Flags = new[] { "off", "thermal" },
        Create = r => r.Model switch
        {
            Vdmos.VdmosModel => Vdmos.Vdmos.Create(r),
            IMosfetModel when r.Flags.Contains("thermal") =>
                throw new ArgumentException($"'thermal' is a flag of ngspice's VDMOS; '{r.Name}' has a MOSFET model"),
            Bsim4.Bsim4Model m => m.CreateDevice(r),
            IMosfetModel when Bsim4.Bsim4Model.InstanceParameters.FirstOrDefault(p => r.Has(p.Name)) is { } p =>
                throw new ArgumentException($"'{p.Name}' is a BSIM4 instance parameter; '{r.Name}' has a level {LevelOf(r.Model)} model"),
            IMosfetModel m => m.CreateDevice(r),
            _ => throw new ArgumentException("a MOSFET needs an NMOS, PMOS or VDMOS model: Mname d g s b model"),
        },
    };

    private static string LevelOf(object? model) => model switch
    {
        Bsim3.Bsim3Model => "8/49",
        Level2Model => "2",
        Level3Model => "3",
        _ => "1",
    };
}
