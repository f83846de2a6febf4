using System.Numerics;
using Perovspice.Netlist;

namespace Perovspice.Cli.Fitting;

/// <summary>One fitted data column: where it is in the file, which print item of the analysis gives it and how.</summary>
/// <param name="Name">The column name as written in the data file.</param>
/// <param name="DataIndex">Its index in the data file.</param>
/// <param name="Probe">Index of the print item in the analysis' outputs.</param>
/// <param name="Part">Ac only: the part of the complex value the column holds (real, imaginary, magnitude, …).</param>
/// <param name="Sigma">The standard deviation of each row (from sigma(NAME) or the weighting rule).</param>
internal sealed record FitColumn(string Name, int DataIndex, int Probe, Func<Complex, double>? Part, double[] Sigma);

/// <summary>A data file matched to an analysis of the netlist.</summary>
/// <param name="Data">The data.</param>
/// <param name="Analysis">Index of the analysis in the netlist's analyses.</param>
/// <param name="Statement">That analysis.</param>
/// <param name="Columns">The fitted columns.</param>
internal sealed record FitTarget(FitData Data, int Analysis, AnalysisStatement Statement, IReadOnlyList<FitColumn> Columns)
{
    /// <summary>ac, dc or tran.</summary>
    public string Kind => Statement.Kind;

    /// <summary>The sweep values of the data (frequencies, source values or times).</summary>
    public double[] Sweep { get; } = Data.Column(0);

    /// <summary>Number of residuals: rows × fitted columns.</summary>
    public int Count => Data.Rows.Count * Columns.Count;
}
