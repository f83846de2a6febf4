using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices.Perovskite;

/// <summary>Levels 1 and 2: Bisquert &amp; Guerrero, J. Phys. Chem. Lett. 13, 3789 (2022).</summary>
public sealed partial class PerovskiteMemristor
{
    private readonly double _cm, _rb, _ic0, _vt, _vm, _taud, _rs, _tauk;
    private int _a;          // inner node: nplus, or the internal node after rs
    private int _kIc, _kF;   // state unknowns ic and (level 2) f
    private double _zOld;    // (u − vt)/vm of the previous Newton iteration
    private int _sPP, _sPA, _sAP, _sAA, _sAN, _sNA, _sNN, _sAK, _sNK, _sKK, _sKA, _sKN, _sKF, _sFF, _sFA, _sFN;

    private void SetupLevel12(SetupContext c)
    {
        _a = _rs > 0 ? c.AddUnknown(Name + "#int", UnknownKind.Voltage) : _p;
        _kIc = c.AddUnknown(Name + "#ic", UnknownKind.Current);
        if (Level == 2) _kF = c.AddUnknown(Name + "#f", UnknownKind.State);
        int a = _a, n = _n, k = _kIc;
        if (_rs > 0) { _sPP = c.Slot(_p, _p); _sPA = c.Slot(_p, a); _sAP = c.Slot(a, _p); }
        _sAA = c.Slot(a, a); _sAN = c.Slot(a, n); _sNA = c.Slot(n, a); _sNN = c.Slot(n, n);
        _sAK = c.Slot(a, k); _sNK = c.Slot(n, k); _sKK = c.Slot(k, k);
        if (Level == 1) { _sKA = c.Slot(k, a); _sKN = c.Slot(k, n); }
        else
        {
            int f = _kF;
            _sKF = c.Slot(k, f); _sFF = c.Slot(f, f); _sFA = c.Slot(f, a); _sFN = c.Slot(f, n);
        }
    }

    private void LoadLevel12(LoadContext c)
    {
        var x = c.X;
        if (_rs > 0)
        {
            // Series resistance between nplus and the inner node.
            double gs = 1 / _rs, irs = gs * (x[_p] - x[_a]);
            c.F[_p] += irs; c.F[_a] -= irs;
            c.G[_sPP] += gs; c.G[_sPA] -= gs; c.G[_sAP] -= gs; c.G[_sAA] += gs;
        }
        double u = x[_a] - x[_n], ic = x[_kIc];

        // Eq. 1: I = cm du/dt + u/rb + ic, leaving the inner node towards nminus.
        double gb = 1 / _rb, i = gb * u + ic;
        c.F[_a] += i; c.F[_n] -= i;
        c.G[_sAA] += gb; c.G[_sAN] -= gb; c.G[_sNA] -= gb; c.G[_sNN] += gb;
        c.G[_sAK] += 1; c.G[_sNK] -= 1;
        double q = _cm * u;
        c.Q[_a] += q; c.Q[_n] -= q;
        c.C[_sAA] += _cm; c.C[_sAN] -= _cm; c.C[_sNA] -= _cm; c.C[_sNN] += _cm;

        // Newton limiting on z = (u − vt)/vm; the equations below are F(u_lim) + J(u_lim)·(u − u_lim).
        double z = LimitArgument(c, (u - _vt) / _vm, ref _zOld, _haveOld);
        _haveOld = true;
        double du = u - (_vt + _vm * z);

        // ic row, τd dic/dt = (source) − ic  ⇒  F = ic − source, Q = τd·ic (Eq. 2 for level 1, Eq. 11 for level 2).
        c.F[_kIc] += ic; c.G[_sKK] += 1;
        c.Q[_kIc] += _taud * ic; c.C[_sKK] += _taud;
        if (Level == 1)
        {
            // Eqs. 2, 4: source = ic0 fss(u), fss the logistic of z (stable for any z).
            double s = PerovskiteMath.Logistic(z, out double sc);
            double ds = _ic0 * s * sc / _vm; // d(ic0 fss)/du = ic0 fss (1 − fss)/vm (Eq. 7)
            c.F[_kIc] -= _ic0 * s + ds * du;
            c.G[_sKA] -= ds; c.G[_sKN] += ds;
        }
        else
        {
            double f = x[_kF];
            c.F[_kIc] -= _ic0 * f; c.G[_sKF] -= _ic0;
            // Eq. 12: τk df/dt = (1 − f) − exp(−(u − vt)/vm) f  ⇒  F = f − 1 + E(u) f, Q = τk f.
            // E is continued linearly beyond exp(80) (never Inf); dE/du = −E'(−z)/vm.
            double e = PerovskiteMath.Exp(-z, out double de);
            double dEdu = -de / _vm;
            double eLin = e + dEdu * du;
            c.F[_kF] += f - 1 + eLin * f;
            c.G[_sFF] += 1 + eLin;
            c.G[_sFA] += f * dEdu; c.G[_sFN] -= f * dEdu;
            c.Q[_kF] += _tauk * f; c.C[_sFF] += _tauk;
        }
    }

    private double? ReadLevel12(string name, Solution s)
    {
        var x = s.X;
        return name switch
        {
            "u" => x[_a] - x[_n],
            "ic" => x[_kIc],
            "f" when Level == 2 => x[_kF],
            "i" => _rs > 0
                ? (x[_p] - x[_a]) / _rs
                : _cm * (s.Xdot[_a] - s.Xdot[_n]) + (x[_a] - x[_n]) / _rb + x[_kIc],
            _ => null,
        };
    }

    private Complex? ReadAcLevel12(string name, AcSolution s)
    {
        var x = s.X;
        var jw = new Complex(0, 2 * Math.PI * s.Frequency);
        return name switch
        {
            "u" => x[_a] - x[_n],
            "ic" => x[_kIc],
            "f" when Level == 2 => x[_kF],
            "i" => _rs > 0
                ? (x[_p] - x[_a]) / _rs
                : (jw * _cm + 1 / _rb) * (x[_a] - x[_n]) + x[_kIc],
            _ => null,
        };
    }
}
