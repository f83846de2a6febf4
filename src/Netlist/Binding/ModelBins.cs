using System.Globalization;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Binding;

/// <summary>
/// ngspice's model binning: a MOSFET that names a model family NAME for which the netlist has cards NAME.1,
/// NAME.2, … (and no card NAME) gets the first card (by bin number) whose ranges hold its drawn length and width,
/// lmin ≤ l ≤ lmax and wmin ≤ w ≤ wmax as ngspice 39 does (a card without a bound is unbounded on that side). l and w are the
/// element's <c>l=</c> and <c>w=</c>, else ngspice's default of 100 µm.
/// </summary>
internal sealed partial class ElementBinder
{
    /// <summary>ngspice's default drawn length and width (<c>.options defl defw</c>).</summary>
    private const double DefaultLength = 100e-6;

    private Dictionary<string, List<(int Bin, ModelDefinition Card)>>? _bins;

    /// <summary>The card of family <paramref name="name"/> (flattened) that covers element <paramref name="e"/>, or
    /// null when the netlist has no cards NAME.k; fails at the model word when none covers it.</summary>
    private ModelDefinition? ChooseBin(FlatElement e, WordArg name)
    {
        _bins ??= Families(_netlist);
        if (!_bins.TryGetValue(name.Word, out var cards)) return null;
        double l = DefaultLength, w = DefaultLength;
        foreach (var a in e.Arguments)
        {
            if (a is AssignArg { Key: "l" } al) l = al.Value;
            else if (a is AssignArg { Key: "w" } aw) w = aw.Value;
        }
        foreach (var (_, card) in cards)
            if (Holds(card, "lmin", "lmax", l) && Holds(card, "wmin", "wmax", w)) return card;
        var ci = CultureInfo.InvariantCulture;
        string ranges = string.Join(", ", cards.Take(6).Select(c =>
            $"{c.Card.Name}: l {Bound(c.Card, "lmin")}…{Bound(c.Card, "lmax")}, w {Bound(c.Card, "wmin")}…{Bound(c.Card, "wmax")}"));
        throw Fail(name.Position, string.Format(ci, "no bin of model '{0}' covers l = {1:G4} m, w = {2:G4} m ({3}{4})",
            name.Word, l, w, ranges, cards.Count > 6 ? ", …" : ""));
    }

    // both bounds inclusive, the lowest bin number first: ngspice 39 puts l = lmax of nch.1 = lmin of nch.2 in nch.1
    // and accepts l = lmax of the last bin (References/binning_nodeset)
    private static bool Holds(ModelDefinition card, string min, string max, double v) =>
        (!card.Parameters.TryGetValue(min, out var lo) || v >= lo.value * (1 - 1e-12))
        && (!card.Parameters.TryGetValue(max, out var hi) || v <= hi.value * (1 + 1e-12));

    private static string Bound(ModelDefinition card, string key) =>
        card.Parameters.TryGetValue(key, out var b) ? b.value.ToString("G4", CultureInfo.InvariantCulture) : "-";

    /// <summary>The cards NAME.k (k digits) by family NAME, ordered by k.</summary>
    private static Dictionary<string, List<(int Bin, ModelDefinition Card)>> Families(FlatNetlist netlist)
    {
        var families = new Dictionary<string, List<(int, ModelDefinition)>>();
        foreach (var (key, card) in netlist.Models)
        {
            int dot = key.LastIndexOf('.');
            if (dot <= 0 || dot == key.Length - 1 || key.AsSpan(dot + 1).IndexOfAnyExceptInRange('0', '9') >= 0) continue;
            if (!int.TryParse(key.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int bin)) continue;
            string family = key[..dot];
            if (netlist.Models.ContainsKey(family)) continue;   // a card of that very name: no binning
            if (!families.TryGetValue(family, out var list)) families[family] = list = new();
            list.Add((bin, card));
        }
        foreach (var list in families.Values) list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return families;
    }
}
