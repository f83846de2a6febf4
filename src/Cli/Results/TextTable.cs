namespace Perovspice.Cli.Results;

/// <summary>
/// A results table whose cells are text (names and numbers already formatted): <c>meas.csv</c>, <c>four.csv</c>,
/// <c>pz.csv</c>. Empty cells mean "no value" (a failed measure).
/// </summary>
public sealed class TextTable
{
    /// <summary>Creates an empty table.</summary>
    /// <param name="fileStem">File name without extension, e.g. "meas", "four", "pz-2".</param>
    /// <param name="header">Column names.</param>
    public TextTable(string fileStem, IEnumerable<string> header)
    {
        FileStem = fileStem;
        Header = header.ToList();
    }

    /// <summary>File name without extension.</summary>
    public string FileStem { get; }
    /// <summary>Column names.</summary>
    public List<string> Header { get; }
    /// <summary>Rows, each with one cell per column.</summary>
    public List<string[]> Rows { get; } = new();
    /// <summary>Lines for the terminal (the ngspice-like summary), printed unless --quiet.</summary>
    public List<string> Summary { get; } = new();
    /// <summary>Warnings (failed measures), printed on stderr unless --quiet.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>A copy with the <c>.step</c> parameter's column first (value <paramref name="value"/> on every row);
    /// summary lines and warnings name the step.</summary>
    public TextTable WithStep(string parameter, string value)
    {
        var t = new TextTable(FileStem, new[] { parameter }.Concat(Header));
        foreach (var r in Rows) t.Rows.Add(new[] { value }.Concat(r).ToArray());
        if (Summary.Count > 0) t.Summary.Add($"(.step {parameter} = {value})");
        t.Summary.AddRange(Summary);
        foreach (var w in Warnings) t.Warnings.Add($"{w} (at .step {parameter} = {value})");
        return t;
    }

    /// <summary>Appends the rows, summary and warnings of <paramref name="other"/> (same columns).</summary>
    public void Append(TextTable other)
    {
        Rows.AddRange(other.Rows);
        Summary.AddRange(other.Summary);
        Warnings.AddRange(other.Warnings);
    }
}
