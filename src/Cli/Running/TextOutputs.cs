using Perovspice.Cli.Output;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Running;

/// <summary>
/// Writes the text tables of each analysis as it finishes: <c>meas.csv</c> gathers the measures of every analysis run
/// so far (rewritten whole after each one), the others (<c>four.csv</c>, <c>pz.csv</c>) are one file each. Prints the
/// summaries (<c>name = value</c>, the Fourier tables, the poles and zeros) on stdout and the warnings on stderr,
/// unless quiet. Written in every output format (raw has no place for them).
/// </summary>
internal sealed class TextOutputs
{
    private TextTable? _meas;

    public void Write(IReadOnlyList<TextTable> tables, string outDir, bool quiet)
    {
        foreach (var t in tables)
        {
            if (!quiet)
            {
                foreach (var s in t.Summary) Console.WriteLine(s);
                foreach (var w in t.Warnings) Console.Error.WriteLine(w);
            }
            TextTable file;
            if (t.FileStem == "meas")
            {
                if (_meas is null) _meas = new TextTable("meas", t.Header);
                _meas.Rows.AddRange(t.Rows);
                file = _meas;
            }
            else file = t;
            string path = Path.Combine(outDir, file.FileStem + ".csv");
            TextTableWriter.Write(file, path);
            if (!quiet) Console.Error.WriteLine($"{file.FileStem}: {file.Rows.Count} rows -> {path}");
        }
    }
}
