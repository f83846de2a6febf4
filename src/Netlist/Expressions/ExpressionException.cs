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

    /// <summary>The circuit temperature in °C that <c>temper</c> reads outside B sources (null: not known here).</summary>
    double? Temperature => null;

    /// <summary>Finds a user function (<c>.func</c>, <c>.param f(x)=...</c>) visible here, with the lookup its body's
    /// free names resolve in. Default: none.</summary>
    bool TryGetFunction(string name, out UserFunction? function, out IParameterLookup? definitionScope)
    {
        function = null; definitionScope = null;
        return false;
    }
}

/// <summary>A user-defined function: formal parameter names and a body expression (offsets in its own line).</summary>
internal sealed record UserFunction(string Name, IReadOnlyList<string> Formals, Expr Body);

/// <summary>The lookup inside a user function's body: formals bound to values, then the defining scope.</summary>
internal sealed class BoundLookup : IParameterLookup
{
    private readonly UserFunction _f;
    private readonly double[] _values;
    private readonly IParameterLookup _outer;

    public BoundLookup(UserFunction f, double[] values, IParameterLookup outer) { _f = f; _values = values; _outer = outer; }

    public bool TryGet(string name, out double value)
    {
        for (int k = 0; k < _f.Formals.Count; k++)
            if (_f.Formals[k] == name) { value = _values[k]; return true; }
        return _outer.TryGet(name, out value);
    }

    public bool TryGetFunction(string name, out UserFunction? function, out IParameterLookup? definitionScope) =>
        _outer.TryGetFunction(name, out function, out definitionScope);

    public double? Temperature => _outer.Temperature;
}
