using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE level-1 junction diode between anode and cathode (SPICE3 equations, as ngspice 39 evaluates them).
/// <para>Junction current, with vte = n·kT/q: forward and weak reverse bias (vd ≥ −3·vte) id = is(e^(vd/vte) − 1);
/// reverse bias id = −is(1 + (3·vte/(e·vd))³) (SPICE's cubic, continuous in value and slope at −3·vte); with a
/// breakdown voltage, below −xbv the breakdown exponential id = −is·e^(−(xbv + vd)/(nbv·vt)). xbv is SPICE3's
/// knee: it solves is(e^((bv − xbv)/(nbv·vt)) − 1 + xbv/vt) = ibv, and when ibv &lt; is·bv/vt it is bv itself
/// (the given ibv cannot be reached with that is). gmin·vd is added in parallel.</para>
/// <para>Charge: depletion charge of cjo, vj, m, linearised in capacitance above fc·vj, plus the diffusion
/// charge tt·id. With rs &gt; 0 an internal node "name#int" sits between rs and the junction (anode side).</para>
/// <para>Temperature (SPICE3 laws, T the circuit's, Tnom the model's): is(T) = is·e^((T/Tnom − 1)·eg/vte(T))·
/// (T/Tnom)^(xti/n); vj and cjo follow the silicon band gap (the junction-potential law of SPICE3).</para>
/// <para>Newton: the junction voltage is limited against the previous iterate (SPICE's pnjlim, also on the
/// breakdown side) and the device is loaded with the linearisation at the limited voltage, F(v_lim) +
/// g·(v − v_lim), so that Newton continues from v_lim. On a dc solve from scratch
/// (<see cref="LoadContext.InitJunctions"/>) the junction starts at its critical voltage (SPICE's MODEINITJCT).
/// Area scales is, cjo and ibv, and divides rs.</para>
/// </summary>
public sealed partial class Diode : Device
{
    private const int Anode = 0, Cathode = 1, Internal = 2;
    private readonly double _is, _cj, _gs, _vte, _vtBrk, _vt, _vcrit, _xbv, _vj, _temperature;
    private readonly bool _breakdown;
    private TerminalBlock _block = null!;
    private double _vOld, _gmin = 1e-12;

    /// <summary>Creates a diode with a model (defaults when null), an area factor (&gt; 0) and the circuit
    /// temperature in kelvin.</summary>
    public Diode(string name, string anode, string cathode, DiodeModel? model = null, double area = 1,
        double temperature = Units.NominalTemperature)
        : base(name, anode, cathode)
    {
        if (!(area > 0) || !double.IsFinite(area)) throw new ArgumentException($"diode '{name}': area must be > 0");
        Model = model ?? new DiodeModel();
        Area = area;
        var m = Model;
        double t = temperature, tnom = m.Tnom;
        _temperature = t;
        _vt = Units.ThermalVoltage(t);
        _vte = m.N * _vt;
        _vtBrk = m.Nbv * _vt;
        double ratio = t / tnom;
        _is = m.Is * area * Math.Exp((ratio - 1) * m.Eg / _vte) * Math.Pow(ratio, m.Xti / m.N);
        _vj = t == tnom ? m.Vj : Depletion.Potential(m.Vj, tnom, t);
        _cj = Depletion.Capacitance(m.Cjo, m.Vj, m.M, tnom, t) * area;
        _gs = m.Rs > 0 ? area / m.Rs : 0;
        _vcrit = Junction.CriticalVoltage(_vte, _is);
        _breakdown = m.HasBreakdown;
        if (_breakdown) _xbv = Knee(m.Bv, m.Ibv * area, _is, _vt, _vtBrk);
    }

    /// <summary>SPICE3's breakdown knee xbv: the root of is(e^((bv − xbv)/vtBrk) − 1 + xbv/vt) = ibv by fixed-point
    /// iteration (to 1e-9 relative), or bv when ibv &lt; is·bv/vt.</summary>
    internal static double Knee(double bv, double ibv, double isat, double vt, double vtBrk)
    {
        if (ibv < isat * bv / vt) return bv;
        double tol = 1e-9 * ibv;
        double xbv = bv - vtBrk * Math.Log(1 + ibv / isat);
        for (int k = 0; k < 100; k++)
        {
            xbv = bv - vtBrk * Math.Log(ibv / isat + 1 - xbv / vt);
            double current = isat * (Math.Exp((bv - xbv) / vtBrk) - 1 + xbv / vt);
            if (Math.Abs(current - ibv) <= tol) break;
        }
        return xbv;
    }

