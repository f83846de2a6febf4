namespace Perovspice.Cli.Results;

/// <summary>What a raw-file vector measures (ngspice's vector types).</summary>
public enum VectorType
{
    /// <summary>Time in s.</summary>
    Time,
    /// <summary>Frequency in Hz.</summary>
    Frequency,
    /// <summary>Voltage in V.</summary>
    Voltage,
    /// <summary>Current in A.</summary>
    Current,
    /// <summary>Anything else (sweep values of other kinds, device states, eigenvalues).</summary>
    NoType,
    /// <summary>A noise spectrum in V/√Hz.</summary>
    VoltageDensity,
    /// <summary>A noise spectrum in A/√Hz.</summary>
    CurrentDensity,
}

/// <summary>One output column of the CSV file: a name as written in `.print` (lower case) and its values.</summary>
public sealed class ResultColumn
{
    /// <summary>Creates an empty column.</summary>
    public ResultColumn(string name) => Name = name;
    /// <summary>Header text, e.g. "time", "v(out)", "vm(out)", "@n1[ic]".</summary>
    public string Name { get; }
    /// <summary>One value per row.</summary>
    public List<double> Values { get; } = new();
}

/// <summary>One vector of a raw file (ngspice-compatible): real, or complex for ac.</summary>
public sealed class RawVector
{
    /// <summary>Creates an empty vector.</summary>
    public RawVector(string name, VectorType type, bool isComplex)
    {
        Name = name;
        Type = type;
        IsComplex = isComplex;
    }
    /// <summary>Creates a real vector whose values are <paramref name="values"/> itself (shared, not copied: a CSV
    /// column and its raw vector hold the same numbers once).</summary>
    public RawVector(string name, VectorType type, List<double> values)
        : this(name, type, false) => Real = values;

    /// <summary>Vector name as ngspice would write it, e.g. "time", "frequency", "v(out)", "i(v1)".</summary>
    public string Name { get; }
    /// <summary>Vector type.</summary>
    public VectorType Type { get; }
    /// <summary>True for complex (ac) vectors.</summary>
    public bool IsComplex { get; }
    /// <summary>Real parts (or the values of a real vector).</summary>
    public List<double> Real { get; } = new();
    /// <summary>Imaginary parts (complex vectors only).</summary>
    public List<double> Imag { get; } = new();
}

/// <summary>
/// The results of one analysis: the CSV columns (first the sweep variable: time, frequency, swept source; none
/// for op) and the same data as raw vectors (first the scale vector).
/// </summary>
public sealed class ResultTable
{
    /// <summary>Creates an empty table.</summary>
    /// <param name="kind">Analysis kind in lower case: op, dc, tran, ac, hopf, hopf-points.</param>
    /// <param name="fileStem">File name without extension, e.g. "tran" or "tran-2".</param>
    /// <param name="plotName">Human description for raw files and plots, e.g. "Transient Analysis".</param>
    /// <param name="title">The netlist title.</param>
    public ResultTable(string kind, string fileStem, string plotName, string title)
    {
        Kind = kind;
        FileStem = fileStem;
        PlotName = plotName;
        Title = title;
    }

    /// <summary>Analysis kind in lower case.</summary>
    public string Kind { get; }
    /// <summary>File name without extension.</summary>
    public string FileStem { get; }
    /// <summary>ngspice plot name ("Transient Analysis", "AC Analysis", "DC transfer characteristic", "Operating Point").</summary>
    public string PlotName { get; }
    /// <summary>The netlist title.</summary>
    public string Title { get; }
    /// <summary>CSV columns in order.</summary>
    public List<ResultColumn> Columns { get; } = new();
    /// <summary>Raw-file vectors in order (the first is the scale).</summary>
    public List<RawVector> Vectors { get; } = new();
    /// <summary>
    /// The <c>.step</c> parameter (lower case) when the netlist has one; its column is then the first CSV column.
    /// Null without <c>.step</c>.
    /// </summary>
    public string? StepParameter { get; set; }
    /// <summary>With <c>.step</c>: one entry per step value, naming the rows (and raw-vector points) it holds.</summary>
    public List<StepRange> Steps { get; } = new();
    /// <summary>Number of rows written so far.</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Values.Count;
}

/// <summary>The rows of one <c>.step</c> value in a stepped <see cref="ResultTable"/>.</summary>
/// <param name="Value">The stepped parameter's value.</param>
/// <param name="FirstRow">Index of the first row (and raw-vector point) of this step.</param>
/// <param name="RowCount">Number of rows of this step.</param>
public sealed record StepRange(double Value, int FirstRow, int RowCount);
