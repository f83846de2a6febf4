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
}

/// <summary>One analysis with the quantities it writes.</summary>
/// <param name="Statement">The analysis statement.</param>
/// <param name="Outputs">Print items in order (from every `.print` of the analysis kind, or the defaults).</param>
public sealed record AnalysisJob(AnalysisStatement Statement, IReadOnlyList<OutputProbe> Outputs)
{
    /// <summary>op, dc, tran, ac or hopf.</summary>
    public string Kind => Statement.Kind;

    /// <summary>The <c>.meas</c> (and, for tran, <c>.four</c>) statements evaluated on this analysis' results.</summary>
    public AnalysisMeasures Measures { get; init; } = AnalysisMeasures.None;
}

/// <summary>A print item resolved against the circuit.</summary>
/// <param name="Item">The item as parsed.</param>
/// <param name="Device">The device of i(...) or @dev[q] items, else null.</param>
public sealed record OutputProbe(PrintItem Item, Device? Device);
