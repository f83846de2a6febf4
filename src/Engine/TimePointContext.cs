namespace Perovspice.Engine;

/// <summary>
/// What a device sees in <see cref="Device.AcceptTimePoint"/>: an accepted transient time point, and the two ways
/// a device can steer the rest of the run from there: add a breakpoint (a future time the integration must land
/// on, e.g. a delayed waveform corner) or signal that its equations changed discontinuously at this point (a
/// switch flipped), after which the integration restarts at order 1 as after a breakpoint.
/// </summary>
public sealed class TimePointContext
{
    private readonly List<double> _breakpoints = new();

    internal TimePointContext() { }

    /// <summary>The accepted time.</summary>
    public double Time { get; private set; }

    /// <summary>The accepted solution (index 0 is ground). Read only: it belongs to the analysis.</summary>
    public double[] X { get; private set; } = Array.Empty<double>();

    /// <summary>True at t = 0 and when the point landed on a breakpoint (a discontinuity signalled by a device
    /// at this same point is not included; see <see cref="PreviousStartedSegment"/>).</summary>
    public bool IsBreakpoint { get; private set; }

    /// <summary>True when the previous accepted point started a new integration segment: t = 0, a breakpoint,
    /// or a point at which some device signalled a discontinuity. A device that looks for corners of its
    /// waveforms (slope changes) can test the previous point with the slopes on both sides of it.</summary>
    public bool PreviousStartedSegment { get; private set; }

    internal bool Discontinuity { get; private set; }
    internal List<double> NewBreakpoints => _breakpoints;

    /// <summary>Asks the integration to land exactly on time <paramref name="time"/> (ignored when it is not
    /// after the current point, or beyond tstop).</summary>
    public void AddBreakpoint(double time)
    {
        if (double.IsFinite(time) && time > Time) _breakpoints.Add(time);
    }

    /// <summary>Says that the device's equations change discontinuously at this point (a switch changed state):
    /// the next step restarts the integration at order 1 with a short step.</summary>
    public void SignalDiscontinuity() => Discontinuity = true;

    internal void Reset(double time, double[] x, bool isBreakpoint, bool previousStartedSegment)
    {
        Time = time;
        X = x;
        IsBreakpoint = isBreakpoint;
        PreviousStartedSegment = previousStartedSegment;
        Discontinuity = false;
        _breakpoints.Clear();
    }
}
