using Perovspice.Devices.Bsim3;
using Perovspice.Engine;
using D3 = Perovspice.Devices.Bsim3.Dual3;

namespace Perovspice.Devices.Bsim4;

/// <summary>
/// A BSIM4 MOSFET instance (nodes d g s b): channel current (<see cref="Bsim4Dc"/>) with source/drain
/// interchange for vds &lt; 0, substrate current, GIDL/GISL, gate tunneling (Igs, Igd, Igcs, Igcd, Igb), the two
/// junctions (<see cref="Bsim4Junction"/>), and the parasitic networks that add internal nodes: drain/source
/// resistances "name#d"/"name#s" (rsh·nrd, rsh·nrs or from the layout with rgeomod; bias-dependent with rdsmod = 1),
/// the gate resistance "name#g" (rgatemod 1-3, mid node "name#gm" for 3), and the five-resistor substrate network
/// "name#b", "name#db", "name#sb" (rbodymod = 1, 2). Charges (<see cref="Bsim4Charge"/>: capmod 0-2, overlaps,
/// junction depletion) for transient and small-signal analyses, noise for version 4.0-4.5 cards
/// (<see cref="NoiseSources"/>). Every Jacobian entry is an exact derivative (<see cref="Dual3"/>). Newton limiting
/// as SPICE's BSIM4: fetlim on vgs, limvds on vds, pnjlim on the junction voltages. Where a form is not
/// implemented (<see cref="ChargesMissing"/>, <see cref="NoiseMissing"/>) the netlist binder refuses the analysis.
/// </summary>
public sealed partial class Bsim4Mosfet : Device
{
    private const int TD = 0, TG = 1, TS = 2, TB = 3, TDP = 4, TGP = 5, TSP = 6, TBP = 7, TDB = 8, TSB = 9, TGM = 10;
    private readonly Bsim4Model _m;
    private readonly Bsim4Size _p;
    private readonly Bsim4Junction _js, _jd;
    private readonly Bsim4Geometry _g;
    private readonly double _mult, _type, _gd, _gs, _vcrit;
    private readonly bool _rbody, _rgate, _rdsMod;
    private readonly string? _chargesMissing;
    private TerminalBlock _block = null!;
    private double _vgsOld, _vdsOld, _vbsOld, _vsbsOld, _vdbsOld, _vonOld, _gmin = 1e-12;
    private bool _hasOld, _holdOff;
    private (double, double, double) _heldAt;

