using Perovspice.Cli.Output;
using Perovspice.Cli.Results;
using Perovspice.Cli.Running;

namespace Perovspice.Cli.Sharding;

/// <summary>
/// Joins the results of step values (in step order) into the tables a run over exactly those steps writes, and
/// writes them as <c>perovspice run</c> does: per analysis its tables (CSV or raw, SVG with plot) and its text
/// tables (<c>meas.csv</c> gathering every analysis's measures, <c>four.csv</c>, <c>pz.csv</c>).
/// </summary>
internal static class StepAssembler
{
    /// <summary>Writes the files of <paramref name="parts"/> (sorted by step index) into <paramref name="dir"/>.</summary>
    public static void Write(IReadOnlyList<StepPart> parts, bool stepped, string dir, string format, bool plot, bool quiet)
    {
        if (parts.Count == 0) return;
        var texts = new TextOutputs();
        int analyses = parts[0].Analyses.Count;
        for (int i = 0; i < analyses; i++)
        {
            var tables = stepped ? Join(parts.Select(p => p.Analyses[i].Tables).ToList()) : parts[0].Analyses[i].Tables;
            foreach (var table in tables)
            {
                bool points = table.Kind == "hopf-points";
                string ext = format == "raw" && !points ? "raw" : "csv";
                string path = Path.Combine(dir, table.FileStem + "." + ext);
                if (ext == "raw") RawWriter.Write(table, path); else CsvWriter.Write(table, path);
                if (plot && !points) SvgPlotter.Write(table, dir);
            }
            var textTables = new List<TextTable>();
            foreach (var p in parts)
                foreach (var t in p.Analyses[i].Texts)
                {
                    var into = textTables.Find(x => x.FileStem == t.FileStem);
                    if (into is null) textTables.Add(into = new TextTable(t.FileStem, t.Header));
                    into.Append(t);   // (a copy: the parts themselves are written afterwards, unchanged)
                }
            texts.Write(textTables, dir, quiet: true);
        }
    }

    private static List<ResultTable> Join(List<List<ResultTable>> perStep)
    {
        var merged = perStep[0].Select(Empty).ToList();
        foreach (var tables in perStep)
        {
            if (tables.Count != merged.Count) throw new InvalidDataException("the steps have different numbers of tables");
            for (int j = 0; j < tables.Count; j++) Append(merged[j], tables[j]);
        }
        return merged;
    }

    private static ResultTable Empty(ResultTable first)
    {
        var t = new ResultTable(first.Kind, first.FileStem, first.PlotName, first.Title) { StepParameter = first.StepParameter };
        foreach (var c in first.Columns) t.Columns.Add(new ResultColumn(c.Name));
        foreach (var v in first.Vectors) t.Vectors.Add(new RawVector(v.Name, v.Type, v.IsComplex));
        return t;
    }

    private static void Append(ResultTable merged, ResultTable part)
    {
        if (part.Columns.Count != merged.Columns.Count || part.Vectors.Count != merged.Vectors.Count)
            throw new InvalidDataException($"{merged.FileStem}: the steps' output columns differ");
        int first = merged.RowCount;
        for (int c = 0; c < part.Columns.Count; c++) merged.Columns[c].Values.AddRange(part.Columns[c].Values);
        for (int v = 0; v < part.Vectors.Count; v++)
        {
            merged.Vectors[v].Real.AddRange(part.Vectors[v].Real);
            merged.Vectors[v].Imag.AddRange(part.Vectors[v].Imag);
        }
        foreach (var s in part.Steps) merged.Steps.Add(new StepRange(s.Value, first + s.FirstRow, s.RowCount));
    }
}
