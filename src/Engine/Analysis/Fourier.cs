namespace Perovspice.Engine.Analysis;

/// <summary>One harmonic of a <see cref="Fourier"/> analysis.</summary>
/// <param name="Index">Harmonic number (0 = dc).</param>
/// <param name="Frequency">k·f₀ in Hz.</param>
/// <param name="Magnitude">A_k (the dc value for k = 0).</param>
/// <param name="Phase">φ_k in degrees, relative to a sine at t = 0 (0 for dc).</param>
/// <param name="NormalizedMagnitude">A_k / A_1 (0 for dc).</param>
/// <param name="NormalizedPhase">φ_k − φ_1 in degrees (0 for dc).</param>
public sealed record Harmonic(int Index, double Frequency, double Magnitude, double Phase, double NormalizedMagnitude,
    double NormalizedPhase);

/// <summary>The result of a <see cref="Fourier"/> analysis of one waveform.</summary>
/// <param name="Harmonics">Dc and the harmonics 1 … n − 1.</param>
/// <param name="ThdPercent">Total harmonic distortion √(Σ_{k≥2} A_k²)/A_1 · 100 %.</param>
public sealed record FourierResult(IReadOnlyList<Harmonic> Harmonics, double ThdPercent);

/// <summary>
/// Fourier analysis of a transient waveform (<c>.four</c>), as SPICE defines it: the last period [t_stop − T, t_stop]
/// of the fundamental (T = 1/f₀) is interpolated linearly onto a uniform grid of N points t_i = t_stop − T + i·T/N
/// (i = 0 … N − 1), and for each harmonic k the discrete sums
/// s_k = (2/N) Σ x_i sin(2πk f₀ t_i), c_k = (2/N) Σ x_i cos(2πk f₀ t_i) give
/// x(t) ≈ A₀ + Σ A_k sin(2πk f₀ t + φ_k) with A_k = √(s_k² + c_k²), φ_k = atan2(c_k, s_k); A₀ = (1/N) Σ x_i.
/// </summary>
public static class Fourier
{
    /// <summary>Analyses the waveform <paramref name="x"/>(<paramref name="time"/>).</summary>
    /// <param name="time">Increasing time points; must cover the last period.</param>
    /// <param name="x">Samples.</param>
    /// <param name="fundamental">f₀ in Hz.</param>
    /// <param name="harmonics">Number of rows including dc (ngspice's nfreqs, default 10).</param>
    /// <param name="gridSize">N (ngspice's fourgridsize, default 200).</param>
    /// <exception cref="ArgumentException">The transient is shorter than one period, or bad counts.</exception>
    public static FourierResult Analyse(IReadOnlyList<double> time, IReadOnlyList<double> x, double fundamental,
        int harmonics = 10, int gridSize = 200)
    {
        if (harmonics < 1 || gridSize < 2) throw new ArgumentException("need at least one harmonic and two grid points");
        if (time.Count < 2) throw new ArgumentException("the transient has fewer than two time points");
        double period = 1 / fundamental, stop = time[^1], start = stop - period;
        if (!double.IsFinite(period) || start < time[0] - 1e-12 * period)
            throw new ArgumentException($"the transient ({time[0]:G6} s to {stop:G6} s) is shorter than one period of {fundamental:G6} Hz");
        var grid = new double[gridSize];
        var gx = new double[gridSize];
        int seg = 0;
        for (int i = 0; i < gridSize; i++)
        {
            double t = Math.Max(start + i * period / gridSize, time[0]);
            while (seg < time.Count - 2 && time[seg + 1] <= t) seg++;
            double t0 = time[seg], t1 = time[seg + 1];
            gx[i] = t1 == t0 ? x[seg + 1] : x[seg] + (x[seg + 1] - x[seg]) * (t - t0) / (t1 - t0);
            grid[i] = t;
        }
        var rows = new Harmonic[harmonics];
        double dc = gx.Average();
        rows[0] = new Harmonic(0, 0, dc, 0, 0, 0);
        double a1 = 0, p1 = 0, distortion = 0;
        for (int k = 1; k < harmonics; k++)
        {
            double s = 0, c = 0, w = 2 * Math.PI * k * fundamental;
            for (int i = 0; i < gridSize; i++)
            {
                s += gx[i] * Math.Sin(w * grid[i]);
                c += gx[i] * Math.Cos(w * grid[i]);
            }
            s *= 2.0 / gridSize;
            c *= 2.0 / gridSize;
            double a = Math.Sqrt(s * s + c * c), phase = Math.Atan2(c, s) * 180 / Math.PI;
            if (k == 1) { a1 = a; p1 = phase; }
            else distortion += a * a;
            rows[k] = new Harmonic(k, k * fundamental, a, phase, a1 > 0 ? a / a1 : 0, phase - p1);
        }
        double thd = a1 > 0 ? Math.Sqrt(distortion) / a1 * 100 : 0;
        return new FourierResult(rows, thd);
    }
}
