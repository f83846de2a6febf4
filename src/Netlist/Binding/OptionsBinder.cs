using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>Maps `.options` onto <see cref="SimulationOptions"/>, checking each value's range.</summary>
internal static class OptionsBinder
{
    private sealed record Numeric(Func<double, bool> Valid, string Range, Action<SimulationOptions, double> Set);

    private static readonly Dictionary<string, Numeric> Table = new()
    {
        ["reltol"] = new(v => v > 0 && v < 1, "between 0 and 1", (o, v) => o.RelTol = v),
        ["abstol"] = new(v => v > 0, "> 0", (o, v) => o.AbsTol = v),
        ["vntol"] = new(v => v > 0, "> 0", (o, v) => o.VnTol = v),
        ["chgtol"] = new(v => v > 0, "> 0", (o, v) => o.ChgTol = v),
        ["trtol"] = new(v => v > 0, "> 0", (o, v) => o.TrTol = v),
        ["gmin"] = new(v => v >= 0, ">= 0", (o, v) => o.Gmin = v),
        ["itl1"] = new(v => v >= 1, ">= 1", (o, v) => o.Itl1 = (int)v),
        ["itl4"] = new(v => v >= 1, ">= 1", (o, v) => o.Itl4 = (int)v),
        ["factorreuse"] = new(v => v is 0 or 1, "0 or 1", (o, v) => o.ReuseFactorization = v == 1),
        ["bypass"] = new(v => v is 0 or 1, "0 or 1", (o, v) => o.Bypass = v == 1),
        // `.options acct` (a bare flag is 1): the command line prints each analysis's solver statistics
        ["acct"] = new(v => v is 0 or 1, "0 or 1 (or just acct)", (o, v) => o.Accounting = v == 1),
        ["maxord"] = new(v => v is 1 or 2, "1 or 2", (o, v) => o.MaxOrder = (int)v),
        // circuit and nominal temperature (°C): read by the element binder for every device
        ["temp"] = new(v => v > -273.15 && double.IsFinite(v), "above -273.15 °C", (_, _) => { }),
        ["tnom"] = new(v => v > -273.15 && double.IsFinite(v), "above -273.15 °C", (_, _) => { }),
        // a resistor (capacitor) from every node to ground, as ngspice 39: added by the circuit binder
        ["rshunt"] = new(v => v > 0 && double.IsFinite(v), "> 0", (_, _) => { }),
        ["cshunt"] = new(v => v > 0 && double.IsFinite(v), "> 0", (_, _) => { }),
        // the unit of MOSFET geometry (l w pd ps; ad as squared): applied by the element binder
        ["scale"] = new(v => v > 0 && double.IsFinite(v), "> 0", (_, _) => { }),
    };

    public static SimulationOptions Bind(FlatNetlist netlist, List<NetlistDiagnostic> errors, List<NetlistDiagnostic> warnings)
    {
        var o = new SimulationOptions();
        foreach (var (name, (value, pos)) in netlist.Options)
        {
            if (Table.TryGetValue(name, out var opt))
            {
                if (!opt.Valid(value)) errors.Add(new NetlistDiagnostic(pos, $"option '{name}' must be {opt.Range}"));
                else opt.Set(o, value);
            }
            // nfreqs, fourgridsize: read by .four (ControlEvaluator); seed: by the random functions (Flattener) and TRNOISE
            else if (name is not ("nfreqs" or "fourgridsize" or "seed"))
                warnings.Add(new NetlistDiagnostic(pos, $"option '{name}' is not used by perovspice; ignored", true));
        }
        foreach (var (name, (value, pos)) in netlist.TextOptions)
        {
            if (name == "method")
            {
                if (value is "trap" or "trapezoidal") o.Method = IntegrationMethod.Trapezoidal;
                else if (value == "gear") o.Method = IntegrationMethod.Gear;
                else errors.Add(new NetlistDiagnostic(pos, $"method must be trap or gear, not '{value}'"));
            }
            else warnings.Add(new NetlistDiagnostic(pos, $"option '{name}' is not used by perovspice; ignored", true));
        }
        return o;
    }
}
