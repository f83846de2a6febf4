namespace Perovspice.Devices.CodeModels;

/// <summary><c>pwl</c>: the piecewise-linear curve through (x_array[k], y_array[k]), extended with the end
/// slopes (held constant with limit=TRUE), every inner corner smoothed over ±input_domain (times the narrower adjacent segment with fraction=TRUE,
/// the default), at most half the narrower adjacent segment (eq. A.7).</summary>
public sealed class PwlModel : CodeModel
{
    internal static readonly ParameterInfo[] Table =
    {
        ParameterInfo.NonNegative("input_domain", "", 0.01, "smoothing half-width at each corner"),
    };

    internal static readonly ParameterInfo[] Vectors =
    {
        ParameterInfo.Any("x_array", "", 0, "x breakpoints (increasing)"),
        ParameterInfo.Any("y_array", "", 0, "y values"),
    };

    private static readonly CodePortSpec[] PortTable = { new("in", false), new("out", true) };
    private readonly double[] _x, _y, _h, _slope;
    private readonly bool _limit;

    internal PwlModel(ModelRequest r)
    {
        _x = Vector(r, "x_array") ?? throw new ArgumentException($"pwl model '{r.Name}' needs x_array");
        _y = Vector(r, "y_array") ?? throw new ArgumentException($"pwl model '{r.Name}' needs y_array");
        if (_x.Length != _y.Length) throw new ArgumentException($"pwl model '{r.Name}': x_array has {_x.Length} values, y_array {_y.Length}");
        if (_x.Length < 2) throw new ArgumentException($"pwl model '{r.Name}' needs at least two points");
        for (int k = 1; k < _x.Length; k++)
            if (!(_x[k] > _x[k - 1])) throw new ArgumentException($"pwl model '{r.Name}': x_array must increase");
        double domain = r.Get("input_domain", 0.01);
        bool fraction = Bool(r, "fraction", true);
        _limit = Bool(r, "limit", false);
        int n = _x.Length;
        _slope = new double[n - 1];
        for (int k = 0; k < n - 1; k++) _slope[k] = (_y[k + 1] - _y[k]) / (_x[k + 1] - _x[k]);
        _h = new double[n];
        for (int k = 1; k < n - 1; k++)
        {
            double left = _x[k] - _x[k - 1], right = _x[k + 1] - _x[k];
            double h = fraction ? domain * Math.Min(left, right) : domain;
            // at most half the narrower segment, so corners never overlap and the curve stays continuous (ngspice 39
            // keeps the wider parabola but cuts it off at half the segment, which makes a step in y)
            _h[k] = Math.Min(h, Math.Min(left, right) / 2);
        }
        if (_limit)
        {
            // limit=TRUE: the end points are corners too (to slope 0), smoothed over their one segment
            double first = _x[1] - _x[0], last = _x[n - 1] - _x[n - 2];
            _h[0] = Math.Min(fraction ? domain * first : domain, first / 2);
            _h[n - 1] = Math.Min(fraction ? domain * last : domain, last / 2);
        }
    }

    /// <inheritdoc />
    public override string Kind => "pwl";
    /// <inheritdoc />
    public override IReadOnlyList<CodePortSpec> Ports => PortTable;

    /// <inheritdoc />
    public override void Evaluate(CodeModelEvaluation e)
    {
        double u = e.In[0];
        int n = _x.Length;
        // the segment (or corner) u lies in: nearest breakpoint k with |u − x[k]| < h[k] smooths
        for (int k = _limit ? 0 : 1; k < (_limit ? n : n - 1); k++)
        {
            if (Math.Abs(u - _x[k]) < _h[k])
            {
                double left = k == 0 ? 0 : _slope[k - 1], right = k == n - 1 ? 0 : _slope[k];
                e.Out[0] = Smoothing.Corner(u, _x[k], _y[k], _h[k], left, right, out double s);
                e.OutByIn[0][0] = s;
                return;
            }
        }
        if (_limit && (u <= _x[0] || u >= _x[n - 1]))
        {
            // limit=TRUE: constant beyond the end points
            e.Out[0] = u <= _x[0] ? _y[0] : _y[n - 1];
            return;
        }
        int seg = 0;
        while (seg < n - 2 && u >= _x[seg + 1]) seg++;
        e.Out[0] = _y[seg] + _slope[seg] * (u - _x[seg]);
        e.OutByIn[0][0] = _slope[seg];
    }
}
