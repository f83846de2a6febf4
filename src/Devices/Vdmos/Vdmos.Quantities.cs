using Perovspice.Engine;

namespace Perovspice.Devices.Vdmos;

public sealed partial class Vdmos
{
    private static readonly string[] Names = { "id", "ig", "is", "idio", "vgs", "vds", "gm", "gds", "cgs", "cgd", "cds" };

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => Names;

    /// <summary>Reads "id", "ig", "is" (currents into the drain, gate and source terminals, with dQ/dt in a
    /// transient), "idio" (body diode current, anode to cathode in the channel's polarity), "vgs", "vds"
    /// (intrinsic voltages), "gm", "gds" (channel derivatives), "cgs", "cgd" (gate capacitances) and "cds" (body
    /// diode capacitance); currents and small-signal values include m.</summary>
    public override double ReadQuantity(string name, Solution solution)
    {
        int n = _v.Length;
        var v = new double[n];
        var vdot = new double[n];
        for (int k = 0; k < n; k++)
        {
            v[k] = solution.X[_block.Node(k)];
            vdot[k] = solution.Xdot[_block.Node(k)];
        }
        double t = _type, m = _m;
        double vgs = t * (v[_gp] - v[_sp]), vds = t * (v[_dp] - v[_sp]), vd = t * (v[_bp] - v[D]);
        var e = Evaluate(vgs, vds, vd, _gmin);
        double cgs = _model["cgs"];
        // each element's current leaving the first node into the device; internal nodes sum to zero by KCL, so a
        // terminal's current is what flows through its resistor (or the element itself when there is none)
        var into = new double[n];
        void Flow(int from, int to, double i) { into[from] += m * i; into[to] -= m * i; }
        Flow(_dp, _sp, t * e.Id);
        Flow(_bp, D, t * e.Idio);
        Flow(_gp, _sp, cgs * (vdot[_gp] - vdot[_sp]));
        Flow(_gp, _dp, e.Cgd * (vdot[_gp] - vdot[_dp]));
        Flow(_bp, D, e.Cdio * (vdot[_bp] - vdot[D]));
        Flow(D, S, (v[D] - v[S]) / _model["rds"]);
        double Terminal(int ext, int inner) => inner == ext ? into[ext] : into[ext] + into[inner];
        return name switch
        {
            "id" => _dp == D ? into[D] : into[D] + into[_dp],
            "ig" => Terminal(G, _gp),
            "is" => into[S] + (_sp != S ? into[_sp] : 0) + (_bp != S ? into[_bp] : 0),
            "idio" => m * e.Idio,
            "vgs" => t * vgs,
            "vds" => t * vds,
            "gm" => m * e.Gmg,
            "gds" => m * e.Gmd,
            "cgs" => m * cgs,
            "cgd" => m * e.Cgd,
            "cds" => m * e.Cdio,
            _ => base.ReadQuantity(name, solution),
        };
    }
}

public sealed partial class Vdmos
{
    private static readonly string[] Geometry = { "l", "w", "ad", "as", "pd", "ps", "nrd", "nrs" };

    /// <summary>Builds the device for an `M` element naming a VDMOS model: <c>Mname d g s model [m=…] [temp=…]
    /// [dtemp=…] [off] [ic=vds,vgs]</c>. The level-1-3 geometry parameters and ngspice's <c>thermal</c> flag are
    /// errors.</summary>
    public static Vdmos Create(DeviceRequest r)
    {
        if (r.Model is not VdmosModel model) throw new ArgumentException($"'{r.Name}' needs a VDMOS model");
        if (r.Nodes.Count != 3) throw new ArgumentException($"VDMOS '{r.Name}' needs 3 nodes (d g s)");
        foreach (var g in Geometry)
            if (r.Has(g))
                throw new ArgumentException($"VDMOS '{r.Name}' takes no '{g}=' (a VDMOS model has no geometry; ngspice 39 ignores it)");
        if (r.Flags.Contains("thermal"))
            throw new ArgumentException($"VDMOS '{r.Name}': 'thermal' (ngspice's self-heating VDMOS) is not supported");
        var ic = CommonParameters.List(r, "ic", 2, "vds[,vgs]");
        return new Vdmos(r.Name, r.Nodes[0], r.Nodes[1], r.Nodes[2], model, r.Get("m", 1), r.DeviceTemperature,
            r.Flags.Contains("off"), ic?[0], ic?.Count > 1 ? ic[1] : null);
    }
}
