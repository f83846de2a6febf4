namespace Perovspice.Netlist.Expressions;

/// <summary>An evaluation error at a character offset of the expression's logical line.</summary>
internal sealed class ExpressionException : Exception
{
    public ExpressionException(string message, int offset) : base(message) { Offset = offset; }
    public int Offset { get; }
}

/// <summary>
/// Thrown when an expression uses a parameter whose own definition already failed (and was
/// reported); the use is dropped silently to avoid cascades of errors.
/// </summary>
internal sealed class PoisonedValueException : Exception
{
}

/// <summary>Looks up a parameter value; returns false when the name is not defined.</summary>
internal interface IParameterLookup
{
    /// <summary>
    /// May throw <see cref="ExpressionException"/> (cycle) or <see cref="PoisonedValueException"/>.
    /// </summary>
    bool TryGet(string name, out double value);
}
