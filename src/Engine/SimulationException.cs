namespace Perovspice.Engine;

/// <summary>
/// A simulation that failed: no convergence, a singular matrix, a time step too small. The message says which
/// analysis, at what time or sweep value, and which unknown (node, branch or device state) was worst.
/// </summary>
public sealed class SimulationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationException(string message) : base(message) { }
}
