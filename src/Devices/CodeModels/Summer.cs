namespace Perovspice.Devices.CodeModels;

/// <summary><c>summer</c> (eq. A.3) and <c>mult</c> (eq. A.4): y = out_gain·Σ (or Π) in_gain[k]·(u[k] + in_offset[k])
/// + out_offset over the inputs of the vector port.</summary>
public sealed class SummerModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("out_gain", "", 1, "output gain"),
        ParameterInfo.Any("out_offset", "", 0, "output offset"),
    };

    internal static readonly ParameterInfo[] Vectors =
    {
        ParameterInfo.Any("in_offset", "", 0, "input offsets (one per input)"),
        ParameterInfo.Any("in_gain", "", 1, "input gains (one per input)"),
    };

    private static readonly CodePortSpec[] PortTable = { new("in", false, IsVector: true), new("out", true) };
    private readonly double[] _inOffset, _inGain;
    private readonly double _outGain, _outOffset;
    private readonly bool _product;

    internal SummerModel(ModelRequest r, bool product)
    {
        _product = product;
        _inOffset = Vector(r, "in_offset", new[] { 0.0 })!;
        _inGain = Vector(r, "in_gain", new[] { 1.0 })!;
        _outGain = r.Get("out_gain", 1); _outOffset = r.Get("out_offset", 0);
    }

    /// <inheritdoc />
    public override string Kind => _product ? "mult" : "summer";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;
    /// <inheritdoc />
    public override bool IsLinear => !_product;

    /// <inheritdoc />
    public override void CheckInstance(int inputs)
    {
        CheckLength(_inOffset, "in_offset", inputs);
        CheckLength(_inGain, "in_gain", inputs);
    }

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        int n = e.In.Length;
        if (!_product)
        {
            double sum = 0;
            for (int k = 0; k < n; k++)
            {
                sum += Each(_inGain, k) * (e.In[k] + Each(_inOffset, k));
                e.OutByIn[0][k] = _outGain * Each(_inGain, k);
            }
            e.Out[0] = _outGain * sum + _outOffset;
            return;
        }
        double product = 1;
        for (int k = 0; k < n; k++) product *= Each(_inGain, k) * (e.In[k] + Each(_inOffset, k));
        for (int k = 0; k < n; k++)
        {
            double others = 1;
            for (int j = 0; j < n; j++)
                if (j != k) others *= Each(_inGain, j) * (e.In[j] + Each(_inOffset, j));
            e.OutByIn[0][k] = _outGain * others * Each(_inGain, k);
        }
        e.Out[0] = _outGain * product + _outOffset;
    }
}
