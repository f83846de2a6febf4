namespace Perovspice.Netlist.Expressions;

/// <summary>
/// The built-in functions and constants of the expression language, with ngspice 39 semantics where ngspice
/// has the function (checked against ngspice 39, see tests/Netlist.Tests/References/functions.*):
/// <list type="bullet">
/// <item><c>log</c> and <c>ln</c> are the natural logarithm; <c>log10</c> the decimal one.</item>
/// <item><c>nint</c> rounds to the nearest integer, halves to even (nint(2.5) = 2, nint(-0.5) = 0), as ngspice;
/// <c>int</c> truncates toward zero; <c>floor</c>, <c>ceil</c> as in C.</item>
/// <item><c>sgn(0)</c> = 0; <c>u(x)</c> = 1 for x &gt; 0 else 0; <c>uramp(x)</c> = max(x, 0).</item>
/// <item><c>pwr(x,y)</c> = sign(x)·|x|^y (as ngspice's B sources); <c>pow(x,y)</c> = x^y (see OpMath for
/// negative bases).</item>
/// <item><c>limit(x,a,b)</c> = min(max(x,a),b). (ngspice 39 does not clamp: its B sources return x and its
/// .param returns x+b; this is the documented meaning, kept deliberately.)</item>
/// <item>With two arguments <c>limit(nom, abs)</c> is the Monte-Carlo function; it and <c>gauss</c>, <c>agauss</c>,
/// <c>unif</c>, <c>aunif</c> are evaluated by <see cref="RandomFunctions"/>.</item>
/// <item>Extensions not in ngspice 39 (which reports them as unknown): <c>atan2(y,x)</c>, <c>if(c,a,b)</c>
/// (same as <c>c ? a : b</c>).</item>
/// </list>
/// </summary>
internal static class Functions
{
    private const int Many = int.MaxValue;

    /// <summary>Names of the built-in functions with their allowed argument counts.</summary>
    public static readonly IReadOnlyDictionary<string, (int min, int max)> Arity = new Dictionary<string, (int, int)>
    {
        ["exp"] = (1, 1), ["ln"] = (1, 1), ["log"] = (1, 1), ["log10"] = (1, 1), ["sqrt"] = (1, 1),
        ["abs"] = (1, 1), ["sqr"] = (1, 1), ["arctan"] = (1, 1), ["sin"] = (1, 1), ["cos"] = (1, 1), ["tan"] = (1, 1), ["atan"] = (1, 1),
        ["asin"] = (1, 1), ["acos"] = (1, 1), ["sinh"] = (1, 1), ["cosh"] = (1, 1), ["tanh"] = (1, 1),
        ["asinh"] = (1, 1), ["acosh"] = (1, 1), ["atanh"] = (1, 1),
        ["floor"] = (1, 1), ["ceil"] = (1, 1), ["nint"] = (1, 1), ["int"] = (1, 1), ["sgn"] = (1, 1),
        ["u"] = (1, 1), ["uramp"] = (1, 1), ["u2"] = (1, 1),
        ["eq0"] = (1, 1), ["ne0"] = (1, 1), ["gt0"] = (1, 1), ["lt0"] = (1, 1), ["ge0"] = (1, 1), ["le0"] = (1, 1),
        ["pwl"] = (5, Many),
        ["min"] = (1, Many), ["max"] = (1, Many), ["pow"] = (2, 2), ["pwr"] = (2, 2), ["atan2"] = (2, 2),
        ["limit"] = (2, 3), ["if"] = (3, 3),
        ["gauss"] = (2, 3), ["agauss"] = (2, 3), ["unif"] = (2, 2), ["aunif"] = (2, 2),
    };

