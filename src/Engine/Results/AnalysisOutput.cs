using System.Numerics;

namespace Perovspice.Engine;

/// <summary>
/// Where <see cref="SimulationAnalysis.Tabulate"/> writes: the probes to tabulate, and tables of named columns. The
/// command line implements it to write CSV and raw files; <see cref="MemoryAnalysisOutput"/> keeps the tables in
/// memory.
/// </summary>
public interface IAnalysisOutput
{
    /// <summary>The quantities to tabulate, in order (one column each; ac: one per part).</summary>
    IReadOnlyList<Probe> Probes { get; }

    /// <summary>Starts a table of numbers.</summary>
    /// <param name="kind">Its kind: the analysis kind (tran, ac, …) or a derived one (hopf-points).</param>
    /// <param name="stemSuffix">Appended to the analysis' file stem ("" for its main table, "-points" …).</param>
    /// <param name="plotName">A description, e.g. "Transient Analysis" (ngspice's plot names).</param>
    IResultTableWriter AddTable(string kind, string stemSuffix, string plotName);

    /// <summary>Starts a table of text cells (e.g. <c>pz</c>'s list of poles and zeros).</summary>
    /// <param name="stemSuffix">Appended to the analysis' file stem.</param>
    /// <param name="header">The column names.</param>
    ITextTableWriter AddTextTable(string stemSuffix, IReadOnlyList<string> header);

    /// <summary>Receives every dc or transient point (x: the time or the first swept value), for measurements.</summary>
    void Observe(double x, Solution solution);

    /// <summary>Receives every ac point, for measurements.</summary>
    void Observe(AcSolution solution);
}

/// <summary>A table being written: add columns first, then append values through the returned delegates.</summary>
public interface IResultTableWriter
{
    /// <summary>Adds a real column that is also a result vector of the same name; returns its appender.</summary>
    Action<double> AddColumn(string name, QuantityType type);

    /// <summary>Adds a real column whose result vector is named <paramref name="vectorName"/>; returns its appender.</summary>
    Action<double> AddColumn(string name, string vectorName, QuantityType type);

    /// <summary>Adds a column without a result vector (an ac part such as vm(out)); returns its appender.</summary>
    Action<double> AddColumnOnly(string name);

    /// <summary>Adds a complex result vector without a column (the ac values); returns its appender.</summary>
    Action<Complex> AddComplexVector(string name, QuantityType type);
}

/// <summary>A table of text cells being written.</summary>
public interface ITextTableWriter
{
    /// <summary>The table's file stem (e.g. "pz" or "pz-2"), for messages that name it.</summary>
    string FileStem { get; }

    /// <summary>Appends a row (one cell per header column).</summary>
    void AddRow(params string[] cells);

    /// <summary>Appends a line of the human-readable summary (printed by the command line).</summary>
    void AddSummary(string line);
}