    /// <summary>The model.</summary>
    public DiodeModel Model { get; }
    /// <summary>Area factor (m included).</summary>
    public double Area { get; }
    /// <summary>The instance multiplier m (folded into <see cref="Area"/>; kept for the flicker noise of m devices
    /// in parallel).</summary>
    public double Multiplier { get; init; } = 1;
    /// <summary>Critical voltage of the junction limiting (V).</summary>
    public double CriticalVoltage => _vcrit;
    /// <summary>SPICE3's breakdown knee voltage xbv (V); +∞ without breakdown.</summary>
    public double BreakdownKnee => _breakdown ? _xbv : double.PositiveInfinity;
    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        int a = c.Node(Nodes[0]), k = c.Node(Nodes[1]);
        int p = _gs > 0 ? c.AddUnknown(Name + "#int", UnknownKind.Voltage) : a;
        _block = TerminalBlock.Reserve(c, a, k, p);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        if (_gs > 0) _block.Branch(c, Anode, Internal, _gs * _block.Voltage(c, Anode, Internal), _gs);
        int p = _gs > 0 ? Internal : Anode;
        _gmin = c.Gmin;
        double v = _block.Voltage(c, p, Cathode);
        double vj;
        bool limited;
        if (c.InitJunctions) { vj = _vcrit; limited = true; }
        else vj = LimitVoltage(v, _vOld, out limited);
        _vOld = vj;
        Evaluate(vj, c.Gmin, out double id, out double gd, out double q, out double cap);
        double dv = v - vj;
        _block.Branch(c, p, Cathode, id + gd * dv, gd);
        if (cap != 0 || q != 0) _block.TwoTerminalCharge(c, p, Cathode, q + cap * dv, cap);
        if (limited) c.SignalLimited();
    }

    private double LimitVoltage(double v, double vOld, out bool limited)
    {
        if (_breakdown && v < Math.Min(0, -_xbv + 10 * _vtBrk))
        {
            // Reflect the breakdown exponential onto the forward one and limit it the same way.
            double t = Junction.Limit(-(v + _xbv), -(vOld + _xbv), _vtBrk, _vcrit, out limited);
            return -(t + _xbv);
        }
        return Junction.Limit(v, vOld, _vte, _vcrit, out limited);
    }

    /// <summary>Junction current (with gmin), its conductance, the junction charge and its capacitance at
    /// junction voltage <paramref name="v"/>.</summary>
    public void Evaluate(double v, double gmin, out double current, out double conductance, out double charge,
        out double capacitance)
    {
        double id, gd;
        if (v >= -3 * _vte)
        {
            double e = Junction.SafeExp(v / _vte, out double de);
            id = _is * (e - 1);
            gd = _is * de / _vte;
        }
        else if (!_breakdown || v >= -_xbv)
        {
            double arg = 3 * _vte / (v * Math.E);
            arg = arg * arg * arg;
            id = -_is * (1 + arg);
            gd = _is * 3 * arg / v;
        }
        else
        {
            double e = Junction.SafeExp(-(_xbv + v) / _vtBrk, out double de);
            id = -_is * e;
            gd = _is * de / _vtBrk;
        }
        double tt = Model.Tt;
        charge = tt * id;
        capacitance = tt * gd;
        Depletion.Add(v, _cj, _vj, Model.M, Model.Fc, ref charge, ref capacitance);
        current = id + gmin * v;
        conductance = gd + gmin;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i", "id", "vd", "gd", "cd" };

    /// <summary>Reads "i" or "id" (ngspice's name: current anode → cathode, including the charge's dQ/dt in a
    /// transient), "vd" (junction voltage), "gd" (junction conductance with gmin) or "cd" (junction capacitance).</summary>
    public override double ReadQuantity(string name, Solution s)
    {
        int p = _gs > 0 ? Internal : Anode;
        double v = _block.Voltage(s.X, p, Cathode);
        Evaluate(v, _gmin, out double id, out double gd, out _, out double cap);
        return name switch
        {
            "i" or "id" => id + cap * _block.Voltage(s.Xdot, p, Cathode),
            "vd" => v,
            "gd" => gd,
            "cd" => cap,
            _ => base.ReadQuantity(name, s),
        };
    }
}
