using Perovspice.Netlist;

namespace Perovspice.Cli.Fitting;

/// <summary>A netlist or data error of a fit (exit 1), located at a file position.</summary>
internal sealed class FitInputException : Exception
{
    /// <summary>Creates the error at <paramref name="position"/>.</summary>
    public FitInputException(SourcePosition position, string message) : base(message) { Position = position; }

    /// <summary>Where the error is.</summary>
    public SourcePosition Position { get; }

    /// <summary>The located message, <c>file:line:col: error: ...</c>.</summary>
    public override string ToString() => new NetlistDiagnostic(Position, Message).ToString();
}
