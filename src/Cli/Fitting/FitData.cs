using System.Globalization;
using Perovspice.Netlist;

namespace Perovspice.Cli.Fitting;

/// <summary>
/// A measured data file: a CSV shaped like perovspice's output. The first column is the sweep variable
/// (<c>frequency</c>, <c>time</c> or a source name); the others are output names as perovspice writes them, plus
/// optional <c>sigma(NAME)</c> columns with the standard deviation of column NAME per row.
/// </summary>
internal sealed class FitData
{
    private FitData(string path, List<string> header, List<double[]> rows, List<int> lines)
    {
        Path = path; Header = header; Rows = rows; Lines = lines;
    }

    /// <summary>The file as given on the command line.</summary>
    public string Path { get; }

    /// <summary>The column names as written (the first is the sweep variable).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The sweep variable in lower case.</summary>
    public string Sweep => Header[0].Trim().ToLowerInvariant();

    /// <summary>Rows of numbers, one value per header column.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>The 1-based line of each row in the file.</summary>
    public IReadOnlyList<int> Lines { get; }

    /// <summary>The file stem (name without its extension).</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Position of header column <paramref name="c"/> (line 1).</summary>
    public SourcePosition HeaderPosition(int c) => new(Path, 1, _headerColumns.Count > c ? _headerColumns[c] : 1);

    private List<int> _headerColumns = new();

    /// <summary>The values of column <paramref name="c"/>.</summary>
    public double[] Column(int c) => Rows.Select(r => r[c]).ToArray();

    /// <summary>Index of the column named <paramref name="name"/> (case-insensitive), or −1.</summary>
    public int IndexOf(string name)
    {
        for (int c = 0; c < Header.Count; c++)
            if (string.Equals(Header[c].Trim(), name, StringComparison.OrdinalIgnoreCase)) return c;
        return -1;
    }

    /// <summary>Reads and checks a data file; throws <see cref="FitInputException"/> naming the file and line.</summary>
    public static FitData Read(string path)
    {
        string[] text;
        try { text = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FitInputException(new SourcePosition(path, 1, 1), $"cannot read data file: {e.Message}");
        }
        int first = 0;
        while (first < text.Length && text[first].Trim().Length == 0) first++;
        if (first == text.Length) throw new FitInputException(new SourcePosition(path, 1, 1), "empty data file: expected a header line and rows");
        var (header, headerCols) = Split(text[first].TrimStart('\uFEFF'));
        if (header.Count < 2) throw new FitInputException(new SourcePosition(path, first + 1, 1),
            "the header needs the sweep variable and at least one data column");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < header.Count; c++)
        {
            if (header[c].Trim().Length == 0) throw new FitInputException(new SourcePosition(path, first + 1, headerCols[c]), $"empty column name (column {c + 1})");
            if (!seen.Add(header[c].Trim())) throw new FitInputException(new SourcePosition(path, first + 1, headerCols[c]), $"column '{header[c].Trim()}' appears twice");
        }
        var rows = new List<double[]>();
        var lines = new List<int>();
        for (int l = first + 1; l < text.Length; l++)
        {
            if (text[l].Trim().Length == 0) continue;
            var (cells, cols) = Split(text[l]);
            if (cells.Count != header.Count)
                throw new FitInputException(new SourcePosition(path, l + 1, 1), $"{cells.Count} values, but the header has {header.Count} columns");
            var row = new double[cells.Count];
            for (int c = 0; c < cells.Count; c++)
            {
                string s = cells[c].Trim();
                if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                    throw new FitInputException(new SourcePosition(path, l + 1, cols[c]), $"'{s}' is not a finite number (column '{header[c].Trim()}')");
            }
            rows.Add(row);
            lines.Add(l + 1);
        }
        if (rows.Count == 0) throw new FitInputException(new SourcePosition(path, first + 1, 1), "no data rows after the header");
        return new FitData(path, header.Select(h => h.Trim()).ToList(), rows, lines) { _headerColumns = headerCols };
    }

    /// <summary>Splits a CSV line (double-quoted fields allowed) into fields and their 1-based start columns.</summary>
    private static (List<string> Fields, List<int> Columns) Split(string line)
    {
        var fields = new List<string>();
        var cols = new List<int>();
        int i = 0;
        while (true)
        {
            cols.Add(i + 1);
            var sb = new System.Text.StringBuilder();
            while (i < line.Length && line[i] == ' ') i++;
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(line[i++]);
                }
                while (i < line.Length && line[i] != ',') i++;
            }
            else
                while (i < line.Length && line[i] != ',') sb.Append(line[i++]);
            fields.Add(sb.ToString());
            if (i >= line.Length) break;
            i++; // the comma
        }
        return (fields, cols);
    }
}
