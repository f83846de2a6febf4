namespace Perovspice.Engine;

/// <summary>The real-valued probe columns of a table: one per probe, named as written, appended per point.</summary>
internal sealed class ProbeColumns
{
    private readonly List<(string Name, Action<double> Append, Func<Solution, double> Read)> _columns = new();
    private readonly string _analysis;

    public ProbeColumns(IResultTableWriter table, IAnalysisOutput output, CircuitSystem system, string analysis)
    {
        _analysis = analysis;
        foreach (var probe in output.Probes)
        {
            var (vector, type) = probe.RealRawName;
            _columns.Add((probe.Text, table.AddColumn(probe.Text, vector, type), probe.RealReader(system)));
        }
    }

    /// <summary>Appends one row read from <paramref name="s"/>; a non-finite value fails the analysis.</summary>
    public void Add(Solution s, double? time = null, double? sweepValue = null)
    {
        foreach (var (name, append, read) in _columns)
        {
            double v = read(s);
            if (!double.IsFinite(v))
                throw new NonFiniteValueException($"non-finite value of '{name}'", _analysis, time, sweepValue, name);
            append(v);
        }
    }
}
