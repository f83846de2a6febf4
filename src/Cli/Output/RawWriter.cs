using System.Globalization;
using System.Text;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Output;

/// <summary>
/// Writes ngspice-compatible ASCII raw files: one plot per file, laid out as ngspice's <c>write</c> with
/// <c>filetype=ascii</c> does (header, tab-separated variable list, then per point the index and one value
/// per line, complex values as <c>re,im</c>, a blank line after each point). A <c>.step</c> table is written as one
/// plot per step value, one after another in the same file (as ngspice's <c>load</c> reads a file of several plots);
/// each plot's title ends with <c>(.step name = value)</c>.
/// </summary>
public static class RawWriter
{
    /// <summary>Writes each table to <c>directory/&lt;FileStem&gt;.raw</c> and returns the paths written.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ResultTable> tables, string directory, DateTime? date = null)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>(tables.Count);
        foreach (var table in tables)
        {
            string path = Path.Combine(directory, table.FileStem + ".raw");
            Write(table, path, date);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="path"/> from its <see cref="ResultTable.Vectors"/> (or, if
    /// it has none, from its columns as real vectors). An op table has no scale: its vectors are written as
    /// ngspice writes an operating point (one point). Numbers are lossless (shortest round-trip digits).
    /// </summary>
    /// <param name="table">The results.</param>
    /// <param name="path">File to create.</param>
    /// <param name="date">Date for the header (default: now).</param>
    /// <exception cref="InvalidOperationException">Vectors of unequal length or a non-finite value.</exception>
    public static void Write(ResultTable table, string path, DateTime? date = null)
    {
        var vectors = VectorsOf(table);
        int points = vectors.Count == 0 ? 0 : vectors[0].Real.Count;
        foreach (var v in vectors)
        {
            if (v.Real.Count != points || (v.IsComplex && v.Imag.Count != points))
                throw new InvalidOperationException($"{table.FileStem}: vector '{v.Name}' length differs from {points}");
            CheckFinite(table, v, v.Real);
            if (v.IsComplex) CheckFinite(table, v, v.Imag);
        }
        bool complex = vectors.Any(v => v.IsComplex);

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        string when = NgspiceDate(date ?? SourceDate.Now());
        if (table.Steps.Count == 0)
            WritePlot(w, table, OneLine(table.Title), when, vectors, complex, 0, points);
        else
            foreach (var step in table.Steps)
                WritePlot(w, table, $"{OneLine(table.Title)} (.step {table.StepParameter} = {NumberFormat.RoundTrip(step.Value)})",
                    when, vectors, complex, step.FirstRow, step.RowCount);
    }

    // One plot: header, variable list and the points [first, first + count) of every vector.
    private static void WritePlot(StreamWriter w, ResultTable table, string title, string date, List<RawVector> vectors,
        bool complex, int first, int count)
    {
        w.Write($"Title: {title}\n");
        w.Write($"Date: {date}\n");
        w.Write($"Plotname: {OneLine(table.PlotName)}\n");
        w.Write($"Flags: {(complex ? "complex" : "real")}\n");
        w.Write($"No. Variables: {vectors.Count}\n");
        w.Write($"No. Points: {count}\n");
        w.Write("Variables:\n");
        for (int i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            string grid = i == 0 && v.Type == VectorType.Frequency && IsLogSpaced(v.Real.GetRange(first, count)) ? " grid=3" : "";
            w.Write($"\t{i}\t{VariableName(v.Name)}\t{TypeName(v.Type)}{grid}\n");
        }
        w.Write("Values:\n");
        Span<char> number = stackalloc char[NumberFormat.MaxScientificLength];
        for (int p = 0; p < count; p++)
        {
            w.Write(' ');
            p.TryFormat(number, out int digits, default, CultureInfo.InvariantCulture);
            w.Write(number[..digits]);
            foreach (var v in vectors)
            {
                w.Write('\t');
                w.Write(number[..NumberFormat.FormatScientific(v.Real[first + p], number)]);
                if (complex)
                {
                    w.Write(',');
                    w.Write(number[..NumberFormat.FormatScientific(v.IsComplex ? v.Imag[first + p] : 0.0, number)]);
                }
                w.Write('\n');
            }
            w.Write('\n');
        }
    }

    /// <summary>ngspice's name for a vector type: time, frequency, voltage, current, voltage-density, current-density, notype.</summary>
    public static string TypeName(VectorType type) => type switch
    {
        VectorType.Time => "time",
        VectorType.Frequency => "frequency",
        VectorType.Voltage => "voltage",
        VectorType.Current => "current",
        VectorType.VoltageDensity => "voltage-density",
        VectorType.CurrentDensity => "current-density",
        _ => "notype",
    };

    /// <summary>The date as ngspice writes it, e.g. "Thu Nov 26 09:43:21  2026".</summary>
    public static string NgspiceDate(DateTime d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d:ddd MMM} {d.Day,2} {d:HH:mm:ss}  {d:yyyy}");

    private static List<RawVector> VectorsOf(ResultTable table)
    {
        if (table.Vectors.Count > 0) return table.Vectors;
        var list = new List<RawVector>(table.Columns.Count);
        for (int i = 0; i < table.Columns.Count; i++)
        {
            var c = table.Columns[i];
            var v = new RawVector(c.Name, GuessType(c.Name, i == 0 && table.Kind != "op"), false);
            v.Real.AddRange(c.Values);
            list.Add(v);
        }
        return list;
    }

    private static VectorType GuessType(string name, bool isScale)
    {
        if (isScale && name == "time") return VectorType.Time;
        if (isScale && name == "frequency") return VectorType.Frequency;
        if (name.StartsWith("v(", StringComparison.Ordinal)) return VectorType.Voltage;
        if (name.StartsWith("i(", StringComparison.Ordinal)) return VectorType.Current;
        return VectorType.NoType;
    }

    private static void CheckFinite(ResultTable table, RawVector v, List<double> values)
    {
        for (int p = 0; p < values.Count; p++)
            if (!double.IsFinite(values[p]))
                throw new InvalidOperationException(
                    $"{table.FileStem}: vector '{v.Name}', point {p}: non-finite value {NumberFormat.RoundTrip(values[p])}");
    }

    /// <summary>True if the values are positive with a constant ratio (a dec/oct sweep: ngspice marks it grid=3).</summary>
    private static bool IsLogSpaced(List<double> f)
    {
        if (f.Count < 3 || f[0] <= 0) return false;
        double ratio = f[1] / f[0];
        if (!(ratio > 1)) return false;
        for (int i = 2; i < f.Count; i++)
            if (!(f[i] > 0) || Math.Abs(f[i] / f[i - 1] / ratio - 1) > 1e-6) return false;
        return true;
    }

    // ngspice splits the variable line at white space: a name must be one token.
    private static string VariableName(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char ch in name) if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        return sb.Length == 0 ? "unnamed" : sb.ToString();
    }

    private static string OneLine(string s) => s.Replace("\r", " ").Replace("\n", " ");
}
