using Perovspice.Cli.Results;
using Perovspice.Engine;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Running;

/// <summary>
/// Runs the analyses of a <see cref="SteppedJob"/> one analysis at a time across all step values: analysis i for
/// every value (the values in parallel on all cores), merged in step order into one table (the step column first, then the steps' rows one after another), then
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
        // progress lines are for a single run; with several step values running at once they would interleave
        _runners = job.Cases.Select(c => new AnalysisRunner(c.Job) { Progress = job.Cases.Count == 1 ? progress : null }).ToArray();
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
        // Every step value has its own circuit and simulator: run them on all cores, then merge in step order, so
        // the output is byte-identical to a sequential run and a failure names the first failing value.
        var results = new IReadOnlyList<ResultTable>?[_runners.Length];
        var failures = new SimulationException?[_runners.Length];
        var texts = new List<TextTable>[_runners.Length];
        try
        {
            Parallel.For(0, _runners.Length, new ParallelOptions { MaxDegreeOfParallelism = Threads() }, k =>
            {
                try
                {
                    results[k] = _runners[k].Run(_job.Cases[k].Job.Analyses[index]);
                    texts[k] = _runners[k].TextOutputs.ToList();
                }
                catch (SimulationException e)
                {
                    failures[k] = e;
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // An interruption (signal, time budget) stops every step value: report it as one, not as a crash.
            throw new OperationCanceledException(e.InnerExceptions[0].Message, e);
        }
        List<ResultTable>? merged = null;
        for (int k = 0; k < _runners.Length; k++)
        {
            double value = _job.Cases[k].Value!.Value;
            if (failures[k] is { } e)
                throw new SimulationException($"at .step {_job.Parameter} = {StepBinder.Format(value)}: {e.Message}");
            var parts = results[k]!;
            foreach (var text in texts[k])
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

    /// <summary>
    /// The solver statistics of the last <see cref="Run"/> as SPICE's <c>.options acct</c> prints them (summed over the
    /// step values; the time is the wall time of the slowest value), or null when the netlist did not ask for them.
    /// </summary>
    public string? Accounting(int index)
    {
        if (!_job.Cases[0].Job.Options.Accounting) return null;
        var sum = new SolverStatistics();
        double seconds = 0;
        foreach (var r in _runners) { sum = sum.Plus(r.LastStatistics); seconds = Math.Max(seconds, r.LastSeconds); }
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{_job.Analyses[index].Kind}: solver statistics" + (_runners.Length > 1 ? $" (sum over {_runners.Length} step values)" : ""));
        text.AppendLine($"  circuit equations      {_runners[0].Unknowns}");
        if (sum.AcceptedTimePoints + sum.RejectedTimePoints > 0)
        {
            text.AppendLine($"  accepted time points   {sum.AcceptedTimePoints}");
            text.AppendLine($"  rejected time points   {sum.RejectedTimePoints}");
        }
        text.AppendLine($"  Newton iterations      {sum.NewtonIterations}");
        text.AppendLine($"  LU factorizations      {sum.Factorizations}");
        text.AppendLine($"  LU solves              {sum.Solves}");
        text.Append(string.Format(ci, "  analysis time (s)      {0:F3}", seconds));
        return text.ToString();
    }

    /// <summary>How many step values run at once: the environment variable PEROVSPICE_THREADS when it holds a
    /// positive whole number (1 runs them one after another), else the number of cores.</summary>
    internal static int Threads() =>
        int.TryParse(Environment.GetEnvironmentVariable("PEROVSPICE_THREADS"), out int n) && n > 0 ? n : Environment.ProcessorCount;

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
