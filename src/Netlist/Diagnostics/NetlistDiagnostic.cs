namespace Perovspice.Netlist;

/// <summary>An error or warning found while reading a netlist.</summary>
/// <param name="Position">Where the problem is (the column points at the offending or missing token).</param>
/// <param name="Message">What was expected or found, without position prefix.</param>
/// <param name="IsWarning">True for warnings (e.g. skipped <c>.control</c> blocks).</param>
public sealed record NetlistDiagnostic(SourcePosition Position, string Message, bool IsWarning = false)
{
    /// <summary><c>file:line:col: error: message</c> (or <c>warning:</c>).</summary>
    public override string ToString() =>
        $"{Position.File}:{Position.Line}:{Position.Column}: {(IsWarning ? "warning" : "error")}: {Message}";
}
