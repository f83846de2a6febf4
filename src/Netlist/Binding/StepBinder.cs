using System.Globalization;

namespace Perovspice.Netlist.Binding;

/// <summary>One value of a <c>.step</c> (or the single unstepped run) with the netlist bound for it.</summary>
/// <param name="Value">The stepped parameter's value, or null when the netlist has no <c>.step</c>.</param>
/// <param name="Job">The circuit and analyses evaluated with that value.</param>
public sealed record StepCase(double? Value, SimulationJob Job);

/// <summary>
/// A netlist bound once per <c>.step</c> value: every case has the same analyses in the same order, with the same
/// output columns. Without <c>.step</c> it holds one case whose value is null.
/// </summary>
/// <param name="Parameter">The stepped global parameter in lower case, or null without <c>.step</c>.</param>
/// <param name="Cases">One bound job per step value, in the order of the values.</param>
/// <param name="Warnings">Warnings of the netlist (reported once, not per step).</param>
public sealed record SteppedJob(string? Parameter, IReadOnlyList<StepCase> Cases, IReadOnlyList<NetlistDiagnostic> Warnings)
{
    /// <summary>The analyses of the first case (the same statements in every case).</summary>
    public IReadOnlyList<AnalysisJob> Analyses => Cases[0].Job.Analyses;

    /// <summary>The netlist title.</summary>
    public string Title => Cases[0].Job.Title;
}

/// <summary>
/// Binds a netlist for every value of its <c>.step</c>: re-evaluates it with the global parameter set to each value
/// (<see cref="FlatNetlist.WithParameter"/>) and binds the result, so that every error of every step value is found
/// before any analysis runs. Each distinct error is reported once; one that appears only for some values names them,
/// e.g. <c>t.cir:3:8: error: resistance of 'r1' must be finite and non-zero (at .step r = 0)</c>.
/// </summary>
public static class StepBinder
{
    /// <summary>Most step values named after one error; the others are counted ("and 12 more").</summary>
    public const int MaxStepValuesListed = 10;

    /// <summary>Binds every step value (or the netlist once without <c>.step</c>); throws <see cref="NetlistException"/>
    /// listing every error.</summary>
    /// <param name="netlist">The flattened netlist.</param>
    /// <param name="sourceFile">The file name errors without a better position are reported against.</param>
    public static SteppedJob Bind(FlatNetlist netlist, string sourceFile = "netlist")
    {
        var step = netlist.Step;
        if (step is null)
        {
            var job = CircuitBinder.Bind(netlist, sourceFile);
            return new SteppedJob(null, new[] { new StepCase(null, job) }, job.Warnings);
        }
        string name = step.Parameter.ToLowerInvariant();
        var cases = new List<StepCase>(step.Values.Count);
        var failures = new List<(double Value, IReadOnlyList<NetlistDiagnostic> Errors)>();
        IReadOnlyList<NetlistDiagnostic>? warnings = null;
        foreach (double value in step.Values)
        {
            try
            {
                var job = CircuitBinder.Bind(netlist.WithParameter(name, value), sourceFile);
                warnings ??= job.Warnings;
                cases.Add(new StepCase(value, job));
            }
            catch (NetlistException e)
            {
                failures.Add((value, e.Errors));
            }
        }
        warnings ??= netlist.Warnings;
        if (failures.Count == 0) return new SteppedJob(name, cases, warnings);
        throw new NetlistException(Errors(name, failures, step.Values.Count).Concat(warnings));
    }

    /// <summary>
    /// Each distinct error once, followed by the step values it occurs at (at most
    /// <see cref="MaxStepValuesListed"/> of them); an error that every step value has is reported as it is.
    /// </summary>
    private static List<NetlistDiagnostic> Errors(string name,
        List<(double Value, IReadOnlyList<NetlistDiagnostic> Errors)> failures, int stepCount)
    {
        var valuesByError = new Dictionary<NetlistDiagnostic, List<double>>();
        var order = new List<NetlistDiagnostic>();
        foreach (var (value, list) in failures)
            foreach (var d in list)
            {
                if (!valuesByError.TryGetValue(d, out var values)) { valuesByError[d] = values = new(); order.Add(d); }
                if (values.Count == 0 || values[^1] != value) values.Add(value);
            }
        return order.Select(d =>
        {
            var values = valuesByError[d];
            if (values.Count == stepCount) return d;
            string shown = string.Join(", ", values.Take(MaxStepValuesListed).Select(Format));
            if (values.Count > MaxStepValuesListed) shown += $" and {values.Count - MaxStepValuesListed} more";
            return d with { Message = $"{d.Message} (at .step {name} = {shown})" };
        }).ToList();
    }

    /// <summary>A step value as shown in messages: shortest round-trip form when short, else 6 significant digits
    /// (invariant culture).</summary>
    public static string Format(double value)
    {
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        return r.Length <= 10 ? r : value.ToString("G6", CultureInfo.InvariantCulture);
    }
}
