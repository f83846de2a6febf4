using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// TRNOISE(na nt [nalpha namp [rtsam rtscapt rtsemt]]), ngspice's transient noise: a sequence of samples at the
/// times k·nt, linearly interpolated between them (each k·nt is a breakpoint), made of
/// <list type="bullet">
/// <item>white Gaussian noise of rms <c>na</c>;</item>
/// <item>1/f^α noise (0 &lt; α = nalpha &lt; 2) of amplitude <c>namp</c>: white Gaussian samples of rms namp filtered by
/// Kasdin's fractional-integration coefficients h₀ = 1, h_k = h_{k−1}·(α/2 + k − 1)/k (N. J. Kasdin, "Discrete
/// simulation of colored noise and stochastic processes and 1/f^α power law noise generation", Proc. IEEE 83 (5),
/// 802–827, 1995, eq. 116), whose power spectrum falls as f^−α;</item>
/// <item>a random telegraph signal between 0 and <c>rtsam</c>, dwelling exponentially distributed times of mean
/// <c>rtscapt</c> at 0 and <c>rtsemt</c> at rtsam (each switch a breakpoint; it starts at 0).</item>
/// </list>
/// The noise is 0 at t ≤ 0 and adds to the source's dc value (<see cref="WithOffset"/>), as in ngspice 39, so the
/// operating point sees the dc value. The sequence comes from a generator seeded by
/// <c>seed</c> (the binder derives it from the element's name), so a run is reproducible and two sources are
/// independent; ngspice draws from its own generator, so the samples (not their statistics) differ from ngspice's.
/// </summary>
public sealed class TrnoiseWaveform : Waveform, IAddsToDcValue
{
    private readonly double _na, _nt, _alpha, _namp, _rtsAmp, _rtsCapture, _rtsEmission;
    private readonly int _seed;
    private double _offset;
    private double[] _samples = [];
    private double[] _switches = [];
    /// <summary>Most samples of 1/f noise (its FFT work space is 64 bytes per sample).</summary>
    public const int MaxFlickerSamples = 1 << 22;

    /// <summary>Creates the waveform from its coefficient list (na and nt at least) and a seed.</summary>
    public TrnoiseWaveform(IReadOnlyList<double> coefficients, int seed)
    {
        if (coefficients.Count < 2) throw new ArgumentException("TRNOISE needs at least na and nt");
        if (coefficients.Count > 7) throw new ArgumentException("TRNOISE takes at most 7 values (na nt nalpha namp rtsam rtscapt rtsemt)");
        foreach (double c in coefficients)
            if (!double.IsFinite(c)) throw new ArgumentException("values must be finite");
        _na = coefficients[0];
        _nt = coefficients[1];
        _alpha = Arg(coefficients, 2, 0);
        _namp = Arg(coefficients, 3, 0);
        _rtsAmp = Arg(coefficients, 4, 0);
        _rtsCapture = Arg(coefficients, 5, 0);
        _rtsEmission = Arg(coefficients, 6, 0);
        if (_nt < 0) throw new ArgumentException("nt must not be negative");
        if (_alpha < 0 || _alpha >= 2) throw new ArgumentException("nalpha must be in [0, 2)");
        if (_rtsCapture < 0 || _rtsEmission < 0) throw new ArgumentException("rtscapt and rtsemt must not be negative");
        _seed = seed;
    }

    /// <summary>The same noise on top of a constant (the source's dc value, which ngspice 39 adds to TRNOISE).</summary>
    public TrnoiseWaveform WithOffset(double offset)
    {
        var copy = (TrnoiseWaveform)MemberwiseClone();
        copy._offset = offset;
        return copy;
    }

    Waveform IAddsToDcValue.WithOffset(double offset) => WithOffset(offset);

