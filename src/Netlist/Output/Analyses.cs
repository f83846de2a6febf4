using Perovspice.Engine;

namespace Perovspice.Netlist;

/// <summary>An analysis statement, evaluated and validated. <see cref="Kind"/> is its lower-case name.</summary>
public abstract record AnalysisStatement(SourcePosition Position)
{
    /// <summary><c>op</c>, <c>dc</c>, <c>tran</c>, <c>ac</c>, <c>hopf</c>, <c>noise</c>, <c>tf</c> or <c>pz</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary><c>.op</c>.</summary>
public sealed record OpStatement(SourcePosition Position) : AnalysisStatement(Position)
{
    /// <inheritdoc/>
    public override string Kind => "op";
}

/// <summary>One source sweep of a <c>.dc</c> (or the sweep of <c>.hopf</c>).</summary>
/// <param name="Source">Lower-case source name.</param>
/// <param name="Start">First value.</param>
/// <param name="Stop">Last value (inclusive).</param>
/// <param name="Step">Increment; nonzero with the sign of <c>Stop - Start</c>.</param>
/// <param name="Position">Position of the source name.</param>
public sealed record DcSweep(string Source, double Start, double Stop, double Step, SourcePosition Position)
{
    /// <summary>True when <see cref="Source"/> names a resistor whose value is swept (ngspice's <c>.dc R1 …</c>):
    /// each value binds the circuit again with that resistance.</summary>
    public bool ElementValue { get; init; }
}

/// <summary><c>.dc src start stop step [src2 ...]</c>; the first sweep varies fastest.</summary>
public sealed record DcStatement(IReadOnlyList<DcSweep> Sweeps, SourcePosition Position) : AnalysisStatement(Position)
{
    /// <inheritdoc/>
    public override string Kind => "dc";
}

/// <summary><c>.tran tstep tstop [tstart [tmax]] [uic]</c>.</summary>
/// <param name="Step">Print/suggested step (&gt; 0).</param>
/// <param name="Stop">Final time (&gt; 0).</param>
/// <param name="Start">Time output starts (0 when omitted).</param>
/// <param name="MaxStep">Maximum internal step, or null.</param>
/// <param name="Uic">True when <c>uic</c> was given (skip the operating point).</param>
/// <param name="Position">Position of the <c>.tran</c> keyword.</param>
public sealed record TranStatement(double Step, double Stop, double Start, double? MaxStep, bool Uic, SourcePosition Position)
    : AnalysisStatement(Position)
{
    /// <inheritdoc/>
    public override string Kind => "tran";
}

/// <summary><c>.ac dec|oct|lin n fstart fstop</c>.</summary>
public sealed record AcStatement(AcSweepKind Sweep, int Points, double Start, double Stop, SourcePosition Position)
    : AnalysisStatement(Position)
{
    /// <inheritdoc/>
    public override string Kind => "ac";
}

/// <summary><c>.hopf src start stop step</c>.</summary>
public sealed record HopfStatement(string Source, double Start, double Stop, double Step, SourcePosition Position)
    : AnalysisStatement(Position)
{
    /// <inheritdoc/>
    public override string Kind => "hopf";
}

/// <summary><c>.noise v(out[,ref]) src dec|oct|lin n fstart fstop [pts_per_summary]</c>, with the spectra the
/// netlist's <c>.print noise</c> lines name.</summary>
/// <param name="Output">The output node (flattened).</param>
/// <param name="Reference">The output's reference node ("0" for ground).</param>
/// <param name="Source">The input source (lower case; an independent V or I source).</param>
/// <param name="Sweep">Decade, octave or linear spacing.</param>
/// <param name="Points">Points per decade or octave, or in all (lin).</param>
/// <param name="Start">First frequency, Hz (&gt; 0).</param>
/// <param name="Stop">Last frequency, Hz.</param>
/// <param name="Position">Position of the <c>.noise</c> keyword.</param>
public sealed record NoiseStatement(string Output, string Reference, string Source, AcSweepKind Sweep, int Points,
    double Start, double Stop, SourcePosition Position) : AnalysisStatement(Position)
{
    /// <inheritdoc/>
    public override string Kind => "noise";

    /// <summary>The spectra to write, in order (from <c>.print noise</c>); empty for the default
    /// (<c>onoise_spectrum</c>, <c>inoise_spectrum</c>).</summary>
    public IReadOnlyList<NoiseColumn> Columns { get; init; } = Array.Empty<NoiseColumn>();

    /// <summary>ngspice's <c>pts_per_summary</c> (0 when absent): above 0, every generator's and device's contribution is
    /// written and the spectra only at every such point (<see cref="NoiseSpec.PointsPerSummary"/>).</summary>
    public int PointsPerSummary { get; init; }
}
