namespace Perovspice.Engine;

/// <summary>
/// A simulation that failed: no convergence, a singular matrix, a time step too small. The message says which
/// analysis, at what time or sweep value, and which unknown (node, branch or device state) was worst; the same facts
/// are in <see cref="Analysis"/>, <see cref="Time"/>, <see cref="SweepValue"/> and <see cref="Unknown"/> when known.
/// Catch this type for every simulation failure, or one of its subclasses for a particular one.
/// </summary>
public class SimulationException : Exception
{
    /// <summary>Creates the exception with a message only.</summary>
    public SimulationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the facts it states.</summary>
    /// <param name="message">The full message (it names the analysis, point and unknown itself).</param>
    /// <param name="analysis">The analysis that failed, e.g. "operating point", "dc sweep", "transient".</param>
    /// <param name="time">The simulated time of the failure (transient), else null.</param>
    /// <param name="sweepValue">The swept value (dc/hopf: the first source's value; ac: the frequency), else null.</param>
    /// <param name="unknown">The node, branch or state involved, e.g. "out" or "v1#branch", else null.</param>
    /// <param name="inner">The exception that caused this one, or null.</param>
    public SimulationException(string message, string? analysis, double? time = null, double? sweepValue = null,
        string? unknown = null, Exception? inner = null) : base(message, inner)
    {
        Analysis = analysis;
        Time = time;
        SweepValue = sweepValue;
        Unknown = unknown;
    }

    /// <summary>The analysis that failed ("operating point", "transient operating point", "dc sweep", "transient",
    /// "ac analysis", "hopf analysis", "transfer function", "pole-zero analysis"), or null when not known.</summary>
    public string? Analysis { get; init; }

    /// <summary>The simulated time in s where a transient failed, or null.</summary>
    public double? Time { get; init; }

    /// <summary>The swept value where a sweep failed (dc and hopf: the first swept source's value; ac: the frequency
    /// in Hz), or null.</summary>
    public double? SweepValue { get; init; }

    /// <summary>The name of the unknown involved (a node such as "out", a branch such as "v1#branch", or a device
    /// state), or null when none is named.</summary>
    public string? Unknown { get; init; }
}

/// <summary>Newton's iteration did not converge (also after gmin and source stepping in dc).
/// <see cref="SimulationException.Unknown"/> names the unknown with the largest last step.</summary>
public class NoConvergenceException : SimulationException
{
    /// <inheritdoc cref="SimulationException(string, string?, double?, double?, string?, Exception?)"/>
    public NoConvergenceException(string message, string? analysis, double? time = null, double? sweepValue = null,
        string? unknown = null, Exception? inner = null) : base(message, analysis, time, sweepValue, unknown, inner) { }
}

/// <summary>The circuit's matrix is singular (a floating node, a loop of voltage sources, two sources in parallel);
/// <see cref="SimulationException.Unknown"/> names the unknown whose pivot vanished.</summary>
public class SingularMatrixException : SimulationException
{
    /// <inheritdoc cref="SimulationException(string, string?, double?, double?, string?, Exception?)"/>
    public SingularMatrixException(string message, string? analysis, double? time = null, double? sweepValue = null,
        string? unknown = null, Exception? inner = null) : base(message, analysis, time, sweepValue, unknown, inner) { }
}

/// <summary>A value became infinite or NaN (an unknown during Newton, or an output quantity).</summary>
public class NonFiniteValueException : SimulationException
{
    /// <inheritdoc cref="SimulationException(string, string?, double?, double?, string?, Exception?)"/>
    public NonFiniteValueException(string message, string? analysis, double? time = null, double? sweepValue = null,
        string? unknown = null, Exception? inner = null) : base(message, analysis, time, sweepValue, unknown, inner) { }
}

/// <summary>The transient's step fell below its minimum (Newton kept failing, or the truncation error stayed too
/// large); <see cref="SimulationException.Time"/> is the time it tried to reach.</summary>
public class TimestepTooSmallException : SimulationException
{
    /// <inheritdoc cref="SimulationException(string, string?, double?, double?, string?, Exception?)"/>
    public TimestepTooSmallException(string message, string? analysis, double? time = null, double? sweepValue = null,
        string? unknown = null, Exception? inner = null) : base(message, analysis, time, sweepValue, unknown, inner) { }
}

/// <summary>An analysis would exceed a limit (<see cref="SimulationOptions.MaxPoints"/>, the dense eigenvalue size).</summary>
public class SimulationLimitException : SimulationException
{
    /// <inheritdoc cref="SimulationException(string, string?, double?, double?, string?, Exception?)"/>
    public SimulationLimitException(string message, string? analysis, double? time = null, double? sweepValue = null,
        string? unknown = null, Exception? inner = null) : base(message, analysis, time, sweepValue, unknown, inner) { }
}
