using Perovspice.Engine;

namespace Perovspice.Devices.Mosfet;

/// <summary>
/// What every SPICE3 MOSFET level shares around its drain-current equation: terminals d g s b with optional
/// internal drain/source nodes behind rd/rs (or rsh·nrd/nrs), source/drain interchange for vds &lt; 0, the
/// bulk–drain and bulk–source junctions, Meyer gate capacitance with overlaps, junction depletion charges,
/// Newton limiting and the initial guess, the multiplier m, and the readable quantities.
/// A level supplies <see cref="Channel"/>: the drain current, von and vdsat for vds ≥ 0 in the frame of the
/// conducting direction, with voltages sign-normalised for the type (PMOS voltages and currents negated).
/// </summary>
public abstract partial class MosfetDevice : Device
{
    /// <summary>Local terminal indices in the stamp block.</summary>
    private const int DP = 0, GT = 1, SP = 2, BK = 3, DX = 4, SX = 5, YS = 6, YD = 7, YB = 8, GND = 9;

    /// <summary>Time scale τ of the Meyer rate unknowns y = τ·dv/dt (keeps them of the order of volts).</summary>
    public const double MeyerTimeScale = 1e-9;

    private readonly double _gDrain, _gSource, _isDrain, _isSource, _vcritDrain, _vcritSource;
    private readonly double _czbd, _czbdsw, _czbs, _czbssw, _cgsOverlap, _cgdOverlap, _cgbOverlap;
    private readonly double[]? _ic;
    private readonly bool _off;
    private int _d, _g, _s, _b, _dp, _sp;
    private TerminalBlock? _block;
    private bool _meyer;
    private double _vgsOld, _vdsOld, _vbsOld, _vonOld, _gmin = 1e-12;

    /// <summary>The channel current and the voltages the gate charge and limiting need, for vds ≥ 0.</summary>
    /// <param name="Id">Drain current (drain to source, sign-normalised).</param>
    /// <param name="Von">Turn-on voltage (threshold, plus n·vt where the level models weak inversion).</param>
    /// <param name="Vdsat">Saturation voltage.</param>
    protected readonly record struct ChannelPoint(Dual Id, Dual Von, Dual Vdsat);

    /// <summary>Reads the instance parameters and evaluates the temperature laws.</summary>
    protected MosfetDevice(DeviceRequest r, MosfetModel model)
        : base(r.Name, r.Nodes.ToArray())
    {
        if (r.Nodes.Count != 4) throw new ArgumentException("a MOSFET has four nodes: drain gate source bulk");
        Model = model;
        Type = model.Type;
        // the model card's l/w are the instances' defaults (ngspice 39: checked, W/L from the card sets the current)
        L = r.Get("l", model.Values["l"]);
        W = r.Get("w", model.Values["w"]);
        Multiplier = r.Get("m", 1);
        double ad = r.Get("ad", 0), @as = r.Get("as", 0), pd = r.Get("pd", 0), ps = r.Get("ps", 0);
        double nrd = r.Get("nrd", 1), nrs = r.Get("nrs", 1);
        EffectiveLength = L + model.LengthOffset - 2 * model.Ld;
        if (!(EffectiveLength > 0))
            throw new ArgumentException($"effective channel length l − 2·ld = {EffectiveLength:G4} m must be > 0");
        double kelvin = r.DeviceTemperature;
        Temp = new MosfetTemperature(model, kelvin);
        double m = Multiplier;

        _gDrain = model.RdGiven ? (model.Rd > 0 ? m / model.Rd : 0)
                : model.Rsh > 0 && nrd > 0 ? m / (model.Rsh * nrd) : 0;
        _gSource = model.RsGiven ? (model.Rs > 0 ? m / model.Rs : 0)
                : model.Rsh > 0 && nrs > 0 ? m / (model.Rsh * nrs) : 0;

        if (Temp.Js == 0 || ad == 0 || @as == 0) { _isDrain = _isSource = m * Temp.Is; }
        else { _isDrain = m * Temp.Js * ad; _isSource = m * Temp.Js * @as; }
        _vcritDrain = _isDrain > 0 ? Junction.CriticalVoltage(Temp.Vt, _isDrain) : double.PositiveInfinity;
        _vcritSource = _isSource > 0 ? Junction.CriticalVoltage(Temp.Vt, _isSource) : double.PositiveInfinity;

        _czbd = model.CbdGiven ? Temp.Cbd * m : Temp.Cj * ad * m;
        _czbs = model.CbsGiven ? Temp.Cbs * m : Temp.Cj * @as * m;
        _czbdsw = Temp.Cjsw * pd * m;
        _czbssw = Temp.Cjsw * ps * m;
        _cgsOverlap = model.Cgso * W * m;
        _cgdOverlap = model.Cgdo * W * m;
        _cgbOverlap = model.Cgbo * EffectiveLength * m;

        _off = r.Flags.Contains("off");
        if (r.ListParameters.TryGetValue("ic", out var ic))
        {
            if (ic.Count > 3) throw new ArgumentException("ic= takes at most three values: vds, vgs, vbs");
            _ic = new double[3];
            for (int k = 0; k < ic.Count; k++) _ic[k] = ic[k];
        }
    }

