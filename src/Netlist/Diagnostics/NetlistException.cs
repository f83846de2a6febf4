namespace Perovspice.Netlist;

/// <summary>
/// Thrown by <see cref="NetlistReader"/> when a netlist has at least one error. Carries every
/// diagnostic found (errors and warnings), sorted by position.
/// </summary>
public sealed class NetlistException : Exception
{
    /// <summary>All diagnostics, sorted by position (file order, line, column).</summary>
    public IReadOnlyList<NetlistDiagnostic> Diagnostics { get; }

    /// <summary>Only the errors, sorted by position.</summary>
    public IReadOnlyList<NetlistDiagnostic> Errors => Diagnostics.Where(d => !d.IsWarning).ToList();

    /// <summary>Creates the exception from a list of diagnostics (sorted here).</summary>
    public NetlistException(IEnumerable<NetlistDiagnostic> diagnostics)
        : this(Sort(diagnostics)) { }

    private NetlistException(List<NetlistDiagnostic> sorted)
        : base(sorted.FirstOrDefault(d => !d.IsWarning)?.ToString() ?? "netlist error")
    {
        Diagnostics = sorted;
    }

    private static List<NetlistDiagnostic> Sort(IEnumerable<NetlistDiagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        // stable sort by position
        return list.Select((d, i) => (d, i))
            .OrderBy(t => t.d.Position).ThenBy(t => t.i)
            .Select(t => t.d).ToList();
    }

    /// <summary>Every diagnostic, one per line, in <c>file:line:col: error: message</c> form.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Diagnostics);
}
