using System.Globalization;

namespace Perovspice.Devices;

/// <summary>
/// The parameter table of a binned MOSFET model (BSIM3, BSIM4) from its text rows <c>name|default|unit|b|description</c>
/// (<c>b</c> marks a binnable parameter): every row, then the <c>l</c>, <c>w</c> and <c>p</c> variants of each
/// binnable one (length, width and cross dependence, default 0, aliases prefixed alike), skipping a variant whose name
/// is itself a parameter.
/// </summary>
internal static class BinnedParameterTable
{
    /// <summary>Builds the table.</summary>
    /// <param name="rows">The text rows.</param>
    /// <param name="aliases">Other names of some parameters.</param>
    /// <param name="positive">Parameters that must be positive (the others take any finite value).</param>
    /// <param name="skip">Rows left out (a card's text-valued <c>version</c>), or null.</param>
    public static (IReadOnlyList<ParameterInfo> Table, IReadOnlyList<string> Binnable) Build(string rows,
        IReadOnlyDictionary<string, string[]> aliases, IReadOnlySet<string> positive, string? skip = null)
    {
        var table = new List<ParameterInfo>();
        var binnable = new List<string>();
        ParameterInfo Row(string name, string unit, double def, string desc, string[]? other)
        {
            var p = positive.Contains(name) ? ParameterInfo.Positive(name, unit, def, desc) : ParameterInfo.Any(name, unit, def, desc);
            return other == null ? p : p with { Aliases = other };
        }
        foreach (var raw in rows.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var f = line.Split('|');
            string name = f[0], unit = f[2], desc = f[4];
            if (name == skip) continue;
            double def = double.Parse(f[1], CultureInfo.InvariantCulture);
            table.Add(Row(name, unit, def, desc, aliases.GetValueOrDefault(name)));
            if (f[3] == "b") binnable.Add(name);
        }
        var names = new HashSet<string>(table.Select(p => p.Name));
        foreach (var name in binnable)
        {
            var other = aliases.GetValueOrDefault(name);
            foreach (var (prefix, what) in new[] { ("l", "length"), ("w", "width"), ("p", "cross") })
            {
                // a prefixed name that is itself a parameter (BSIM4's "lp", "wr") is no binned variant
                if (names.Contains(prefix + name)) continue;
                table.Add(Row(prefix + name, "", 0, $"{what} dependence of {name}", other?.Select(a => prefix + a).ToArray()));
            }
        }
        return (table, binnable);
    }
}
