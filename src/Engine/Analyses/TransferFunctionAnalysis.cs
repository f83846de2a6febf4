using Perovspice.Engine.Analysis;

namespace Perovspice.Engine;

/// <summary>The small-signal dc transfer function (<c>.tf</c>) and the input and output resistances
/// (<see cref="TransferFunction"/>).</summary>
public sealed class TransferFunctionAnalysis : SimulationAnalysis
{
    /// <summary>Creates the analysis.</summary>
    /// <param name="spec">The input source and the output (a node pair or a voltage source's current).</param>
    /// <param name="outputText">The output as written (names the output-impedance column), by default
    /// <c>v(a)</c>, <c>v(a,b)</c> or <c>i(vo)</c>.</param>
    public TransferFunctionAnalysis(TransferFunctionSpec spec, string? outputText = null)
    {
        Spec = spec;
        OutputText = outputText ?? (spec.OutSource is { } src ? $"i({src})"
            : spec.OutMinus is null or "0" ? $"v({spec.OutPlus})" : $"v({spec.OutPlus},{spec.OutMinus})");
    }

    /// <summary>The input source and the output.</summary>
    public TransferFunctionSpec Spec { get; }

    /// <summary>The output as written, e.g. "v(out)".</summary>
    public string OutputText { get; }

    /// <inheritdoc/>
    public override string Kind => "tf";

    /// <summary>Computes the operating point, then the transfer function and resistances.</summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="cancellation">Stops the operating point with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="SimulationException">No operating point, or a singular Jacobian.</exception>
    /// <exception cref="ArgumentException">An unknown source or node.</exception>
    public TransferFunctionResult Run(Simulator simulator, CancellationToken cancellation = default) =>
        TransferFunction.Compute(simulator, Spec, cancellation);

    /// <summary>One row, columns named as ngspice names the vectors: <c>transfer_function</c>,
    /// <c>output_impedance_at_v(out)</c> (or <c>vo#output_impedance</c> for i(vo)), <c>vin#input_impedance</c>.</summary>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var r = Run(simulator, cancellation);
        var table = output.AddTable(Kind, "", "Transfer Function");
        table.AddColumn("transfer_function", QuantityType.None)(r.Gain);
        table.AddColumn(Spec.OutSource is { } src ? $"{src}#output_impedance" : $"output_impedance_at_{OutputText}",
            QuantityType.None)(r.OutputResistance);
        table.AddColumn($"{Spec.Input}#input_impedance", QuantityType.None)(r.InputResistance);
    }
}
