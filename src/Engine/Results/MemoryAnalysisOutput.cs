using System.Numerics;

namespace Perovspice.Engine;

/// <summary>An <see cref="IAnalysisOutput"/> that keeps the tables in memory.</summary>
/// <example><code>
/// var output = new MemoryAnalysisOutput(Probe.Parse("v(out)"));
/// sim.Run(new TransientAnalysis(1e-5, 5e-3), output);
/// var t = output.Tables[0]["time"]; var v = output.Tables[0]["v(out)"];
/// </code></example>
public sealed class MemoryAnalysisOutput : IAnalysisOutput
{
    /// <summary>Creates the output for <paramref name="probes"/>.</summary>
    public MemoryAnalysisOutput(params Probe[] probes) => Probes = probes;

    /// <summary>Creates the output for <paramref name="probes"/>.</summary>
    public MemoryAnalysisOutput(IEnumerable<Probe> probes) => Probes = probes.ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<Probe> Probes { get; }

    /// <summary>The numeric tables, in the order the analysis made them.</summary>
    public List<MemoryTable> Tables { get; } = new();

    /// <summary>The text tables, in the order the analysis made them.</summary>
    public List<MemoryTextTable> TextTables { get; } = new();

    /// <inheritdoc/>
    public IResultTableWriter AddTable(string kind, string stemSuffix, string plotName)
    {
        var t = new MemoryTable(kind, plotName);
        Tables.Add(t);
        return t;
    }

    /// <inheritdoc/>
    public ITextTableWriter AddTextTable(string stemSuffix, IReadOnlyList<string> header)
    {
        var t = new MemoryTextTable(stemSuffix, header);
        TextTables.Add(t);
        return t;
    }

    /// <inheritdoc/>
    public void Observe(double x, Solution solution) { }

    /// <inheritdoc/>
    public void Observe(AcSolution solution) { }
}

/// <summary>A numeric table kept in memory: named real columns and complex vectors.</summary>
public sealed class MemoryTable : IResultTableWriter
{
    private readonly List<(string Name, List<double> Values)> _columns = new();
    private readonly List<(string Name, List<Complex> Values)> _vectors = new();

    internal MemoryTable(string kind, string plotName)
    {
        Kind = kind;
        PlotName = plotName;
    }

    /// <summary>The table's kind (tran, ac, hopf-points, …).</summary>
    public string Kind { get; }
    /// <summary>Its description.</summary>
    public string PlotName { get; }
    /// <summary>The column names in order.</summary>
    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);
    /// <summary>Rows written.</summary>
    public int RowCount => _columns.Count == 0 ? 0 : _columns[0].Values.Count;

    /// <summary>A column's values by name (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public IReadOnlyList<double> this[string column] =>
        _columns.FirstOrDefault(c => c.Name.Equals(column, StringComparison.OrdinalIgnoreCase)).Values
        ?? throw new KeyNotFoundException($"no column '{column}'");

    /// <summary>A complex vector's values by name (ac: "frequency", "v(out)", …).</summary>
    /// <exception cref="KeyNotFoundException">No such vector.</exception>
    public IReadOnlyList<Complex> Complex(string vector) =>
        _vectors.FirstOrDefault(c => c.Name.Equals(vector, StringComparison.OrdinalIgnoreCase)).Values
        ?? throw new KeyNotFoundException($"no vector '{vector}'");

    /// <inheritdoc/>
    public Action<double> AddColumn(string name, QuantityType type) => AddColumnOnly(name);

    /// <inheritdoc/>
    public Action<double> AddColumn(string name, string vectorName, QuantityType type) => AddColumnOnly(name);

    /// <inheritdoc/>
    public Action<double> AddColumnOnly(string name)
    {
        var list = new List<double>();
        _columns.Add((name, list));
        return list.Add;
    }

    /// <inheritdoc/>
    public Action<Complex> AddComplexVector(string name, QuantityType type)
    {
        var list = new List<Complex>();
        _vectors.Add((name, list));
        return list.Add;
    }
}

/// <summary>A text table kept in memory.</summary>
public sealed class MemoryTextTable : ITextTableWriter
{
    internal MemoryTextTable(string stem, IReadOnlyList<string> header)
    {
        FileStem = stem;
        Header = header;
    }

    /// <inheritdoc/>
    public string FileStem { get; }
    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Header { get; }
    /// <summary>The rows.</summary>
    public List<string[]> Rows { get; } = new();
    /// <summary>The summary lines.</summary>
    public List<string> Summary { get; } = new();

    /// <inheritdoc/>
    public void AddRow(params string[] cells) => Rows.Add(cells);

    /// <inheritdoc/>
    public void AddSummary(string line) => Summary.Add(line);
}
