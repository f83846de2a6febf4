using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>A netlist bound to devices: the circuit, its options and the analyses to run in order.</summary>
public sealed class SimulationJob
{
    internal SimulationJob(string title, Circuit circuit, SimulationOptions options,
        IReadOnlyDictionary<string, double> initialConditions, IReadOnlyList<AnalysisJob> analyses,
        IReadOnlyList<NetlistDiagnostic> warnings)
    {
        Title = title;
        Circuit = circuit;
        Options = options;
        InitialConditions = initialConditions;
        Analyses = analyses;
        Warnings = warnings;
    }

    /// <summary>The netlist title.</summary>
    public string Title { get; }
    /// <summary>The flattened circuit.</summary>
    public Circuit Circuit { get; }
    /// <summary>Options from `.options`.</summary>
    public SimulationOptions Options { get; }
    /// <summary>`.ic` node voltages.</summary>
    public IReadOnlyDictionary<string, double> InitialConditions { get; }
    /// <summary>Analyses in netlist order.</summary>
    public IReadOnlyList<AnalysisJob> Analyses { get; }
    /// <summary>Warnings (skipped statements, ignored options).</summary>
    public IReadOnlyList<NetlistDiagnostic> Warnings { get; }

    /// <summary>Reads, flattens and binds the netlist file at <paramref name="path"/> (a <c>.step</c> is not
    /// expanded: use <see cref="StepBinder"/> for that).</summary>
    /// <param name="path">The netlist file.</param>
    /// <param name="limits">Sizes refused with a located error; <see cref="NetlistLimits.Default"/> when null.</param>
    /// <exception cref="NetlistException">Every error of the netlist, located.</exception>
    public static SimulationJob Load(string path, NetlistLimits? limits = null) =>
        CircuitBinder.Bind(NetlistReader.ReadFile(path, limits), path);

    /// <summary>Reads, flattens and binds netlist <paramref name="text"/> (its first line is the title).</summary>
    /// <param name="text">The netlist.</param>
    /// <param name="fileName">The name used in positions and as the base of relative <c>.include</c> paths.</param>
    /// <param name="limits">Sizes refused with a located error; <see cref="NetlistLimits.Default"/> when null.</param>
    /// <exception cref="NetlistException">Every error of the netlist, located.</exception>
    public static SimulationJob Parse(string text, string fileName = "netlist", NetlistLimits? limits = null) =>
        CircuitBinder.Bind(NetlistReader.ReadText(text, fileName, limits), fileName);

    /// <summary>A simulator of <see cref="Circuit"/> with <see cref="Options"/> (make it after replacing devices).</summary>
    public Simulator CreateSimulator() => new(Circuit, Options);

    /// <summary>Runs one of <see cref="Analyses"/> and returns its tables, columns named as the command line names
    /// them (<c>time</c>, <c>v(out)</c>, <c>vm(out)</c>, …).</summary>
    /// <param name="analysis">One of <see cref="Analyses"/>.</param>
    /// <param name="simulator">The simulator to use (by default a new one, <see cref="CreateSimulator"/>).</param>
    /// <param name="cancellation">Stops the run with <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives progress reports, or null.</param>
    /// <exception cref="SimulationException">The analysis failed.</exception>
    /// <exception cref="NotSupportedException">No engine analysis is registered for the statement.</exception>
    public MemoryAnalysisOutput Run(AnalysisJob analysis, Simulator? simulator = null, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var engine = analysis.Analysis ?? throw new NotSupportedException($"{analysis.Kind}: analysis not supported");
        var output = new MemoryAnalysisOutput(analysis.Probes);
        (simulator ?? CreateSimulator()).Run(engine, output, cancellation, progress);
        return output;
    }
}

/// <summary>One analysis with the quantities it writes.</summary>
/// <param name="Statement">The analysis statement.</param>
/// <param name="Outputs">Print items in order (from every `.print` of the analysis kind, or the defaults).</param>
public sealed record AnalysisJob(AnalysisStatement Statement, IReadOnlyList<OutputProbe> Outputs)
{
    /// <summary>op, dc, tran, ac, hopf, tf or pz.</summary>
    public string Kind => Statement.Kind;

    /// <summary>The engine's analysis for <see cref="Statement"/> (tran carries the netlist's <c>.ic</c>), or null when
    /// none is registered for it (<see cref="AnalysisFactory"/>). Run it on a <see cref="Simulator"/> of
    /// <see cref="SimulationJob.Circuit"/>.</summary>
    public SimulationAnalysis? Analysis { get; init; }

    /// <summary>The engine probes of <see cref="Outputs"/>, in order.</summary>
    public IReadOnlyList<Probe> Probes => _probes ??= Outputs.Select(o => o.ToProbe()).ToArray();
    private IReadOnlyList<Probe>? _probes;

    /// <summary>The <c>.meas</c> (and, for tran, <c>.four</c>) statements evaluated on this analysis' results.</summary>
    public AnalysisMeasures Measures { get; init; } = AnalysisMeasures.None;
}

/// <summary>A print item resolved against the circuit.</summary>
/// <param name="Item">The item as parsed.</param>
/// <param name="Device">The device of i(...) or @dev[q] items, else null.</param>
public sealed record OutputProbe(PrintItem Item, Device? Device)
{
    /// <summary>The engine probe of this item, named as written (its device is found by name in the circuit it
    /// reads, so a device replaced with <see cref="Circuit.Replace"/> is read).</summary>
    public Probe ToProbe() => Item.Kind switch
    {
        PrintItemKind.Voltage => Probe.Voltage(Item.Names[0], Item.Names.Count > 1 ? Item.Names[1] : null, Item.Function, Item.Text),
        PrintItemKind.Current => Probe.Current(Item.Names[0], Item.Function, Item.Text),
        _ => Probe.DeviceQuantity(Item.Names[0], Item.Quantity!, Item.Text),
    };
}
