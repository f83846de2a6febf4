using System.Globalization;
using Perovspice.Devices;

namespace Perovspice.Cli;

/// <summary>
/// <c>perovspice help TOPIC</c>: the parameter tables of a `.model` type (<c>nmos</c>, <c>npn</c>, <c>d</c>,
/// <c>perovskite</c>, …) or of an element letter (<c>m</c>, <c>q</c>, …), read from the element registry — the same
/// tables the netlist binder checks against.
/// </summary>
internal static class ModelHelp
{
    /// <summary>The topics: every model type and element letter.</summary>
    public static IEnumerable<string> Topics =>
        DeviceCatalog.All.SelectMany(k => k.Models).SelectMany(f => f.Types).Distinct()
            .Concat(DeviceCatalog.All.Select(k => k.Letter.ToString()));

    /// <summary>Writes the help of <paramref name="topic"/>; false when there is no such topic.</summary>
    public static bool Write(string topic, TextWriter o)
    {
        topic = topic.ToLowerInvariant();
        if (DeviceCatalog.FindModelType(topic) is { } family)
        {
            WriteFamily(family, o);
            return true;
        }
        if (topic.Length == 1 && DeviceCatalog.Find(topic[0]) is { } kind)
        {
            o.WriteLine($"{char.ToUpperInvariant(kind.Letter)}: {kind.Description}");
            string nodes = kind.MaxNodes == int.MaxValue ? $"{kind.MinNodes} or more"
                : kind.MaxNodes > kind.MinNodes ? $"{kind.MinNodes}–{kind.MaxNodes}" : kind.MinNodes.ToString(CultureInfo.InvariantCulture);
            var byFamily = kind.Models.Where(f => f.Nodes.HasValue).Select(f => $"{f.Nodes} with {string.Join("/", f.Types)}");
            o.WriteLine($"  nodes: {nodes}{(byFamily.Any() ? $" ({string.Join(", ", byFamily)})" : "")}");
            if (kind.Models.Count > 0)
                o.WriteLine($"  model types: {string.Join(", ", kind.Models.SelectMany(f => f.Types))}{(kind.ModelRequired ? "" : " (optional)")}");
            if (kind.Values.Count > 0) o.WriteLine($"  positional values: {string.Join(" ", kind.Values)}");
            if (kind.Flags.Count > 0) o.WriteLine($"  flags: {string.Join(" ", kind.Flags)}");
            if (kind.InstanceOverridesModel) o.WriteLine("  instance parameters: any parameter of the model's level");
            else if (kind.InstanceParameters.Count > 0)
            {
                o.WriteLine("  instance parameters:");
                WriteTable(kind.InstanceParameters, o);
            }
            return true;
        }
        return false;
    }

    private static void WriteFamily(ModelFamily family, TextWriter o)
    {
        o.WriteLine($".model NAME {string.Join("|", family.Types.Select(t => t.ToUpperInvariant()))} [level=N] (...): {family.Description}");
        foreach (var level in family.Levels)
        {
            o.WriteLine();
            string numbers = string.Join(", ", level.Numbers);
            o.WriteLine($"level={numbers}{(level.Numbers.Contains(family.DefaultLevel) ? " (default)" : "")}: {level.Description}");
            if (level.TextParameters.Count > 0) o.WriteLine($"  text parameters: {string.Join(", ", level.TextParameters)}");
            if (level.Flags.Count > 0) o.WriteLine($"  flags: {string.Join(" ", level.Flags)}");
            if (level.Ignored.Count > 0) o.WriteLine($"  accepted and ignored (a warning): {string.Join(", ", level.Ignored)}");
            if (level.Parameters.Count > 0) WriteTable(level.Parameters, o);
            if (level.VectorParameters.Count > 0)
            {
                o.WriteLine("  vector parameters (name=[v1 v2 …]):");
                WriteTable(level.VectorParameters, o);
            }
        }
    }

    private static void WriteTable(IReadOnlyList<ParameterInfo> table, TextWriter o)
    {
        int w = Math.Max(6, table.Max(p => p.Name.Length));
        foreach (var p in table)
        {
            string def = double.IsNaN(p.Default) ? "-" : p.Default.ToString("G6", CultureInfo.InvariantCulture);
            string unit = p.Unit.Length == 0 ? "" : " " + p.Unit;
            string aliases = p.Aliases.Count == 0 ? "" : $" (also {string.Join(", ", p.Aliases)})";
            string valid = p.ValidityText is null ? "" : $" [{p.ValidityText}]";
            o.WriteLine($"  {p.Name.PadRight(w)}  {(def + unit).PadRight(14)}  {p.Description}{aliases}{valid}");
        }
    }
}
