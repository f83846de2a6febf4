using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>
/// The <c>.meas</c> and <c>.four</c> statements of one analysis with the vectors they read resolved against the
/// circuit, so that the runner records exactly those (whatever <c>.print</c> writes).
/// </summary>
/// <param name="Measures">The measures of the analysis' kind, in file order.</param>
/// <param name="Fourier">The <c>.four</c> statements (tran only).</param>
/// <param name="Probes">Every vector the measures and <c>.four</c> read, resolved (by the item instance).</param>
public sealed record AnalysisMeasures(IReadOnlyList<MeasureStatement> Measures, IReadOnlyList<FourierStatement> Fourier,
    IReadOnlyDictionary<PrintItem, OutputProbe> Probes)
{
    /// <summary>No measures.</summary>
    public static AnalysisMeasures None { get; } =
        new(Array.Empty<MeasureStatement>(), Array.Empty<FourierStatement>(), new Dictionary<PrintItem, OutputProbe>());

    /// <summary>True when there is nothing to measure.</summary>
    public bool IsEmpty => Measures.Count == 0 && Fourier.Count == 0;
}

/// <summary>Resolves the vectors of every <c>.meas</c> and <c>.four</c> once (errors reported once), then hands each
/// analysis its share.</summary>
internal sealed class MeasureBinder
{
    private readonly FlatNetlist _netlist;
    private readonly Dictionary<PrintItem, OutputProbe> _probes;

    private MeasureBinder(FlatNetlist netlist, Dictionary<PrintItem, OutputProbe> probes)
    {
        _netlist = netlist; _probes = probes;
    }

    public static MeasureBinder Bind(FlatNetlist netlist, Circuit circuit, HashSet<string> nodes, List<NetlistDiagnostic> errors)
    {
        var probes = new Dictionary<PrintItem, OutputProbe>(ReferenceEqualityComparer.Instance);
        var items = netlist.Measures.SelectMany(m => m.Vectors()).Concat(netlist.Fourier.SelectMany(f => f.Outputs));
        foreach (var item in items)
            if (!probes.ContainsKey(item) && OutputBinder.Resolve(item, circuit, nodes, errors) is { } probe) probes[item] = probe;
        return new MeasureBinder(netlist, probes);
    }

    /// <summary>The measures of <paramref name="analysis"/>' kind (and the .four statements for tran).</summary>
    public AnalysisMeasures For(AnalysisStatement analysis)
    {
        var measures = _netlist.Measures.Where(m => m.Analysis == analysis.Kind).ToList();
        var four = analysis.Kind == "tran" ? _netlist.Fourier : Array.Empty<FourierStatement>();
        if (measures.Count == 0 && four.Count == 0) return AnalysisMeasures.None;
        return new AnalysisMeasures(measures, four, _probes);
    }
}
