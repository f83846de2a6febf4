namespace Perovspice.Devices.CodeModels;

/// <summary>
/// <c>hyst</c>: two ramps from out_lower_limit to out_upper_limit, the rising one over [in_low + hyst,
/// in_high + hyst] and the falling one over [in_low − hyst, in_high − hyst], their corners smoothed over
/// ±input_domain (times in_high − in_low with fraction=TRUE, the default). The instance starts on the rising ramp,
/// moves to the falling one once the input passes in_high + hyst (and its corner) and back once it falls below
/// in_low − hyst, where both ramps are at the same limit, so the output stays continuous (eq. A.11). In dc-type
/// solves the switch follows the inputs the solver visits (a dc sweep down from above in_high + hyst runs on the
/// falling ramp, as in ngspice); in a transient it happens at accepted time points.
/// </summary>
public sealed class HysteresisModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("in_low", "", 0, "input where the ramps start (before the hysteresis shift)"),
        ParameterInfo.Any("in_high", "", 1, "input where the ramps end (before the hysteresis shift)"),
        ParameterInfo.NonNegative("hyst", "", 0.1, "shift of the rising ramp up and the falling ramp down"),
        ParameterInfo.Any("out_lower_limit", "", 0, "output below the ramps"),
        ParameterInfo.Any("out_upper_limit", "", 1, "output above the ramps"),
        ParameterInfo.NonNegative("input_domain", "", 0.01, "corner smoothing half-width"),
    };

    private const int Rising = 0, Falling = 1;
    private static readonly CodePortSpec[] PortTable = { new("in", false), new("out", true) };
    private readonly double _low, _high, _hyst, _outLow, _outHigh, _h;

    internal HysteresisModel(ModelRequest r)
    {
        _low = r.Get("in_low", 0); _high = r.Get("in_high", 1); _hyst = r.Get("hyst", 0.1);
        _outLow = r.Get("out_lower_limit", 0); _outHigh = r.Get("out_upper_limit", 1);
        if (!(_low < _high)) throw new ArgumentException($"hyst model '{r.Name}': in_low must be below in_high");
        double domain = r.Get("input_domain", 0.01);
        _h = Math.Min(Bool(r, "fraction", true) ? domain * (_high - _low) : domain, (_high - _low) / 2);
    }

    /// <inheritdoc />
    public override string Kind => "hyst";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        if (e.Static) Update(e);
        double shift = e.Mode == Falling ? -_hyst : _hyst;
        double x0 = _low + shift, x1 = _high + shift;
        double slope = (_outHigh - _outLow) / (x1 - x0);
        double u = e.In[0];
        double y, dy;
        if (u < (x0 + x1) / 2) y = Smoothing.Corner(u, x0, _outLow, _h, 0, slope, out dy);
        else y = Smoothing.Corner(u, x1, _outHigh, _h, slope, 0, out dy);
        e.Out[0] = y;
        e.OutByIn[0][0] = dy;
    }

    /// <inheritdoc />
    public override bool Accept(CodeModelEvaluation e) => Update(e);

    private bool Update(CodeModelEvaluation e)
    {
        int before = e.Mode;
        // beyond the smoothed corners, where both ramps give the same limit: the switch changes no output
        if (e.In[0] >= _high + _hyst + _h) e.Mode = Falling;
        else if (e.In[0] <= _low - _hyst - _h) e.Mode = Rising;
        return e.Mode != before;
    }
}
