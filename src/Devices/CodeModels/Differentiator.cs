namespace Perovspice.Devices.CodeModels;

/// <summary><c>d_dt</c>: y = gain·du/dt + out_offset, clamped (smoothly, ±limit_range) to [out_lower_limit,
/// out_upper_limit]; the derivative is a state r with r − du/dt = 0. In a dc-type solve the output is 0, as in
/// ngspice (eq. A.9).</summary>
public sealed class DifferentiatorModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("gain", "", 1, "gain"),
        ParameterInfo.Any("out_offset", "", 0, "output offset"),
        ParameterInfo.Any("out_lower_limit", "", double.NegativeInfinity, "lower output limit (default none)"),
        ParameterInfo.Any("out_upper_limit", "", double.PositiveInfinity, "upper output limit (default none)"),
        ParameterInfo.NonNegative("limit_range", "", 1e-6, "smoothing half-width at each limit"),
    };

    private static readonly CodePortSpec[] PortTable = { new("in", false), new("out", true) };
    private readonly double _gain, _offset, _lo, _hi, _range;

    internal DifferentiatorModel(ModelRequest r)
    {
        _gain = r.Get("gain", 1); _offset = r.Get("out_offset", 0);
        _lo = r.Get("out_lower_limit", double.NegativeInfinity); _hi = r.Get("out_upper_limit", double.PositiveInfinity);
        if (_lo >= _hi) throw new ArgumentException($"d_dt model '{r.Name}': out_lower_limit must be below out_upper_limit");
        _range = r.Get("limit_range", 1e-6);
    }

    /// <inheritdoc />
    public override string Kind => "d_dt";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;
    /// <inheritdoc />
    public override int StateCount(int inputs) => 1;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        e.StateF[0] = e.States[0];
        e.FByState[0][0] = 1;
        e.StateQ[0] = -e.In[0];
        e.QByIn[0][0] = -1;
        if (e.Static) return;   // output 0
        e.Out[0] = Smoothing.Clamp(_gain * e.States[0] + _offset, _lo, _hi, _range, out double slope);
        e.OutByState[0][0] = slope * _gain;
    }
}
