namespace Perovspice.Devices.Behavioral;

/// <summary>
/// The expression of a behavioural source, compiled: its value and its exact gradient with respect to each
/// input, at given input values and time. Implementations are evaluated once per Newton iteration, so they must
/// not parse or allocate per call. An instance belongs to one device (it may keep scratch buffers).
/// </summary>
public interface IBehavioralFunction
{
    /// <summary>The quantities the expression reads, in the order of the <c>inputs</c> and <c>gradient</c>
    /// spans of <see cref="Evaluate"/>.</summary>
    IReadOnlyList<ControlInput> Inputs { get; }

    /// <summary>Evaluates the expression.</summary>
    /// <param name="inputs">Values of <see cref="Inputs"/> (volts, amperes).</param>
    /// <param name="time">Simulated time (0 in dc).</param>
    /// <param name="gradient">Receives ∂value/∂input for every input (every entry is written).</param>
    /// <returns>The value (volts for a <c>V=</c> source, amperes for an <c>I=</c> source).</returns>
    /// <exception cref="BehavioralDomainException">An operation outside its domain: logarithm or square root
    /// of a negative value, division by zero, a negative base to a non-integer power.</exception>
    double Evaluate(ReadOnlySpan<double> inputs, double time, Span<double> gradient);
}

/// <summary>An expression evaluated outside its domain (the message says which operation and value).</summary>
public sealed class BehavioralDomainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BehavioralDomainException(string message) : base(message) { }
}
