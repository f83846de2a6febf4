using Perovspice.Cli.Results;
using Perovspice.Engine;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Running;

/// <summary>Runs the analyses of a job in netlist order through the engine's
/// <see cref="SimulationAnalysis.Tabulate"/>, producing their <see cref="ResultTable"/>s (one per analysis; two for
/// hopf: the sweep and its Hopf points) and text tables. It knows no analysis by kind: an analysis describes its own
/// columns (see <see cref="AnalysisFactory"/> to add one).</summary>
internal sealed class AnalysisRunner
{
    // Program's progress line is made once per run, for the first analysis that reports; only these reported before
    // the analyses moved into the engine, so only these are shown (a dc before a tran would otherwise take the line).
    private static readonly HashSet<string> ShownProgress = new() { "tran", "hopf" };
    private readonly SimulationJob _job;
    private readonly Simulator _sim;
    private readonly Dictionary<string, int> _countByKind = new();
    private readonly Dictionary<string, double?> _measured = new();

    public AnalysisRunner(SimulationJob job)
    {
        _job = job;
        _sim = new Simulator(job.Circuit, job.Options);
    }

    /// <summary>The text tables of the last <see cref="Run"/>: its .meas results (<c>meas</c>), .four (<c>four</c>),
    /// and those of text-valued analyses (<c>pz</c>).</summary>
    public List<TextTable> TextOutputs { get; } = new();

    /// <summary>The solver work of the last <see cref="Run"/> (<c>.options acct</c>).</summary>
    public SolverStatistics LastStatistics { get; private set; } = new();

    /// <summary>Wall-clock seconds of the last <see cref="Run"/>.</summary>
    public double LastSeconds { get; private set; }

    /// <summary>Unknowns of the circuit's system (SPICE's "circuit equations").</summary>
    public int Unknowns => _sim.System.Size;

    /// <summary>Reports progress of long analyses: (analysis, value, total, count).</summary>
    public Action<string, double, double, long>? Progress { get; init; }

    /// <summary>Runs one analysis; throws <see cref="SimulationException"/> when it fails. One table per analysis,
    /// except hopf: the sweep (<c>hopf</c>) and its crossings (<c>hopf-points</c>).</summary>
    public IReadOnlyList<ResultTable> Run(AnalysisJob analysis)
    {
        string kind = analysis.Kind;
        int n = _countByKind[kind] = _countByKind.GetValueOrDefault(kind) + 1;
        string stem = n == 1 ? kind : $"{kind}-{n}";
        TextOutputs.Clear();
        var engine = analysis.Analysis ?? throw new SimulationException($"{kind}: analysis not supported");
        var recorder = analysis.Measures.IsEmpty ? null : new MeasureRecorder(analysis.Measures, _sim.System);
        var output = new TableOutput(stem, _job.Title, analysis.Probes, recorder);
        var progress = Progress is { } report ? new SyncProgress(p =>
        {
            if (ShownProgress.Contains(p.Analysis)) report(p.Analysis, p.Value, p.Total, p.Points);
        }) : null;
        var before = _sim.Statistics.Snapshot();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _sim.Run(engine, output, default, progress);
        LastStatistics = _sim.Statistics.Since(before);
        LastSeconds = clock.Elapsed.TotalSeconds;
        TextOutputs.AddRange(output.Texts);
        if (recorder?.Measures(stem, _measured) is { } meas) TextOutputs.Add(meas);
        if (recorder?.Fourier(stem) is { } four) TextOutputs.Add(four);
        return output.Tables;
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; would post).</summary>
    private sealed class SyncProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
