namespace Perovspice.Netlist;

/// <summary>Collects diagnostics, dropping exact duplicates and stopping after too many errors.</summary>
internal sealed class DiagnosticBag
{
    /// <summary>After this many errors reading stops with a final "too many errors" diagnostic.</summary>
    public const int MaxErrors = 200;

    private readonly List<NetlistDiagnostic> _items = new();
    private readonly HashSet<(SourcePosition, string, bool)> _seen = new();

    public int ErrorCount { get; private set; }
    public bool TooMany => ErrorCount >= MaxErrors;
    public bool HasErrors => ErrorCount > 0;
    public IReadOnlyList<NetlistDiagnostic> Items => _items;

    public void Error(SourcePosition pos, string message) => Add(new NetlistDiagnostic(pos, message, false));
    public void Warning(SourcePosition pos, string message) => Add(new NetlistDiagnostic(pos, message, true));

    public void Add(NetlistDiagnostic d)
    {
        if (!_seen.Add((d.Position, d.Message, d.IsWarning))) return;
        if (!d.IsWarning)
        {
            if (ErrorCount > MaxErrors) return;
            ErrorCount++;
            if (ErrorCount > MaxErrors)
            {
                _items.Add(d with { Message = $"too many errors (more than {MaxErrors}); stopping here" });
                return;
            }
        }
        _items.Add(d);
    }

    public IEnumerable<NetlistDiagnostic> Warnings => _items.Where(d => d.IsWarning);
}
