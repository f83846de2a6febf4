namespace Perovspice.Devices.CodeModels;

/// <summary><c>limit</c>: y = gain·(u + in_offset) clamped to [out_lower_limit, out_upper_limit], each corner
/// smoothed over ±limit_range (a fraction of the output span with fraction=TRUE) (eq. A.5).</summary>
public sealed class LimitModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("in_offset", "", 0, "input offset"),
        ParameterInfo.Any("gain", "", 1, "gain"),
        ParameterInfo.Any("out_lower_limit", "", 0, "lower output limit"),
        ParameterInfo.Any("out_upper_limit", "", 1, "upper output limit"),
        ParameterInfo.NonNegative("limit_range", "", 1e-6, "smoothing half-width at each limit"),
    };

    private static readonly CodePortSpec[] PortTable = { new("in", false), new("out", true) };
    private readonly double _inOffset, _gain, _lo, _hi, _range;

    internal LimitModel(ModelRequest r)
    {
        _inOffset = r.Get("in_offset", 0); _gain = r.Get("gain", 1);
        _lo = r.Get("out_lower_limit", 0); _hi = r.Get("out_upper_limit", 1);
        if (_lo >= _hi) throw new ArgumentException($"limit model '{r.Name}': out_lower_limit must be below out_upper_limit");
        _range = r.Get("limit_range", 1e-6);
        if (Bool(r, "fraction", false)) _range *= _hi - _lo;
    }

    /// <inheritdoc />
    public override string Kind => "limit";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        e.Out[0] = Smoothing.Clamp(_gain * (e.In[0] + _inOffset), _lo, _hi, _range, out double slope);
        e.OutByIn[0][0] = slope * _gain;
    }
}
