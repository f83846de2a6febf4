namespace Perovspice.Devices.CodeModels;

/// <summary>
/// <c>s_xfer</c>: y = H(s)·gain·(u + in_offset) with H(s) = N(s/ω)/D(s/ω), num_coeff and den_coeff in descending
/// powers, ω = denormalized_freq (rad/s). Realized in controllable canonical form: n = deg D states x1…xn with
/// dx_k/dt = ω·x_(k+1), dx_n/dt = ω·(v − Σ a_i·x_(i+1)) (D made monic), y = Σ (b_i − b_n·a_i)·x_(i+1) + b_n·v. In a
/// dc-type solve the states are held at int_ic (0), so the dc output is the direct feedthrough b_n·v, as in ngspice
/// (eq. A.10).
/// </summary>
public sealed class SXferModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.Any("in_offset", "", 0, "input offset"),
        ParameterInfo.Any("gain", "", 1, "gain"),
        ParameterInfo.Positive("denormalized_freq", "rad/s", 1, "frequency the coefficients are normalized to"),
    };

    internal static readonly ParameterInfo[] Vectors =
    {
        ParameterInfo.Any("num_coeff", "", 0, "numerator coefficients, highest power first"),
        ParameterInfo.Any("den_coeff", "", 0, "denominator coefficients, highest power first"),
        ParameterInfo.Any("int_ic", "", 0, "initial states (only 0 is supported)"),
    };

    private static readonly CodePortSpec[] PortTable = { new("in", false), new("out", true) };
    private readonly double _inOffset, _gain, _omega, _bn;
    private readonly double[] _a, _c;   // monic denominator a_0..a_(n-1); output weights c_i = b_i − b_n·a_i

    internal SXferModel(ModelRequest r)
    {
        var num = Vector(r, "num_coeff") ?? throw new ArgumentException($"s_xfer model '{r.Name}' needs num_coeff");
        var den = Vector(r, "den_coeff") ?? throw new ArgumentException($"s_xfer model '{r.Name}' needs den_coeff");
        if (Vector(r, "int_ic") is { } ic && ic.Any(v => v != 0))
            throw new ArgumentException($"s_xfer model '{r.Name}': a nonzero int_ic is not supported");
        if (den[0] == 0) throw new ArgumentException($"s_xfer model '{r.Name}': the first den_coeff must not be 0");
        int n = den.Length - 1;
        if (num.Length - 1 > n)
            throw new ArgumentException($"s_xfer model '{r.Name}': the numerator's order exceeds the denominator's");
        _inOffset = r.Get("in_offset", 0); _gain = r.Get("gain", 1); _omega = r.Get("denormalized_freq", 1);
        // ascending powers, denominator monic
        var a = new double[n + 1];
        var b = new double[n + 1];
        for (int i = 0; i <= n; i++) a[i] = den[n - i] / den[0];
        for (int i = 0; i < num.Length; i++) b[i] = num[num.Length - 1 - i] / den[0];
        _bn = b[n];
        _a = a[..n];
        _c = new double[n];
        for (int i = 0; i < n; i++) _c[i] = b[i] - _bn * a[i];
    }

    /// <inheritdoc />
    public override string Kind => "s_xfer";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;
    /// <inheritdoc />
    public override int StateCount(int inputs) => _a.Length;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        int n = _a.Length;
        double v = _gain * (e.In[0] + _inOffset);
        var x = e.States;
        double y = _bn * v;
        for (int i = 0; i < n; i++)
        {
            y += _c[i] * x[i];
            e.OutByState[0][i] = _c[i];
        }
        e.Out[0] = y;
        e.OutByIn[0][0] = _bn * _gain;
        for (int k = 0; k < n; k++)
        {
            e.StateQ[k] = x[k] / _omega;
            e.QByState[k][k] = 1 / _omega;
            if (e.Static)
            {
                e.StateF[k] = x[k];
                e.FByState[k][k] = 1;
            }
            else if (k < n - 1)
            {
                e.StateF[k] = -x[k + 1];
                e.FByState[k][k + 1] = -1;
            }
        }
        if (e.Static || n == 0) return;
        double f = -v;
        for (int i = 0; i < n; i++)
        {
            f += _a[i] * x[i];
            e.FByState[n - 1][i] += _a[i];
        }
        e.StateF[n - 1] = f;
        e.FByIn[n - 1][0] = -_gain;
    }
}
