using Perovspice.Devices.Mosfet;
using Perovspice.Engine;

namespace Perovspice.Devices.Vdmos;

/// <summary>
/// ngspice's VDMOS power MOSFET: terminals drain, gate, source (no bulk). The channel runs between internal nodes
/// "name#d" and "name#s" (behind rd and rs), the gate capacitances hang on "name#g" (behind rg), and the body diode
/// (anode at the source side through rb on "name#b", cathode at the external drain) gives reverse conduction,
/// breakdown and the drain-source capacitance. Equations: docs/models.md, "VDMOS power MOSFET". Evaluated in the
/// n-channel frame; a p-channel device flips the signs of voltages, currents and charges. m puts m devices in
/// parallel (every current, conductance and charge times m).
/// </summary>
public sealed partial class Vdmos : Device
{
    private const int D = 0, G = 1, S = 2;
    private readonly VdmosModel _model;
    private readonly VdmosTemperature _t;
    private readonly double _type, _m;
    private readonly double? _icVds, _icVgs;
    private int _dp, _gp, _sp, _bp;
    private TerminalBlock _block = null!;
    private double[] _v = Array.Empty<double>();
    private double _vgsOld, _vdsOld, _vdOld, _gmin = 1e-12;

    /// <summary>Creates a VDMOS at <paramref name="temperature"/> (K) with multiplier <paramref name="multiplier"/>;
    /// <paramref name="off"/> starts a dc solve at zero bias, <paramref name="icVds"/>, <paramref name="icVgs"/> are
    /// the ic= values used at t = 0 of a transient with uic.</summary>
    public Vdmos(string name, string drain, string gate, string source, VdmosModel model, double multiplier = 1,
        double temperature = Units.NominalTemperature, bool off = false, double? icVds = null, double? icVgs = null)
        : base(name, drain, gate, source)
    {
        if (!(multiplier > 0) || !double.IsFinite(multiplier)) throw new ArgumentException($"VDMOS '{name}': m must be > 0");
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentException($"VDMOS '{name}': temperature must be above absolute zero");
        _model = model;
        _t = new VdmosTemperature(model, temperature);
        Temperature = temperature;
        _type = model.IsPChannel ? -1 : 1;
        _m = multiplier;
        Off = off;
        _icVds = icVds;
        _icVgs = icVgs;
        foreach (var (r, what) in new[] { (_t.Rd, "rd"), (_t.Rg, "rg"), (_t.Rs, "rs"), (_t.Rb, "rb") })
            if (r < 0) throw new ArgumentException($"VDMOS '{name}': {what} is negative at {temperature - Units.CelsiusToKelvin} °C");
    }