    /// <summary>Creates an instance of <paramref name="model"/> with <paramref name="geometry"/> at
    /// <paramref name="temperature"/> (K).</summary>
    public Bsim4Mosfet(string name, string drain, string gate, string source, string bulk, Bsim4Model model,
        Bsim4Geometry geometry, double temperature = Units.NominalTemperature)
        : base(name, drain, gate, source, bulk)
    {
        _m = model;
        _g = geometry;
        if (!(geometry.M > 0)) throw new ArgumentException($"BSIM4 MOSFET '{name}': m must be > 0");
        try
        {
            _p = new Bsim4Size(model, geometry, temperature);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"BSIM4 MOSFET '{name}': {e.Message}");
        }
        _js = new Bsim4Junction(model, _p, true);
        _jd = new Bsim4Junction(model, _p, false);
        _rdsMod = model.Get("rdsmod") != 0;
        _chargesMissing = Bsim4Charge.Missing(model);
        _gd = _p.DrainConductance;
        _gs = _p.SourceConductance;
        if (_rdsMod)
        {
            // rdsmod=1 always has the internal nodes; without a diffusion resistance they are joined by 1e3 S
            if (!(_gd > 0)) _gd = 1e3;
            if (!(_gs > 0)) _gs = 1e3;
        }
        _rbody = geometry.RbodyMod != 0;
        _rgate = geometry.RgateMod != 0;
        _mult = geometry.M;
        _type = model.Type;
        double vt0 = Units.ThermalVoltage(Units.NominalTemperature);
        _vcrit = vt0 * Math.Log(vt0 / (Math.Sqrt(2) * 1e-14));
    }

    /// <summary>Why the charges are not available (transient and small-signal analyses are refused), or null.</summary>
    public string? ChargesMissing => _chargesMissing;

    /// <summary>The size-, layout- and temperature-dependent parameters.</summary>
    public Bsim4Size Size => _p;
    /// <summary>The instance geometry.</summary>
    public Bsim4Geometry Geometry => _g;
    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        int d = c.Node(Nodes[0]), g = c.Node(Nodes[1]), s = c.Node(Nodes[2]), b = c.Node(Nodes[3]);
        int dp = _gd > 0 ? c.AddUnknown(Name + "#d", UnknownKind.Voltage) : d;
        int gp = _rgate ? c.AddUnknown(Name + "#g", UnknownKind.Voltage) : g;
        int sp = _gs > 0 ? c.AddUnknown(Name + "#s", UnknownKind.Voltage) : s;
        int bp = b, db = b, sb = b;
        if (_rbody)
        {
            bp = c.AddUnknown(Name + "#b", UnknownKind.Voltage);
            db = c.AddUnknown(Name + "#db", UnknownKind.Voltage);
            sb = c.AddUnknown(Name + "#sb", UnknownKind.Voltage);
        }
        int gm = _g.RgateMod == 3 ? c.AddUnknown(Name + "#gm", UnknownKind.Voltage) : gp;
        _block = TerminalBlock.Reserve(c, d, g, s, b, dp, gp, sp, bp, db, sb, gm);
        _hasOld = false;
        _holdOff = false;
        _vonOld = _type * _p.Vth0;
    }

    /// <summary>Everything the device conducts at one bias point, in the type frame (NMOS sign). Channel-frame
    /// quantities have derivatives with respect to (vgs, vds, vbs) of the internal nodes; the junction currents with
    /// respect to their own voltage (in the B slot).</summary>
    private struct Contributions
    {
        public D3 Ichan, Isub, Igidl, Igisl, Igs, Igd, Igcs, Igcd, Igb, Ibs, Ibd;
        public D3 Qg, Qb, Qd, QgsOv, QgdOv, QgbOv, QbsJ, QbdJ;
        public bool HasCharges;
        public Bsim4Bias Bias;
        public int Mode;
    }

    private Contributions Evaluate(double vgs, double vds, double vbs, double vsbs, double vdbs, double gmin)
    {
        var k = new Contributions();
        D3 Vgs = new(vgs, 1, 0, 0), Vds = new(vds, 0, 1, 0), Vbs = new(vbs, 0, 0, 1);
        D3 Vgd = Vgs - Vds, Vbd = Vbs - Vds;
        D3 vgsEff = Bsim4Dc.PolyDepletion(_m, _p, Vgs), vgdEff = Bsim4Dc.PolyDepletion(_m, _p, Vgd);
        k.Mode = vds >= 0 ? 1 : -1;
        var r = k.Mode > 0 ? Bsim4Dc.Evaluate(_m, _p, vgsEff, Vds, Vbs) : Bsim4Dc.Evaluate(_m, _p, vgdEff, -Vds, Vbd);
        k.Bias = r;
        k.Ichan = k.Mode * r.Ids;
        k.Isub = r.Isub;
        k.Igcs = r.Igcs;
        k.Igcd = r.Igcd;
        k.Igb = r.Igb;
        k.Igs = Bsim4Dc.EdgeTunneling(_m, _p, Vgs, true);
        k.Igd = Bsim4Dc.EdgeTunneling(_m, _p, Vgd, false);
        k.Igidl = Bsim4Dc.Gidl(_m, _p, Vds, vgsEff, Vbd, true);
        k.Igisl = Bsim4Dc.Gidl(_m, _p, -Vds, vgdEff, Vbs, false);
        k.Ibs = _js.Current(new D3(vsbs, 0, 0, 1), gmin);
        k.Ibd = _jd.Current(new D3(vdbs - vds, 0, 0, 1), gmin);
        if (_chargesMissing == null)
        {
            // intrinsic charges (mode frame; the drain charge of the physical drain), overlaps, junctions
            Bsim4Charge.Intrinsic(_m, _p, r, k.Mode > 0 ? Vds : -Vds, out var qg, out var qb, out var qd);
            k.Qg = qg;
            k.Qb = qb;
            k.Qd = k.Mode > 0 ? qd : -(qg + qb + qd);
            bool linear = _m.Get("capmod") == 0;
            k.QgsOv = linear ? Bsim4Charge.LinearOverlap(_p, Vgs, true) : Bsim4Charge.Overlap(_p, Vgs, true);
            k.QgdOv = linear ? Bsim4Charge.LinearOverlap(_p, Vgd, false) : Bsim4Charge.Overlap(_p, Vgd, false);
            k.QgbOv = _p.Cgbo * (Vgs - Vbs);
            k.QbsJ = _js.Charge(new D3(vsbs, 0, 0, 1));
            k.QbdJ = _jd.Charge(new D3(vdbs - vds, 0, 0, 1));
            k.HasCharges = true;
        }
        return k;
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        if (c.Mode == AnalysisMode.Transient && _chargesMissing != null)
            throw new SimulationException($"BSIM4 '{Name}': {_chargesMissing}, so a transient cannot be run");
        var x = c.X;
        double t = _type;
        double vgs = t * _block.Voltage(x, TGP, TSP), vds = t * _block.Voltage(x, TDP, TSP);
        double vbs = t * _block.Voltage(x, TBP, TSP);
        double vsbs = t * _block.Voltage(x, TSB, TSP), vdbs = t * _block.Voltage(x, TDB, TSP);
        _gmin = c.Gmin;
        double m = _mult;

        // Linear parasitics.
        if (_rdsMod)
        {
            // Bias-dependent external LDD resistances in series with the diffusion resistances (manual eq. 5.2),
            // controlled by the intrinsic vgs/vbs (source) and vgd/vbd (drain).
            D3 Vgs = new(vgs, 1, 0, 0), Vds = new(vds, 0, 1, 0), Vbs = new(vbs, 0, 0, 1);
            StampSeries(c, TS, TSP, SeriesConductance(_gs, _p.Rs0, _p.RswMin, Vgs, Vbs), t * _block.Voltage(x, TS, TSP));
            StampSeries(c, TD, TDP, SeriesConductance(_gd, _p.Rd0, _p.RdwMin, Vgs - Vds, Vbs - Vds), t * _block.Voltage(x, TD, TDP));
        }
        else
        {
            if (_gd > 0) _block.Branch(c, TD, TDP, m * _gd * _block.Voltage(x, TD, TDP), m * _gd);
            if (_gs > 0) _block.Branch(c, TS, TSP, m * _gs * _block.Voltage(x, TS, TSP), m * _gs);
        }
        if (_g.RgateMod == 1)
        {
            double g = m * _p.GateConductance;
            _block.Branch(c, TG, TGP, g * _block.Voltage(x, TG, TGP), g);
        }
        else if (_g.RgateMod == 3)
        {
            // the electrode resistance to the mid node; the bias-dependent part from there to the intrinsic gate below
            double g = m * _p.GateConductance;
            _block.Branch(c, TG, TGM, g * _block.Voltage(x, TG, TGM), g);
        }
        if (_rbody)
        {
            void R(int a, int b, double g) => _block.Branch(c, a, b, m * g * _block.Voltage(x, a, b), m * g);
            R(TDB, TBP, _p.Grbpd);
            R(TBP, TSB, _p.Grbps);
            R(TBP, TB, _p.Grbpb);
            R(TDB, TB, _p.Grbdb);
            R(TSB, TB, _p.Grbsb);
        }

        double lvgs = vgs, lvds = vds, lvbs = vbs, lvsbs = vsbs, lvdbs = vdbs;
        bool limited = false;
        bool atIc = c.UseInitialConditions && (_g.IcVds.HasValue || _g.IcVgs.HasValue || _g.IcVbs.HasValue);
        if (atIc)
        {
            // `uic` at t = 0: the device sits at its ic= biases (its currents and charges there), as BSIM3
            vgs = lvgs = t * (_g.IcVgs ?? 0);
            vds = lvds = t * (_g.IcVds ?? 0);
            vbs = lvbs = lvsbs = lvdbs = t * (_g.IcVbs ?? 0);
            vsbs = vdbs = vbs;
        }
        else if (c.InitJunctions)
        {
            if (_g.Off) { lvgs = lvds = lvbs = lvsbs = lvdbs = 0; _holdOff = true; }
            else { lvgs = t * _p.Vth0 + 0.1; lvds = 0.1; lvbs = lvsbs = lvdbs = 0; }
            limited = true;
            _heldAt = (vgs, vds, vbs);
        }
        else if (_holdOff)
        {
            var (g0, d0, b0) = _heldAt;
            double moved = Math.Abs(vgs - g0) + Math.Abs(vds - d0) + Math.Abs(vbs - b0);
            _heldAt = (vgs, vds, vbs);
            if (moved < 1e-9 + 1e-6 * (Math.Abs(vgs) + Math.Abs(vds) + Math.Abs(vbs))) _holdOff = false;
            else { lvgs = lvds = lvbs = lvsbs = lvdbs = 0; }
            limited = true;
        }
        else if (_hasOld) Limit(ref lvgs, ref lvds, ref lvbs, ref lvsbs, ref lvdbs, ref limited);
        if (!_rbody) { lvsbs = lvbs; lvdbs = lvbs; }
        _vgsOld = lvgs; _vdsOld = lvds; _vbsOld = lvbs; _vsbsOld = lvsbs; _vdbsOld = lvdbs;
        _hasOld = true;

        var k = Evaluate(lvgs, lvds, lvbs, lvsbs, lvdbs, c.Gmin);
        _vonOld = k.Bias.Vth.V;
        double dgs = vgs - lvgs, dds = vds - lvds, dbs = vbs - lvbs;
        double dsb = (_rbody ? vsbs : vbs) - lvsbs, ddb = (_rbody ? vdbs - vds : vbs - vds) - (lvdbs - lvds);

        Stamp(c, TDP, TSP, k.Ichan, dgs, dds, dbs);
        if (k.Isub.V != 0 || k.Isub.G != 0 || k.Isub.D != 0) Stamp(c, k.Mode > 0 ? TDP : TSP, TBP, k.Isub, dgs, dds, dbs);
        Stamp(c, TDP, TBP, k.Igidl, dgs, dds, dbs);
        Stamp(c, TSP, TBP, k.Igisl, dgs, dds, dbs);
        Stamp(c, TGP, TSP, k.Igs, dgs, dds, dbs);
        Stamp(c, TGP, TDP, k.Igd, dgs, dds, dbs);
        Stamp(c, TGP, k.Mode > 0 ? TSP : TDP, k.Igcs, dgs, dds, dbs);
        Stamp(c, TGP, k.Mode > 0 ? TDP : TSP, k.Igcd, dgs, dds, dbs);
        Stamp(c, TGP, TBP, k.Igb, dgs, dds, dbs);
        if (k.HasCharges)
        {
            // Charges: the intrinsic gate at the intrinsic gate node, overlaps at the mid node with rgatemod 3.
            StampCharge(c, TGP, TSP, k.Qg, dgs, dds, dbs);
            StampCharge(c, TBP, TSP, k.Qb, dgs, dds, dbs);
            StampCharge(c, TDP, TSP, k.Qd, dgs, dds, dbs);
            int gov = _g.RgateMod == 3 ? TGM : TGP;
            if (gov == TGP)
            {
                StampCharge(c, TGP, TSP, k.QgsOv, dgs, dds, dbs);
                StampCharge(c, TGP, TDP, k.QgdOv, dgs, dds, dbs);
                StampCharge(c, TGP, TBP, k.QgbOv, dgs, dds, dbs);
            }
            else
            {
                // the overlaps are controlled by the mid-node voltages: same functions of vgm·
                double vgms = t * _block.Voltage(x, TGM, TSP);
                D3 Vgm = new(vgms, 1, 0, 0), Vd = new(vds, 0, 1, 0), Vb = new(vbs, 0, 0, 1);
                bool linear = _m.Get("capmod") == 0;
                StampChargeAt(c, TGM, TSP, linear ? Bsim4Charge.LinearOverlap(_p, Vgm, true) : Bsim4Charge.Overlap(_p, Vgm, true), TGM);
                StampChargeAt(c, TGM, TDP, linear ? Bsim4Charge.LinearOverlap(_p, Vgm - Vd, false) : Bsim4Charge.Overlap(_p, Vgm - Vd, false), TGM);
                StampChargeAt(c, TGM, TBP, _p.Cgbo * (Vgm - Vb), TGM);
            }
            StampJunctionCharge(c, _rbody ? TSB : TBP, TSP, k.QbsJ, dsb);
            StampJunctionCharge(c, _rbody ? TDB : TBP, TDP, k.QbdJ, ddb);
        }
        if (_g.RgateMod >= 2)
        {
            // rgatemod 2: electrode and intrinsic-input resistances in series, G to the intrinsic gate; rgatemod 3: the
            // intrinsic-input resistance alone, mid node to the intrinsic gate (manual ch. 4.1)
            D3 gcrg = k.Bias.Gcrg + new D3(0, 0, 0, 0);
            gcrg = new D3(gcrg.V + gcrg.G * dgs + gcrg.D * dds + gcrg.B * dbs, gcrg.G, gcrg.D, gcrg.B);
            double ge = _p.GateConductance;
            if (_g.RgateMod == 2) gcrg = ge * gcrg / (ge + gcrg);
            int from = _g.RgateMod == 2 ? TG : TGM;
            StampSeries(c, from, TGP, gcrg, t * _block.Voltage(x, from, TGP));
        }
        StampJunction(c, _rbody ? TSB : TBP, TSP, k.Ibs, dsb);
        StampJunction(c, _rbody ? TDB : TBP, TDP, k.Ibd, ddb);
        if (limited) c.SignalLimited();
    }

    /// <summary>Stamps a type-frame channel-frame current from local terminal a to b, linearised from the limited
    /// voltages to the actual ones.</summary>
    private void Stamp(LoadContext c, int a, int b, D3 v, double dgs, double dds, double dbs)
    {
        if (v.V == 0 && v.G == 0 && v.D == 0 && v.B == 0) return;
        double m = _mult;
        _block.Current(c, a, b, _type * m * (v.V + v.G * dgs + v.D * dds + v.B * dbs));
        _block.Conductance(c, a, b, TGP, TSP, m * v.G);
        _block.Conductance(c, a, b, TDP, TSP, m * v.D);
        _block.Conductance(c, a, b, TBP, TSP, m * v.B);
    }

    /// <summary>g/(1 + g·R(v)) of a diffusion conductance g in series with the bias-dependent LDD resistance
    /// R = rmin + r0·(1/(1 + prwg·vgx_eff) − prwb·vbx + √(… + 0.01))/2, vgx_eff = smooth max(vgx − vfbsd, 0).</summary>
    private D3 SeriesConductance(double g, double r0, double rmin, D3 vgx, D3 vbx)
    {
        D3 t0 = vgx - _p.Vfbsd;
        D3 veff = 0.5 * (t0 + D3.Sqrt(t0 * t0 + 1e-4));
        D3 t2 = 1 / (1 + _p.Prwg * veff) - _p.Prwb * vbx;
        D3 r = rmin + (t2 + D3.Sqrt(t2 * t2 + 0.01)) * (r0 * 0.5);
        return g / (1 + g * r);
    }

    /// <summary>Stamps the current g(vgs, vbs)·v from a to b through a series resistance (v = v(a) − v(b), type
    /// frame).</summary>
    private void StampSeries(LoadContext c, int a, int b, D3 g, double v)
    {
        double m = _mult;
        _block.Current(c, a, b, _type * m * g.V * v);
        _block.Conductance(c, a, b, a, b, m * g.V);
        _block.Conductance(c, a, b, TGP, TSP, m * g.G * v);
        _block.Conductance(c, a, b, TDP, TSP, m * g.D * v);
        _block.Conductance(c, a, b, TBP, TSP, m * g.B * v);
    }

    /// <summary>Stamps a type-frame charge on local terminal a (−q on b), linearised to the actual voltages.</summary>
    private void StampCharge(LoadContext c, int a, int b, D3 q, double dgs, double dds, double dbs)
    {
        double m = _mult;
        _block.Charge(c, a, b, _type * m * (q.V + q.G * dgs + q.D * dds + q.B * dbs));
        _block.Capacitance(c, a, b, TGP, TSP, m * q.G);
        _block.Capacitance(c, a, b, TDP, TSP, m * q.D);
        _block.Capacitance(c, a, b, TBP, TSP, m * q.B);
    }

    /// <summary>Stamps a type-frame charge evaluated at the actual voltages whose G slot is the derivative with
    /// respect to v(<paramref name="gate"/>) − v(source).</summary>
    private void StampChargeAt(LoadContext c, int a, int b, D3 q, int gate)
    {
        double m = _mult;
        _block.Charge(c, a, b, _type * m * q.V);
        _block.Capacitance(c, a, b, gate, TSP, m * q.G);
        _block.Capacitance(c, a, b, TDP, TSP, m * q.D);
        _block.Capacitance(c, a, b, TBP, TSP, m * q.B);
    }

    /// <summary>Stamps a junction charge on its body side a (−q on the diffusion b), controlled by v(a) − v(b).</summary>
    private void StampJunctionCharge(LoadContext c, int a, int b, D3 q, double dv)
    {
        double m = _mult;
        _block.Charge(c, a, b, _type * m * (q.V + q.B * dv));
        _block.Capacitance(c, a, b, a, b, m * q.B);
    }

    /// <summary>Stamps a junction current from its body side a to its diffusion b, controlled by v(a) − v(b).</summary>
    private void StampJunction(LoadContext c, int a, int b, D3 i, double dv)
    {
        double m = _mult;
        _block.Current(c, a, b, _type * m * (i.V + i.B * dv));
        _block.Conductance(c, a, b, a, b, m * i.B);
    }

    private void Limit(ref double vgs, ref double vds, ref double vbs, ref double vsbs, ref double vdbs, ref bool limited)
    {
        double von = _vonOld;
        double vgd = vgs - vds;
        if (_vdsOld >= 0)
        {
            double g = Bsim3Limits.FetLim(vgs, _vgsOld, von);
            if (g != vgs) { vgs = g; vds = g - vgd; limited = true; }
            double d = Bsim3Limits.LimVds(vds, _vdsOld);
            if (d != vds) { vds = d; limited = true; }
        }
        else
        {
            double vgdOld = _vgsOld - _vdsOld;
            double g = Bsim3Limits.FetLim(vgd, vgdOld, von);
            if (g != vgd) { vds = vgs - g; vgd = g; limited = true; }
            double d = -Bsim3Limits.LimVds(-vds, -_vdsOld);
            if (d != vds) { vds = d; limited = true; }
            vgs = vgd + vds;
        }
        double vt0 = Units.ThermalVoltage(Units.NominalTemperature);
        if (vds >= 0)
        {
            double b = Junction.Limit(vbs, _vbsOld, vt0, _vcrit, out bool l);
            if (l) { vbs = b; limited = true; }
            if (_rbody)
            {
                double db = Junction.Limit(vdbs, _vdbsOld, vt0, _vcrit, out bool l1);
                double sb = Junction.Limit(vsbs, _vsbsOld, vt0, _vcrit, out bool l2);
                if (l1 || l2) { vdbs = db; vsbs = sb; limited = true; }
            }
        }
        else
        {
            double vbd = vbs - vds, vbdOld = _vbsOld - _vdsOld;
            double b = Junction.Limit(vbd, vbdOld, vt0, _vcrit, out bool l);
            if (l) { vbs = b + vds; limited = true; }
            if (_rbody)
            {
                double vdbd = vdbs - vds, vdbdOld = _vdbsOld - _vdsOld;
                double db = Junction.Limit(vdbd, vdbdOld, vt0, _vcrit, out bool l1);
                double vsbd = vsbs - vds, vsbdOld = _vsbsOld - _vdsOld;
                double sb = Junction.Limit(vsbd, vsbdOld, vt0, _vcrit, out bool l2);
                if (l1 || l2) { vdbs = db + vds; vsbs = sb + vds; limited = true; }
            }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[]
    {
        "id", "ids", "gm", "gds", "gmbs", "vth", "vdsat", "vgs", "vds", "vbs", "ibs", "ibd", "isub", "igidl",
        "igisl", "igs", "igd", "igcs", "igcd", "igb", "ig", "qg", "qb", "qd", "qs",
    };

    /// <summary>
    /// Reads at a solution, in ngspice's BSIM4 conventions (NMOS sign: a PMOS reports the values of its mirrored
    /// NMOS, as ngspice does; m included): "id" (channel current of the normal-mode frame), "gm", "gds", "gmbs" (its
    /// exact derivatives, mode frame), "vth", "vdsat" (mode frame), the biases "vgs", "vds", "vbs" (internal nodes),
    /// the junction currents "ibs", "ibd" (body → diffusion), "isub", "igidl", "igisl", the gate tunneling currents
    /// "igs", "igd", "igcs", "igcd", "igb" and their sum "ig"; the intrinsic charges "qg", "qb", "qd", "qs" (physical
    /// terminals, without overlaps and junctions); physical sign: "ids" (channel current drain → source).
    /// </summary>
    public override double ReadQuantity(string name, Solution s)
    {
        var x = s.X;
        double t = _type, m = _mult;
        double vgs = t * _block.Voltage(x, TGP, TSP), vds = t * _block.Voltage(x, TDP, TSP);
        double vbs = t * _block.Voltage(x, TBP, TSP);
        double vsbs = _rbody ? t * _block.Voltage(x, TSB, TSP) : vbs, vdbs = _rbody ? t * _block.Voltage(x, TDB, TSP) : vbs;
        var k = Evaluate(vgs, vds, vbs, vsbs, vdbs, _gmin);
        double gmM = k.Mode > 0 ? k.Ichan.G : -k.Ichan.G;
        double gmbsM = k.Mode > 0 ? k.Ichan.B : -k.Ichan.B;
        double gdsM = k.Mode > 0 ? k.Ichan.D : k.Ichan.D + k.Ichan.G + k.Ichan.B;
        return name switch
        {
            "id" => m * k.Bias.Ids.V,
            "ids" => t * m * k.Ichan.V,
            "gm" => m * gmM,
            "gds" => m * gdsM,
            "gmbs" => m * gmbsM,
            "vth" => k.Bias.Vth.V,
            "vdsat" => k.Bias.Vdsat.V,
            "vgs" => vgs,
            "vds" => vds,
            "vbs" => vbs,
            "ibs" => m * k.Ibs.V,
            "ibd" => m * k.Ibd.V,
            "isub" => m * k.Isub.V,
            "igidl" => m * k.Igidl.V,
            "igisl" => m * k.Igisl.V,
            "igs" => m * k.Igs.V,
            "igd" => m * k.Igd.V,
            "igcs" => m * k.Igcs.V,
            "igcd" => m * k.Igcd.V,
            "igb" => m * k.Igb.V,
            "ig" => m * (k.Igs.V + k.Igd.V + k.Igcs.V + k.Igcd.V + k.Igb.V),
            // intrinsic charges of the physical terminals (NMOS sign, as ngspice's qgate/qbulk/qdrn/qsrc)
            "qg" => m * k.Qg.V,
            "qb" => m * k.Qb.V,
            "qd" => m * k.Qd.V,
            "qs" => -m * (k.Qg.V + k.Qb.V + k.Qd.V),
            _ => base.ReadQuantity(name, s),
        };
    }
}