    /// <inheritdoc />
    public override void Prepare(TransientSpec spec, List<double> breakpoints)
    {
        var random = new Random(_seed);
        _samples = [];
        bool white = _na != 0, pink = _namp != 0 && _alpha > 0;
        if (_nt > 0 && (white || pink))
        {
            // samples 0..n−1 cover [0, stop]; one breakpoint each, so more than the breakpoint limit fails here,
            // before anything is allocated (as the transient's own breakpoint check would, after)
            double count = Math.Ceiling(spec.Stop / _nt) + 1;
            if (count - 1 > Math.Min(spec.MaxBreakpoints, 1 << 28))
                throw new SimulationLimitException($"transient: TRNOISE with nt = {_nt:G3} s needs {count - 1:G3} samples before the stop time, " +
                    $"more than {Math.Min(spec.MaxBreakpoints, 1 << 28)} (the limit for this analysis)", "transient");
            int n = (int)count;
            // the 1/f part is one FFT convolution over all samples (two complex arrays of twice their length)
            if (pink && n - 1 > MaxFlickerSamples)
                throw new SimulationLimitException($"transient: TRNOISE 1/f noise with nt = {_nt:G3} s needs {n - 1} samples before " +
                    $"the stop time, more than {MaxFlickerSamples} (about 270 MB of work space)", "transient");
            _samples = new double[n];
            if (white)
                for (int k = 1; k < n; k++) _samples[k] = _na * Gaussian(random);
            if (pink)
            {
                var flicker = Kasdin(n, _alpha, _namp, random);
                for (int k = 1; k < n; k++) _samples[k] += flicker[k] - flicker[0];
            }
            for (int k = 1; k < n; k++) breakpoints.Add(k * _nt);
        }
        _switches = [];
        if (_rtsAmp != 0 && _rtsCapture > 0 && _rtsEmission > 0)
        {
            var times = new List<double>();
            double t = 0;
            bool high = false;
            long cap = Math.Min(spec.MaxBreakpoints, 1 << 28);
            while (true)
            {
                if (times.Count > cap)
                    throw new SimulationLimitException($"transient: the TRNOISE telegraph signal switches more than {cap} times " +
                        "before the stop time (the limit for this analysis)", "transient");
                t += -(high ? _rtsEmission : _rtsCapture) * Math.Log(1 - random.NextDouble());
                if (!(t <= spec.Stop)) break;
                times.Add(t);
                high = !high;
            }
            _switches = times.ToArray();
            breakpoints.AddRange(_switches);
        }
    }

    /// <inheritdoc />
    public override double Value(double t)
    {
        double v = _offset;
        if (_samples.Length > 0 && t > 0)
        {
            double x = t / _nt;
            int k = (int)Math.Min(Math.Floor(x), _samples.Length - 1);
            v += k >= _samples.Length - 1 ? _samples[^1] : _samples[k] + (_samples[k + 1] - _samples[k]) * (x - k);
        }
        if (_switches.Length > 0 && t > 0)
        {
            int i = Array.BinarySearch(_switches, t);
            int passed = i >= 0 ? i + 1 : ~i;   // switches at or before t
            if (passed % 2 == 1) v += _rtsAmp;
        }
        return v;
    }

    /// <summary>A standard normal sample (Box–Muller).</summary>
    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>n samples of 1/f^α noise: white samples of rms <paramref name="amplitude"/> convolved (causally, by FFT)
    /// with Kasdin's coefficients.</summary>
    private static double[] Kasdin(int n, double alpha, double amplitude, Random random)
    {
        int size = 1;
        while (size < 2 * n) size <<= 1;
        var h = new Complex[size];
        var w = new Complex[size];
        double hk = 1;
        for (int k = 0; k < n; k++)
        {
            if (k > 0) hk *= (alpha / 2 + k - 1) / k;
            h[k] = hk;
            w[k] = amplitude * Gaussian(random);
        }
        Fourier.Forward(h, FourierOptions.NoScaling);
        Fourier.Forward(w, FourierOptions.NoScaling);
        for (int k = 0; k < size; k++) h[k] *= w[k];
        Fourier.Inverse(h, FourierOptions.NoScaling);
        var y = new double[n];
        for (int k = 0; k < n; k++) y[k] = h[k].Real / size;
        return y;
    }
}
