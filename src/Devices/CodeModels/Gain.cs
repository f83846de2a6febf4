namespace Perovspice.Devices.CodeModels;

/// <summary><c>gain</c>: y = gain·(u + in_offset) + out_offset (docs/models.md, eq. A.1).</summary>
public sealed class GainModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("in_offset", "", 0, "input offset"),
        ParameterInfo.Any("gain", "", 1, "gain"),
        ParameterInfo.Any("out_offset", "", 0, "output offset"),
    };

    private static readonly CodePortSpec[] PortTable = { new("in", false), new("out", true) };
    private readonly double _inOffset, _gain, _outOffset;

    internal GainModel(ModelRequest r)
    {
        _inOffset = r.Get("in_offset", 0); _gain = r.Get("gain", 1); _outOffset = r.Get("out_offset", 0);
    }

    /// <inheritdoc />
    public override string Kind => "gain";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;
    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        e.Out[0] = _gain * (e.In[0] + _inOffset) + _outOffset;
        e.OutByIn[0][0] = _gain;
    }
}
