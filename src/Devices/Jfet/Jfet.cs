using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE level-1 JFET (N or P channel), terminals drain, gate, source. The channel current is Shichman–Hodges
/// with Sprague's doping-tail parameter b (docs/models.md, "JFET"); the gate-source and gate-drain junctions are
/// diodes with depletion charges; rd and rs sit on internal nodes "name#d", "name#s". Evaluated in N-channel
/// polarity; a P-channel device flips the signs of voltages, currents and charges.
/// </summary>
public sealed partial class Jfet : Device
{
    private const int D = 0, G = 1, S = 2;

    private readonly double _type, _vt, _is, _beta, _vto, _bfac, _pb, _cgs, _cgd, _grd, _grs, _vcrit;
    private readonly double? _icVds, _icVgs;
    private int _di, _si;
    private TerminalBlock _block = null!;
    private double[] _vA = Array.Empty<double>(), _vE = Array.Empty<double>(), _work = Array.Empty<double>();
    private double _vgsOld, _vgdOld, _gmin = 1e-12;
    private double _gm, _gds, _ggs, _ggd, _capgs, _capgd;

    /// <summary>
    /// Creates a JFET. <paramref name="area"/> scales beta, is, cgs and cgd and divides rd and rs;
    /// <paramref name="multiplier"/> (m) puts that many in parallel; <paramref name="temperature"/> in kelvin.
    /// <paramref name="off"/> starts a dc solve with zero junction voltages; <paramref name="icVds"/>,
    /// <paramref name="icVgs"/> are the ic= values used at t = 0 of a transient with uic.
    /// </summary>
    public Jfet(string name, string drain, string gate, string source, JfetModel model, double area = 1,
        double multiplier = 1, double temperature = Units.NominalTemperature, bool off = false,
        double? icVds = null, double? icVgs = null)
        : base(name, drain, gate, source)
    {
        if (!(area > 0) || !double.IsFinite(area)) throw new ArgumentException($"jfet '{name}': area must be > 0");
        if (!(multiplier > 0) || !double.IsFinite(multiplier))
            throw new ArgumentException($"jfet '{name}': m must be > 0");
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentException($"jfet '{name}': temperature must be above absolute zero");
        Model = model;
        Area = area;
        Multiplier = multiplier;
        Temperature = temperature;
        Off = off;
        _icVds = icVds;
        _icVgs = icVgs;
        _type = model.IsPChannel ? -1 : 1;
        _vt = SpiceThermal.Voltage(temperature);
        _is = model.SaturationCurrent(temperature) * area;
        _beta = model.BetaAt(temperature) * area;
        _vto = model.ThresholdAt(temperature);
        double span = model["pb"] - model.Vto;
        _bfac = span != 0 ? (1 - model.B) / span : 0;
        _pb = model.Potential(temperature);
        _cgs = model.Capacitance("cgs", temperature) * area;
        _cgd = model.Capacitance("cgd", temperature) * area;
        _grd = model.Rd > 0 ? area / model.Rd : 0;
        _grs = model.Rs > 0 ? area / model.Rs : 0;
        _vcrit = _is > 0 ? Junction.CriticalVoltage(_vt, _is) : double.PositiveInfinity;
    }

