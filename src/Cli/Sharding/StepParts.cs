using System.Text;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Sharding;

/// <summary>The results of one step value: for each analysis (in netlist order) its tables and its text tables.</summary>
/// <param name="Index">The step's 0-based index among all step values.</param>
/// <param name="Analyses">Per analysis: the result tables (each holding just this step) and the text tables.</param>
internal sealed record StepPart(int Index, List<(List<ResultTable> Tables, List<TextTable> Texts)> Analyses);

/// <summary>
/// Lossless binary store of <see cref="StepPart"/>s (doubles as their 8 bytes), so that a merge rebuilds exactly the
/// tables the unsharded run would have built.
/// </summary>
internal static class StepParts
{
    private const string Magic = "perovspice-parts-1";

    /// <summary>Writes the parts to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<StepPart> parts)
    {
        using var w = new BinaryWriter(File.Create(path), Encoding.UTF8);
        w.Write(Magic);
        w.Write(parts.Count);
        foreach (var p in parts)
        {
            w.Write(p.Index);
            w.Write(p.Analyses.Count);
            foreach (var (tables, texts) in p.Analyses)
            {
                w.Write(tables.Count);
                foreach (var t in tables) WriteTable(w, t);
                w.Write(texts.Count);
                foreach (var t in texts) WriteText(w, t);
            }
        }
    }

    /// <summary>Reads the parts written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> if damaged.</summary>
    public static List<StepPart> Read(string path)
    {
        try
        {
            using var r = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (r.ReadString() != Magic) throw new InvalidDataException($"{path}: not a perovspice shard parts file");
            int n = r.ReadInt32();
            var parts = new List<StepPart>(n);
            for (int k = 0; k < n; k++)
            {
                int index = r.ReadInt32();
                int analyses = r.ReadInt32();
                var list = new List<(List<ResultTable>, List<TextTable>)>(analyses);
                for (int a = 0; a < analyses; a++)
                {
                    var tables = new List<ResultTable>();
                    for (int c = r.ReadInt32(); c > 0; c--) tables.Add(ReadTable(r));
                    var texts = new List<TextTable>();
                    for (int c = r.ReadInt32(); c > 0; c--) texts.Add(ReadText(r));
                    list.Add((tables, texts));
                }
                parts.Add(new StepPart(index, list));
            }
            return parts;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: truncated shard parts file");
        }
    }

    private static void WriteTable(BinaryWriter w, ResultTable t)
    {
        w.Write(t.Kind); w.Write(t.FileStem); w.Write(t.PlotName); w.Write(t.Title);
        w.Write(t.StepParameter is not null);
        if (t.StepParameter is not null) w.Write(t.StepParameter);
        w.Write(t.Columns.Count);
        foreach (var c in t.Columns) { w.Write(c.Name); Doubles(w, c.Values); }
        w.Write(t.Vectors.Count);
        foreach (var v in t.Vectors)
        {
            w.Write(v.Name); w.Write((int)v.Type); w.Write(v.IsComplex);
            Doubles(w, v.Real); Doubles(w, v.Imag);
        }
        w.Write(t.Steps.Count);
        foreach (var s in t.Steps) { w.Write(s.Value); w.Write(s.FirstRow); w.Write(s.RowCount); }
    }

    private static ResultTable ReadTable(BinaryReader r)
    {
        var t = new ResultTable(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString());
        if (r.ReadBoolean()) t.StepParameter = r.ReadString();
        for (int c = r.ReadInt32(); c > 0; c--)
        {
            var col = new ResultColumn(r.ReadString());
            ReadDoubles(r, col.Values);
            t.Columns.Add(col);
        }
        for (int c = r.ReadInt32(); c > 0; c--)
        {
            var v = new RawVector(r.ReadString(), (VectorType)r.ReadInt32(), r.ReadBoolean());
            ReadDoubles(r, v.Real); ReadDoubles(r, v.Imag);
            t.Vectors.Add(v);
        }
        for (int c = r.ReadInt32(); c > 0; c--) t.Steps.Add(new StepRange(r.ReadDouble(), r.ReadInt32(), r.ReadInt32()));
        return t;
    }

    private static void WriteText(BinaryWriter w, TextTable t)
    {
        w.Write(t.FileStem);
        Strings(w, t.Header);
        w.Write(t.Rows.Count);
        foreach (var row in t.Rows) Strings(w, row);
        Strings(w, t.Summary);
        Strings(w, t.Warnings);
    }

    private static TextTable ReadText(BinaryReader r)
    {
        var t = new TextTable(r.ReadString(), ReadStrings(r));
        for (int c = r.ReadInt32(); c > 0; c--) t.Rows.Add(ReadStrings(r).ToArray());
        t.Summary.AddRange(ReadStrings(r));
        t.Warnings.AddRange(ReadStrings(r));
        return t;
    }

    private static void Doubles(BinaryWriter w, List<double> values)
    {
        w.Write(values.Count);
        foreach (double v in values) w.Write(v);
    }

    private static void ReadDoubles(BinaryReader r, List<double> into)
    {
        int n = r.ReadInt32();
        into.Capacity = Math.Max(into.Capacity, n);
        for (int k = 0; k < n; k++) into.Add(r.ReadDouble());
    }

    private static void Strings(BinaryWriter w, IReadOnlyList<string> s)
    {
        w.Write(s.Count);
        foreach (var x in s) w.Write(x);
    }

    private static List<string> ReadStrings(BinaryReader r)
    {
        int n = r.ReadInt32();
        var list = new List<string>(n);
        for (int k = 0; k < n; k++) list.Add(r.ReadString());
        return list;
    }
}
