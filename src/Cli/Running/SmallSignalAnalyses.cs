using Perovspice.Cli.Output;
using Perovspice.Cli.Results;
using Perovspice.Engine.Analysis;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Running;

/// <summary>The CLI side of <c>.tf</c> and <c>.pz</c>: run the engine analysis, shape its results into tables.</summary>
internal static class SmallSignalAnalyses
{
    /// <summary><c>.tf</c>: one row, columns named as ngspice names the vectors: <c>transfer_function</c>,
    /// <c>output_impedance_at_v(out)</c> (or <c>vo#output_impedance</c> for i(vo)), <c>vin#input_impedance</c>.</summary>
    public static IReadOnlyList<ResultTable> TransferFunction(AnalysisRunner runner, AnalysisJob job, string stem)
    {
        var tf = (TransferFunctionStatement)job.Statement;
        var o = tf.Output;
        var spec = o.Kind == PrintItemKind.Current
            ? new TransferFunctionSpec(tf.Input, null, null, o.Names[0])
            : new TransferFunctionSpec(tf.Input, o.Names[0], o.Names.Count > 1 ? o.Names[1] : "0", null);
        var r = Engine.Analysis.TransferFunction.Compute(runner.Simulator, spec);
        var t = runner.NewTable("tf", stem, "Transfer Function");
        Add(t, "transfer_function", r.Gain);
        Add(t, o.Kind == PrintItemKind.Current ? $"{o.Names[0]}#output_impedance" : $"output_impedance_at_{o.Text}", r.OutputResistance);
        Add(t, $"{tf.Input}#input_impedance", r.InputResistance);
        return new[] { t };
    }

    private static void Add(ResultTable t, string name, double value)
    {
        var col = new ResultColumn(name);
        var vec = new RawVector(name, VectorType.NoType, false);
        col.Values.Add(value);
        vec.Real.Add(value);
        t.Columns.Add(col);
        t.Vectors.Add(vec);
    }

    /// <summary><c>.pz</c>: a text table <c>pz.csv</c> with columns type (pole or zero), real, imag (rad/s).</summary>
    public static IReadOnlyList<ResultTable> PoleZero(AnalysisRunner runner, AnalysisJob job, string stem)
    {
        var pz = (PoleZeroStatement)job.Statement;
        var spec = new PoleZeroSpec(pz.InPositive, pz.InNegative, pz.OutPositive, pz.OutNegative, pz.CurrentInput, pz.Poles, pz.Zeros);
        var r = Engine.Analysis.PoleZero.Compute(runner.Simulator, spec);
        var t = new TextTable(stem, new[] { "type", "real", "imag" });
        foreach (var (kind, list) in new[] { ("pole", r.Poles), ("zero", r.Zeros) })
            foreach (var z in list)
            {
                t.Rows.Add(new[] { kind, NumberFormat.RoundTrip(z.Real), NumberFormat.RoundTrip(z.Imaginary) });
                t.Summary.Add($"{kind}: {z.Real:G7} {(z.Imaginary < 0 ? "-" : "+")} {Math.Abs(z.Imaginary):G7}j rad/s");
            }
        if (t.Rows.Count == 0) t.Summary.Add($"{stem}: no finite {(pz.Poles && pz.Zeros ? "poles or zeros" : pz.Poles ? "poles" : "zeros")}");
        runner.TextOutputs.Add(t);
        return Array.Empty<ResultTable>();
    }
}
