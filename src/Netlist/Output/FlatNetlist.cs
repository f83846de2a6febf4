namespace Perovspice.Netlist;

/// <summary>
/// A fully flattened, evaluated netlist: subcircuits expanded with hierarchical names, parameters
/// substituted, analyses validated. Produced by <see cref="NetlistReader"/>; bound to devices later.
/// </summary>
public sealed class FlatNetlist
{
    private readonly Func<string, double, FlatNetlist>? _reevaluate;

    internal FlatNetlist(string title, IReadOnlyList<FlatElement> elements,
        IReadOnlyDictionary<string, ModelDefinition> models, IReadOnlyList<AnalysisStatement> analyses,
        IReadOnlyList<PrintStatement> prints, IReadOnlyDictionary<string, (double value, SourcePosition pos)> options,
        IReadOnlyDictionary<string, (string value, SourcePosition pos)> textOptions,
        IReadOnlyList<InitialCondition> initialConditions, IReadOnlyList<NetlistDiagnostic> warnings,
        StepStatement? step, Func<string, double, FlatNetlist>? reevaluate)
    {
        Title = title; Elements = elements; Models = models; Analyses = analyses; Prints = prints;
        Options = options; TextOptions = textOptions; InitialConditions = initialConditions;
        Warnings = warnings; Step = step; _reevaluate = reevaluate;
    }

    /// <summary>The first line of the top file, trimmed, as written.</summary>
    public string Title { get; }

    /// <summary>Every element, in file order, subcircuit contents expanded in place of the instance.</summary>
    public IReadOnlyList<FlatElement> Elements { get; }

    /// <summary>Models by flattened lower-case name (see <see cref="ModelDefinition"/> for naming).</summary>
    public IReadOnlyDictionary<string, ModelDefinition> Models { get; }

    /// <summary>Analyses in file order.</summary>
    public IReadOnlyList<AnalysisStatement> Analyses { get; }

    /// <summary><c>.print</c> lines in file order.</summary>
    public IReadOnlyList<PrintStatement> Prints { get; }

    /// <summary>
    /// Numeric <c>.options</c> by lower-case name (value and position of the name). A flag written
    /// without a value has the value 1. Later lines override earlier ones.
    /// </summary>
    public IReadOnlyDictionary<string, (double value, SourcePosition pos)> Options { get; }

    /// <summary>Word-valued <c>.options</c> such as <c>method=gear</c> (lower-case value).</summary>
    public IReadOnlyDictionary<string, (string value, SourcePosition pos)> TextOptions { get; }

    /// <summary><c>.ic</c> entries in file order (flattened node names).</summary>
    public IReadOnlyList<InitialCondition> InitialConditions { get; }

    /// <summary>Warnings (skipped statements and blocks), sorted by position.</summary>
    public IReadOnlyList<NetlistDiagnostic> Warnings { get; }

    /// <summary>The <c>.step</c> statement, if any.</summary>
    public StepStatement? Step { get; }

    /// <summary><c>.meas</c> statements in file order (those whose analysis the netlist lacks are dropped with a warning).</summary>
    public IReadOnlyList<MeasureStatement> Measures { get; init; } = Array.Empty<MeasureStatement>();

    /// <summary><c>.four</c> statements in file order (applied to every <c>.tran</c>).</summary>
    public IReadOnlyList<FourierStatement> Fourier { get; init; } = Array.Empty<FourierStatement>();

    /// <summary>The global <c>.param</c> definitions of the top level by lower-case name (those that evaluated).</summary>
    public IReadOnlyDictionary<string, GlobalParameter> GlobalParameters { get; init; } = new Dictionary<string, GlobalParameter>();

    /// <summary>
    /// Re-evaluates the whole netlist with global parameter <paramref name="name"/> set to
    /// <paramref name="value"/> (replacing its <c>.param</c> definition; parameters depending on it
    /// follow). Used to run each value of a <c>.step</c>. Throws <see cref="NetlistException"/>
    /// if the new value makes something invalid.
    /// </summary>
    public FlatNetlist WithParameter(string name, double value) =>
        _reevaluate is null ? throw new InvalidOperationException("netlist cannot be re-evaluated")
                            : _reevaluate(name.ToLowerInvariant(), value);

    /// <summary>
    /// Re-evaluates the whole netlist at circuit temperature <paramref name="celsius"/> (°C), as if its
    /// <c>.temp</c> said so: <c>temper</c> in expressions and every device's temperature follow (a <c>.dc temp</c>
    /// sweep binds the circuit once per temperature). Throws <see cref="NetlistException"/> if the temperature makes
    /// something invalid.
    /// </summary>
    public FlatNetlist WithTemperature(double celsius) =>
        AtTemperature is null ? throw new InvalidOperationException("netlist cannot be re-evaluated") : AtTemperature(celsius);

    internal Func<double, FlatNetlist>? AtTemperature { get; init; }

    /// <summary>
    /// This netlist with the resistance of resistor <paramref name="name"/> (flattened, lower case) set to
    /// <paramref name="ohms"/>, as its written value (its model's geometry, <c>tc1</c>/<c>tc2</c>, <c>scale</c> and
    /// <c>m</c> still apply, as in ngspice 39's <c>.dc R1 …</c>). Nothing else is re-evaluated.
    /// </summary>
    internal FlatNetlist WithResistance(string name, double ohms)
    {
        var elements = Elements.Select(e => e.Name != name ? e : e with
        {
            Arguments = e.Arguments.Where(a => a is not ValueArg && a is not AssignArg { Key: "r" or "resistance" })
                .Prepend(new ValueArg(ohms, e.Position)).ToList(),
        }).ToList();
        return new FlatNetlist(Title, elements, Models, Analyses, Prints, Options, TextOptions, InitialConditions, Warnings,
            Step, _reevaluate)
        {
            Measures = Measures, Fourier = Fourier, GlobalParameters = GlobalParameters, AtTemperature = AtTemperature,
        };
    }
}
