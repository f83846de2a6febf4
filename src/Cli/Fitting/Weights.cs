namespace Perovspice.Cli.Fitting;

/// <summary>
/// The sigma of each data value when the file gives no <c>sigma(NAME)</c> column (<c>--weight</c>):
/// <list type="bullet">
/// <item><c>unit</c>: the column's range (max − min), so columns of different sizes weigh alike;</item>
/// <item><c>proportional</c>: |value| (relative errors);</item>
/// <item><c>modulus</c> (default for ac data): the modulus |Z| of the data's complex quantity at that row — from its
/// magnitude column, or from its real and imaginary columns — as in impedance fitting; a phase or dB column, which has
/// no modulus, is weighted by its range.</item>
/// </list>
/// Sigmas are floored at 1e-12 of the column's largest |value| (and 1 for an all-zero column) so none is zero.
/// </summary>
internal static class Weights
{
    private enum Part { Re, Im, Mag, Other }

    /// <summary>The sigmas of column <paramref name="index"/> (print item <paramref name="probe"/>); <paramref name="all"/>
    /// lists every fitted column of the file (to find the real/imaginary/magnitude columns of the same item).</summary>
    public static double[] Sigma(FitData data, int index, int probe, IReadOnlyList<(int Index, int Probe, string Name)> all, string mode)
    {
        var y = data.Column(index);
        double max = y.Max(Math.Abs);
        double floor = max > 0 ? 1e-12 * max : 1;
        double range = y.Max() - y.Min();
        if (!(range > 0)) range = max > 0 ? max : 1;
        var part = Classify(all.First(c => c.Index == index).Name);
        if (mode == "unit" || mode == "modulus" && part == Part.Other) return y.Select(_ => range).ToArray();
        if (mode == "proportional") return y.Select(v => Math.Max(Math.Abs(v), floor)).ToArray();
        int re = -1, im = -1, mag = -1;
        foreach (var c in all.Where(c => c.Probe == probe))
            switch (Classify(c.Name))
            {
                case Part.Re: re = c.Index; break;
                case Part.Im: im = c.Index; break;
                case Part.Mag: mag = c.Index; break;
            }
        var sigma = new double[y.Length];
        for (int r = 0; r < y.Length; r++)
        {
            var row = data.Rows[r];
            double m = mag >= 0 ? Math.Abs(row[mag]) : re >= 0 && im >= 0 ? Math.Sqrt(row[re] * row[re] + row[im] * row[im]) : Math.Abs(y[r]);
            sigma[r] = Math.Max(m, floor);
        }
        return sigma;
    }

    /// <summary>Which part of a complex quantity an ac column name holds: vr/ir/re(@…) real, vi/ii/im(@…) imaginary,
    /// vm/im magnitude.</summary>
    private static Part Classify(string name)
    {
        string s = name.ToLowerInvariant();
        if (s.StartsWith("re(@")) return Part.Re;
        if (s.StartsWith("im(@")) return Part.Im;
        int open = s.IndexOf('(');
        if (open < 2 || s[0] is not ('v' or 'i')) return Part.Other;
        return s[1..open] switch { "r" => Part.Re, "i" => Part.Im, "m" => Part.Mag, _ => Part.Other };
    }
}
