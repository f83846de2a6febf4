using Perovspice.Devices;
using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>Turns flattened elements into devices; every problem becomes a diagnostic at its position.</summary>
internal sealed partial class ElementBinder
{
    private readonly FlatNetlist _netlist;
    private readonly List<NetlistDiagnostic> _errors;

    public ElementBinder(FlatNetlist netlist, List<NetlistDiagnostic> errors)
    {
        _netlist = netlist;
        _errors = errors;
    }

    private void Error(SourcePosition at, string message) => _errors.Add(new NetlistDiagnostic(at, message));

    /// <summary>Binds one element, or returns null after reporting why it cannot be bound.</summary>
    public Device? Bind(FlatElement e)
    {
        try
        {
            return char.ToLowerInvariant(e.Kind) switch
            {
                'r' => BindResistor(e),
                'c' => BindCapacitor(e),
                'l' => BindInductor(e),
                'v' => new VoltageSource(e.Name, e.Nodes[0].Name, e.Nodes[1].Name, BindSourceValue(e)),
                'i' => new CurrentSource(e.Name, e.Nodes[0].Name, e.Nodes[1].Name, BindSourceValue(e)),
                'e' or 'f' or 'g' or 'h' => BindControlled(e),
                'd' => BindDiode(e),
                'n' => BindPerovskite(e),
                'b' => BindBehavioural(e),
                _ => NotYet(e, $"unknown element kind '{e.Kind}'"),
            };
        }
        catch (BindException)
        {
            return null;
        }
        catch (ArgumentException ex)
        {
            Error(e.Position, ex.Message);
            return null;
        }
    }

    private Device? NotYet(FlatElement e, string message)
    {
        Error(e.Position, message);
        return null;
    }

    /// <summary>Thrown after a diagnostic was recorded, to abandon the element.</summary>
    private sealed class BindException : Exception { }

    private BindException Fail(SourcePosition at, string message)
    {
        Error(at, message);
        return new BindException();
    }

    private double RequireValue(FlatElement e, int index, string what)
    {
        int seen = 0;
        foreach (var a in e.Arguments)
            if (a is ValueArg v && seen++ == index) return v.Value;
        var at = e.Arguments.Count > 0 ? e.Arguments[^1].Position : e.Nodes[^1].Position;
        throw Fail(at, $"expected {what} for '{e.Name}'");
    }

    private static double? Assigned(FlatElement e, string key)
    {
        foreach (var a in e.Arguments)
            if (a is AssignArg asg && asg.Key == key) return asg.Value;
        return null;
    }

    private void RejectUnknownAssignments(FlatElement e, string? allowed = null)
    {
        foreach (var a in e.Arguments)
            if (a is AssignArg asg && asg.Key != allowed) throw Fail(asg.Position, $"unknown parameter '{asg.Key}' for '{e.Name}'");
    }

    private Device BindResistor(FlatElement e)
    {
        double r = RequireValue(e, 0, "a resistance");
        RejectUnknownAssignments(e);
        if (r == 0 || !double.IsFinite(r))
            throw Fail(e.Arguments.First(a => a is ValueArg).Position, $"resistance of '{e.Name}' must be finite and non-zero");
        return new Resistor(e.Name, e.Nodes[0].Name, e.Nodes[1].Name, r);
    }

    private Device BindCapacitor(FlatElement e)
    {
        double c = RequireValue(e, 0, "a capacitance");
        RejectUnknownAssignments(e, "ic");
        if (!double.IsFinite(c)) throw Fail(e.Position, $"capacitance of '{e.Name}' must be finite");
        return new Capacitor(e.Name, e.Nodes[0].Name, e.Nodes[1].Name, c, Assigned(e, "ic"));
    }

    private Device BindInductor(FlatElement e)
    {
        double l = RequireValue(e, 0, "an inductance");
        RejectUnknownAssignments(e, "ic");
        if (!double.IsFinite(l) || l == 0) throw Fail(e.Position, $"inductance of '{e.Name}' must be finite and non-zero");
        return new Inductor(e.Name, e.Nodes[0].Name, e.Nodes[1].Name, l, Assigned(e, "ic"));
    }

