namespace Perovspice.Devices.CodeModels;

/// <summary>
/// <c>slew</c>: the output follows the input, its rate of change limited to rise_slope (rising) and fall_slope
/// (falling). States: r = du/dt (r − du/dt = 0) and the output y with dy/dt = clamp(r + k·(u − y), −fall_slope,
/// rise_slope), k = min(rise_slope, fall_slope)/1 mV: while the input is slow enough the output tracks it exactly
/// (a ramp with no lag, a difference decaying at rate k), otherwise it slews at the limit until it is within 1 mV.
/// dc: y = u (eq. A.12).
/// </summary>
public sealed class SlewModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Positive("rise_slope", "V/s", 1e9, "largest rate of rise"),
        ParameterInfo.Positive("fall_slope", "V/s", 1e9, "largest rate of fall (magnitude)"),
    };

    private static readonly CodePortSpec[] PortTable = { new("in", false), new("out", true) };
    private readonly double _rise, _fall, _k;

    /// <summary>The difference (V) below which the output closes in on the input exponentially rather than at the
    /// slew limit: 1 mV.</summary>
    private const double CloseIn = 1e-3;

    internal SlewModel(ModelRequest r)
    {
        _rise = r.Get("rise_slope", 1e9); _fall = r.Get("fall_slope", 1e9);
        _k = Math.Min(_rise, _fall) / CloseIn;
    }

    /// <inheritdoc />
    public override string Kind => "slew";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;
    /// <inheritdoc />
    public override int StateCount(int inputs) => 2;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        double u = e.In[0], r = e.States[0], y = e.States[1];
        e.Out[0] = y;
        e.OutByState[0][1] = 1;
        // r − du/dt = 0
        e.StateF[0] = r;
        e.FByState[0][0] = 1;
        e.StateQ[0] = -u;
        e.QByIn[0][0] = -1;
        e.StateQ[1] = y;
        e.QByState[1][1] = 1;
        if (e.Static)
        {
            e.StateF[1] = y - u;
            e.FByState[1][1] = 1;
            e.FByIn[1][0] = -1;
            return;
        }
        double z = r + _k * (u - y);
        double rate = Math.Clamp(z, -_fall, _rise);
        double sigma = z > -_fall && z < _rise ? 1 : 0;
        e.StateF[1] = -rate;
        e.FByState[1][0] = -sigma;
        e.FByIn[1][0] = -sigma * _k;
        e.FByState[1][1] = sigma * _k;
    }
}
