using System.Globalization;
using System.Text;

namespace Perovspice.Cli.Fitting;

/// <summary>Writes the files of a fit: fit.csv, fit-correlation.csv, STEM.fit.csv per data file, fit-summary.txt;
/// and the stdout table.</summary>
internal static class FitReport
{
    private static string N(double v) => double.IsPositiveInfinity(v) ? "inf" : v.ToString("R", CultureInfo.InvariantCulture);
    private static string G(double v) => double.IsPositiveInfinity(v) ? "inf" : v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Writes every file into <paramref name="dir"/>; returns their paths.</summary>
    public static List<string> Write(string dir, IReadOnlyList<FitVary> vary, FitModel model, FitResult r, double[][][] fitted, string netlist)
    {
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        void Save(string name, string text)
        {
            string path = Path.Combine(dir, name);
            File.WriteAllText(path, text);
            written.Add(path);
        }
        var sb = new StringBuilder("param,value,stderr,lo95,hi95,start,lo,hi\n");
        for (int j = 0; j < vary.Count; j++)
            sb.Append($"{vary[j].Name},{N(r.Values[j])},{N(r.StdErr[j])},{N(r.Lo95[j])},{N(r.Hi95[j])},{N(r.Start[j])},{N(vary[j].Lo)},{N(vary[j].Hi)}\n");
        Save("fit.csv", sb.ToString());
        sb.Clear().Append("param");
        foreach (var v in vary) sb.Append(',').Append(v.Name);
        sb.Append('\n');
        for (int j = 0; j < vary.Count; j++)
        {
            sb.Append(vary[j].Name);
            for (int m = 0; m < vary.Count; m++) sb.Append(',').Append(N(r.Correlation[j, m]));
            sb.Append('\n');
        }
        Save("fit-correlation.csv", sb.ToString());
        var stems = new HashSet<string>();
        for (int t = 0; t < model.Targets.Count; t++)
        {
            var target = model.Targets[t];
            string stem = target.Data.Stem;
            for (int k = 2; !stems.Add(stem); k++) stem = $"{target.Data.Stem}-{k}";
            sb.Clear().Append(string.Join(",", target.Data.Header.Select(Quote)));
            foreach (var c in target.Columns) sb.Append(',').Append(Quote(c.Name + ".fit"));
            sb.Append('\n');
            for (int i = 0; i < target.Data.Rows.Count; i++)
            {
                sb.Append(string.Join(",", target.Data.Rows[i].Select(N)));
                for (int c = 0; c < target.Columns.Count; c++) sb.Append(',').Append(N(fitted[t][c][i]));
                sb.Append('\n');
            }
            Save(stem + ".fit.csv", sb.ToString());
        }
        sb.Clear();
        sb.Append($"netlist: {netlist}\n");
        foreach (var t in model.Targets) sb.Append($"data: {t.Data.Path} ({t.Data.Rows.Count} rows x {t.Columns.Count} columns, .{t.Kind})\n");
        sb.Append($"data values: {model.Observed.Length}\nparameters: {vary.Count}\n");
        sb.Append($"chi-square: {G(r.ChiSquare)}\nreduced chi-square: {G(r.ReducedChiSquare)}\ndegrees of freedom: {r.Dof}\n");
        sb.Append($"iterations: {r.Iterations}\nevaluations: {r.Evaluations}\nstopped: {r.Reason}\n");
        if (r.HitIterationLimit) sb.Append("warning: the fit stopped at the iteration limit; the values may not be the minimum\n");
        if (r.StdErr.Any(double.IsPositiveInfinity)) sb.Append("warning: some parameters are not determined by the data (singular JtWJ); their intervals are the bounds\n");
        Save("fit-summary.txt", sb.ToString());
        return written;
    }

    /// <summary>The stdout table: name, value ± stderr, 95 % interval.</summary>
    public static string Table(IReadOnlyList<FitVary> vary, FitResult r)
    {
        int w = Math.Max(5, vary.Max(v => v.Name.Length));
        var sb = new StringBuilder();
        sb.Append($"{"param".PadRight(w)}  {"value",-13}  {"stderr",-13}  95% interval\n");
        for (int j = 0; j < vary.Count; j++)
            sb.Append($"{vary[j].Name.PadRight(w)}  {G(r.Values[j]),-13}  {"± " + G(r.StdErr[j]),-13}  [{G(r.Lo95[j])}, {G(r.Hi95[j])}]\n");
        sb.Append($"reduced chi-square {G(r.ReducedChiSquare)} ({r.Dof} degrees of freedom), {r.Iterations} iterations: {r.Reason}\n");
        return sb.ToString();
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
