using System.Text;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Output;

/// <summary>Writes a <see cref="TextTable"/> as CSV: header row, then the rows; a cell holding a comma, quote or line
/// break is quoted (RFC 4180). The file is written whole: to a temporary name, then renamed.</summary>
public static class TextTableWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/>.</summary>
    public static void Write(TextTable table, string path)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', table.Header.Select(Quote))).Append('\n');
        foreach (var row in table.Rows) sb.Append(string.Join(',', row.Select(Quote))).Append('\n');
        string temp = path + ".tmp";
        File.WriteAllText(temp, sb.ToString(), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    private static string Quote(string s) =>
        s.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
