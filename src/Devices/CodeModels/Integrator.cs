namespace Perovspice.Devices.CodeModels;

/// <summary><c>int</c>: a state s with ds/dt = gain·(u + in_offset); the output is s clamped (smoothly, ±limit_range)
/// to [out_lower_limit, out_upper_limit]. In a dc-type solve s = out_ic, as ngspice holds the output at out_ic
/// (eq. A.8).</summary>
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
        else
        {
            e.StateF[0] = -_gain * (e.In[0] + _inOffset);
            e.FByIn[0][0] = -_gain;
        }
        e.StateQ[0] = s;
        e.QByState[0][0] = 1;
        e.Out[0] = Smoothing.Clamp(s, _lo, _hi, _range, out double slope);
        e.OutByState[0][0] = slope;
    }
}
