using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>What an independent source produces: a dc value, an ac phasor, and an optional waveform.</summary>
public sealed class SourceValue
{
    /// <summary>The dc value (used by .op and .dc; a waveform's t = 0 value when no dc value was given).</summary>
    public double Dc { get; set; }
    /// <summary>Ac magnitude.</summary>
    public double AcMagnitude { get; init; }
    /// <summary>Ac phase in degrees.</summary>
    public double AcPhase { get; init; }
    /// <summary>The transient waveform, or null for a constant.</summary>
    public Waveform? Waveform { get; init; }

    /// <summary>The ac phasor.</summary>
    public Complex AcPhasor => Complex.FromPolarCoordinates(AcMagnitude, AcPhase * Math.PI / 180);

    /// <summary>The value the analysis in <paramref name="c"/> sees, scaled by source stepping.</summary>
    public double At(LoadContext c)
    {
        double v = c.Mode == AnalysisMode.Transient && Waveform != null ? Waveform.Value(c.Time) : Dc;
        return v * c.SourceFactor;
    }
}
