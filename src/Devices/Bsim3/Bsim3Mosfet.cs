using Perovspice.Engine;
using D3 = Perovspice.Devices.Bsim3.Dual3;

namespace Perovspice.Devices.Bsim3;

/// <summary>
/// A BSIM3v3.3 MOSFET instance (nodes d g s b). Channel current and intrinsic charges from
/// <see cref="Bsim3Dc"/> and <see cref="Bsim3Charge"/> with source/drain interchange for vds &lt; 0, overlap
/// charges, bulk–source and bulk–drain junctions (<see cref="Bsim3Junction"/>), substrate current, and internal
/// drain/source nodes "name#d"/"name#s" behind rsh·nrd and rsh·nrs when those are nonzero. All Jacobian entries
/// are exact derivatives (<see cref="Dual3"/>). Newton: vgs/vgd limited by SPICE's fetlim about the previous
/// threshold, vds by limvds and the junction voltage by pnjlim; the device is loaded with its linearisation at
/// the limited voltages. The first iteration of a dc solve from scratch starts at vgs = vth0 + 0.1 V, vds = 0.1
/// V (SPICE's MODEINITJCT choice for MOSFETs); an "off" device starts at zero bias and is held there until the
/// rest of the circuit has settled, then released (SPICE's MODEINITFIX). At t = 0 of a `uic` transient a device
/// with ic=vds[,vgs[,vbs]] sits at those biases.
/// </summary>
public sealed partial class Bsim3Mosfet : Device
{
    private const int TD = 0, TG = 1, TS = 2, TB = 3, TDP = 4, TSP = 5;
    private readonly Bsim3Model _m;
    private readonly Bsim3Size _p;
    private readonly Bsim3Junction _js, _jd;
    private readonly double _gd, _gs, _mult, _type;
    private readonly bool _off;
    private TerminalBlock _block = null!;
    private double _vgsOld, _vdsOld, _vbsOld, _vbdOld, _vonOld, _gmin = 1e-12;
    private bool _hasOld, _holdOff;
    private (double Vgs, double Vds, double Vbs) _heldAt;

