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
    private PairStamp _series, _bulk;        // rs (nplus, inner), rb and cm (inner, nminus)
    private ControlledStamp _icIntoNode;      // ic leaves the inner node: rows (a, n), column ic
    private ControlledStamp _icRowOnU, _fRowOnU; // the ic (level 1) and f (level 2) rows' dependence on u
    private int _sKK, _sKF, _sFF;

    private void SetupLevel12(SetupContext c)
    {
        _a = _rs > 0 ? c.AddUnknown(Name + "#int", UnknownKind.Voltage) : _p;
        _kIc = c.AddUnknown(Name + "#ic", UnknownKind.Current);
        if (Level == 2) _kF = c.AddUnknown(Name + "#f", UnknownKind.State);
        int a = _a, n = _n, k = _kIc;
        if (_rs > 0) _series = PairStamp.Reserve(c, _p, a);
        _bulk = PairStamp.Reserve(c, a, n);
        _icIntoNode = ControlledStamp.Reserve(c, a, n, k, 0);
        _sKK = c.Slot(k, k);
        if (Level == 1) _icRowOnU = ControlledStamp.Row(c, k, a, n);
        else
        {
            _sKF = c.Slot(k, _kF);
            _sFF = c.Slot(_kF, _kF);
            _fRowOnU = ControlledStamp.Row(c, _kF, a, n);
        }
    }

    /// <summary>The part of levels 1 and 2 that is linear with constant coefficients: rs, Eq. 1's rb, cm and ic
    /// terms, τd dic/dt + ic of Eqs. 2 and 11, and at level 2 −ic0·f in the ic row and τk df/dt + f − 1 of Eq. 12.</summary>
    private void LoadLevel12Linear(LoadContext c)
    {
        var x = c.X;
        if (_rs > 0)
        {
            // Series resistance between nplus and the inner node.
            double gs = 1 / _rs;
            _series.Current(c, gs * (x[_p] - x[_a]), gs);
        }
        double u = x[_a] - x[_n], ic = x[_kIc];

        // Eq. 1: I = cm du/dt + u/rb + ic, leaving the inner node towards nminus.
        double gb = 1 / _rb;
        _bulk.Current(c, gb * u + ic, gb);
        _icIntoNode.Conductance(c, 1);
        _bulk.Charge(c, _cm * u, _cm);

        // ic row, τd dic/dt = (source) − ic  ⇒  F = ic − source, Q = τd·ic (Eq. 2 for level 1, Eq. 11 for level 2).
        c.F[_kIc] += ic; c.G[_sKK] += 1;
        c.Q[_kIc] += _taud * ic; c.C[_sKK] += _taud;
        if (Level == 2)
        {
            double f = x[_kF];
            // Eq. 11's source ic0·f, and Eq. 12's τk df/dt = (1 − f) − E(u)·f: its linear part F = f − 1, Q = τk·f.
            c.F[_kIc] -= _ic0 * f; c.G[_sKF] -= _ic0;
            c.F[_kF] += f - 1; c.G[_sFF] += 1;
            c.Q[_kF] += _tauk * f; c.C[_sFF] += _tauk;
        }
    }

    /// <summary>The nonlinear part of levels 1 and 2: the logistic source of Eq. 2 (level 1) or the E(u)·f term of
    /// Eq. 12 (level 2), with Newton limiting on z = (u − vt)/vm.</summary>
    private void LoadLevel12(LoadContext c)
    {
        var x = c.X;
        double u = x[_a] - x[_n];
        // Newton limiting on z = (u − vt)/vm; the equations below are F(u_lim) + J(u_lim)·(u − u_lim).
        double z = LimitArgument(c, (u - _vt) / _vm, ref _zOld, _haveOld);
        _haveOld = true;
        double du = u - (_vt + _vm * z);
        if (Level == 1)
        {
            // Eqs. 2, 4: source = ic0 fss(u), fss the logistic of z (stable for any z).
            double s = PerovskiteMath.Logistic(z, out double sc);
            double ds = _ic0 * s * sc / _vm; // d(ic0 fss)/du = ic0 fss (1 − fss)/vm (Eq. 7)
            _icRowOnU.Current(c, -(_ic0 * s + ds * du));
            _icRowOnU.Conductance(c, -ds);
        }
        else
        {
            double f = x[_kF];
            // Eq. 12: E is continued linearly beyond exp(80) (never Inf); dE/du = −E'(−z)/vm.
            double e = PerovskiteMath.Exp(-z, out double de);
            double dEdu = -de / _vm;
            double eLin = e + dEdu * du;
            _fRowOnU.Current(c, eLin * f);
            c.G[_sFF] += eLin;
            _fRowOnU.Conductance(c, f * dEdu);
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