    /// <summary>B-source functions that need the time history (handled by the behavioural compiler only).</summary>
    public static readonly IReadOnlyDictionary<string, (int min, int max)> TimeFunctions = new Dictionary<string, (int, int)>
    {
        ["ddt"] = (1, 1), ["idt"] = (1, 2), ["sdt"] = (1, 2),
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
    public static string? Check(string name, int count, bool behavioural = false)
    {
        if (behavioural && RandomFunctions.IsRandom(name, count))
            return $"random function '{name}(...)' is not allowed in B-source expressions (use it in a .param)";
        if (!Arity.TryGetValue(name, out var a) && !(behavioural && TimeFunctions.TryGetValue(name, out a)))
            return TimeFunctions.ContainsKey(name) ? $"'{name}(...)' is only allowed in B-source expressions" : $"unknown function '{name}'";
        return CheckCount(name, count, a.min, a.max);
    }

    /// <summary>The message for a wrong argument count, or null.</summary>
    public static string? CheckCount(string name, int count, int min, int max)
    {
        if (count >= min && count <= max) return null;
        string want = min == max ? $"{min}" : max == Many ? $"at least {min}" : $"{min} to {max}";
        return $"function '{name}' takes {want} argument{(min == 1 && max == 1 ? "" : "s")}, found {count}";
    }

    /// <summary>Sign-preserving power: sign(x)·|x|^y.</summary>
    public static double Pwr(double x, double y) =>
        double.IsNaN(x) ? double.NaN : x == 0 ? (y > 0 ? 0 : y == 0 ? 1 : double.PositiveInfinity) : Math.Sign(x) * Math.Pow(Math.Abs(x), y);

    /// <summary>Evaluates a built-in on numbers (parameter expressions; <c>if</c> is handled by the caller).</summary>
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
        "atan" or "arctan" => Math.Atan(a[0]),
        "sqr" => a[0] * a[0],
        "asin" => Math.Asin(a[0]),
        "acos" => Math.Acos(a[0]),
        "sinh" => Math.Sinh(a[0]),
        "cosh" => Math.Cosh(a[0]),
        "tanh" => Math.Tanh(a[0]),
        "asinh" => Math.Asinh(a[0]),
        "acosh" => Math.Acosh(a[0]),
        "atanh" => Math.Atanh(a[0]),
        "floor" => Math.Floor(a[0]),
        "ceil" => Math.Ceiling(a[0]),
        "nint" => Math.Round(a[0], MidpointRounding.ToEven),
        "int" => Math.Truncate(a[0]),
        "sgn" => double.IsNaN(a[0]) ? double.NaN : Math.Sign(a[0]),
        "u" => a[0] > 0 ? 1 : a[0] < 0 ? 0 : a[0] == 0 ? 0.5 : double.NaN,
        "u2" => a[0] > 1 ? 1 : a[0] > 0 ? a[0] : 0,
        "eq0" => a[0] == 0 ? 1 : 0,
        "ne0" => a[0] != 0 ? 1 : 0,
        "gt0" => a[0] > 0 ? 1 : 0,
        "lt0" => a[0] < 0 ? 1 : 0,
        "ge0" => a[0] >= 0 ? 1 : 0,
        "le0" => a[0] <= 0 ? 1 : 0,
        "pwl" => Pwl(a),
        "uramp" => a[0] > 0 ? a[0] : 0,
        "min" => a.Min(),
        "max" => a.Max(),
        "pow" => Math.Pow(a[0], a[1]),
        "pwr" => Pwr(a[0], a[1]),
        "atan2" => Math.Atan2(a[0], a[1]),
        "limit" => Math.Min(Math.Max(a[0], a[1]), a[2]),
        _ => throw new InvalidOperationException(name),
    };

    /// <summary>ngspice's B-source <c>pwl(x, x1, y1, x2, y2, ...)</c>: linear interpolation in the (xk, yk) table
    /// (xk ascending), extended beyond both ends along the first and last segments (ngspice 39's bxpressn-1 test).</summary>
    public static double Pwl(IReadOnlyList<double> a)
    {
        double x = a[0];
        int n = (a.Count - 1) / 2;
        int k = 1;   // segment k joins points k-1 and k (0-based), the first one whose right end exceeds x
        while (k < n - 1 && x >= a[1 + 2 * k]) k++;
        double x0 = a[1 + 2 * (k - 1)], y0 = a[2 + 2 * (k - 1)], x1 = a[1 + 2 * k], y1 = a[2 + 2 * k];
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }
}