    /// <summary>Creates an instance of <paramref name="model"/> with <paramref name="geometry"/> at
    /// <paramref name="temperature"/> (K).</summary>
    public Bsim3Mosfet(string name, string drain, string gate, string source, string bulk, Bsim3Model model,
        Bsim3Geometry? geometry = null, double temperature = Units.NominalTemperature)
        : base(name, drain, gate, source, bulk)
    {
        _m = model;
        var g = geometry ?? new Bsim3Geometry();
        if (!(g.M > 0)) throw new ArgumentException($"BSIM3 MOSFET '{name}': m must be > 0");
        try
        {
            _p = new Bsim3Size(model, g.L, g.W, temperature);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"BSIM3 MOSFET '{name}': {e.Message}");
        }
        _js = new Bsim3Junction(model, _p, g.AS, g.PS);
        _jd = new Bsim3Junction(model, _p, g.AD, g.PD);
        double rsh = model.Get("rsh");
        _gd = rsh * g.NRD > 0 ? 1 / (rsh * g.NRD) : 0;
        _gs = rsh * g.NRS > 0 ? 1 / (rsh * g.NRS) : 0;
        _mult = g.M;
        _type = model.Type;
        _off = g.Off;
        Geometry = g;
    }

    /// <summary>The instance geometry.</summary>
    public Bsim3Geometry Geometry { get; }
    /// <summary>The size- and temperature-dependent parameters.</summary>
    public Bsim3Size Size => _p;
    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        int d = c.Node(Nodes[0]), g = c.Node(Nodes[1]), s = c.Node(Nodes[2]), b = c.Node(Nodes[3]);
        int dp = _gd > 0 ? c.AddUnknown(Name + "#d", UnknownKind.Voltage) : d;
        int sp = _gs > 0 ? c.AddUnknown(Name + "#s", UnknownKind.Voltage) : s;
        _block = TerminalBlock.Reserve(c, d, g, s, b, dp, sp);
        _hasOld = false;
        _bypass.Forget();
        _holdOff = false;
        _vonOld = _type * _p.Vth0;
    }

    /// <summary>Everything the device contributes at one bias point, in the type frame (NMOS sign), with
    /// derivatives with respect to the type-frame vgs, vds, vbs (referred to the internal source).</summary>
    private struct Contributions
    {
        public D3 Ichan, Isub, Ibs, Ibd, Qg, Qb, Qd, QgsOv, QgdOv, QgbOv, QbsJ, QbdJ;
        public Bsim3Bias Bias;
        public int Mode;
    }

    private Contributions Evaluate(double vgs, double vds, double vbs, double gmin, bool charges)
    {
        var k = new Contributions();
        D3 Vgs = new(vgs, 1, 0, 0), Vds = new(vds, 0, 1, 0), Vbs = new(vbs, 0, 0, 1);
        D3 Vgd = Vgs - Vds, Vbd = Vbs - Vds;
        k.Mode = vds >= 0 ? 1 : -1;
        var r = k.Mode > 0 ? Bsim3Dc.Evaluate(_m, _p, Vgs, Vds, Vbs) : Bsim3Dc.Evaluate(_m, _p, Vgd, -Vds, Vbd);
        k.Bias = r;
        k.Ichan = k.Mode * r.Ids;
        k.Isub = r.Isub;
        k.Ibs = _js.Current(Vbs, gmin);
        k.Ibd = _jd.Current(Vbd, gmin);
        if (charges)
        {
            Bsim3Charge.Intrinsic(_m, _p, r, out var qg, out var qb, out var qs, out var qd);
            k.Qg = qg;
            k.Qb = qb;
            k.Qd = k.Mode > 0 ? qd : qs;
            k.QgsOv = Bsim3Charge.Overlap(_m.CapacitanceModel, _p.Cgso, _p.WeffCV * _p.Cgsl, _p.Ckappa, Vgs);
            k.QgdOv = Bsim3Charge.Overlap(_m.CapacitanceModel, _p.Cgdo, _p.WeffCV * _p.Cgdl, _p.Ckappa, Vgd);
            k.QgbOv = _p.Cgbo * (Vgs - Vbs);
            k.QbsJ = _js.Charge(Vbs);
            k.QbdJ = _jd.Charge(Vbd);
        }
        return k;
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        var x = c.X;
        double t = _type;
        double vgs = t * _block.Voltage(x, TG, TSP);
        double vds = t * _block.Voltage(x, TDP, TSP);
        double vbs = t * _block.Voltage(x, TB, TSP);
        _gmin = c.Gmin;

        // Series resistances.
        if (_gd > 0) _block.Branch(c, TD, TDP, _mult * _gd * _block.Voltage(x, TD, TDP), _mult * _gd);
        if (_gs > 0) _block.Branch(c, TS, TSP, _mult * _gs * _block.Voltage(x, TS, TSP), _mult * _gs);

        double lvgs = vgs, lvds = vds, lvbs = vbs;
        bool limited = false;
        bool atIc = c.UseInitialConditions && (Geometry.IcVds.HasValue || Geometry.IcVgs.HasValue || Geometry.IcVbs.HasValue);
        if (atIc)
        {
            // `uic` at t = 0: the device sits at its ic= biases (its charges Q(ic), as a capacitor's ic), not a
            // linearisation back to the node voltages.
            vgs = lvgs = t * (Geometry.IcVgs ?? 0);
            vds = lvds = t * (Geometry.IcVds ?? 0);
            vbs = lvbs = t * (Geometry.IcVbs ?? 0);
        }
        else if (c.InitJunctions)
        {
            if (_off) { lvgs = 0; lvds = 0; lvbs = 0; _holdOff = true; }
            else { lvgs = t * _p.Vth0 + 0.1; lvds = 0.1; lvbs = 0; }
            limited = true;
            _heldAt = (vgs, vds, vbs);
        }
        else if (_holdOff && c.Mode != AnalysisMode.Transient)
        {
            // SPICE's MODEINITFIX: an "off" device stays at zero bias until the rest of the circuit has settled
            // (its terminal voltages stopped moving), then it is released (MODEINITFLOAT).
            var (g0, d0, b0) = _heldAt;
            double moved = Math.Abs(vgs - g0) + Math.Abs(vds - d0) + Math.Abs(vbs - b0);
            _heldAt = (vgs, vds, vbs);
            if (moved < 1e-9 + 1e-6 * (Math.Abs(vgs) + Math.Abs(vds) + Math.Abs(vbs))) _holdOff = false;
            else { lvgs = 0; lvds = 0; lvbs = 0; }
            limited = true;
        }
        else if (CanBypass(c, vgs, vds, vbs))
        {
            // SPICE's bypass: restamp the last evaluation, linearised to the new voltages (below)
            Restamp(c, vgs, vds, vbs);
            return;
        }
        else if (_hasOld)
        {
            Limit(ref lvgs, ref lvds, ref lvbs, ref limited);
        }
        _vgsOld = lvgs; _vdsOld = lvds; _vbsOld = lvbs; _vbdOld = lvbs - lvds;
        _hasOld = true;

        var k = Evaluate(lvgs, lvds, lvbs, c.Gmin, true);
        _vonOld = k.Bias.Vth.V;
        // kept for the bypass only when evaluated at the actual voltages (not limited or held)
        _bypass.Keep(k, lvgs, lvds, lvbs, c.Gmin, !limited && !atIc);
        StampAll(c, k, vgs - lvgs, vds - lvds, vbs - lvbs);
        if (limited) c.SignalLimited();
    }

    private DeviceBypass.Point<Contributions> _bypass;

    /// <summary>
    /// Whether this transient iteration may reuse the last evaluation: each controlling voltage moved less than
    /// reltol·max(|v|, |v_last|) + vntol, and the channel and junction currents linearised to the new voltages moved
    /// less than reltol·max(|i|, |i_last|) + abstol (the SPICE bypass tests).
    /// </summary>
    private bool CanBypass(LoadContext c, double vgs, double vds, double vbs)
    {
        if (!_bypass.Near(c, vgs, vds, vbs, out double dgs, out double dds, out double dbs)) return false;
        var k = _bypass.Value;
        return Close(c, k.Ichan, dgs, dds, dbs) && Close(c, k.Ibs, dgs, dds, dbs) && Close(c, k.Ibd, dgs, dds, dbs);
    }

    private static bool Close(LoadContext c, D3 i, double dgs, double dds, double dbs) =>
        DeviceBypass.CurrentClose(c, i.V, i.G * dgs + i.D * dds + i.B * dbs);

    private void Restamp(LoadContext c, double vgs, double vds, double vbs)
    {
        var (g0, d0, b0) = _bypass.At;
        StampAll(c, _bypass.Value, vgs - g0, vds - d0, vbs - b0);
    }

    /// <summary>Stamps every current and charge of <paramref name="k"/>, linearised by the given voltage offsets.</summary>
    private void StampAll(LoadContext c, in Contributions k, double dgs, double dds, double dbs)
    {
        // Currents: channel dp→sp, substrate (mode drain)→b, junctions b→sp and b→dp.
        Stamp(c, TDP, TSP, k.Ichan, dgs, dds, dbs, false);
        if (k.Isub.V != 0 || k.Isub.G != 0) Stamp(c, k.Mode > 0 ? TDP : TSP, TB, k.Isub, dgs, dds, dbs, false);
        Stamp(c, TB, TSP, k.Ibs, dgs, dds, dbs, false);
        Stamp(c, TB, TDP, k.Ibd, dgs, dds, dbs, false);

        // Charges: intrinsic (gate, bulk, drain against the source), overlaps, junctions.
        Stamp(c, TG, TSP, k.Qg, dgs, dds, dbs, true);
        Stamp(c, TB, TSP, k.Qb, dgs, dds, dbs, true);
        Stamp(c, TDP, TSP, k.Qd, dgs, dds, dbs, true);
        Stamp(c, TG, TSP, k.QgsOv, dgs, dds, dbs, true);
        Stamp(c, TG, TDP, k.QgdOv, dgs, dds, dbs, true);
        Stamp(c, TG, TB, k.QgbOv, dgs, dds, dbs, true);
        Stamp(c, TB, TSP, k.QbsJ, dgs, dds, dbs, true);
        Stamp(c, TB, TDP, k.QbdJ, dgs, dds, dbs, true);
    }

    /// <summary>Stamps a type-frame quantity flowing (or sitting) from local terminal a to b, linearised from the
    /// limited voltages to the actual ones.</summary>
    private void Stamp(LoadContext c, int a, int b, D3 v, double dgs, double dds, double dbs, bool charge)
    {
        double m = _mult, value = _type * m * (v.V + v.G * dgs + v.D * dds + v.B * dbs);
        if (charge)
        {
            _block.Charge(c, a, b, value);
            _block.Capacitance(c, a, b, TG, TSP, m * v.G);
            _block.Capacitance(c, a, b, TDP, TSP, m * v.D);
            _block.Capacitance(c, a, b, TB, TSP, m * v.B);
        }
        else
        {
            _block.Current(c, a, b, value);
            _block.Conductance(c, a, b, TG, TSP, m * v.G);
            _block.Conductance(c, a, b, TDP, TSP, m * v.D);
            _block.Conductance(c, a, b, TB, TSP, m * v.B);
        }
    }

    private void Limit(ref double vgs, ref double vds, ref double vbs, ref bool limited)
    {
        double von = _vonOld;
        if (_vdsOld >= 0)
        {
            double g = Bsim3Limits.FetLim(vgs, _vgsOld, von);
            if (g != vgs) { vds -= vgs - g; vgs = g; limited = true; }
            double d = Bsim3Limits.LimVds(vds, _vdsOld);
            if (d != vds) { vds = d; limited = true; }
        }
        else
        {
            double vgd = vgs - vds, vgdOld = _vgsOld - _vdsOld;
            double g = Bsim3Limits.FetLim(vgd, vgdOld, von);
            if (g != vgd) { vgs += g - vgd; limited = true; }
            double d = -Bsim3Limits.LimVds(-vds, -_vdsOld);
            if (d != vds) { vgs += d - vds; vds = d; limited = true; }
        }
        if (vds >= 0)
        {
            double b = Junction.Limit(vbs, _vbsOld, _js.Nvtm, _js.CriticalVoltage, out bool l);
            if (l) { vbs = b; limited = true; }
        }
        else
        {
            double vbd = vbs - vds;
            double b = Junction.Limit(vbd, _vbdOld, _jd.Nvtm, _jd.CriticalVoltage, out bool l);
            if (l) { vbs = b + vds; limited = true; }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[]
    {
        "id", "is", "ig", "ib", "ids", "gm", "gds", "gmbs", "vth", "vdsat", "vgs", "vds", "vbs", "ibs", "ibd",
        "isub", "cgg", "cgd", "cgs", "cgb", "cdg", "cdd", "cds", "cdb", "cbg", "cbd", "cbs", "cbb", "qg", "qd", "qb",
    };

    /// <summary>
    /// Reads at a solution, with ngspice's BSIM3 conventions: "id" (channel plus substrate current in the
    /// normal-mode frame, without the junction, in the NMOS sign convention: positive for a conducting PMOS too),
    /// "gm", "gds", "gmbs" (its derivatives in the normal-mode frame, source and drain interchanged when
    /// vds &lt; 0), "vth", "vdsat" (normal-mode frame, NMOS sign), the intrinsic capacitances "cXY" = ∂qX/∂vY
    /// (X among g, d, b; Y among g, d, s, b; normal-mode frame; without overlap and junction parts) and the
    /// intrinsic charges "qg", "qd", "qb" (physical terminals, NMOS sign). Physical signs: "is", "ig", "ib" (dc currents into the source, gate, bulk terminals),
    /// "ids" (channel current drain → source), the terminal biases "vgs", "vds", "vbs" and the junction and
    /// substrate currents "ibs", "ibd", "isub".
    /// </summary>
    public override double ReadQuantity(string name, Solution s)
    {
        var x = s.X;
        double t = _type;
        double vgs = t * _block.Voltage(x, TG, TSP), vds = t * _block.Voltage(x, TDP, TSP);
        double vbs = t * _block.Voltage(x, TB, TSP);
        var k = Evaluate(vgs, vds, vbs, _gmin, true);
        double m = _mult;
        // ∂q/∂v of a physical terminal charge with respect to a physical terminal voltage.
        double Cap(D3 q, char y) => m * y switch
        {
            'g' => q.G,
            'd' => q.D,
            'b' => q.B,
            _ => -(q.G + q.D + q.B),
        };
        D3 qs = -(k.Qg + k.Qd + k.Qb);
        // Mode-frame (source and drain interchanged when vds < 0) derivatives of the channel current, as ngspice.
        double gmM = k.Mode > 0 ? k.Ichan.G : -k.Ichan.G;
        double gmbsM = k.Mode > 0 ? k.Ichan.B : -k.Ichan.B;
        double gdsM = k.Mode > 0 ? k.Ichan.D : k.Ichan.D + k.Ichan.G + k.Ichan.B;
        switch (name)
        {
            case "id": return m * (k.Bias.Ids.V + k.Isub.V);
            case "is": return t * m * (-k.Ichan.V - k.Ibs.V + (k.Mode < 0 ? k.Isub.V : 0));
            case "ig": return 0;
            case "ib": return t * m * (k.Ibs.V + k.Ibd.V - k.Isub.V);
            case "ids": return t * m * k.Ichan.V;
            case "gm": return m * gmM;
            case "gds": return m * gdsM;
            case "gmbs": return m * gmbsM;
            case "vth": return k.Bias.Vth.V;
            case "vdsat": return k.Bias.Vdsat.V;
            case "vgs": return t * vgs;
            case "vds": return t * vds;
            case "vbs": return t * vbs;
            case "ibs": return t * m * k.Ibs.V;
            case "ibd": return t * m * k.Ibd.V;
            case "isub": return t * m * k.Isub.V;
            case "qg": return t * m * k.Qg.V;
            case "qd": return t * m * k.Qd.V;
            case "qb": return t * m * k.Qb.V;
        }
        if (name.Length == 3 && name[0] == 'c' && "gdb".Contains(name[1]) && "gdsb".Contains(name[2]))
        {
            // Normal-mode frame: with vds < 0 the roles of drain and source are interchanged.
            char Swap(char c) => k.Mode > 0 ? c : c == 'd' ? 's' : c == 's' ? 'd' : c;
            char qx = Swap(name[1]), vy = Swap(name[2]);
            D3 q = qx switch { 'g' => k.Qg, 'd' => k.Qd, 'b' => k.Qb, _ => qs };
            return Cap(q, vy);
        }
        return base.ReadQuantity(name, s);
    }
}
