using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>A time-dependent source value (PULSE, SIN, PWL, EXP) with SPICE3 defaults for omitted values.</summary>
public abstract class Waveform
{
    /// <summary>Resolves defaults that depend on the transient (tstep, tstop) and adds the waveform's corners
    /// up to tstop.</summary>
    public abstract void Prepare(TransientSpec spec, List<double> breakpoints);

    /// <summary>The value at time <paramref name="t"/> (after <see cref="Prepare"/>; before it, defaults that
    /// depend on the transient are taken as if tstep = tstop = 1).</summary>
    public abstract double Value(double t);

    /// <summary>Coefficient i of a SPICE coefficient list, or the default when omitted.</summary>
    protected static double Arg(IReadOnlyList<double> a, int i, double fallback) => i < a.Count ? a[i] : fallback;
}

/// <summary>PULSE(v1 v2 td tr tf pw per [np]): zero tr/tf default to tstep, zero pw/per to tstop (as ngspice).</summary>
public sealed class PulseWaveform : Waveform
{
    private readonly IReadOnlyList<double> _a;
    private double _v1, _v2, _td, _tr, _tf, _pw, _per, _np;

    /// <summary>Creates the waveform from its coefficient list (at least v1 and v2).</summary>
    public PulseWaveform(IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count < 2) throw new ArgumentException("PULSE needs at least v1 and v2");
        _a = coefficients.ToArray();
        Resolve(1, 1);
    }

    private void Resolve(double tstep, double tstop)
    {
        _v1 = _a[0]; _v2 = _a[1];
        _td = Arg(_a, 2, 0);
        _tr = Arg(_a, 3, 0); if (_tr <= 0) _tr = tstep;
        _tf = Arg(_a, 4, 0); if (_tf <= 0) _tf = tstep;
        _pw = Arg(_a, 5, 0); if (_pw <= 0) _pw = tstop;
        _per = Arg(_a, 6, 0); if (_per <= 0) _per = tstop;
        _np = Arg(_a, 7, 0);
        if (_per < _tr + _pw + _tf) _per = _tr + _pw + _tf;
    }

    /// <inheritdoc />
    public override void Prepare(TransientSpec spec, List<double> breakpoints)
    {
        Resolve(spec.Step, spec.Stop);
        double tstop = spec.Stop;
        breakpoints.Add(_td);
        for (int k = 0; ; k++)
        {
            if (_np > 0 && k >= _np) break;
            double t0 = _td + k * _per;
            if (t0 > tstop) break;
            breakpoints.Add(t0);
            breakpoints.Add(t0 + _tr);
            breakpoints.Add(t0 + _tr + _pw);
            breakpoints.Add(t0 + _tr + _pw + _tf);
            if (k > 10_000_000 || breakpoints.Count > spec.MaxBreakpoints) break;
        }
    }

    /// <inheritdoc />
    public override double Value(double t)
    {
        if (t <= _td) return _v1;
        double tt = t - _td;
        if (_per > 0)
        {
            double k = Math.Floor(tt / _per);
            if (_np > 0 && k >= _np) return _v1;
            tt -= k * _per;
        }
        if (tt < _tr) return _v1 + (_v2 - _v1) * tt / _tr;
        if (tt <= _tr + _pw) return _v2;
        if (tt < _tr + _pw + _tf) return _v2 + (_v1 - _v2) * (tt - _tr - _pw) / _tf;
        return _v1;
    }
}

/// <summary>SIN(vo va freq [td [theta [phase]]]): freq defaults to 1/tstop; phase in degrees.</summary>
public sealed class SineWaveform : Waveform
{
    private readonly IReadOnlyList<double> _a;
    private double _freq;

    /// <summary>Creates the waveform from its coefficient list (at least vo and va).</summary>
    public SineWaveform(IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count < 2) throw new ArgumentException("SIN needs at least vo and va");
        _a = coefficients.ToArray();
        _freq = Arg(_a, 2, 0) > 0 ? _a[2] : 1;
    }

    /// <inheritdoc />
    public override void Prepare(TransientSpec spec, List<double> breakpoints)
    {
        _freq = Arg(_a, 2, 0) > 0 ? _a[2] : 1 / spec.Stop;
        double td = Arg(_a, 3, 0);
        if (td > 0) breakpoints.Add(td);
    }

    /// <inheritdoc />
    public override double Value(double t)
    {
        double vo = _a[0], va = _a[1], td = Arg(_a, 3, 0), theta = Arg(_a, 4, 0);
        double phase = Arg(_a, 5, 0) * Math.PI / 180;
        if (t <= td) return vo + va * Math.Sin(phase);
        double tt = t - td;
        return vo + va * Math.Exp(-tt * theta) * Math.Sin(2 * Math.PI * _freq * tt + phase);
    }
}

