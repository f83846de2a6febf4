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

    /// <summary>The <c>ddt(...)</c>/<c>idt(...)</c> terms the expression reads through
    /// <see cref="ControlInputKind.State"/> inputs (index = position in this list). Default: none.</summary>
    IReadOnlyList<TimeTerm> TimeTerms => Array.Empty<TimeTerm>();
}

/// <summary>Whether a time term differentiates or integrates its argument.</summary>
public enum TimeTermKind
{
    /// <summary><c>ddt(a)</c>: da/dt (0 in a dc solve; jω·a in ac).</summary>
    Derivative,
    /// <summary><c>idt(a, ic)</c>: ic + ∫₀ᵗ a dt (ic in a dc solve; a/(jω) in ac).</summary>
    Integral,
}

/// <summary>
/// A <c>ddt(a)</c> or <c>idt(a, ic)</c> inside a behavioural expression. The source gives it an internal unknown s with
/// one equation in the DAE form F + dQ/dt = 0: for ddt, F = s and Q = −a(x), so s = da/dt exactly (the integration
/// method differentiates Q, and ∂Q/∂x is a's exact gradient); for idt, Q = s and F = −a(x) in a transient (ds/dt = a),
/// F = s − ic in a dc-type solve.
/// </summary>
/// <param name="Kind">Derivative or integral.</param>
/// <param name="Argument">The argument a, compiled (its inputs are voltages and currents only).</param>
/// <param name="InitialValue">idt: the value at the operating point (and at t = 0 with uic); 0 for ddt.</param>
public sealed record TimeTerm(TimeTermKind Kind, IBehavioralFunction Argument, double InitialValue = 0);

/// <summary>An expression evaluated outside its domain (the message says which operation and value).</summary>
public sealed class BehavioralDomainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BehavioralDomainException(string message) : base(message) { }
}
