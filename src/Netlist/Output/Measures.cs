using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist;

/// <summary>What a <c>.meas</c> computes.</summary>
public enum MeasureKind
{
    /// <summary><c>FIND v AT=x</c> or <c>FIND v WHEN …</c>: the value of a vector at a point.</summary>
    Find,
    /// <summary><c>WHEN v=val</c>: the abscissa (time, sweep value, frequency) of a crossing.</summary>
    When,
    /// <summary><c>TRIG … TARG …</c>: target abscissa minus trigger abscissa.</summary>
    TrigTarg,
    /// <summary><c>AVG v</c> over FROM..TO.</summary>
    Avg,
    /// <summary><c>RMS v</c> over FROM..TO.</summary>
    Rms,
    /// <summary><c>MIN v</c> over FROM..TO.</summary>
    Min,
    /// <summary><c>MAX v</c> over FROM..TO.</summary>
    Max,
    /// <summary><c>PP v</c>: MAX − MIN over FROM..TO.</summary>
    Pp,
    /// <summary><c>INTEG v</c>: integral over FROM..TO.</summary>
    Integ,
    /// <summary><c>MIN_AT v</c>: the abscissa of the minimum.</summary>
    MinAt,
    /// <summary><c>MAX_AT v</c>: the abscissa of the maximum.</summary>
    MaxAt,
    /// <summary><c>DERIV v AT=x</c> or <c>DERIV v WHEN …</c>: dv/dx at a point.</summary>
    Deriv,
    /// <summary><c>PARAM='expr'</c> over earlier measures and global parameters.</summary>
    Param,
}

/// <summary>Which crossings count for a <c>WHEN</c>, <c>TRIG</c> or <c>TARG</c>.</summary>
public enum MeasureEdge
{
    /// <summary><c>CROSS=</c> (or none given).</summary>
    Cross,
    /// <summary><c>RISE=</c>.</summary>
    Rise,
    /// <summary><c>FALL=</c>.</summary>
    Fall,
}

/// <summary>
/// A point of a measurement: either a fixed abscissa (<see cref="At"/>, <c>AT=x</c>) or the n-th crossing of a level
/// by a vector (<c>v(x) VAL=val</c>, <c>v(x)=val</c> or <c>v(a)=v(b)</c>).
/// </summary>
/// <param name="Vector">The crossing vector, or null for <c>AT=</c>.</param>
/// <param name="Other">For <c>WHEN v(a)=v(b)</c>: the second vector (the level is then 0 for a − b).</param>
/// <param name="Level">The level (<c>VAL=</c> or the right-hand side).</param>
/// <param name="Edge">Which crossings count.</param>
/// <param name="Count">1-based count; −1 for <c>LAST</c>.</param>
/// <param name="Delay"><c>TD=</c>: crossings before it are not counted (−∞ when not given).</param>
/// <param name="At">The fixed abscissa of <c>AT=x</c>, else null.</param>
public sealed record MeasurePoint(PrintItem? Vector, PrintItem? Other, double Level, MeasureEdge Edge, int Count,
    double Delay, double? At);