/// <summary>EXP(v1 v2 [td1 [tau1 [td2 [tau2]]]]) with SPICE3 defaults (tau = tstep, td2 = td1 + tstep).</summary>
public sealed class ExpWaveform : Waveform
{
    private readonly IReadOnlyList<double> _a;
    private double _td1, _tau1, _td2, _tau2;

    /// <summary>Creates the waveform from its coefficient list (at least v1 and v2).</summary>
    public ExpWaveform(IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count < 2) throw new ArgumentException("EXP needs at least v1 and v2");
        _a = coefficients.ToArray();
        Resolve(1);
    }

    private void Resolve(double tstep)
    {
        _td1 = Arg(_a, 2, 0);
        _tau1 = Arg(_a, 3, 0) > 0 ? _a[3] : tstep;
        _td2 = Arg(_a, 4, 0) > 0 ? _a[4] : _td1 + tstep;
        _tau2 = Arg(_a, 5, 0) > 0 ? _a[5] : tstep;
    }

    /// <inheritdoc />
    public override void Prepare(TransientSpec spec, List<double> breakpoints)
    {
        Resolve(spec.Step);
        breakpoints.Add(_td1);
        breakpoints.Add(_td2);
    }

    /// <inheritdoc />
    public override double Value(double t)
    {
        double v1 = _a[0], v2 = _a[1];
        if (t <= _td1) return v1;
        double v = v1 + (v2 - v1) * (1 - Math.Exp(-(t - _td1) / _tau1));
        if (t > _td2) v += (v1 - v2) * (1 - Math.Exp(-(t - _td2) / _tau2));
        return v;
    }
}

/// <summary>PWL(t1 v1 t2 v2 ...) [r=trepeat]: linear interpolation, held before the first and after the last
/// point; with r= the part from trepeat to the last point repeats.</summary>
public sealed class PwlWaveform : Waveform
{
    private readonly double[] _t, _v;
    private readonly double? _repeat;

    /// <summary>
    /// The waveform of <paramref name="pairs"/> delayed by <paramref name="delay"/> (ngspice's <c>td=</c>: every time,
    /// and the repeat point, move by it), repeating from <paramref name="repeatFrom"/> (<c>r=</c>, before the delay).
    /// </summary>
    public static PwlWaveform Delayed(IReadOnlyList<double> pairs, double? repeatFrom, double delay)
    {
        if (delay == 0) return new PwlWaveform(pairs, repeatFrom);
        var shifted = new double[pairs.Count];
        for (int k = 0; k < shifted.Length; k++) shifted[k] = k % 2 == 0 ? pairs[k] + delay : pairs[k];
        return new PwlWaveform(shifted, repeatFrom is double r ? r + delay : null);
    }

    /// <summary>Creates the waveform from (time, value) pairs with non-decreasing times.</summary>
    public PwlWaveform(IReadOnlyList<double> pairs, double? repeatFrom = null)
    {
        if (pairs.Count < 2 || pairs.Count % 2 != 0) throw new ArgumentException("PWL needs time-value pairs");
        int n = pairs.Count / 2;
        _t = new double[n]; _v = new double[n];
        for (int i = 0; i < n; i++)
        {
            _t[i] = pairs[2 * i]; _v[i] = pairs[2 * i + 1];
            if (i > 0 && _t[i] < _t[i - 1]) throw new ArgumentException("PWL times must not decrease");
        }
        if (repeatFrom is double r && (r < _t[0] || r >= _t[^1] || Array.IndexOf(_t, r) < 0))
            throw new ArgumentException("PWL r= must be one of the points' times (before the last)");
        _repeat = repeatFrom;
    }

    /// <inheritdoc />
    public override void Prepare(TransientSpec spec, List<double> breakpoints)
    {
        breakpoints.AddRange(_t);
        if (_repeat is double r)
        {
            double period = _t[^1] - r;
            for (double offset = period; _t[^1] + offset - period <= spec.Stop && offset < 1e9 * period
                 && breakpoints.Count <= spec.MaxBreakpoints; offset += period)
                foreach (double ti in _t)
                    if (ti >= r) breakpoints.Add(ti + offset);
        }
    }

