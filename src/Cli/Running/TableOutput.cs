using System.Numerics;
using Perovspice.Cli.Results;
using Perovspice.Engine;

namespace Perovspice.Cli.Running;

/// <summary>The command line's <see cref="IAnalysisOutput"/>: an analysis' tables as <see cref="ResultTable"/>s (CSV
/// columns and raw vectors) and <see cref="TextTable"/>s, its points fed to the <c>.meas</c>/<c>.four</c> recorder.</summary>
internal sealed class TableOutput : IAnalysisOutput
{
    private readonly string _stem;
    private readonly string _title;
    private readonly MeasureRecorder? _recorder;

    public TableOutput(string stem, string title, IReadOnlyList<Probe> probes, MeasureRecorder? recorder)
    {
        _stem = stem;
        _title = title;
        Probes = probes;
        _recorder = recorder;
    }

    public IReadOnlyList<Probe> Probes { get; }

    /// <summary>The numeric tables in the order the analysis made them.</summary>
    public List<ResultTable> Tables { get; } = new();

    /// <summary>The text tables in the order the analysis made them.</summary>
    public List<TextTable> Texts { get; } = new();

    public IResultTableWriter AddTable(string kind, string stemSuffix, string plotName)
    {
        var t = new ResultTable(kind, _stem + stemSuffix, plotName, _title);
        Tables.Add(t);
        return new Writer(t);
    }

    public ITextTableWriter AddTextTable(string stemSuffix, IReadOnlyList<string> header)
    {
        var t = new TextTable(_stem + stemSuffix, header);
        Texts.Add(t);
        return new TextWriter(t);
    }

    public void Observe(double x, Solution solution) => _recorder?.Add(x, solution);

    public void Observe(AcSolution solution) => _recorder?.Add(solution);

    private static VectorType TypeOf(QuantityType type) => type switch
    {
        QuantityType.Time => VectorType.Time,
        QuantityType.Frequency => VectorType.Frequency,
        QuantityType.Voltage => VectorType.Voltage,
        QuantityType.Current => VectorType.Current,
        QuantityType.VoltageDensity => VectorType.VoltageDensity,
        QuantityType.CurrentDensity => VectorType.CurrentDensity,
        _ => VectorType.NoType,
    };

    private sealed class Writer(ResultTable table) : IResultTableWriter
    {
        public Action<double> AddColumn(string name, QuantityType type) => AddColumn(name, name, type);

        public Action<double> AddColumn(string name, string vectorName, QuantityType type)
        {
            var col = new ResultColumn(name);
            table.Columns.Add(col);
            table.Vectors.Add(new RawVector(vectorName, TypeOf(type), col.Values));   // the same list: stored once
            return col.Values.Add;
        }

        public Action<double> AddColumnOnly(string name)
        {
            var col = new ResultColumn(name);
            table.Columns.Add(col);
            return col.Values.Add;
        }

        public Action<Complex> AddComplexVector(string name, QuantityType type)
        {
            var vec = new RawVector(name, TypeOf(type), true);
            table.Vectors.Add(vec);
            return z =>
            {
                vec.Real.Add(z.Real);
                vec.Imag.Add(z.Imaginary);
            };
        }
    }

    private sealed class TextWriter(TextTable table) : ITextTableWriter
    {
        public string FileStem => table.FileStem;
        public void AddRow(params string[] cells) => table.Rows.Add(cells);
        public void AddSummary(string line) => table.Summary.Add(line);
    }
}
