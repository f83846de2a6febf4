using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE Gummel–Poon bipolar transistor (NPN or PNP), terminals collector, base, emitter, substrate.
/// The equations are in docs/models.md ("Bipolar transistor"): transport current (Ibe1 − Ibc1)/qb with the base
/// charge qb (Early voltages vaf/var, knee currents ikf/ikr), base currents Ibe1/bf + leakage and Ibc1/br +
/// leakage, bias-dependent base resistance, emitter/collector resistances on internal nodes "name#e", "name#c",
/// "name#b", depletion charges (cje, cjc split by xcjc, cjs) and diffusion charges tf (with xtf/vtf/itf) and tr.
/// Everything is evaluated in NPN polarity; a PNP flips the signs of voltages, currents and charges.
/// Excess phase (ptf) is not modelled.
/// </summary>
public sealed partial class Bjt : Device
{
    private const int C = 0, B = 1, E = 2, S = 3;
    // 144/π² and 24/π² rounded as SPICE rounds them (the exact values move rbb by ~1e-5 relative)
    private const double Tan2Coeff = 14.59025, ZCoeff = 2.4317;

    private readonly BjtTemperatureValues _t;
    private readonly double _type, _is, _isBc, _ise, _isc, _iss, _ikf, _ikr, _irb, _itf, _cje, _cjc, _cjs;
    private readonly double _rb, _rbm, _gre, _grc, _vcrit, _vcritSub;
    private readonly double? _icVbe, _icVce;
    private int _ci, _bi, _ei, _sx; // _sx: the node the substrate junction faces (collector' or base')
    private readonly double _ss;    // sign of the substrate junction: type × subs
    private TerminalBlock _block = null!;
    private double[] _vA = Array.Empty<double>(), _vE = Array.Empty<double>(), _work = Array.Empty<double>();
    private double _vbeOld, _vbcOld, _vsubOld, _gmin = 1e-12;

    // small-signal values of the last evaluation (for @q[...])
    private double _gm, _gpi, _gmu, _go, _gx, _cpi, _cmu, _cbx, _ccs;

    /// <summary>
    /// Creates a BJT. <paramref name="substrate"/> "0" grounds the substrate. <paramref name="area"/> scales the
    /// currents and capacitances and divides the resistances; <paramref name="multiplier"/> (m) puts that many
    /// devices in parallel. <paramref name="temperature"/> is the device temperature in kelvin.
    /// <paramref name="off"/> starts a dc solve from zero junction voltages; <paramref name="icVbe"/> and
    /// <paramref name="icVce"/> are the ic= values used at t = 0 of a transient with uic. <paramref name="areaB"/> and
    /// <paramref name="areaC"/> (ngspice 39's <c>areab</c>, <c>areac</c>; default <paramref name="area"/>) scale the
    /// base–collector junction (isc, cjc; areab for a vertical device, areac for a lateral one) and the substrate
    /// junction capacitance (cjs; areac vertical, areab lateral); as in ngspice 39 the base–collector terms of is
    /// scale with area times that factor (checked against ngspice 39: area 1.5 gives 2.25·is there).
    /// </summary>
    public Bjt(string name, string collector, string basis, string emitter, string substrate, BjtModel model,
        double area = 1, double multiplier = 1, double temperature = Units.NominalTemperature, bool off = false,
        double? icVbe = null, double? icVce = null, double? areaB = null, double? areaC = null)
        : base(name, collector, basis, emitter, substrate)
    {
        if (!(area > 0) || !double.IsFinite(area)) throw new ArgumentException($"bjt '{name}': area must be > 0");
        double ab = areaB ?? area, ac = areaC ?? area;
        if (!(ab > 0) || !double.IsFinite(ab) || !(ac > 0) || !double.IsFinite(ac))
            throw new ArgumentException($"bjt '{name}': areab and areac must be > 0");
        double areaBc = model.IsLateral ? ac : ab, areaSub = model.IsLateral ? ab : ac;
        if (!(multiplier > 0) || !double.IsFinite(multiplier))
            throw new ArgumentException($"bjt '{name}': m must be > 0");
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentException($"bjt '{name}': temperature must be above absolute zero");
        Model = model;
        Area = area;
        Multiplier = multiplier;
        Off = off;
        _icVbe = icVbe;
        _icVce = icVce;
        _type = model.IsPnp ? -1 : 1;
        _t = model.At(temperature);
        _is = _t.Is * area;
        _isBc = _is * areaBc;
        _ise = _t.Ise * area;
        _isc = _t.Isc * areaBc;
        _iss = _t.Iss * area;
        _ikf = model.Ikf * area;
        _ikr = model.Ikr * area;
        _irb = model.Irb * area;
        _itf = model.Itf * area;
        _cje = _t.Cje * area;
        _cjc = _t.Cjc * areaBc;
        _cjs = _t.Cjs * areaSub;
        _rb = model.Rb / area;
        _rbm = model.Rbm / area;
        _gre = model.Re > 0 ? area / model.Re : 0;
        _grc = model.Rc > 0 ? area / model.Rc : 0;
        _vcrit = Junction.CriticalVoltage(_t.Vt, _is);
        _ss = _type * (model.IsLateral ? -1 : 1);
        _vcritSub = _iss > 0 ? Junction.CriticalVoltage(model.Ns * _t.Vt, _iss) : 0;
    }

