using Perovspice.Engine;

namespace Perovspice.Cli.Fitting;

/// <summary>
/// A device without terminals or equations whose only effect is to make the transient analysis land exactly on the
/// data times (breakpoints), so that the model at those times is a simulated point, not an interpolation across a step.
/// </summary>
internal sealed class TimeBreakpoints : Device
{
    private readonly double[] _times;

    /// <summary>Creates the marker for the given times (s).</summary>
    public TimeBreakpoints(string name, IEnumerable<double> times) : base(name) { _times = times.ToArray(); }

    /// <inheritdoc/>
    public override void Setup(SetupContext context) { }

    /// <inheritdoc/>
    public override void Load(LoadContext context) { }

    /// <inheritdoc/>
    public override void BeginTransient(TransientSpec spec, List<double> breakpoints) => breakpoints.AddRange(_times);
}
