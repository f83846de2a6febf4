using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// TRRANDOM(type ts [td [param1 [param2]]]), ngspice's random source: a value drawn afresh for every interval
/// (td + k·ts, td + (k+1)·ts] and held through it (every td + k·ts is a breakpoint); up to td (and at t = 0) the
/// value is param2. The draws, for param1 = p₁ (default 1) and param2 = p₂ (default 0):
/// <list type="bullet">
/// <item>type 1, uniform: p₂ + p₁·(2u − 1), in [p₂ − p₁, p₂ + p₁);</item>
/// <item>type 2, Gaussian: p₂ + p₁·z, standard deviation p₁, mean p₂;</item>
/// <item>type 3, exponential: p₂ − p₁·ln(1 − u), mean p₁ above the offset p₂;</item>
/// <item>type 4, Poisson: p₂ + k, k Poisson-distributed with mean λ = p₁ (exact by Knuth's product of uniforms,
/// in pieces of λ ≤ 30, up to λ = 10⁴; above, the normal approximation rounded to an integer).</item>
/// </list>
/// As TRNOISE, the value adds to the source's dc value (checked against ngspice 39: `dc 2 trrandom(1 1m 0 1 0)` runs
/// between 1 and 3) and the operating point sees the dc value (or, without one, param2). The generator is seeded by
/// the binder from <c>.options seed</c> and the element's name: runs are reproducible, sources independent, and the
/// draws (not their distribution) differ from ngspice's.
/// </summary>
public sealed class TrrandomWaveform : Waveform, IAddsToDcValue
{
    private readonly int _type;
    private readonly double _ts, _td, _p1, _p2;
    private readonly int _seed;
    private double _offset;
    private double[] _draws = [];

    /// <summary>Largest Poisson mean drawn exactly (Knuth's method in pieces); above it the normal approximation.</summary>
    public const double ExactPoissonLimit = 1e4;

    /// <summary>Creates the waveform from its coefficient list (type and ts at least) and a seed.</summary>
    public TrrandomWaveform(IReadOnlyList<double> coefficients, int seed)
    {
        if (coefficients.Count < 2) throw new ArgumentException("TRRANDOM needs at least type and ts");
        if (coefficients.Count > 5) throw new ArgumentException("TRRANDOM takes at most 5 values (type ts td param1 param2)");
        foreach (double c in coefficients)
            if (!double.IsFinite(c)) throw new ArgumentException("values must be finite");
        double type = coefficients[0];
        if (type != Math.Floor(type) || type < 1 || type > 4)
            throw new ArgumentException("type must be 1 (uniform), 2 (Gaussian), 3 (exponential) or 4 (Poisson)");
        _type = (int)type;
        _ts = coefficients[1];
        _td = Arg(coefficients, 2, 0);
        _p1 = Arg(coefficients, 3, 1);
        _p2 = Arg(coefficients, 4, 0);
        if (!(_ts > 0)) throw new ArgumentException("ts must be positive");
        if (_td < 0) throw new ArgumentException("td must not be negative");
        if (_type == 4 && _p1 < 0) throw new ArgumentException("the Poisson mean (param1) must not be negative");
        _seed = seed;
    }

    /// <summary>The same random values on top of a constant (the source's dc value, which ngspice 39 adds).</summary>
    public TrrandomWaveform WithOffset(double offset)
    {
        var copy = (TrrandomWaveform)MemberwiseClone();
        copy._offset = offset;
        return copy;
    }

    Waveform IAddsToDcValue.WithOffset(double offset) => WithOffset(offset);

    /// <inheritdoc />
    public override void Prepare(TransientSpec spec, List<double> breakpoints)
    {
        _draws = [];
        if (!(spec.Stop > _td)) return;
        double count = Math.Ceiling((spec.Stop - _td) / _ts);
        long cap = Math.Min(spec.MaxBreakpoints, 1 << 28);
        if (count > cap)
            throw new SimulationLimitException($"transient: TRRANDOM with ts = {_ts:G3} s needs {count:G3} values before the stop time, " +
                $"more than {cap} (the limit for this analysis)", "transient");
        int n = (int)count;
        var random = new Random(_seed);
        _draws = new double[n];
        for (int k = 0; k < n; k++) _draws[k] = Draw(random);
        for (int k = 0; k <= n; k++)
        {
            double t = _td + k * _ts;
            if (t > spec.Stop) break;
            if (t > 0) breakpoints.Add(t);
        }
    }

    /// <inheritdoc />
    public override double Value(double t)
    {
        if (t <= _td || _draws.Length == 0) return _offset + _p2;
        double x = Math.Ceiling((t - _td) / _ts) - 1;
        int k = (int)Math.Clamp(x, 0, _draws.Length - 1);
        return _offset + _draws[k];
    }

    private double Draw(Random random) => _type switch
    {
        1 => _p2 + _p1 * (2 * random.NextDouble() - 1),
        2 => _p2 + _p1 * Gaussian(random),
        3 => _p2 - _p1 * Math.Log(1 - random.NextDouble()),
        _ => _p2 + Poisson(random, _p1),
    };

    /// <summary>A standard normal sample (Box–Muller).</summary>
    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// A Poisson sample of mean <paramref name="lambda"/>: a sum of independent Poisson samples of means ≤ 30 (a
    /// Poisson sum is Poisson), each by Knuth's method (count uniforms until their product falls below e^−λ).
    /// </summary>
    private static double Poisson(Random random, double lambda)
    {
        if (lambda > ExactPoissonLimit)
            return Math.Max(0, Math.Round(lambda + Math.Sqrt(lambda) * Gaussian(random)));
        double total = 0;
        while (lambda > 0)
        {
            double piece = Math.Min(lambda, 30);
            lambda -= piece;
            double limit = Math.Exp(-piece), product = random.NextDouble();
            int k = 0;
            while (product > limit) { k++; product *= random.NextDouble(); }
            total += k;
        }
        return total;
    }
}