    /// <inheritdoc />
    public override double Value(double t)
    {
        if (_repeat is double r && t > _t[^1])
        {
            // Map t into (r, t_end]: a time on a period boundary takes the value at t_end (before the jump back to
            // the value at r), so that a step landing on the breakpoint sees no discontinuity inside it.
            double period = _t[^1] - r;
            double k = Math.Ceiling((t - _t[^1]) / period - 1e-9);
            t = Math.Max(r, t - k * period);
        }
        if (t <= _t[0]) return _v[0];
        if (t >= _t[^1]) return _v[^1];
        int hi = Array.BinarySearch(_t, t);
        if (hi >= 0) return _v[hi];
        hi = ~hi;
        int lo = hi - 1;
        double span = _t[hi] - _t[lo];
        return span <= 0 ? _v[hi] : _v[lo] + (_v[hi] - _v[lo]) * (t - _t[lo]) / span;
    }
}

/// <summary>
/// SFFM(vo va [fc [mdi [fs [phasec [phases]]]]]), single-frequency FM as in ngspice 39:
/// v(t) = vo + va·sin(2π·fc·t + phasec + mdi·sin(2π·fs·t + phases)), phases in degrees. fc and fs default
/// (omitted or 0) to 1/tstop, mdi and the phases to 0. No corners (no breakpoints), like SIN.
/// </summary>
public sealed class SffmWaveform : Waveform
{
    private readonly double[] _a;
    private double _fc, _fs;

    /// <summary>Creates the waveform from its coefficient list (vo and va at least).</summary>
    public SffmWaveform(IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count < 2) throw new ArgumentException("SFFM needs at least vo and va");
        if (coefficients.Count > 7) throw new ArgumentException("SFFM takes at most 7 values (vo va fc mdi fs phasec phases)");
        _a = coefficients.ToArray();
        Resolve(1);
    }

    private void Resolve(double tstop)
    {
        _fc = Arg(_a, 2, 0) != 0 ? _a[2] : 1 / tstop;
        _fs = Arg(_a, 4, 0) != 0 ? _a[4] : 1 / tstop;
    }

    /// <inheritdoc />
    public override void Prepare(TransientSpec spec, List<double> breakpoints) => Resolve(spec.Stop);

    /// <inheritdoc />
    public override double Value(double t)
    {
        double vo = _a[0], va = _a[1], mdi = Arg(_a, 3, 0);
        double phc = Arg(_a, 5, 0) * Math.PI / 180, phs = Arg(_a, 6, 0) * Math.PI / 180;
        return vo + va * Math.Sin(2 * Math.PI * _fc * t + phc + mdi * Math.Sin(2 * Math.PI * _fs * t + phs));
    }
}

/// <summary>
/// AM(va vo [mf [fc [td [phase6 [phase]]]]]), amplitude modulation as ngspice 39 evaluates it: 0 up to td
/// (also at t = 0 when td = 0, so the dc value is 0), then
/// v(t) = va·(vo + sin(2π·mf·(t−td) + φ))·sin(2π·fc·(t−td) + φ) with φ the seventh value in degrees. ngspice 39
/// documents separate modulation and carrier phases (6th and 7th values) but applies the 7th to both and ignores
/// the 6th; this class mirrors what it computes. mf defaults (omitted or 0) to 1/tstop, fc and td to 0.
/// Corner: td.
/// </summary>
public sealed class AmWaveform : Waveform
{
    private readonly double[] _a;
    private double _mf;

    /// <summary>Creates the waveform from its coefficient list (va and vo at least).</summary>
    public AmWaveform(IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count < 2) throw new ArgumentException("AM needs at least va and vo");
        if (coefficients.Count > 7) throw new ArgumentException("AM takes at most 7 values (va vo mf fc td phasem phasec)");
        _a = coefficients.ToArray();
        Resolve(1);
    }

    private void Resolve(double tstop) => _mf = Arg(_a, 2, 0) != 0 ? _a[2] : 1 / tstop;

    /// <inheritdoc />
    public override void Prepare(TransientSpec spec, List<double> breakpoints)
    {
        Resolve(spec.Stop);
        double td = Arg(_a, 4, 0);
        if (td > 0) breakpoints.Add(td);
    }

    /// <inheritdoc />
    public override double Value(double t)
    {
        double va = _a[0], vo = _a[1], fc = Arg(_a, 3, 0), td = Arg(_a, 4, 0);
        double phase = Arg(_a, 6, 0) * Math.PI / 180;
        if (t <= td) return 0;
        double tt = t - td;
        return va * (vo + Math.Sin(2 * Math.PI * _mf * tt + phase)) * Math.Sin(2 * Math.PI * fc * tt + phase);
    }
}
