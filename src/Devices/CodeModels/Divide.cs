namespace Perovspice.Devices.CodeModels;

/// <summary><c>divide</c>: y = out_gain·num_gain·(num + num_offset) / D + out_offset with
/// D = den_gain·(den + den_offset) kept at least den_lower_limit in magnitude, the corner smoothed over
/// ±den_domain (a fraction of den_lower_limit with fraction=TRUE) (eq. A.6).</summary>
public sealed class DivideModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("num_offset", "", 0, "numerator offset"),
        ParameterInfo.Any("num_gain", "", 1, "numerator gain"),
        ParameterInfo.Any("den_offset", "", 0, "denominator offset"),
        ParameterInfo.Any("den_gain", "", 1, "denominator gain"),
        ParameterInfo.Positive("den_lower_limit", "", 1e-10, "smallest denominator magnitude"),
        ParameterInfo.NonNegative("den_domain", "", 1e-10, "smoothing half-width around den_lower_limit"),
        ParameterInfo.Any("out_gain", "", 1, "output gain"),
        ParameterInfo.Any("out_offset", "", 0, "output offset"),
    };

    private static readonly CodePortSpec[] PortTable = { new("num", false), new("den", false), new("out", true) };
    private readonly double _numOffset, _numGain, _denOffset, _denGain, _lower, _domain, _outGain, _outOffset;

    internal DivideModel(ModelRequest r)
    {
        _numOffset = r.Get("num_offset", 0); _numGain = r.Get("num_gain", 1);
        _denOffset = r.Get("den_offset", 0); _denGain = r.Get("den_gain", 1);
        _lower = r.Get("den_lower_limit", 1e-10); _domain = r.Get("den_domain", 1e-10);
        if (Bool(r, "fraction", false)) _domain *= _lower;
        _outGain = r.Get("out_gain", 1); _outOffset = r.Get("out_offset", 0);
    }

    /// <inheritdoc />
    public override string Kind => "divide";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        double num = _numGain * (e.In[0] + _numOffset);
        double den = _denGain * (e.In[1] + _denOffset);
        double mag = Smoothing.Corner(Math.Abs(den), _lower, _lower, Math.Min(_domain, _lower), 0, 1, out double dmag);
        double d = den >= 0 ? mag : -mag;   // odd in den; dd/dden = dmag
        e.Out[0] = _outGain * num / d + _outOffset;
        e.OutByIn[0][0] = _outGain * _numGain / d;
        e.OutByIn[0][1] = -_outGain * num / (d * d) * dmag * _denGain;
    }
}
