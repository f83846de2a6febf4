namespace Perovspice.Engine;

/// <summary>
/// What an unknown measures. The kind sets its absolute convergence tolerance in Newton and its weight in
/// the transient truncation-error estimate (volts use vntol, amperes abstol, dimensionless states their own).
/// </summary>
public enum UnknownKind
{
    /// <summary>A node voltage (V): tolerance vntol.</summary>
    Voltage,
    /// <summary>A branch current (A): tolerance abstol.</summary>
    Current,
    /// <summary>A charge (C): tolerance chgtol.</summary>
    Charge,
    /// <summary>A dimensionless device state such as an occupation 0..1: tolerance statetol (1e-9).</summary>
    State,
    /// <summary>A time derivative the integration formula computes (a behavioural ddt: s = dQ/dt): an algebraic
    /// output, not a state, so it is left out of the truncation-error estimate (with the trapezoidal rule such a
    /// derivative carries a bounded alternating error that a smaller step does not remove). Newton tolerance vntol.</summary>
    Rate,
}
