namespace Perovspice.Devices.CodeModels;

/// <summary><c>climit</c>: the <c>limit</c> model (eq. A.5) with limits read from two inputs:
/// lo = cntl_lower + lower_delta, hi = cntl_upper − upper_delta, each corner smoothed over ±limit_range (× (hi − lo)
/// with fraction=TRUE; default FALSE, checked with ngspice 39). When the limits cross (hi ≤ lo) the output is their mean (eq. A.13).</summary>
public sealed class ControlledLimitModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("in_offset", "", 0, "input offset"),
        ParameterInfo.Any("gain", "", 1, "gain"),
        ParameterInfo.Any("upper_delta", "", 0, "distance of the upper limit below cntl_upper"),
        ParameterInfo.Any("lower_delta", "", 0, "distance of the lower limit above cntl_lower"),
        ParameterInfo.NonNegative("limit_range", "", 1e-6, "smoothing half-width at each limit"),
    };

    private static readonly CodePortSpec[] PortTable =
        { new("in", false), new("cntl_upper", false), new("cntl_lower", false), new("out", true) };
    private readonly double _inOffset, _gain, _upperDelta, _lowerDelta, _range;
    private readonly bool _fraction;

    internal ControlledLimitModel(ModelRequest r)
    {
        _inOffset = r.Get("in_offset", 0); _gain = r.Get("gain", 1);
        _upperDelta = r.Get("upper_delta", 0); _lowerDelta = r.Get("lower_delta", 0);
        _range = r.Get("limit_range", 1e-6);
        _fraction = Bool(r, "fraction", false);
    }

    /// <inheritdoc />
    public override string Kind => "climit";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        double hi = e.In[1] - _upperDelta, lo = e.In[2] + _lowerDelta;
        if (hi <= lo)
        {
            e.Out[0] = (hi + lo) / 2;
            e.OutByIn[0][1] = 0.5; e.OutByIn[0][2] = 0.5;
            return;
        }
        double h = _fraction ? _range * (hi - lo) : _range;
        e.Out[0] = Smoothing.Clamp(_gain * (e.In[0] + _inOffset), lo, hi, h, out double slope, out double byLo, out double byHi);
        e.OutByIn[0][0] = slope * _gain;
        e.OutByIn[0][1] = byHi;
        e.OutByIn[0][2] = byLo;
    }
}