    /// <summary>The model.</summary>
    public JfetModel Model { get; }
    /// <summary>Area factor.</summary>
    public double Area { get; }
    /// <summary>Number of devices in parallel (m).</summary>
    public double Multiplier { get; }
    /// <summary>Device temperature (K).</summary>
    public double Temperature { get; }
    /// <summary>True when the dc solve starts with the device off.</summary>
    public bool Off { get; }
    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        var nodes = new List<int> { context.Node(Nodes[0]), context.Node(Nodes[1]), context.Node(Nodes[2]) };
        _di = D; _si = S;
        if (_grd > 0) { _di = nodes.Count; nodes.Add(context.AddUnknown(Name + "#d", UnknownKind.Voltage)); }
        if (_grs > 0) { _si = nodes.Count; nodes.Add(context.AddUnknown(Name + "#s", UnknownKind.Voltage)); }
        _block = TerminalBlock.Reserve(context, nodes.ToArray());
        _vA = new double[nodes.Count];
        _vE = new double[nodes.Count];
        _work = new double[nodes.Count];
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        _gmin = c.Gmin;
        for (int k = 0; k < _vA.Length; k++) _vA[k] = c.X[_block.Node(k)];
        double t = _type;
        double vgs = t * (_vA[G] - _vA[_si]), vgd = t * (_vA[G] - _vA[_di]);
        bool limited = false;
        bool atIc = c.UseInitialConditions && (_icVds.HasValue || _icVgs.HasValue);
        if (atIc)
        {
            vgs = t * (_icVgs ?? 0);
            vgd = vgs - t * (_icVds ?? 0);
        }
        else if (c.InitJunctions)
        {
            vgs = vgd = Off ? 0 : -1;
            limited = true;
        }
        else
        {
            vgs = Junction.Limit(vgs, _vgsOld, _vt, _vcrit, out bool l1);
            vgd = Junction.Limit(vgd, _vgdOld, _vt, _vcrit, out bool l2);
            limited = l1 || l2;
        }
        _vgsOld = vgs; _vgdOld = vgd;
        Array.Copy(_vA, _vE, _vA.Length);
        _vE[_si] = _vE[G] - t * vgs;
        _vE[_di] = _vE[G] - t * vgd;
        // At the ic= point the device is the junctions' state itself (charges Q(ic), as a capacitor's ic), not a
        // linearisation back to the node voltages.
        var stamps = new LoadStamps(_block, c, atIc ? _vE : _vA, _vE, Multiplier, _work);
        Evaluate(ref stamps, _vE, c.Gmin);
        if (limited) c.SignalLimited();
    }

    private void Evaluate<T>(ref T s, double[] v, double gmin) where T : struct, IBranchStamps
    {
        double t = _type;
        double vgs = t * (v[G] - v[_si]), vgd = t * (v[G] - v[_di]), vds = vgs - vgd;

        // gate junctions (with gmin)
        GateDiode(vgs, gmin, out double igs, out double ggs);
        GateDiode(vgd, gmin, out double igd, out double ggd);
        s.Current(G, _si, t * igs);
        s.Conductance(G, _si, G, _si, ggs);
        s.Current(G, _di, t * igd);
        s.Conductance(G, _di, G, _di, ggd);

        // channel drain' → source'; inverse mode (vds < 0) exchanges drain and source
        double gm, gds;
        if (vds >= 0)
        {
            Channel(vgs - _vto, vds, out double id, out gm, out gds);
            s.Current(_di, _si, t * id);
            s.Conductance(_di, _si, G, _si, gm);
            s.Conductance(_di, _si, _di, _si, gds);
        }
        else
        {
            Channel(vgd - _vto, -vds, out double id, out gm, out gds);
            s.Current(_di, _si, -t * id);
            s.Conductance(_di, _si, G, _di, -gm);
            s.Conductance(_di, _si, _di, _si, gds);
        }

        if (_di != D) { s.Current(D, _di, _grd * (v[D] - v[_di])); s.Conductance(D, _di, D, _di, _grd); }
        if (_si != S) { s.Current(S, _si, _grs * (v[S] - v[_si])); s.Conductance(S, _si, S, _si, _grs); }

        // gate depletion charges
        double qgs = 0, cgs = 0, qgd = 0, cgd = 0;
        Depletion.Add(vgs, _cgs, _pb, Model.M, Model.Fc, ref qgs, ref cgs);
        Depletion.Add(vgd, _cgd, _pb, Model.M, Model.Fc, ref qgd, ref cgd);
        s.Charge(G, _si, t * qgs);
        s.Capacitance(G, _si, G, _si, cgs);
        s.Charge(G, _di, t * qgd);
        s.Capacitance(G, _di, G, _di, cgd);

        double m = Multiplier;
        _gm = m * gm; _gds = m * gds; _ggs = m * ggs; _ggd = m * ggd; _capgs = m * cgs; _capgd = m * cgd;
    }

    private void GateDiode(double v, double gmin, out double i, out double g)
    {
        double e = Junction.SafeExp(v / _vt, out double de);
        i = _is * (e - 1) + gmin * v;
        g = _is * de / _vt + gmin;
    }

    /// <summary>
    /// Channel current for vds ≥ 0 with overdrive u = vgs − vto, and its derivatives by u and vds:
    /// id = β(1 + λ·vds)·P, P = b(u² − (u − vds)²) + bf(u³ − (u − vds)³) for vds &lt; u (linear region),
    /// P = b·u² + bf·u³ for vds ≥ u (saturation), 0 for u ≤ 0; bf = (1 − b)/(pb − vto).
    /// </summary>
    private void Channel(double u, double vds, out double id, out double gm, out double gds)
    {
        if (u <= 0) { id = gm = gds = 0; return; }
        double b = Model.B, bf = _bfac, lam = Model.Lambda;
        double f = _beta * (1 + lam * vds);
        double p, dpdu, dpdv;
        if (vds < u)
        {
            double r = u - vds;
            p = b * (u * u - r * r) + bf * (u * u * u - r * r * r);
            dpdu = 2 * b * vds + 3 * bf * (u * u - r * r);
            dpdv = 2 * b * r + 3 * bf * r * r;
        }
        else
        {
            p = u * u * (b + bf * u);
            dpdu = u * (2 * b + 3 * bf * u);
            dpdv = 0;
        }
        id = f * p;
        gm = f * dpdu;
        gds = f * dpdv + _beta * lam * p;
    }
}
