using System.Globalization;
using Perovspice.Engine.Analysis;

namespace Perovspice.Engine;

/// <summary>Poles and zeros (<c>.pz</c>) of a transfer function at the operating point (<see cref="PoleZero"/>).</summary>
public sealed class PoleZeroAnalysis : SimulationAnalysis
{
    /// <summary>Creates the analysis.</summary>
    /// <param name="spec">The input and output ports, the input kind, and whether poles and/or zeros are wanted.</param>
    public PoleZeroAnalysis(PoleZeroSpec spec) => Spec = spec;

    /// <summary>The ports and what to compute.</summary>
    public PoleZeroSpec Spec { get; }

    /// <inheritdoc/>
    public override string Kind => "pz";

    /// <summary>Computes the operating point, linearizes, and returns the poles and/or zeros (rad/s).</summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="cancellation">Stops the operating point with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="SimulationException">No operating point, too many unknowns, or a singular pencil.</exception>
    public PoleZeroResult Run(Simulator simulator, CancellationToken cancellation = default) =>
        PoleZero.Compute(simulator, Spec, cancellation);

    /// <summary>A text table (type pole or zero, real, imag in rad/s) and a summary line per root.</summary>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var r = Run(simulator, cancellation);
        var t = output.AddTextTable("", new[] { "type", "real", "imag" });
        int rows = 0;
        foreach (var (kind, list) in new[] { ("pole", r.Poles), ("zero", r.Zeros) })
            foreach (var z in list)
            {
                t.AddRow(kind, z.Real.ToString("R", CultureInfo.InvariantCulture), z.Imaginary.ToString("R", CultureInfo.InvariantCulture));
                t.AddSummary($"{kind}: {z.Real:G7} {(z.Imaginary < 0 ? "-" : "+")} {Math.Abs(z.Imaginary):G7}j rad/s");
                rows++;
            }
        if (rows == 0)
            t.AddSummary($"{t.FileStem}: no finite {(Spec.Poles && Spec.Zeros ? "poles or zeros" : Spec.Poles ? "poles" : "zeros")}");
    }
}
