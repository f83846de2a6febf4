namespace Perovspice.Devices.CodeModels;

/// <summary><c>int</c>: the output is a state s with ds/dt = gain·(u + in_offset); driven toward a limit within
/// limit_range of it, the rate falls linearly to 0 at the limit, so s stays within [out_lower_limit, out_upper_limit]
/// without winding up and leaves a limit as soon as the input reverses. In a dc-type solve s = out_ic, as ngspice
/// holds the output at out_ic (eq. A.8).</summary>
public sealed class IntegratorModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("in_offset", "", 0, "input offset"),
        ParameterInfo.Any("gain", "", 1, "gain"),
        ParameterInfo.Any("out_lower_limit", "", double.NegativeInfinity, "lower output limit (default none)"),
        ParameterInfo.Any("out_upper_limit", "", double.PositiveInfinity, "upper output limit (default none)"),
        ParameterInfo.NonNegative("limit_range", "", 1e-6, "smoothing half-width at each limit"),
        ParameterInfo.Any("out_ic", "", 0, "output at dc and at the start of a transient"),
    };

    private static readonly CodePortSpec[] PortTable = { new("in", false), new("out", true) };
    private readonly double _inOffset, _gain, _lo, _hi, _range, _ic;

    internal IntegratorModel(ModelRequest r)
    {
        _inOffset = r.Get("in_offset", 0); _gain = r.Get("gain", 1);
        _lo = r.Get("out_lower_limit", double.NegativeInfinity); _hi = r.Get("out_upper_limit", double.PositiveInfinity);
        if (_lo >= _hi) throw new ArgumentException($"int model '{r.Name}': out_lower_limit must be below out_upper_limit");
        _range = r.Get("limit_range", 1e-6);
        _ic = r.Get("out_ic", 0);
    }

    /// <inheritdoc />
    public override string Kind => "int";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;
    /// <inheritdoc />
    public override int StateCount(int inputs) => 1;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        double s = e.States[0];
        if (e.Static)
        {
            e.StateF[0] = s - _ic;
            e.FByState[0][0] = 1;
        }
        e.StateQ[0] = s;
        e.QByState[0][0] = 1;
        // the state is the output: it stays within the limits by itself (below)
        e.Out[0] = Math.Clamp(s, _lo, _hi);
        e.OutByState[0][0] = s > _lo && s < _hi ? 1 : 0;
        if (e.Static) return;
        // no windup: driven outward within limit_range of a limit, the rate falls linearly to 0 at the limit, so the
        // output approaches the limit smoothly and leaves it as soon as the input reverses
        double v = _gain * (e.In[0] + _inOffset);
        double h = Math.Min(_range, (_hi - _lo) / 2);
        double factor = 1, dFactor = 0;
        if (v > 0 && s > _hi - h)
        {
            if (s >= _hi || h == 0) factor = 0;
            else { factor = (_hi - s) / h; dFactor = -1 / h; }
        }
        else if (v < 0 && s < _lo + h)
        {
            if (s <= _lo || h == 0) factor = 0;
            else { factor = (s - _lo) / h; dFactor = 1 / h; }
        }
        e.StateF[0] = -v * factor;
        e.FByIn[0][0] = -_gain * factor;
        e.FByState[0][0] = -v * dFactor;
    }
}