    /// <summary>The model.</summary>
    public BjtModel Model { get; }
    /// <summary>Area factor.</summary>
    public double Area { get; }
    /// <summary>Number of devices in parallel (m).</summary>
    public double Multiplier { get; }
    /// <summary>True when the dc solve starts with the device off.</summary>
    public bool Off { get; }
    /// <summary>Device temperature (K).</summary>
    public double Temperature => _t.Temperature;
    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        var nodes = new List<int>
        {
            context.Node(Nodes[0]), context.Node(Nodes[1]), context.Node(Nodes[2]), context.Node(Nodes[3]),
        };
        _ci = C; _bi = B; _ei = E;
        if (_grc > 0) { _ci = nodes.Count; nodes.Add(context.AddUnknown(Name + "#c", UnknownKind.Voltage)); }
        if (_rb > 0) { _bi = nodes.Count; nodes.Add(context.AddUnknown(Name + "#b", UnknownKind.Voltage)); }
        if (_gre > 0) { _ei = nodes.Count; nodes.Add(context.AddUnknown(Name + "#e", UnknownKind.Voltage)); }
        _sx = Model.IsLateral ? _bi : _ci;
        _block = TerminalBlock.Reserve(context, nodes.ToArray());
        _vA = new double[nodes.Count];
        _vE = new double[nodes.Count];
        _work = new double[nodes.Count];
    }

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths()
    {
        yield return (Nodes[0], Nodes[1]);
        yield return (Nodes[0], Nodes[2]);
        yield return (Nodes[0], Nodes[3]); // gmin across the substrate junction
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        _gmin = c.Gmin;
        for (int k = 0; k < _vA.Length; k++) _vA[k] = c.X[_block.Node(k)];
        double t = _type;
        double vbe = t * (_vA[_bi] - _vA[_ei]), vbc = t * (_vA[_bi] - _vA[_ci]), vsub = _ss * (_vA[S] - _vA[_sx]);
        bool limited = false;
        bool atIc = c.UseInitialConditions && (_icVbe.HasValue || _icVce.HasValue);
        if (atIc)
        {
            vbe = t * (_icVbe ?? 0);
            vbc = vbe - t * (_icVce ?? 0);
        }
        else if (c.InitJunctions)
        {
            vbe = Off ? 0 : _vcrit;
            vbc = 0;
            vsub = 0;
            limited = true;
        }
        else
        {
            vbe = Junction.Limit(vbe, _vbeOld, _t.Vt, _vcrit, out bool l1);
            vbc = Junction.Limit(vbc, _vbcOld, _t.Vt, _vcrit, out bool l2);
            bool l3 = false;
            if (_iss > 0) vsub = Junction.Limit(vsub, _vsubOld, Model.Ns * _t.Vt, _vcritSub, out l3);
            limited = l1 || l2 || l3;
        }
        _vbeOld = vbe; _vbcOld = vbc; _vsubOld = vsub;

        // The evaluation point: the actual local voltages with the junctions moved to their limited values.
        Array.Copy(_vA, _vE, _vA.Length);
        _vE[_bi] = _vE[_ei] + t * vbe;
        _vE[_ci] = _vE[_bi] - t * vbc;
        _vE[S] = _vE[_sx] + _ss * vsub;
        // At the ic= point the device is the junctions' state itself (charges Q(ic), as a capacitor's ic), not a
        // linearisation back to the node voltages.
        var stamps = new LoadStamps(_block, c, atIc ? _vE : _vA, _vE, Multiplier, _work);
        Evaluate(ref stamps, _vE, c.Gmin);
        if (limited) c.SignalLimited();
    }

    /// <summary>Writes every branch current and charge, with derivatives, at local voltages <paramref name="v"/>.</summary>
    private void Evaluate<T>(ref T s, double[] v, double gmin) where T : struct, IBranchStamps
    {
        var m = Model;
        double t = _type, vt = _t.Vt;
        double vbe = t * (v[_bi] - v[_ei]), vbc = t * (v[_bi] - v[_ci]);
        double vbx = t * (v[B] - v[_ci]), vsub = _ss * (v[S] - v[_sx]);

        // ideal and leakage junction currents
        Diode(vbe, _is, m.Nf * vt, out double ibe1, out double gbe1);
        Diode(vbc, _isBc, m.Nr * vt, out double ibc1, out double gbc1);
        Diode(vbe, _ise, m.Ne * vt, out double ibe2, out double gbe2);
        Diode(vbc, _isc, m.Nc * vt, out double ibc2, out double gbc2);
        ibe2 += gmin * vbe; gbe2 += gmin;
        ibc2 += gmin * vbc; gbc2 += gmin;

        // base charge qb = q1·(1 + (1 + 4 q2)^nkf)/2
        double den = 1 - vbc / m.Vaf - vbe / m.Var;
        double q1, dq1;
        const double Floor = 1e-2; // 1/den continued linearly below den = Floor (vbc near vaf: outside the model)
        if (den >= Floor) { q1 = 1 / den; dq1 = q1 * q1; }
        else { q1 = (2 * Floor - den) / (Floor * Floor); dq1 = 1 / (Floor * Floor); }
        double dq1be = dq1 / m.Var, dq1bc = dq1 / m.Vaf;
        double q2 = ibe1 / _ikf + ibc1 / _ikr;
        double arg = 1 + 4 * q2, root = 1, droot = 0;
        if (!(double.IsPositiveInfinity(_ikf) && double.IsPositiveInfinity(_ikr)))
        {
            if (arg > 0)
            {
                root = Math.Pow(arg, m.Nkf);
                droot = 4 * m.Nkf * root / arg;
            }
            else root = 0;
        }
        double half = (1 + root) / 2;
        double qb = q1 * half;
        double dqbbe = dq1be * half + q1 / 2 * droot * gbe1 / _ikf;
        double dqbbc = dq1bc * half + q1 / 2 * droot * gbc1 / _ikr;

        // transport current collector' → emitter'
        double it = (ibe1 - ibc1) / qb;
        double gitbe = (gbe1 - it * dqbbe) / qb, gitbc = (-gbc1 - it * dqbbc) / qb;
        s.Current(_ci, _ei, t * it);
        s.Conductance(_ci, _ei, _bi, _ei, gitbe);
        s.Conductance(_ci, _ei, _bi, _ci, gitbc);

        // base currents
        double ibe = ibe1 / _t.Bf + ibe2, gpi = gbe1 / _t.Bf + gbe2;
        double ibc = ibc1 / _t.Br + ibc2, gmu = gbc1 / _t.Br + gbc2;
        s.Current(_bi, _ei, t * ibe);
        s.Conductance(_bi, _ei, _bi, _ei, gpi);
        s.Current(_bi, _ci, t * ibc);
        s.Conductance(_bi, _ci, _bi, _ci, gmu);

        // ohmic resistances
        if (_ei != E) Ohmic(ref s, E, _ei, _gre, v);
        if (_ci != C) Ohmic(ref s, C, _ci, _grc, v);
        // Base resistance rbb(qb) or rbb(ib), a plain conductance in the Jacobian: its bias dependence is left out
        // of the derivatives as in SPICE, whose small-signal model has rx = rbb at the operating point (the ac
        // response then matches SPICE's; the dc and transient solutions do not depend on the choice).
        double gx = 0;
        if (_bi != B)
        {
            double rbb = double.IsPositiveInfinity(_irb) ? _rbm + (_rb - _rbm) / qb : BaseResistance(ibe + ibc);
            gx = 1 / rbb;
            Ohmic(ref s, B, _bi, gx, v);
        }

        // substrate junction, substrate → collector' (vertical) or base' (lateral)
        Diode(vsub, _iss, m.Ns * vt, out double isub, out double gsub);
        isub += gmin * vsub; gsub += gmin;
        s.Current(S, _sx, _ss * isub);
        s.Conductance(S, _sx, S, _sx, gsub);

        // B-E charge: diffusion tf·(1 + argtf)·Ibe1/qb for vbe > 0 (tf·Ibe1 below), plus depletion
        double qbe = 0, cbebe = 0, cbebc = 0;
        if (m.Tf > 0)
        {
            if (vbe > 0)
            {
                double argtf = 0, dargbe = 0, dargbc = 0;
                if (m.Xtf > 0)
                {
                    double ev = double.IsPositiveInfinity(m.Vtf) ? 1 : Math.Exp(vbc / (1.44 * m.Vtf));
                    double w = 1, dw = 0;
                    if (_itf > 0)
                    {
                        w = ibe1 / (ibe1 + _itf);
                        dw = _itf / ((ibe1 + _itf) * (ibe1 + _itf)) * gbe1;
                    }
                    argtf = m.Xtf * ev * w * w;
                    dargbe = m.Xtf * ev * 2 * w * dw;
                    dargbc = double.IsPositiveInfinity(m.Vtf) ? 0 : argtf / (1.44 * m.Vtf);
                }
                double f = 1 + argtf, iq = ibe1 / qb;
                qbe = m.Tf * f * iq;
                cbebe = m.Tf * (f * gbe1 / qb + iq * dargbe - f * iq / qb * dqbbe);
                cbebc = m.Tf * (iq * dargbc - f * iq / qb * dqbbc);
            }
            else
            {
                qbe = m.Tf * ibe1;
                cbebe = m.Tf * gbe1;
            }
        }
        Depletion.Add(vbe, _cje, _t.Vje, m.Mje, m.Fc, ref qbe, ref cbebe);
        s.Charge(_bi, _ei, t * qbe);
        s.Capacitance(_bi, _ei, _bi, _ei, cbebe);
        s.Capacitance(_bi, _ei, _bi, _ci, cbebc);

        // B-C charges: tr·Ibc1 plus the xcjc part of the depletion at the internal base, the rest at the
        // external base
        double qbc = m.Tr * ibc1, cbc = m.Tr * gbc1;
        Depletion.Add(vbc, m.Xcjc * _cjc, _t.Vjc, m.Mjc, m.Fc, ref qbc, ref cbc);
        s.Charge(_bi, _ci, t * qbc);
        s.Capacitance(_bi, _ci, _bi, _ci, cbc);
        double qbx = 0, cbx = 0;
        Depletion.Add(vbx, (1 - m.Xcjc) * _cjc, _t.Vjc, m.Mjc, m.Fc, ref qbx, ref cbx);
        s.Charge(B, _ci, t * qbx);
        s.Capacitance(B, _ci, B, _ci, cbx);

        // substrate depletion (linear continuation from zero bias: fc = 0)
        double qcs = 0, ccs = 0;
        Depletion.Add(vsub, _cjs, _t.Vjs, m.Mjs, 0, ref qcs, ref ccs);
        s.Charge(S, _sx, _ss * qcs);
        s.Capacitance(S, _sx, S, _sx, ccs);

        double scale = Multiplier;
        _gm = scale * (gitbe + gitbc);
        _go = scale * -gitbc;
        _gpi = scale * gpi;
        _gmu = scale * gmu;
        _gx = scale * gx;
        _cpi = scale * cbebe;
        _cmu = scale * cbc;
        _cbx = scale * cbx;
        _ccs = scale * ccs;
    }

    private static void Diode(double v, double isat, double vte, out double i, out double g)
    {
        if (isat == 0) { i = 0; g = 0; return; }
        double e = Junction.SafeExp(v / vte, out double de);
        i = isat * (e - 1);
        g = isat * de / vte;
    }

    private static void Ohmic<T>(ref T s, int a, int b, double g, double[] v) where T : struct, IBranchStamps
    {
        s.Current(a, b, g * (v[a] - v[b]));
        s.Conductance(a, b, a, b, g);
    }

    /// <summary>rbb = rbm + 3(rb − rbm)(tan z − z)/(z tan²z) with
    /// z = (−1 + √(1 + 144/π²·x))/(24/π²·√x), x = ib/irb floored at 1e-9.</summary>
    private double BaseResistance(double ib)
    {
        double x = Math.Max(ib / _irb, 1e-9);
        double z = (Math.Sqrt(1 + Tan2Coeff * x) - 1) / (ZCoeff * Math.Sqrt(x));
        double tz = Math.Tan(z);
        return _rbm + 3 * (_rb - _rbm) * (tz - z) / (z * tz * tz);
    }
}
