using static Perovspice.Devices.Bsim4.Bsim4Constants;
using D3 = Perovspice.Devices.Bsim3.Dual3;

namespace Perovspice.Devices.Bsim4;

/// <summary>
/// One source/drain–body junction of a BSIM4 instance, dc part (manual ch. 10 "source/drain junction model"):
/// isat = area·js + perimeter·jsw + Weffcj·nf·jswg; dioMod 0 (resistance-free diode with breakdown), 1
/// (resistance-free diode continued linearly above the current ijthfwd) or 2 (breakdown and both limiting
/// currents), minus the trap-assisted tunneling currents of the bottom, sidewall and gate-edge parts; gmin in
/// parallel.
/// </summary>
public sealed class Bsim4Junction
{
    private readonly int _dioMod;
    private readonly double _isat, _nvtm, _xjbv, _bv, _xExpBv, _vjmFwd, _ivjmFwd, _slpFwd, _vjmRev, _ivjmRev, _slpRev;
    private readonly (double Isat, double Nvt, double Vts)[] _tat;
    private readonly double _czb, _czsw, _czswg, _mj, _mjsw, _mjswg, _pb, _pbsw, _pbswg;

    /// <summary>The source (<paramref name="source"/>) or drain junction of the instance.</summary>
    public Bsim4Junction(Bsim4Model m, Bsim4Size p, bool source)
    {
        _dioMod = m.DiodeModel;
        string s = source ? "s" : "d";
        double area = source ? p.Aseff : p.Adeff, perim = source ? p.Pseff : p.Pdeff;
        // without area and perimeter BSIM4.5 takes 1e-14 A, later versions 0
        _isat = area <= 0 && perim <= 0 ? (m.Generation == 45 ? 1e-14 : 0)
            : area * (source ? p.JssT : p.JsdT) + perim * (source ? p.JswsT : p.JswdT)
              + p.WeffCJ * p.NF * (source ? p.JswgsT : p.JswgdT);
        _nvtm = p.Vtm * m.Get("nj" + s);
        _bv = Math.Max(m.Get("bv" + s), 0);
        _xjbv = m.Get("xjbv" + s);
        if (_xjbv < 0 || (_xjbv <= 0 && _dioMod == 2)) _xjbv = 0;
        double ijthFwd = Math.Max(m.Get("ijth" + s + "fwd"), 0), ijthRev = Math.Max(m.Get("ijth" + s + "rev"), 0);
        if (_isat > 0)
        {
            switch (_dioMod)
            {
                case 0:
                    _xExpBv = _bv / _nvtm > ExpThreshold ? _xjbv * MinExp : _xjbv * Math.Exp(-_bv / _nvtm);
                    break;
                case 1:
                    _vjmFwd = Vjm(_nvtm, ijthFwd, _isat, 0);
                    _ivjmFwd = _isat * Math.Exp(_vjmFwd / _nvtm);
                    break;
                default:
                    _xExpBv = _bv / _nvtm > ExpThreshold ? _xjbv * MinExp : Math.Exp(-_bv / _nvtm) * _xjbv;
                    _vjmFwd = Vjm(_nvtm, ijthFwd, _isat, _xExpBv);
                    double e = Math.Exp(_vjmFwd / _nvtm);
                    _ivjmFwd = _isat * (e - _xExpBv / e + _xExpBv - 1);
                    _slpFwd = _isat * (e + _xExpBv / e) / _nvtm;
                    double t2 = ijthRev / _isat;
                    if (t2 < 1) t2 = 10;
                    _vjmRev = -_bv - _nvtm * Math.Log((t2 - 1) / _xjbv);
                    double t1 = _xjbv * Math.Exp(-(_bv + _vjmRev) / _nvtm);
                    _ivjmRev = _isat * (1 + t1);
                    _slpRev = -_isat * t1 / _nvtm;
                    break;
            }
        }
        // Depletion capacitances (ch. 10.3) with their temperature coefficients.
        double dT = p.Temperature - p.Tnom;
        double Cap(string name, string tc)
        {
            double c = Math.Max(m.Get(name), 0), t0 = m.Get(tc) * dT;
            return t0 >= -1 ? c * (1 + t0) : 0;
        }
        double Pb(string name, string tp, double floor) => Math.Max(Math.Max(m.Get(name), 0.1) - m.Get(tp) * dT, floor);
        _czb = Cap("cj" + s, "tcj") * area;
        _czsw = Cap("cjsw" + s, "tcjsw") * perim;
        _czswg = Cap("cjswg" + s, "tcjswg") * p.WeffCJ * p.NF;
        _mj = m.Get("mj" + s); _mjsw = m.Get("mjsw" + s); _mjswg = m.Get("mjswg" + s);
        _pb = Pb("pb" + s, "tpb", 0.01);
        _pbsw = Pb("pbsw" + s, "tpbsw", 0.01);
        _pbswg = Pb("pbswg" + s, "tpbswg", 0.01);
        double vtm0 = p.Vtm0;
        _tat = source
            ? new[]
            {
                (p.SjctRevSat, vtm0 * p.NjtsT, m.Get("vtss")), (p.SswRevSat, vtm0 * p.NjtsswT, m.Get("vtssws")),
                (p.SswgRevSat, vtm0 * p.NjtsswgT, m.Get("vtsswgs")),
            }
            : new[]
            {
                (p.DjctRevSat, vtm0 * p.NjtsdT, m.Get("vtsd")), (p.DswRevSat, vtm0 * p.NjtsswdT, m.Get("vtsswd")),
                (p.DswgRevSat, vtm0 * p.NjtsswgdT, m.Get("vtsswgd")),
            };
    }