    /// <summary>The model.</summary>
    public VdmosModel Model => _model;
    /// <summary>True when the dc solve starts with the device off.</summary>
    public bool Off { get; }
    /// <summary>Device temperature (K).</summary>
    public double Temperature { get; }
    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths()
    {
        yield return (Nodes[0], Nodes[2]);
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        var nodes = new List<int> { context.Node(Nodes[0]), context.Node(Nodes[1]), context.Node(Nodes[2]) };
        int Add(string suffix)
        {
            nodes.Add(context.AddUnknown(Name + suffix, UnknownKind.Voltage));
            return nodes.Count - 1;
        }
        _dp = _t.Rd > 0 ? Add("#d") : D; // quasi-saturation acts on rd: none without it (as ngspice 39)
        _gp = _t.Rg > 0 ? Add("#g") : G;
        _sp = _t.Rs > 0 ? Add("#s") : S;
        _bp = _t.Rb > 0 ? Add("#b") : S;
        _block = TerminalBlock.Reserve(context, nodes.ToArray());
        _v = new double[nodes.Count];
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        _gmin = c.Gmin;
        for (int k = 0; k < _v.Length; k++) _v[k] = c.X[_block.Node(k)];
        double t = _type;
        double vgs = t * (_v[_gp] - _v[_sp]), vds = t * (_v[_dp] - _v[_sp]), vd = t * (_v[_bp] - _v[D]);
        bool limited = false, exact = false;
        if (c.UseInitialConditions && (_icVds.HasValue || _icVgs.HasValue))
        {
            // at the ic= point the device is that state itself, not a linearisation back to the node voltages
            vds = t * (_icVds ?? 0);
            vgs = t * (_icVgs ?? 0);
            vd = -vds;
            exact = true;
        }
        else if (c.InitJunctions)
        {
            // SPICE's MODEINITJCT: off devices at zero bias, others just above threshold; the diode at vcrit
            vgs = Off ? 0 : _t.Von + 0.1;
            vds = 0;
            vd = _t.Vcrit;
            limited = true;
        }
        else
        {
            limited = Limit(ref vgs, ref vds, ref vd);
        }
        _vgsOld = vgs; _vdsOld = vds; _vdOld = vd;
        var e = Evaluate(vgs, vds, vd, _gmin);
        double dGs = exact ? 0 : t * (_v[_gp] - _v[_sp]) - vgs;
        double dDs = exact ? 0 : t * (_v[_dp] - _v[_sp]) - vds;
        double dD = exact ? 0 : t * (_v[_bp] - _v[D]) - vd;
        StampLinear(c);
        double m = _m;
        var b = _block;
        // channel d' → s', linearised at the limited point
        b.Current(c, _dp, _sp, m * t * (e.Id + e.Gmg * dGs + e.Gmd * dDs));
        b.Conductance(c, _dp, _sp, _gp, _sp, m * e.Gmg);
        b.Conductance(c, _dp, _sp, _dp, _sp, m * e.Gmd);
        // body diode b' → D
        b.Current(c, _bp, D, m * t * (e.Idio + e.Gdio * dD));
        b.Conductance(c, _bp, D, _bp, D, m * e.Gdio);
        // charges: cgs (linear), cgd(vgd), body diode
        double cgs = _model["cgs"];
        b.TwoTerminalCharge(c, _gp, _sp, m * cgs * (_v[_gp] - _v[_sp]), m * cgs);
        b.Charge(c, _gp, _dp, m * t * (e.Qgd + e.Cgd * (dGs - dDs)));
        b.Capacitance(c, _gp, _dp, _gp, _dp, m * e.Cgd);
        b.Charge(c, _bp, D, m * t * (e.Qdio + e.Cdio * dD));
        b.Capacitance(c, _bp, D, _bp, D, m * e.Cdio);
        if (limited) c.SignalLimited();
    }

    /// <summary>The resistors rg, rs, rb, rds and rd (with quasi-saturation, a function of the external vds).</summary>
    private void StampLinear(LoadContext c)
    {
        var b = _block;
        double m = _m;
        if (_gp != G) b.Branch(c, G, _gp, m * (_v[G] - _v[_gp]) / _t.Rg, m / _t.Rg);
        if (_sp != S) b.Branch(c, S, _sp, m * (_v[S] - _v[_sp]) / _t.Rs, m / _t.Rs);
        if (_bp != S) b.Branch(c, S, _bp, m * (_v[S] - _v[_bp]) / _t.Rb, m / _t.Rb);
        double gds = 1 / _model["rds"];
        b.Branch(c, D, S, m * gds * (_v[D] - _v[S]), m * gds);
        if (_dp != D)
        {
            DrainConductance(out double g, out double dg);
            double vr = _v[D] - _v[_dp];
            b.Branch(c, D, _dp, m * g * vr, m * g);
            if (dg != 0) b.Conductance(c, D, _dp, D, S, m * dg * vr);
        }
    }

    /// <summary>1/rd with quasi-saturation (eq. V7) at the present external vds, and its derivative by v(D) − v(S).</summary>
    private void DrainConductance(out double g, out double dg)
    {
        double t = _type;
        double vdsInt = t * (_v[_dp] - _v[_sp]);
        double rd = _t.Rd, drd = 0;
        if (_t.Rq > 0 && vdsInt >= 0)
        {
            double v = t * (_v[D] - _v[S]), vq = Math.Abs(_model["vq"]);
            double den = v + vq;
            if (den > 0)
            {
                rd += _t.Rq * v / den;
                drd = _t.Rq * vq / (den * den) * t;
            }
        }
        if (rd <= 0) { g = 0; dg = 0; return; }
        g = 1 / rd;
        dg = -drd / (rd * rd);
    }
}
