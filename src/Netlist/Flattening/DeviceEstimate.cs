using System.Globalization;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

/// <summary>
/// Counts the elements and subcircuit instances a netlist flattens to before anything is expanded (an instance costs
/// work even when its definition is empty or unknown): each definition's count is its own elements and instances
/// plus its instances' counts, memoized per definition, in floating point (so a 10⁸-leaf hierarchy written in 20 lines
/// is refused in microseconds, and no count overflows). Unknown or recursive instances count as nothing (the flattener
/// reports them).
/// </summary>
internal static class DeviceEstimate
{
    /// <summary>True when the estimate is within <see cref="NetlistLimits.MaxDevices"/>; else reports an error at the
    /// top-level instance that contributes most and returns false.</summary>
    public static bool Check(SubcktDefinition root, NetlistLimits limits, DiagnosticBag diags, int maxDepth)
    {
        var memo = new Dictionary<SubcktDefinition, double>();
        var active = new HashSet<SubcktDefinition>();
        double total = 0, worst = -1;
        ElementStatement? worstAt = null, over = null;
        foreach (var s in root.Body)
        {
            if (s is not ElementStatement e) continue;
            double n = e.Kind == 'x' ? 1 + Instance(root, e, memo, active, maxDepth) : 1;
            total += n;
            if (e.Kind == 'x' && n > worst) { worst = n; worstAt = e; }
            if (total > limits.MaxDevices) over ??= e;
        }
        if (over is null) return true;
        if (worst < limits.MaxDevices / 2) worstAt = null;   // no single culprit: point at where the limit is passed
        var at = (worstAt ?? over).Name.Position;
        string where = worstAt is null ? "" : $"; '{worstAt.Name.Written}' alone expands to {Show(worst)}";
        diags.Error(at, $"the netlist would flatten to {Show(total)} elements and instances, more than the limit of {Show(limits.MaxDevices)}" +
            $"{where} (raise the limit with --max-devices)");
        return false;
    }

    private static double Instance(SubcktDefinition scope, ElementStatement x, Dictionary<SubcktDefinition, double> memo,
        HashSet<SubcktDefinition> active, int depth)
    {
        if (x.Subckt is null || depth <= 0) return 0;
        var def = scope.Find(x.Subckt.Text);
        return def is null ? 0 : Count(def, memo, active, depth - 1);
    }

    private static double Count(SubcktDefinition def, Dictionary<SubcktDefinition, double> memo,
        HashSet<SubcktDefinition> active, int depth)
    {
        if (memo.TryGetValue(def, out double known)) return known;
        if (!active.Add(def)) return 0;                      // recursive instantiation: reported by the flattener
        double n = 0;
        foreach (var s in def.Body)
            if (s is ElementStatement e) n += e.Kind == 'x' ? 1 + Instance(def, e, memo, active, depth) : 1;
        active.Remove(def);
        if (depth > 0) memo[def] = n;
        return n;
    }

    private static string Show(double v) =>
        v < 1e6 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.###e0", CultureInfo.InvariantCulture);
}
