namespace Perovspice.Engine;

/// <summary>An independent source whose dc value a sweep can set.</summary>
public interface IDcSource
{
    /// <summary>The source's dc value (V or A).</summary>
    double DcValue { get; set; }
}

/// <summary>One swept source of a dc sweep: values start, start+step, … up to stop.</summary>
/// <param name="Source">Name of an independent source.</param>
/// <param name="Start">First value.</param>
/// <param name="Stop">Last value (included when the steps reach it within rounding).</param>
/// <param name="Step">Increment (its sign matches Stop − Start).</param>
public sealed record DcSweepSpec(string Source, double Start, double Stop, double Step)
{
    /// <summary>When set, the exact values swept in this order (Start, Stop and Step are then ignored).</summary>
    public IReadOnlyList<double>? Points { get; init; }

    /// <summary>The sweep's values, SPICE style (the end point included within rounding).</summary>
    public double[] Values()
    {
        if (Points is not null) return Points.ToArray();
        double count = PointCount();
        if (count > Array.MaxLength) throw new SimulationLimitException($"sweep of {Source}: {count:G3} points is more than an array holds", null);
        int n = (int)count;
        if (n == 1) return new[] { Start };
        var v = new double[n];
        for (int k = 0; k < n; k++) v[k] = Start + k * Step;
        return v;
    }

    /// <summary>The number of values, computed in floating point (so it cannot overflow; may be +∞).</summary>
    public double PointCount()
    {
        if (Points is not null) return Points.Count;
        if (Step == 0 || !double.IsFinite(Step)) return 1;
        double span = (Stop - Start) / Step;
        if (double.IsNaN(span) || span < -1e-9) return 1;
        return Math.Floor(span + 1e-9) + 1;
    }
}

/// <summary>A transient analysis: print step, stop time, optional start time and maximum step, uic.</summary>
public sealed record TransientSpec(double Step, double Stop, double Start = 0, double? MaxStep = null, bool UseInitialConditions = false)
{
    /// <summary>Most breakpoints a waveform adds (the transient fails when there are more than it may take points);
    /// set by the transient from <see cref="SimulationOptions.MaxPoints"/>.</summary>
    public long MaxBreakpoints { get; init; } = long.MaxValue;

    /// <summary>The largest internal step: tmax when given, else min(tstep, (tstop − tstart)/50) as ngspice.</summary>
    public double EffectiveMaxStep => MaxStep is > 0 ? MaxStep.Value : Math.Min(Step, (Stop - Start) / 50);
}

/// <summary>How an ac sweep spaces its frequencies (the netlist's <c>dec</c>, <c>oct</c>, <c>lin</c>).</summary>
public enum AcSweepKind
{
    /// <summary>Points per decade.</summary>
    Decade,
    /// <summary>Points per octave.</summary>
    Octave,
    /// <summary>Total points, linearly spaced.</summary>
    Linear,
    /// <summary>Points per decade (<c>dec</c>; the same as <see cref="Decade"/>).</summary>
    Dec = Decade,
    /// <summary>Points per octave (<c>oct</c>; the same as <see cref="Octave"/>).</summary>
    Oct = Octave,
    /// <summary>Total points, linear (<c>lin</c>; the same as <see cref="Linear"/>).</summary>
    Lin = Linear,
}

/// <summary>An ac analysis.</summary>
public sealed record AcSpec(AcSweepKind Kind, int Points, double FStart, double FStop)
{
    /// <summary>When set, the exact frequencies in Hz in this order (the sweep fields are then ignored).</summary>
    public IReadOnlyList<double>? List { get; init; }

    /// <summary>The frequencies in Hz, as ngspice lists them.</summary>
    public double[] Frequencies()
    {
        if (List is not null) return List.ToArray();
        double count = PointCount();
        if (count > Array.MaxLength) throw new SimulationLimitException($"ac sweep: {count:G3} points is more than an array holds", "ac analysis");
        var list = new List<double>();
        switch (Kind)
        {
            case AcSweepKind.Linear:
                if (Points == 1) return new[] { FStart };
                for (int k = 0; k < Points; k++) list.Add(FStart + (FStop - FStart) * k / (Points - 1));
                break;
            default:
                double radix = Kind == AcSweepKind.Decade ? 10 : 2;
                double span = Math.Log(FStop / FStart) / Math.Log(radix) * Points;
                int n = (int)Math.Floor(span + 1e-6) + 1;
                // radix^(k/n) rather than exp(k·ln(radix)/n): whole decades come out exact (0.1, 1, 10 …).
                for (int k = 0; k < n; k++) list.Add(FStart * Math.Pow(radix, (double)k / Points));
                break;
        }
        return list.ToArray();
    }

    /// <summary>The number of frequencies, computed in floating point (so it cannot overflow; may be +∞).</summary>
    public double PointCount()
    {
        if (List is not null) return List.Count;
        if (Kind == AcSweepKind.Linear || Points < 1) return Math.Max(Points, 1);
        double radix = Kind == AcSweepKind.Decade ? 10 : 2;
        double span = Math.Log(FStop / FStart) / Math.Log(radix) * Points;
        return double.IsNaN(span) || span < 0 ? 1 : Math.Floor(span + 1e-6) + 1;
    }
}