    /// <summary>Reads `[DC] v [AC mag [phase]] [PULSE(...)|SIN(...)|PWL(...) [r=t]|EXP(...)]`.</summary>
    private SourceValue BindSourceValue(FlatElement e)
    {
        double? dc = null;
        double acMag = 0, acPhase = 0;
        Waveform? waveform = null;
        double? repeat = null;
        var args = e.Arguments;
        for (int k = 0; k < args.Count; k++)
        {
            switch (args[k])
            {
                case WordArg { Word: "dc" } w:
                    if (k + 1 < args.Count && args[k + 1] is ValueArg dv) { dc = dv.Value; k++; }
                    else if (k + 1 < args.Count && args[k + 1] is FunctionArg) { }
                    else if (k + 1 >= args.Count) dc ??= 0;
                    else throw Fail(args[k + 1].Position, $"expected a dc value after 'dc'");
                    _ = w;
                    break;
                case WordArg { Word: "ac" }:
                    acMag = 1;
                    if (k + 1 < args.Count && args[k + 1] is ValueArg mag)
                    {
                        acMag = mag.Value; k++;
                        if (k + 1 < args.Count && args[k + 1] is ValueArg ph) { acPhase = ph.Value; k++; }
                    }
                    break;
                case ValueArg v:
                    if (dc != null) throw Fail(v.Position, $"unexpected value for '{e.Name}'");
                    dc = v.Value;
                    break;
                case FunctionArg f:
                    if (waveform != null) throw Fail(f.Position, $"'{e.Name}' has two waveforms");
                    waveform = MakeWaveform(e, f, () => repeat);
                    break;
                case AssignArg { Key: "r" } r:
                    repeat = r.Value;
                    break;
                default:
                    throw Fail(args[k].Position, $"unexpected argument for source '{e.Name}'");
            }
        }
        if (waveform is PendingPwl pending) waveform = pending.Build(repeat);
        // ngspice: without a dc value, .op and .dc use the waveform's t = 0 value.
        double dcValue = dc ?? (waveform?.Value(0) ?? 0);
        return new SourceValue { Dc = dcValue, AcMagnitude = acMag, AcPhase = acPhase, Waveform = waveform };
    }

    private Waveform MakeWaveform(FlatElement e, FunctionArg f, Func<double?> repeat)
    {
        try
        {
            return f.Name switch
            {
                "pulse" => Check(f, 2, 8, new PulseWaveform(f.Values)),
                "sin" => Check(f, 2, 6, new SineWaveform(f.Values)),
                "exp" => Check(f, 2, 6, new ExpWaveform(f.Values)),
                "pwl" => new PendingPwl(f, this),
                _ => throw Fail(f.Position, $"unknown waveform '{f.Name}' (expected pulse, sin, pwl or exp)"),
            };
        }
        catch (ArgumentException ex)
        {
            throw Fail(f.Position, $"{f.Name}: {ex.Message}");
        }
    }

    private Waveform Check(FunctionArg f, int min, int max, Waveform w)
    {
        if (f.Values.Count < min || f.Values.Count > max)
            throw Fail(f.Position, $"{f.Name.ToUpperInvariant()} takes {min} to {max} values, got {f.Values.Count}");
        return w;
    }

    /// <summary>PWL waits for a possible `r=` after it.</summary>
    private sealed class PendingPwl : Waveform
    {
        private readonly FunctionArg _f;
        private readonly ElementBinder _binder;
        public PendingPwl(FunctionArg f, ElementBinder binder) { _f = f; _binder = binder; }
        public Waveform Build(double? repeat)
        {
            try { return new PwlWaveform(_f.Values, repeat); }
            catch (ArgumentException ex) { throw _binder.Fail(_f.Position, $"pwl: {ex.Message}"); }
        }
        public override void Prepare(TransientSpec spec, List<double> breakpoints) => throw new InvalidOperationException();
        public override double Value(double t) => throw new InvalidOperationException();
    }
}
