namespace Perovspice.Devices.CodeModels;

/// <summary>
/// What a code model computes at one evaluation: its outputs y (one per output connection) from its inputs u (one
/// per input connection, vector ports flattened in order) and its internal states s, with the partial derivatives,
/// and for each state the residual f and charge q of its equation f + dq/dt = 0 with their partials.
/// </summary>
public sealed class CodeModelEvaluation
{
    internal CodeModelEvaluation(int inputs, int outputs, int states)
    {
        In = new double[inputs];
        States = new double[states];
        Out = new double[outputs];
        OutByIn = Matrix(outputs, inputs);
        OutByState = Matrix(outputs, states);
        StateF = new double[states];
        StateQ = new double[states];
        FByIn = Matrix(states, inputs);
        FByState = Matrix(states, states);
        QByIn = Matrix(states, inputs);
        QByState = Matrix(states, states);
    }

    private static double[][] Matrix(int rows, int cols)
    {
        var m = new double[rows][];
        for (int r = 0; r < rows; r++) m[r] = new double[cols];
        return m;
    }

    /// <summary>Input values (read only for the model).</summary>
    public double[] In { get; }
    /// <summary>State values (read only for the model).</summary>
    public double[] States { get; }
    /// <summary>True in a dc-type solve (operating point, dc sweep, a transient's initial point): the XSPICE models
    /// with memory then hold their initial output (int's out_ic, s_xfer's int_ic, d_dt's 0).</summary>
    public bool Static { get; internal set; }
    /// <summary>A discrete per-instance state the model keeps between evaluations (hyst: which branch it is on);
    /// 0 at the start. The model changes it only in <see cref="CodeModel.Accept"/> and, in dc-type solves, in
    /// <see cref="CodeModel.Evaluate"/>.</summary>
    public int Mode { get; set; }
    /// <summary>Outputs.</summary>
    public double[] Out { get; }
    /// <summary>∂y/∂u.</summary>
    public double[][] OutByIn { get; }
    /// <summary>∂y/∂s.</summary>
    public double[][] OutByState { get; }
    /// <summary>State equation residuals f.</summary>
    public double[] StateF { get; }
    /// <summary>State equation charges q.</summary>
    public double[] StateQ { get; }
    /// <summary>∂f/∂u.</summary>
    public double[][] FByIn { get; }
    /// <summary>∂f/∂s.</summary>
    public double[][] FByState { get; }
    /// <summary>∂q/∂u.</summary>
    public double[][] QByIn { get; }
    /// <summary>∂q/∂s.</summary>
    public double[][] QByState { get; }

    internal void Clear()
    {
        Array.Clear(Out); Array.Clear(StateF); Array.Clear(StateQ);
        foreach (var m in new[] { OutByIn, OutByState, FByIn, FByState, QByIn, QByState })
            foreach (var row in m) Array.Clear(row);
    }
}

/// <summary>
/// An XSPICE analog code model, built from one <c>.model</c> card: its port table and its equations. Instances are
/// <see cref="CodeModelDevice"/>s; the model sees only input values and states, never nodes.
/// </summary>
public abstract class CodeModel
{
    /// <summary>The model card's name.</summary>
    public required string Name { get; init; }

    /// <summary>The code model's name ("gain").</summary>
    public abstract string Kind { get; }

    /// <summary>The ports in the order an <c>A</c> element connects them.</summary>
    public abstract IReadOnlyList<CodePortSpec> Ports { get; }

    /// <summary>Internal state unknowns an instance with <paramref name="inputs"/> inputs needs (default none).</summary>
    public virtual int StateCount(int inputs) => 0;

    /// <summary>Checks that an instance with <paramref name="inputs"/> inputs fits the card (vector parameter
    /// lengths); throws <see cref="ArgumentException"/>. Default: nothing.</summary>
    public virtual void CheckInstance(int inputs) { }

    /// <summary>True when the outputs are linear in the inputs and states (gain, summer).</summary>
    public virtual bool IsLinear => false;

    /// <summary>Fills the outputs (and state equations) of <paramref name="e"/> from its inputs and states.</summary>
    public abstract void Evaluate(CodeModelEvaluation e);

    /// <summary>Called at every accepted transient time point with the accepted inputs in <paramref name="e"/>: a
    /// model with a discrete state (<see cref="CodeModelEvaluation.Mode"/>) updates it here. Returns true when the
    /// state changed. Default: nothing.</summary>
    public virtual bool Accept(CodeModelEvaluation e) => false;

    /// <summary>The card's value of a boolean parameter written <c>TRUE</c>/<c>FALSE</c> (or 1/0), else
    /// <paramref name="fallback"/>.</summary>
    protected static bool Bool(ModelRequest r, string name, bool fallback)
    {
        if (!r.Text.TryGetValue(name, out var text)) return fallback;
        return text.ToLowerInvariant() switch
        {
            "true" or "t" or "1" => true,
            "false" or "f" or "0" => false,
            _ => throw new ArgumentException($"parameter '{name}' of model '{r.Name}' must be TRUE or FALSE, not '{text}'"),
        };
    }

    /// <summary>A vector parameter's values, or <paramref name="fallback"/> when the card does not give it.</summary>
    protected static double[]? Vector(ModelRequest r, string name, double[]? fallback = null) =>
        r.Vectors.TryGetValue(name, out var v) ? v.ToArray() : fallback;

    /// <summary>The value of a per-input vector parameter for input <paramref name="k"/>: a one-value vector
    /// applies to every input.</summary>
    protected static double Each(double[] values, int k) => values.Length == 1 ? values[0] : values[k];

    /// <summary>Throws unless a per-input vector parameter has one value or one per input.</summary>
    protected void CheckLength(double[] values, string name, int inputs)
    {
        if (values.Length != 1 && values.Length != inputs)
            throw new ArgumentException($"{name} of model '{Name}' has {values.Length} values, but the instance connects {inputs} inputs");
    }
}