    /// <summary>Depletion charge on the body side at junction voltage <paramref name="v"/> (body minus diffusion):
    /// Σ pb·cz·(1 − (1 − v/pb)^(1−m))/(1 − m) in reverse bias, continued by its second-order Taylor polynomial about
    /// 0 in forward bias.</summary>
    public D3 Charge(D3 v)
    {
        if (v.V == 0) return new D3(0, 0, 0, (_czb + _czsw + _czswg) * v.B);
        if (v.V < 0) return Part(v, _czb, _mj, _pb) + Part(v, _czsw, _mjsw, _pbsw) + Part(v, _czswg, _mjswg, _pbswg);
        double c0 = _czb + _czsw + _czswg;
        double c1 = _czb * _mj / _pb + _czsw * _mjsw / _pbsw + _czswg * _mjswg / _pbswg;
        return v * (c0 + 0.5 * c1 * v);
    }

    private static D3 Part(D3 v, double cz, double mj, double pb)
    {
        if (cz <= 0) return 0;
        D3 arg = 1 - v / pb;
        D3 sarg = mj == 0.5 ? 1 / D3.Sqrt(arg) : D3.Exp(-mj * D3.Log(arg));
        return pb * cz * (1 - arg * sarg) / (1 - mj);
    }

    private static double Vjm(double nvtm, double ijth, double isb, double xExpBv)
    {
        double tb = 1 + ijth / isb - xExpBv;
        return nvtm * Math.Log(0.5 * (tb + Math.Sqrt(tb * tb + 4 * xExpBv)));
    }

    /// <summary>Saturation current (A).</summary>
    public double Isat => _isat;

    /// <summary>Junction current from the body into the diffusion at junction voltage <paramref name="v"/>
    /// (body minus diffusion), with gmin.</summary>
    public D3 Current(D3 v, double gmin)
    {
        D3 i;
        if (_isat <= 0) i = 0;
        else
        {
            switch (_dioMod)
            {
                case 0:
                {
                    D3 ev = D3.Exp(v / _nvtm);
                    D3 t1 = _xjbv * D3.Exp(-(_bv + v) / _nvtm);
                    i = _isat * (ev + _xExpBv - t1 - 1);
                    break;
                }
                case 1:
                    if (v.V / _nvtm < -ExpThreshold) i = _isat * (MinExp - 1);
                    else if (v.V <= _vjmFwd) i = _isat * (D3.Exp(v / _nvtm) - 1);
                    else i = _ivjmFwd - _isat + _ivjmFwd / _nvtm * (v - _vjmFwd);
                    break;
                default:
                    if (v.V < _vjmRev)
                    {
                        D3 ev = v.V / _nvtm < -ExpThreshold ? (D3)MinExp : D3.Exp(v / _nvtm);
                        i = (ev - 1) * (_ivjmRev + _slpRev * (v - _vjmRev));
                    }
                    else if (v.V <= _vjmFwd)
                    {
                        D3 ev = v.V / _nvtm < -ExpThreshold ? (D3)MinExp : D3.Exp(v / _nvtm);
                        D3 a = (_bv + v) / _nvtm;
                        D3 t2 = a.V > ExpThreshold ? (D3)MinExp : D3.Exp(-a);
                        i = _isat * (ev + _xExpBv - 1 - _xjbv * t2);
                    }
                    else i = _ivjmFwd + _slpFwd * (v - _vjmFwd);
                    break;
            }
        }
        // Trap-assisted tunneling in reverse bias (manual eq. 10.11).
        foreach (var (isat, nvt, vts) in _tat)
        {
            if (isat == 0) continue;
            D3 a = vts - v.V < vts * 1e-3 ? -v / nvt * 1e3 : -v / nvt * vts / (vts - v);
            D3 e = a.V > ExpThreshold ? MaxExp * (1 + a - ExpThreshold) : a.V < -ExpThreshold ? (D3)MinExp : D3.Exp(a);
            i -= isat * (e - 1);
        }
        return i + gmin * v;
    }
}
