namespace Perovspice.Netlist.Expressions;

/// <summary>The built-in functions and constants of the expression language.</summary>
internal static class Functions
{
    /// <summary>Names of the built-in functions with their allowed argument counts.</summary>
    public static readonly IReadOnlyDictionary<string, (int min, int max)> Arity = new Dictionary<string, (int, int)>
    {
        ["exp"] = (1, 1), ["ln"] = (1, 1), ["log"] = (1, 1), ["log10"] = (1, 1), ["sqrt"] = (1, 1),
        ["abs"] = (1, 1), ["sin"] = (1, 1), ["cos"] = (1, 1), ["tan"] = (1, 1), ["atan"] = (1, 1),
        ["sinh"] = (1, 1), ["cosh"] = (1, 1), ["tanh"] = (1, 1),
        ["min"] = (2, int.MaxValue), ["max"] = (2, int.MaxValue), ["pow"] = (2, 2),
    };

    /// <summary>Free variables a B-source expression may use (bound at simulation time).</summary>
    public static readonly IReadOnlySet<string> BehaviouralVariables = new HashSet<string> { "time", "temper", "hertz" };

    /// <summary>Built-in constants (looked up after parameters).</summary>
    public static bool TryConstant(string name, out double value)
    {
        value = name switch { "pi" => Math.PI, _ => double.NaN };
        return name == "pi";
    }

    /// <summary>Checks name and argument count; returns an error message or null.</summary>
    public static string? Check(string name, int count)
    {
        if (!Arity.TryGetValue(name, out var a)) return $"unknown function '{name}'";
        if (count < a.min || count > a.max)
        {
            string want = a.min == a.max ? $"{a.min}" : a.max == int.MaxValue ? $"at least {a.min}" : $"{a.min} to {a.max}";
            return $"function '{name}' takes {want} argument{(a.min == 1 && a.max == 1 ? "" : "s")}, found {count}";
        }
        return null;
    }

    public static double Apply(string name, IReadOnlyList<double> a) => name switch
    {
        "exp" => Math.Exp(a[0]),
        "ln" or "log" => Math.Log(a[0]),                 // log is the natural log, as in ngspice
        "log10" => Math.Log10(a[0]),
        "sqrt" => Math.Sqrt(a[0]),
        "abs" => Math.Abs(a[0]),
        "sin" => Math.Sin(a[0]),
        "cos" => Math.Cos(a[0]),
        "tan" => Math.Tan(a[0]),
        "atan" => Math.Atan(a[0]),
        "sinh" => Math.Sinh(a[0]),
        "cosh" => Math.Cosh(a[0]),
        "tanh" => Math.Tanh(a[0]),
        "min" => a.Min(),
        "max" => a.Max(),
        "pow" => Math.Pow(a[0], a[1]),
        _ => throw new InvalidOperationException(name),
    };
}
