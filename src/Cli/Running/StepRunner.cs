using Perovspice.Cli.Results;
using Perovspice.Engine;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Running;

/// <summary>
/// Runs the analyses of a <see cref="SteppedJob"/> one analysis at a time across all step values: analysis i for
/// every value, merged into one table (the step column first, then the steps' rows one after another), then
/// analysis i + 1. Each step value has its own simulator, so each one still sees its analyses in netlist order.
/// Without <c>.step</c> this is exactly <see cref="AnalysisRunner"/>.
/// </summary>
internal sealed class StepRunner
{
    private readonly SteppedJob _job;
    private readonly AnalysisRunner[] _runners;

    public StepRunner(SteppedJob job, Action<string, double, double, long>? progress)
    {
        _job = job;
        _runners = job.Cases.Select(c => new AnalysisRunner(c.Job) { Progress = progress }).ToArray();
    }

    /// <summary>The text tables of the last <see cref="Run"/> (.meas, .four, .pz), merged over the step values with the
    /// step column first.</summary>
    public List<TextTable> TextOutputs { get; } = new();

    /// <summary>The analyses in netlist order.</summary>
    public IReadOnlyList<AnalysisJob> Analyses => _job.Analyses;

    /// <summary>
    /// Runs analysis <paramref name="index"/> for every step value (its tables: one, or two for .hopf); throws
    /// <see cref="SimulationException"/> naming the step value when one fails (nothing is then returned).
    /// </summary>
    public IReadOnlyList<ResultTable> Run(int index)
    {
        TextOutputs.Clear();
        if (_job.Parameter is null)
        {
            var tables = _runners[0].Run(_job.Cases[0].Job.Analyses[index]);
            TextOutputs.AddRange(_runners[0].TextOutputs);
            return tables;
        }
        List<ResultTable>? merged = null;
        for (int k = 0; k < _runners.Length; k++)
        {
            double value = _job.Cases[k].Value!.Value;
            IReadOnlyList<ResultTable> parts;
            try
            {
                parts = _runners[k].Run(_job.Cases[k].Job.Analyses[index]);
            }
            catch (SimulationException e)
            {
                throw new SimulationException($"at .step {_job.Parameter} = {StepBinder.Format(value)}: {e.Message}");
            }
            foreach (var text in _runners[k].TextOutputs)
            {
                var stepped = text.WithStep(_job.Parameter, StepBinder.Format(value));
                if (TextOutputs.Find(t => t.FileStem == text.FileStem) is { } into) into.Append(stepped);
                else TextOutputs.Add(stepped);
            }
            merged ??= parts.Select(p => Empty(p, _job.Parameter)).ToList();
            for (int j = 0; j < parts.Count; j++) Append(merged[j], parts[j], value);
        }
        return merged ?? new List<ResultTable>();
    }

    private static ResultTable Empty(ResultTable first, string parameter)
    {
        var t = new ResultTable(first.Kind, first.FileStem, first.PlotName, first.Title) { StepParameter = parameter };
        t.Columns.Add(new ResultColumn(parameter));
        foreach (var c in first.Columns) t.Columns.Add(new ResultColumn(c.Name));
        foreach (var v in first.Vectors) t.Vectors.Add(new RawVector(v.Name, v.Type, v.IsComplex));
        return t;
    }

    private static void Append(ResultTable merged, ResultTable part, double value)
    {
        if (part.Columns.Count + 1 != merged.Columns.Count || part.Vectors.Count != merged.Vectors.Count)
            throw new SimulationException($"at .step {merged.StepParameter} = {StepBinder.Format(value)}: the output columns differ from the first step's");
        int first = merged.RowCount, rows = part.RowCount;
        merged.Columns[0].Values.AddRange(Enumerable.Repeat(value, rows));
        for (int c = 0; c < part.Columns.Count; c++) merged.Columns[c + 1].Values.AddRange(part.Columns[c].Values);
        for (int v = 0; v < part.Vectors.Count; v++)
        {
            merged.Vectors[v].Real.AddRange(part.Vectors[v].Real);
            merged.Vectors[v].Imag.AddRange(part.Vectors[v].Imag);
        }
        merged.Steps.Add(new StepRange(value, first, rows));
    }
}
