using D3 = Perovspice.Devices.Bsim3.Dual3;

namespace Perovspice.Devices.Bsim3;

/// <summary>
/// One source/drain–bulk junction of a BSIM3 instance (manual ch. 6 "source/drain junction"): diode current
/// isat(e^(v/(nj·vt)) − 1) with isat = js·area + jsw·perimeter, continued linearly above the voltage where the
/// current reaches ijth; gmin in parallel (SPICE's convention; gmin alone when isat = 0). Depletion charge of
/// the bottom (cj, mj, pb), sidewall (cjsw, mjsw, pbsw) and gate-edge sidewall (cjswg, mjswg, pbswg) parts;
/// in forward bias the charge is continued by its second-order Taylor polynomial about 0.
/// </summary>
public sealed class Bsim3Junction
{
    private readonly double _isat, _nvtm, _vjm, _iEvjm, _czb, _czsw, _czswg, _mj, _mjsw, _mjswg, _pb, _pbsw, _pbswg;

    /// <summary>The junction of diffusion area <paramref name="area"/> (m²) and perimeter
    /// <paramref name="perimeter"/> (m).</summary>
    public Bsim3Junction(Bsim3Model m, Bsim3Size p, double area, double perimeter)
    {
        _isat = area * p.JsTemp + perimeter * p.JswTemp;
        _nvtm = p.Vtm * m.Get("nj");
        double ijth = m.Get("ijth");
        if (_isat > 0 && ijth > 0)
        {
            _vjm = _nvtm * Math.Log(ijth / _isat + 1);
            _iEvjm = _isat * Math.Exp(_vjm / _nvtm);
        }
        else _vjm = double.PositiveInfinity;
        _czb = p.CjTemp * area;
        if (perimeter < p.Weff)
        {
            _czsw = 0;
            _czswg = p.CjswgTemp * perimeter;
        }
        else
        {
            _czsw = p.CjswTemp * (perimeter - p.Weff);
            _czswg = p.CjswgTemp * p.Weff;
        }
        _mj = m.Get("mj"); _mjsw = m.Get("mjsw"); _mjswg = m.Get("mjswg");
        _pb = p.PbTemp; _pbsw = p.PbswTemp; _pbswg = p.PbswgTemp;
    }

    /// <summary>Saturation current (A).</summary>
    public double Isat => _isat;

    /// <summary>Critical voltage of the junction limiting.</summary>
    public double CriticalVoltage => Junction.CriticalVoltage(_nvtm, _isat > 0 ? _isat : 1e-14);

    /// <summary>n·vt of the junction.</summary>
    public double Nvtm => _nvtm;

    /// <summary>Junction current (bulk to diffusion) at junction voltage <paramref name="v"/>, with gmin.</summary>
    public D3 Current(D3 v, double gmin)
    {
        if (_isat <= 0) return gmin * v;
        if (v.V < _vjm)
        {
            double e = Math.Exp(Math.Min(v.V / _nvtm, Junction.MaxExponent));
            return v.Chain(_isat * (e - 1), _isat * e / _nvtm) + gmin * v;
        }
        double g = _iEvjm / _nvtm;
        return _iEvjm - _isat + g * (v - _vjm) + gmin * v;
    }

    /// <summary>Depletion charge (bulk side) at junction voltage <paramref name="v"/>.</summary>
    public D3 Charge(D3 v)
    {
        if (v.V < 0)
            return Part(v, _czb, _mj, _pb) + Part(v, _czsw, _mjsw, _pbsw) + Part(v, _czswg, _mjswg, _pbswg);
        double c0 = _czb + _czsw + _czswg;
        double c1 = _czb * _mj / _pb + _czsw * _mjsw / _pbsw + _czswg * _mjswg / _pbswg;
        return v * (c0 + 0.5 * c1 * v);
    }

    private static D3 Part(D3 v, double cz, double mj, double pb)
    {
        if (cz <= 0) return 0;
        D3 arg = 1 - v / pb;
        if (mj == 1) return -cz * pb * D3.Log(arg);
        return pb * cz * (1 - D3.Pow(arg, 1 - mj)) / (1 - mj);
    }
}
