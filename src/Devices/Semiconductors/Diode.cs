using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE level-1 junction diode between anode and cathode, at 27 °C.
/// <para>Junction current id = is(e^(vd/(n·vt)) − 1) + gmin·vd. With a breakdown voltage bv the reverse term
/// −is(e^(−(vd + xbv)/(n·vt)) − e^(−xbv/(n·vt))) is added, with xbv chosen so that the current at vd = −bv is
/// −ibv (SPICE's exponential breakdown, written as one smooth expression instead of SPICE's piecewise one).</para>
/// <para>Charge: depletion charge of cjo, vj, m, linearised in capacitance above fc·vj, plus the diffusion
/// charge tt·id. With rs &gt; 0 an internal node "name#int" sits between rs and the junction (anode side).</para>
/// <para>Newton: the junction voltage is limited against the previous iterate (SPICE's pnjlim, also on the
/// breakdown side) and the device is loaded with the linearisation at the limited voltage, F(v_lim) +
/// g·(v − v_lim), so that Newton continues from v_lim. On a dc solve from scratch
/// (<see cref="LoadContext.InitJunctions"/>) the junction starts at its critical voltage (SPICE's MODEINITJCT).
/// Area scales is, cjo and ibv, and divides rs.</para>
/// </summary>
public sealed class Diode : Device
{
    private readonly double _is, _cj, _gs, _vte, _vcrit, _xbv, _eb0;
    private int _a, _k, _p;
    private int _sAA, _sAP, _sPA, _sPP, _sPK, _sKP, _sKK;
    private double _vOld, _gmin = 1e-12;

    /// <summary>Creates a diode with a model (defaults when null) and an area factor (&gt; 0).</summary>
    public Diode(string name, string anode, string cathode, DiodeModel? model = null, double area = 1)
        : base(name, anode, cathode)
    {
        if (!(area > 0) || !double.IsFinite(area)) throw new ArgumentException($"diode '{name}': area must be > 0");
        Model = model ?? new DiodeModel();
        Area = area;
        var m = Model;
        _is = m.Is * area;
        _cj = m.Cjo * area;
        _gs = m.Rs > 0 ? area / m.Rs : 0;
        _vte = m.N * DiodeModel.ThermalVoltage;
        _vcrit = Junction.CriticalVoltage(_vte, _is);
        if (m.HasBreakdown)
        {
            double ratio = m.Ibv * area / _is - 1;
            _xbv = ratio > 0 ? m.Bv - _vte * Math.Log(ratio) : m.Bv;
            _eb0 = Math.Exp(-_xbv / _vte);
        }
    }

    /// <summary>The model.</summary>
    public DiodeModel Model { get; }
    /// <summary>Area factor.</summary>
    public double Area { get; }
    /// <summary>Critical voltage of the junction limiting (V).</summary>
    public double CriticalVoltage => _vcrit;
    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _a = c.Node(Nodes[0]);
        _k = c.Node(Nodes[1]);
        _p = _gs > 0 ? c.AddUnknown(Name + "#int", UnknownKind.Voltage) : _a;
        if (_gs > 0)
        {
            _sAA = c.Slot(_a, _a); _sAP = c.Slot(_a, _p); _sPA = c.Slot(_p, _a);
        }
        _sPP = c.Slot(_p, _p); _sPK = c.Slot(_p, _k); _sKP = c.Slot(_k, _p); _sKK = c.Slot(_k, _k);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        var x = c.X;
        if (_gs > 0)
        {
            double i = _gs * (x[_a] - x[_p]);
            c.F[_a] += i; c.F[_p] -= i;
            c.G[_sAA] += _gs; c.G[_sAP] -= _gs; c.G[_sPA] -= _gs; c.G[_sPP] += _gs;
        }
        _gmin = c.Gmin;
        double v = x[_p] - x[_k];
        double vj;
        bool limited;
        if (c.InitJunctions) { vj = _vcrit; limited = true; }
        else vj = LimitVoltage(v, _vOld, out limited);
        _vOld = vj;
        Evaluate(vj, c.Gmin, out double id, out double gd, out double q, out double cap);
        double dv = v - vj;
        id += gd * dv;
        q += cap * dv;
        c.F[_p] += id; c.F[_k] -= id;
        c.G[_sPP] += gd; c.G[_sPK] -= gd; c.G[_sKP] -= gd; c.G[_sKK] += gd;
        if (cap != 0 || q != 0)
        {
            c.Q[_p] += q; c.Q[_k] -= q;
            c.C[_sPP] += cap; c.C[_sPK] -= cap; c.C[_sKP] -= cap; c.C[_sKK] += cap;
        }
        if (limited) c.SignalLimited();
    }

    private double LimitVoltage(double v, double vOld, out bool limited)
    {
        if (Model.HasBreakdown && v < Math.Min(0, -_xbv + 10 * _vte))
        {
            // Reflect the breakdown exponential onto the forward one and limit it the same way.
            double t = Junction.Limit(-(v + _xbv), -(vOld + _xbv), _vte, _vcrit, out limited);
            return -(t + _xbv);
        }
        return Junction.Limit(v, vOld, _vte, _vcrit, out limited);
    }

    /// <summary>Junction current (with gmin), its conductance, the junction charge and its capacitance at
    /// junction voltage <paramref name="v"/>.</summary>
    public void Evaluate(double v, double gmin, out double current, out double conductance, out double charge,
        out double capacitance)
    {
        double e = Junction.SafeExp(v / _vte, out double de);
        double id = _is * (e - 1), gd = _is * de / _vte;
        if (Model.HasBreakdown)
        {
            double eb = Junction.SafeExp(-(v + _xbv) / _vte, out double deb);
            id -= _is * (eb - _eb0);
            gd += _is * deb / _vte;
        }
        double tt = Model.Tt;
        charge = tt * id;
        capacitance = tt * gd;
        if (_cj > 0) AddDepletion(v, ref charge, ref capacitance);
        current = id + gmin * v;
        conductance = gd + gmin;
    }

    private void AddDepletion(double v, ref double q, ref double cap)
    {
        double vj = Model.Vj, m = Model.M, fc = Model.Fc;
        double fcv = fc * vj;
        if (v < fcv)
        {
            double s = 1 - v / vj;
            double sm = Math.Pow(s, -m);
            q += _cj * vj / (1 - m) * (1 - s * sm);
            cap += _cj * sm;
        }
        else
        {
            double f1 = vj / (1 - m) * (1 - Math.Pow(1 - fc, 1 - m));
            double f2 = Math.Pow(1 - fc, 1 + m);
            double f3 = 1 - fc * (1 + m);
            q += _cj * (f1 + (f3 * (v - fcv) + m / (2 * vj) * (v * v - fcv * fcv)) / f2);
            cap += _cj / f2 * (f3 + m * v / vj);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i", "vd", "gd", "cd" };

    /// <summary>Reads "i" (current anode → cathode, including the charge's dQ/dt in a transient), "vd" (junction
    /// voltage), "gd" (junction conductance with gmin) or "cd" (junction capacitance).</summary>
    public override double ReadQuantity(string name, Solution s)
    {
        double v = s.X[_p] - s.X[_k];
        Evaluate(v, _gmin, out double id, out double gd, out _, out double cap);
        return name switch
        {
            "i" => id + cap * (s.Xdot[_p] - s.Xdot[_k]),
            "vd" => v,
            "gd" => gd,
            "cd" => cap,
            _ => base.ReadQuantity(name, s),
        };
    }
}
