using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices.Perovskite;

/// <summary>
/// Level 3: long-term potentiation, after Hernández-Balaguera et al., Neuromorph. Comput. Eng. (2023), Fig. 5b
/// and Eqs. 3–6, made a passive circuit element (docs/models.md):
/// bulk i_b = i0 (exp((V(+) − V(x))/vs) − 1) from nplus to the interface node x; at the interface (v = V(x) − V(−))
/// a charge Qs = cm0 vs (exp(v/vs) − 1), a fast branch i_R = ir0 (exp(v/vs) − 1) and the gated chemical
/// inductor i_L = g(V) w with τLT dw/dt = g(V)(il0 (exp(v/vb) − 1) − w) − (1 − g(V)) w τLT/tret.
/// </summary>
public sealed partial class PerovskiteMemristor
{
    private readonly double _i0, _ir0, _il0, _vs, _vb, _tault, _cm0, _von, _vw, _tret;
    private const double MinRetentionRatio = 1e-9;
    private int _x, _kW;
    private double _bOld, _vOld; // limited (V(+) − V(x))/vs and v/min(vs, vb) of the previous iteration
    private PairStamp _bulkStamp, _interface;           // (nplus, x) and (x, nminus)
    private ControlledStamp _ilOnW, _ilOnV, _wRowOnV, _wRowOnTerminal;
    private int _sWW;

    private void SetupLevel3(SetupContext c)
    {
        _x = c.AddUnknown(Name + "#x", UnknownKind.Voltage);
        _kW = c.AddUnknown(Name + "#w", UnknownKind.Current);
        int p = _p, n = _n, x = _x, w = _kW;
        _bulkStamp = PairStamp.Reserve(c, p, x);
        _interface = PairStamp.Reserve(c, x, n);
        _ilOnW = ControlledStamp.Reserve(c, x, n, w, 0);      // i_L = g·w: its dependence on w
        _ilOnV = ControlledStamp.Reserve(c, x, n, p, n);      // … and on the terminal voltage through g(V)
        _wRowOnV = ControlledStamp.Row(c, w, x, n);
        _wRowOnTerminal = ControlledStamp.Row(c, w, p, n);
        _sWW = c.Slot(w, w);
    }

    /// <summary>The gate g(V): the logistic σ((V − von)/vw) shifted and rescaled so that g(0) = 0 exactly and
    /// g = 0 for V ≤ 0 (then nothing flows at rest); g → 1 at high bias. Returns dg/dV too.</summary>
    private double Gate(double vTerm, out double dg)
    {
        dg = 0;
        if (vTerm <= 0) return 0;
        double s0 = PerovskiteMath.Logistic(-_von / _vw, out double s0c);
        double s = PerovskiteMath.Logistic((vTerm - _von) / _vw, out double sc);
        dg = s * sc / _vw / s0c;
        return Math.Max(0, (s - s0) / s0c);
    }

    private void LoadLevel3(LoadContext c)
    {
        var X = c.X;
        double vTerm = X[_p] - X[_n], vBulk = X[_p] - X[_x], v = X[_x] - X[_n], w = X[_kW];
        double vUnit = Math.Min(_vs, _vb);

        // Limiting on the exponent arguments; everything below is F(limited) + J(limited)·(x − limited).
        bool haveOld = _haveOld;
        double b = LimitArgument(c, vBulk / _vs, ref _bOld, haveOld) * _vs;
        double vl = LimitArgument(c, v / vUnit, ref _vOld, haveOld) * vUnit;
        _haveOld = true;
        double dB = vBulk - b, dV = v - vl;

        // Bulk element (paper: I(Vapp − v) = I0 exp((Vapp − v)/Vs), made zero at zero bias).
        double eb = PerovskiteMath.Exp(b / _vs, out double deb);
        double gBulk = _i0 * deb / _vs;
        double iBulk = _i0 * (eb - 1) + gBulk * dB;
        _bulkStamp.Current(c, iBulk, gBulk);

        // Interface: Qs(v) = cm0 vs (exp(v/vs) − 1), C_m = cm0 exp(v/vs) (Methods, C_m = dQs/dv);
        // fast branch I_R(v) = ir0 (exp(v/vs) − 1) (Eq. 3).
        double es = PerovskiteMath.Exp(vl / _vs, out double des);
        double cap = _cm0 * des;
        double q = _cm0 * _vs * (es - 1) + cap * dV;
        double gR = _ir0 * des / _vs;
        double iR = _ir0 * (es - 1) + gR * dV;
        _interface.Current(c, iR, gR);
        _interface.Charge(c, q, cap);

        // Chemical-inductor branch i_L = g(V) w from x to nminus (Eq. 3's i_L, gated by the terminal voltage).
        double g = Gate(vTerm, out double dg);
        double iL = g * w;
        _ilOnW.Current(c, iL);
        _ilOnW.Conductance(c, g);
        _ilOnV.Conductance(c, dg * w); // ∂i_L/∂V(+) = dg·w, ∂/∂V(−) = −dg·w

        // Memory state (Eq. 6 while the gate is open; slow loss 1/tret while closed):
        // τLT dw/dt = g (I_L(v) − w) − (1 − g) w ρ, ρ = τLT/tret  ⇒  F = −g (I_L − w) + (1 − g) w ρ, Q = τLT w.
        double eL = PerovskiteMath.Exp(vl / _vb, out double deL);
        double dTarget = _il0 * deL / _vb;
        double target = _il0 * (eL - 1) + dTarget * dV;
        // tret = ∞ (perfect hold) is taken as tret = 1e9·τLT: the rest state w = 0 stays the defined dc solution
        // with the gate closed instead of leaving the dc matrix singular.
        double rho = Math.Max(_tault / _tret, MinRetentionRatio);
        c.F[_kW] += -g * (target - w) + (1 - g) * w * rho;
        c.G[_sWW] += g + (1 - g) * rho;
        _wRowOnV.Conductance(c, -g * dTarget);
        _wRowOnTerminal.Conductance(c, -dg * (target - w) - dg * w * rho);
        c.Q[_kW] += _tault * w; c.C[_sWW] += _tault;
    }

    /// <summary>The bulk current at a solution (the terminal current of level 3).</summary>
    private double BulkCurrent(double[] x) => _i0 * (PerovskiteMath.Exp((x[_p] - x[_x]) / _vs, out _) - 1);

    private double? ReadLevel3(string name, Solution s)
    {
        var x = s.X;
        return name switch
        {
            "v" => x[_x] - x[_n],
            "w" => x[_kW],
            "il" => Gate(x[_p] - x[_n], out _) * x[_kW],
            "i" => BulkCurrent(x),
            _ => null,
        };
    }

    private Complex? ReadAcLevel3(string name, AcSolution s)
    {
        var x = s.X;
        var op = s.OperatingPoint;
        switch (name)
        {
            case "v": return x[_x] - x[_n];
            case "w": return x[_kW];
            case "il":
                double g = Gate(op[_p] - op[_n], out double dg);
                return g * x[_kW] + dg * op[_kW] * (x[_p] - x[_n]);
            case "i":
                PerovskiteMath.Exp((op[_p] - op[_x]) / _vs, out double de);
                return _i0 * de / _vs * (x[_p] - x[_x]);
            default: return null;
        }
    }
}