    /// <summary>The model.</summary>
    public MosfetModel Model { get; }
    /// <summary>+1 NMOS, −1 PMOS.</summary>
    public int Type { get; }
    /// <summary>Drawn channel length and width (m).</summary>
    public double L { get; }
    /// <inheritdoc cref="L" />
    public double W { get; }
    /// <summary>Channel length less the lateral diffusion on both sides (m).</summary>
    public double EffectiveLength { get; }
    /// <summary>Parallel multiplier m.</summary>
    public double Multiplier { get; }
    /// <summary>Temperature-adjusted parameters.</summary>
    public MosfetTemperature Temp { get; }

    /// <summary>Channel width used by the gate capacitance (the level's effective width).</summary>
    protected virtual double EffectiveWidth => W;

    /// <summary>Meyer's oxide capacitance Cox·Leff·Weff·m (F).</summary>
    protected double OxideCap => Model.OxideCapacitance * EffectiveLength * EffectiveWidth * Multiplier;

    /// <summary>The level's drain current for vds ≥ 0 (in the conducting direction, sign-normalised).</summary>
    protected abstract ChannelPoint Channel(Dual vgs, Dual vds, Dual vbs);

    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths()
    {
        yield return (Nodes[0], Nodes[2]);
        yield return (Nodes[0], Nodes[3]);
        yield return (Nodes[2], Nodes[3]);
    }

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _d = c.Node(Nodes[0]);
        _g = c.Node(Nodes[1]);
        _s = c.Node(Nodes[2]);
        _b = c.Node(Nodes[3]);
        _dp = _gDrain > 0 ? c.AddUnknown(Name + "#drain", UnknownKind.Voltage) : _d;
        _sp = _gSource > 0 ? c.AddUnknown(Name + "#source", UnknownKind.Voltage) : _s;
        // Meyer's capacitances are not the derivatives of one charge, so SPICE integrates C(v)·dv/dt directly. In
        // the DAE form the rates of vgs, vgd, vgb become unknowns y = τ·dv/dt (rows y − τ·dv/dt = 0), and the gate
        // currents C(v)·y/τ join the node rows; with no oxide capacitance they are not needed.
        _meyer = OxideCap > 0;
        int ys = 0, yd = 0, yb = 0;
        if (_meyer)
        {
            ys = c.AddUnknown(Name + "#dvgs", UnknownKind.Rate);
            yd = c.AddUnknown(Name + "#dvgd", UnknownKind.Rate);
            yb = c.AddUnknown(Name + "#dvgb", UnknownKind.Rate);
        }
        _block = TerminalBlock.Reserve(c, _dp, _g, _sp, _b, _d, _s, ys, yd, yb, 0);
        _bypass.Forget();
    }

    /// <summary>Everything the device adds at one bias, sign-normalised (see <see cref="Evaluate"/>).</summary>
    private struct Point
    {
        public Dual Ids, Ibd, Ibs, Qgs, Qgd, Qgb, Qbd, Qbs, MeyerGs, MeyerGd, MeyerGb;
        public double Von, Vdsat, Gm, Gds, Gmbs, Cgs, Cgd, Cgb;
        public int Mode;
    }

    /// <summary>
    /// Evaluates the device at sign-normalised vgs, vds, vbs (referred to the internal source).
    /// </summary>
    private Point Evaluate(double vgs, double vds, double vbs, double gmin)
    {
        var p = new Point();
        Dual Vgs = new(vgs, 1, 0, 0), Vds = new(vds, 0, 1, 0), Vbs = new(vbs, 0, 0, 1);
        Dual Vgd = Vgs - Vds, Vbd = Vbs - Vds;
        p.Mode = vds >= 0 ? 1 : -1;
        Dual vgsM, vdsM, vbsM;
        if (p.Mode == 1) { vgsM = Vgs; vdsM = Vds; vbsM = Vbs; }
        else { vgsM = Vgd; vdsM = -Vds; vbsM = Vbd; }
        var ch = Channel(vgsM, vdsM, vbsM);
        p.Ids = p.Mode == 1 ? ch.Id : -ch.Id;
        p.Von = ch.Von.V;
        p.Vdsat = ch.Vdsat.V;
        if (p.Mode == 1) { p.Gm = ch.Id.G; p.Gds = ch.Id.D; p.Gmbs = ch.Id.B; }
        else { p.Gm = ch.Id.G; p.Gmbs = ch.Id.B; p.Gds = -(ch.Id.G + ch.Id.D + ch.Id.B); }

        p.Ibd = BulkJunction.Current(Vbd, _isDrain, Temp.Vt, gmin);
        p.Ibs = BulkJunction.Current(Vbs, _isSource, Temp.Vt, gmin);

        double cox = OxideCap, phi = Temp.Phi;
        Dual vgst = vgsM - ch.Von;
        Meyer.Capacitances(vgst, vdsM, ch.Vdsat, phi, cox, out var cs, out var cd, out var cb);
        if (p.Mode == -1) (cs, cd) = (cd, cs);
        p.MeyerGs = cs; p.MeyerGd = cd; p.MeyerGb = cb;
        p.Cgs = cs.V + _cgsOverlap;
        p.Cgd = cd.V + _cgdOverlap;
        p.Cgb = cb.V + _cgbOverlap;
        p.Qgs = _cgsOverlap * Vgs;
        p.Qgd = _cgdOverlap * Vgd;
        p.Qgb = _cgbOverlap * (Vgs - Vbs);
        var m = Model;
        p.Qbd = BulkJunction.Charge(Vbd, _czbd, _czbdsw, Temp.Pb, m.Mj, m.Mjsw, m.Fc);
        p.Qbs = BulkJunction.Charge(Vbs, _czbs, _czbssw, Temp.Pb, m.Mj, m.Mjsw, m.Fc);
        return p;
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        var x = c.X;
        double T = Type;
        _gmin = c.Gmin;
        double vgsX = T * (x[_g] - x[_sp]), vdsX = T * (x[_dp] - x[_sp]), vbsX = T * (x[_b] - x[_sp]);
        double vgs = vgsX, vds = vdsX, vbs = vbsX;
        bool limited = false;
        Point p;
        if (!c.InitJunctions && CanBypass(c, vgsX, vdsX, vbsX))
        {
            // SPICE's bypass: the last evaluation, linearised to the new voltages by the stamps below
            p = _bypass.Value;
            (vgs, vds, vbs) = _bypass.At;
        }
        else
        {
        if (c.InitJunctions)
        {
            // SPICE's MODEINITJCT: off devices start at zero bias; others at ic= or in strong-ish inversion.
            limited = true;
            if (_off) vgs = vds = vbs = 0;
            else
            {
                if (_ic != null) { vds = T * _ic[0]; vgs = T * _ic[1]; vbs = T * _ic[2]; }
                else vds = vgs = vbs = 0;
                if (vds == 0 && vgs == 0 && vbs == 0) { vbs = -1; vgs = T * Temp.Vto; vds = 0; }
            }
        }
        else
        {
            double vgd = vgs - vds, vgdOld = _vgsOld - _vdsOld;
            bool l1, l2, l3;
            if (_vdsOld >= 0)
            {
                vgs = MosfetLimiting.Gate(vgs, _vgsOld, _vonOld, out l1);
                if (l1) vds = vgs - vgd;
                vds = MosfetLimiting.DrainSource(vds, _vdsOld, out l2);
            }
            else
            {
                vgd = MosfetLimiting.Gate(vgd, vgdOld, _vonOld, out l1);
                if (l1) vds = vgs - vgd;
                vds = -MosfetLimiting.DrainSource(-vds, -_vdsOld, out l2);
                if (l1 || l2) vgs = vgd + vds;
            }
            if (vds >= 0) vbs = Junction.Limit(vbs, _vbsOld, Temp.Vt, _vcritSource, out l3);
            else
            {
                double vbd = Junction.Limit(vbs - vds, _vbsOld - _vdsOld, Temp.Vt, _vcritDrain, out l3);
                if (l3) vbs = vbd + vds;
            }
            limited = l1 || l2 || l3;
        }
        _vgsOld = vgs; _vdsOld = vds; _vbsOld = vbs;

        p = Evaluate(vgs, vds, vbs, c.Gmin);
        _vonOld = p.Von;
        _bypass.Keep(p, vgs, vds, vbs, c.Gmin, !limited);
        }

        double dg = vgsX - vgs, dd = vdsX - vds, db = vbsX - vbs;
        var k = _block!;
        Flow(c, k, DP, SP, p.Ids, dg, dd, db);
        Flow(c, k, BK, DP, p.Ibd, dg, dd, db);
        Flow(c, k, BK, SP, p.Ibs, dg, dd, db);
        Store(c, k, GT, SP, p.Qgs, dg, dd, db);
        Store(c, k, GT, DP, p.Qgd, dg, dd, db);
        Store(c, k, GT, BK, p.Qgb, dg, dd, db);
        Store(c, k, BK, DP, p.Qbd, dg, dd, db);
        Store(c, k, BK, SP, p.Qbs, dg, dd, db);
        if (_gDrain > 0) k.Branch(c, DX, DP, _gDrain * (x[_d] - x[_dp]), _gDrain);
        if (_gSource > 0) k.Branch(c, SX, SP, _gSource * (x[_s] - x[_sp]), _gSource);
        if (_meyer)
        {
            Rate(c, k, YS, GT, SP, p.MeyerGs, dg, dd, db);
            Rate(c, k, YD, GT, DP, p.MeyerGd, dg, dd, db);
            Rate(c, k, YB, GT, BK, p.MeyerGb, dg, dd, db);
        }
        if (limited) c.SignalLimited();
    }

    private DeviceBypass.Point<Point> _bypass;

    /// <summary>
    /// Whether this transient iteration may reuse the last evaluation (docs/engine.md, "Device bypass"): each
    /// controlling voltage moved less than reltol·max(|v|, |v_last|) + vntol and the drain and junction currents,
    /// linearised to the new voltages, less than reltol·max(|i|, |i_last|) + abstol; never across a sign change of vds.
    /// </summary>
    private bool CanBypass(LoadContext c, double vgs, double vds, double vbs)
    {
        if (!_bypass.Near(c, vgs, vds, vbs, out double dg, out double dd, out double db)) return false;
        var p = _bypass.Value;
        return DeviceBypass.CurrentClose(c, p.Ids.V, p.Ids.Delta(dg, dd, db))
               && DeviceBypass.CurrentClose(c, p.Ibd.V, p.Ibd.Delta(dg, dd, db))
               && DeviceBypass.CurrentClose(c, p.Ibs.V, p.Ibs.Delta(dg, dd, db));
    }

    /// <summary>
    /// One Meyer capacitance C between local terminals a and b: the rate row y − τ·d(va − vb)/dt = 0 and the
    /// current C(v)·y/τ from a to b (C's dependence on the bias stamped through its partials).
    /// </summary>
    private void Rate(LoadContext c, TerminalBlock k, int y, int a, int b, Dual cap, double dg, double dd, double db)
    {
        const double tau = MeyerTimeScale;
        double yv = c.X[k.Node(y)];
        k.Current(c, y, GND, yv);
        k.Conductance(c, y, GND, y, GND, 1);
        k.Charge(c, y, GND, -tau * (c.X[k.Node(a)] - c.X[k.Node(b)]));
        k.Capacitance(c, y, GND, a, b, -tau);
        double cv = cap.V + cap.Delta(dg, dd, db);
        k.Current(c, a, b, cv * yv / tau);
        k.Conductance(c, a, b, y, GND, cv / tau);
        double scale = Type * yv / tau; // ∂C/∂(actual v) = type·∂C/∂(normalised v)
        if (cap.G != 0) k.Conductance(c, a, b, GT, SP, scale * cap.G);
        if (cap.D != 0) k.Conductance(c, a, b, DP, SP, scale * cap.D);
        if (cap.B != 0) k.Conductance(c, a, b, BK, SP, scale * cap.B);
    }

    /// <summary>Stamps a sign-normalised current from local terminal a to b, linearised at the (possibly limited)
    /// bias and continued to the actual one by (dg, dd, db).</summary>
    private void Flow(LoadContext c, TerminalBlock k, int a, int b, Dual i, double dg, double dd, double db)
    {
        k.Current(c, a, b, Type * (i.V + i.Delta(dg, dd, db)));
        if (i.G != 0) k.Conductance(c, a, b, GT, SP, i.G);
        if (i.D != 0) k.Conductance(c, a, b, DP, SP, i.D);
        if (i.B != 0) k.Conductance(c, a, b, BK, SP, i.B);
    }

    /// <summary>Stamps a sign-normalised charge on local terminal a (−q on b), like <see cref="Flow"/>.</summary>
    private void Store(LoadContext c, TerminalBlock k, int a, int b, Dual q, double dg, double dd, double db)
    {
        if (q.V == 0 && q.G == 0 && q.D == 0 && q.B == 0) return;
        k.Charge(c, a, b, Type * (q.V + q.Delta(dg, dd, db)));
        if (q.G != 0) k.Capacitance(c, a, b, GT, SP, q.G);
        if (q.D != 0) k.Capacitance(c, a, b, DP, SP, q.D);
        if (q.B != 0) k.Capacitance(c, a, b, BK, SP, q.B);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames =>
        new[] { "id", "gm", "gds", "gmbs", "vgs", "vds", "vbs", "vth", "von", "vdsat", "cgs", "cgd", "cgb", "ibd", "ibs" };

    /// <summary>
    /// Reads "id" (dc drain current: channel current less the bulk–drain junction current, sign-normalised as
    /// ngspice's @m[id], so positive for a conducting PMOS too), "gm", "gds", "gmbs" (channel derivatives in the
    /// conducting direction), "vgs", "vds", "vbs" (internal terminal voltages), "vth" or "von" (turn-on voltage,
    /// with the sign of the type), "vdsat", "cgs", "cgd", "cgb" (Meyer plus overlap capacitances), "ibd", "ibs"
    /// (junction currents bulk to drain/source, sign-normalised).
    /// </summary>
    public override double ReadQuantity(string name, Solution s)
    {
        var x = s.X;
        double T = Type;
        double vgs = T * (x[_g] - x[_sp]), vds = T * (x[_dp] - x[_sp]), vbs = T * (x[_b] - x[_sp]);
        var p = Evaluate(vgs, vds, vbs, _gmin);
        return name switch
        {
            "id" => p.Ids.V - p.Ibd.V,
            "gm" => p.Gm,
            "gds" => p.Gds,
            "gmbs" => p.Gmbs,
            "vgs" => T * vgs,
            "vds" => T * vds,
            "vbs" => T * vbs,
            "vth" or "von" => T * p.Von,
            "vdsat" => T * p.Vdsat,
            "cgs" => p.Cgs,
            "cgd" => p.Cgd,
            "cgb" => p.Cgb,
            "ibd" => p.Ibd.V,
            "ibs" => p.Ibs.V,
            _ => base.ReadQuantity(name, s),
        };
    }
}
