using System.Globalization;
using System.Text;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Output;

/// <summary>Writes a <see cref="ResultTable"/> as CSV (spec/cli.md): header of column names, one row per point.</summary>
public static class CsvWriter
{
    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="path"/>: header row = column names joined by ","
    /// (a name containing a comma or quote is quoted as RFC 4180 requires), then one row per point, numbers in
    /// invariant culture in shortest round-trip form. Nothing is written if the table is invalid.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value is NaN or infinite (names column and row), or the
    /// columns have different lengths.</exception>
    public static void Write(ResultTable table, string path)
    {
        Validate(table);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        WriteValidated(table, stream);
    }

    /// <summary>Writes the CSV text of <paramref name="table"/> as UTF-8 to <paramref name="stream"/> ("\n" line ends).</summary>
    /// <exception cref="InvalidOperationException">As for <see cref="Write(ResultTable, string)"/>.</exception>
    public static void Write(ResultTable table, Stream stream)
    {
        Validate(table);
        WriteValidated(table, stream);
    }

    /// <summary>Writes the CSV text of <paramref name="table"/> to <paramref name="writer"/> ("\n" line ends).</summary>
    /// <exception cref="InvalidOperationException">As for <see cref="Write(ResultTable, string)"/>.</exception>
    public static void Write(ResultTable table, TextWriter writer)
    {
        using var memory = new MemoryStream();
        Write(table, memory);
        writer.Write(Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
    }

    // Formats straight into a UTF-8 byte buffer: no strings or encoder per cell.
    private static void WriteValidated(ResultTable table, Stream stream)
    {
        var columns = table.Columns;
        var header = new StringBuilder();
        for (int c = 0; c < columns.Count; c++)
        {
            if (c > 0) header.Append(',');
            header.Append(QuoteIfNeeded(columns[c].Name));
        }
        header.Append('\n');
        byte[] headerBytes = Encoding.UTF8.GetBytes(header.ToString());
        stream.Write(headerBytes);

        const int MaxCell = 32; // "-1.2345678901234567E-308" is 24 bytes
        byte[] buffer = new byte[1 << 16];
        int used = 0;
        int rows = table.RowCount;
        var lists = new List<double>[columns.Count];
        for (int c = 0; c < lists.Length; c++) lists[c] = columns[c].Values;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < lists.Length; c++)
            {
                if (buffer.Length - used < MaxCell + 2)
                {
                    stream.Write(buffer, 0, used);
                    used = 0;
                }
                if (c > 0) buffer[used++] = (byte)',';
                if (!lists[c][r].TryFormat(buffer.AsSpan(used), out int n, "R", CultureInfo.InvariantCulture))
                    throw new InvalidOperationException("number too long for the CSV buffer");
                used += n;
            }
            buffer[used++] = (byte)'\n';
        }
        stream.Write(buffer, 0, used);
    }

    /// <summary>Checks equal column lengths and finite values.</summary>
    /// <exception cref="InvalidOperationException">The first offending column and row (0-based data row).</exception>
    public static void Validate(ResultTable table)
    {
        int rows = table.RowCount;
        foreach (var column in table.Columns)
        {
            var values = column.Values;
            if (values.Count != rows)
                throw new InvalidOperationException(
                    $"{table.FileStem}: column '{column.Name}' has {values.Count} values, expected {rows}");
            for (int r = 0; r < values.Count; r++)
                if (!double.IsFinite(values[r]))
                    throw new InvalidOperationException(
                        $"{table.FileStem}: column '{column.Name}', row {r}: non-finite value {NumberFormat.RoundTrip(values[r])}");
        }
    }

    private static string QuoteIfNeeded(string name) =>
        name.AsSpan().IndexOfAny(",\"\r\n") < 0 ? name : "\"" + name.Replace("\"", "\"\"") + "\"";
}
