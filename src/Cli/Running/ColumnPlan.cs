using System.Numerics;
using Perovspice.Cli.Results;
using Perovspice.Engine;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Running;

/// <summary>
/// How each print item becomes CSV columns and raw vectors. Real analyses: one column per item, named as written.
/// Ac: vr/vi/vm/vp/vdb (and the i forms) one column each; a bare v(a) or i(v) gives its real and imaginary parts
/// (vr(a), vi(a)); a device quantity gives re(@d[q]) and im(@d[q]).
/// </summary>
internal static class ColumnPlan
{
    /// <summary>A real-valued reader of one item.</summary>
    public static Func<Solution, double> RealReader(OutputProbe probe, CircuitSystem sys)
    {
        var item = probe.Item;
        switch (item.Kind)
        {
            case PrintItemKind.Voltage:
            {
                int a = sys.NodeIndex(item.Names[0]);
                int b = item.Names.Count > 1 ? sys.NodeIndex(item.Names[1]) : 0;
                var transform = RealTransform(item.Function);
                return s => transform(s.X[a] - s.X[b]);
            }
            case PrintItemKind.Current:
            {
                var d = probe.Device!;
                var transform = RealTransform(item.Function);
                return s => transform(d.ReadQuantity("i", s));
            }
            default:
            {
                var d = probe.Device!;
                string q = item.Quantity!;
                return s => d.ReadQuantity(q, s);
            }
        }
    }

    private static Func<double, double> RealTransform(string function) => function.Length < 2 ? (v => v) : function[1..] switch
    {
        "r" => v => v,
        "i" => _ => 0,
        "m" => Math.Abs,
        "p" => v => v < 0 ? 180 : 0,
        "db" => v => 20 * Math.Log10(Math.Max(Math.Abs(v), 1e-300)),
        _ => v => v,
    };

    /// <summary>A complex reader of one item (ac).</summary>
    public static Func<AcSolution, Complex> AcReader(OutputProbe probe, CircuitSystem sys)
    {
        var item = probe.Item;
        switch (item.Kind)
        {
            case PrintItemKind.Voltage:
            {
                int a = sys.NodeIndex(item.Names[0]);
                int b = item.Names.Count > 1 ? sys.NodeIndex(item.Names[1]) : 0;
                return s => s.X[a] - s.X[b];
            }
            case PrintItemKind.Current:
            {
                var d = probe.Device!;
                if (d.BranchIndex > 0) { int k = d.BranchIndex; return s => s.X[k]; }
                return s => d.ReadAcQuantity("i", s) ?? Complex.Zero;
            }
            default:
            {
                var d = probe.Device!;
                string q = item.Quantity!;
                return s => d.ReadAcQuantity(q, s) ?? throw new SimulationException(
                    $"ac analysis: '{item.Text}' has no small-signal value");
            }
        }
    }

    /// <summary>The ac columns of one item: names and how each is computed from the complex value.</summary>
    public static IEnumerable<(string Name, Func<Complex, double> Part)> AcColumns(PrintItem item)
    {
        string f = item.Function;
        if (item.Kind == PrintItemKind.Device)
        {
            yield return ($"re({item.Text})", z => z.Real);
            yield return ($"im({item.Text})", z => z.Imaginary);
            yield break;
        }
        if (f is "v" or "i")
        {
            string args = item.Text[1..];
            yield return ($"{f}r{args}", z => z.Real);
            yield return ($"{f}i{args}", z => z.Imaginary);
            yield break;
        }
        Func<Complex, double> part = f[1..] switch
        {
            "r" => z => z.Real,
            "i" => z => z.Imaginary,
            "m" => z => z.Magnitude,
            "p" => z => z.Phase * 180 / Math.PI,
            _ => z => 20 * Math.Log10(Math.Max(z.Magnitude, 1e-300)),
        };
        yield return (item.Text, part);
    }

    /// <summary>Raw vector name and type of an item: ngspice style v(...)/i(...) with the ac suffix dropped.</summary>
    public static (string Name, VectorType Type) RawName(PrintItem item) => item.Kind switch
    {
        PrintItemKind.Voltage => ("v" + item.Text[item.Function.Length..], VectorType.Voltage),
        PrintItemKind.Current => ("i" + item.Text[item.Function.Length..], VectorType.Current),
        _ => (item.Text, VectorType.NoType),
    };
}