/// <summary>
/// One <c>.meas</c>/<c>.measure</c> statement, evaluated (values, parameters) and checked (vectors name existing nodes
/// and devices).
/// </summary>
/// <param name="Analysis"><c>tran</c>, <c>dc</c> or <c>ac</c>.</param>
/// <param name="Name">Lower-case result name.</param>
/// <param name="Kind">What is measured.</param>
/// <param name="Target">The measured vector (FIND, AVG …, DERIV), else null.</param>
/// <param name="Trigger">The point of FIND/DERIV (AT or WHEN), of WHEN, or TRIG of TRIG/TARG; else null.</param>
/// <param name="Targ">TARG of TRIG/TARG, else null.</param>
/// <param name="From"><c>FROM=</c>, or null for the start of the analysis.</param>
/// <param name="To"><c>TO=</c>, or null for its end.</param>
/// <param name="Position">Position of the result name.</param>
public sealed record MeasureStatement(string Analysis, string Name, MeasureKind Kind, PrintItem? Target,
    MeasurePoint? Trigger, MeasurePoint? Targ, double? From, double? To, SourcePosition Position)
{
    internal Expr? Expression { get; init; }
    internal IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
    /// <summary>Where the expression's user functions (<c>.func</c>) are found: the netlist's top level.</summary>
    internal IParameterLookup? FunctionScope { get; init; }

    /// <summary>Every vector the measure reads.</summary>
    public IEnumerable<PrintItem> Vectors()
    {
        if (Target is not null) yield return Target;
        foreach (var p in new[] { Trigger, Targ })
        {
            if (p?.Vector is { } v) yield return v;
            if (p?.Other is { } o) yield return o;
        }
    }

    /// <summary>Evaluates a <see cref="MeasureKind.Param"/> measure: its expression over the measures computed so far
    /// (<paramref name="measures"/>, by lower-case name) and the global parameters. Null (with a reason) when a measure
    /// it needs failed or the result is not finite.</summary>
    public double? EvaluateParam(IReadOnlyDictionary<string, double?> measures, out string? failure)
    {
        failure = null;
        if (Expression is null) { failure = "not a PARAM measure"; return null; }
        try
        {
            double v = Evaluator.Evaluate(Expression, new Lookup(measures, Parameters, FunctionScope));
            if (double.IsFinite(v)) return v;
            failure = "the expression is not finite";
        }
        catch (ExpressionException e) { failure = e.Message; }
        return null;
    }

    private sealed class Lookup(IReadOnlyDictionary<string, double?> measures, IReadOnlyDictionary<string, double> parameters,
        IParameterLookup? functions) : IParameterLookup
    {
        public bool TryGetFunction(string name, out UserFunction? function, out IParameterLookup? definitionScope)
        {
            function = null; definitionScope = null;
            return functions is not null && functions.TryGetFunction(name, out function, out definitionScope);
        }

        public bool TryGet(string name, out double value)
        {
            if (measures.TryGetValue(name, out var m))
            {
                if (m is null) throw new ExpressionException($"measure '{name}' failed", 0);
                value = m.Value;
                return true;
            }
            return parameters.TryGetValue(name, out value);
        }
    }
}

/// <summary><c>.four freq ov1 ov2 …</c>: Fourier analysis of transient outputs.</summary>
/// <param name="Frequency">Fundamental frequency in Hz (&gt; 0).</param>
/// <param name="Outputs">The vectors analysed, in order.</param>
/// <param name="Position">Position of the <c>.four</c> keyword.</param>
public sealed record FourierStatement(double Frequency, IReadOnlyList<PrintItem> Outputs, SourcePosition Position)
{
    /// <summary>Rows including dc (<c>.options nfreqs</c>, default 10).</summary>
    public int Harmonics { get; init; } = 10;

    /// <summary>Points of the uniform interpolation grid over the last period (<c>.options fourgridsize</c>, default 200).</summary>
    public int GridSize { get; init; } = 200;
}

/// <summary><c>.tf outvar insrc</c>: small-signal dc transfer function, input and output resistance.</summary>
/// <param name="Output">The output: <c>v(a)</c>, <c>v(a,b)</c> or <c>i(vsrc)</c>.</param>
/// <param name="Input">Lower-case name of the independent input source.</param>
/// <param name="Position">Position of the <c>.tf</c> keyword.</param>
public sealed record TransferFunctionStatement(PrintItem Output, string Input, SourcePosition Position) : AnalysisStatement(Position)
{
    /// <inheritdoc/>
    public override string Kind => "tf";
}

/// <summary><c>.pz in+ in- out+ out- cur|vol pol|zer|pz</c>: poles and zeros of the linearized circuit.</summary>
/// <param name="InPositive">Input node +.</param>
/// <param name="InNegative">Input node −.</param>
/// <param name="OutPositive">Output node +.</param>
/// <param name="OutNegative">Output node −.</param>
/// <param name="CurrentInput">True for <c>cur</c> (transimpedance: a current is injected at the input port), false
/// for <c>vol</c> (a voltage is applied across it).</param>
/// <param name="Poles">Compute poles.</param>
/// <param name="Zeros">Compute zeros.</param>
/// <param name="Position">Position of the <c>.pz</c> keyword.</param>
public sealed record PoleZeroStatement(string InPositive, string InNegative, string OutPositive, string OutNegative,
    bool CurrentInput, bool Poles, bool Zeros, SourcePosition Position) : AnalysisStatement(Position)
{
    /// <inheritdoc/>
    public override string Kind => "pz";
}
