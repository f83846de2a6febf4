using Perovspice.Devices;
using Perovspice.Engine;
using Perovspice.Netlist.Binding.Behavioural;
using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Binding;

/// <summary>Turns flattened elements into devices; every problem becomes a diagnostic at its position.</summary>
internal sealed partial class ElementBinder
{
    private readonly FlatNetlist _netlist;
    private readonly List<NetlistDiagnostic> _errors;
    private readonly List<NetlistDiagnostic>? _warnings;
    private readonly double _temperature, _tnom;

    public ElementBinder(FlatNetlist netlist, List<NetlistDiagnostic> errors, List<NetlistDiagnostic>? warnings = null)
    {
        _netlist = netlist;
        _errors = errors;
        _warnings = warnings;
        _temperature = Celsius(netlist, "temp");
        _tnom = Celsius(netlist, "tnom");
    }

    private static double Celsius(FlatNetlist netlist, string option) =>
        (netlist.Options.TryGetValue(option, out var v) ? v.value : 27) + Units.CelsiusToKelvin;

    private void Error(SourcePosition at, string message) => _errors.Add(new NetlistDiagnostic(at, message));

    private void Warn(SourcePosition at, string message) => _warnings?.Add(new NetlistDiagnostic(at, message, true));

    /// <summary>Binds one element through its kind in the registry, or returns null after reporting why it
    /// cannot be bound.</summary>
    public Device? Bind(FlatElement e)
    {
        var kind = DeviceCatalog.Find(char.ToLowerInvariant(e.Kind));
        if (kind == null)
        {
            Error(e.Position, $"unknown element kind '{e.Kind}'");
            return null;
        }
        try
        {
            var request = kind.Form switch
            {
                ElementForm.Source => Simple(e, BindSourceValue(e)),
                ElementForm.Behavioural => Simple(e, BindBehavioural(e)),
                ElementForm.VoltageControlled or ElementForm.CurrentControlled when e.Arguments.Any(a => a is ExpressionArg)
                    => Simple(e, BindBehavioural(e).Item2),
                ElementForm.VoltageControlled => BindVoltageControlled(e, kind),
                ElementForm.CodeModel => BindCodeModel(e, kind),
                _ => BindGeneric(e, kind),
            };
            return kind.Create(request);
        }
        catch (BindException)
        {
            return null;
        }
        catch (ArgumentException ex)
        {
            // a value the device rejects is located at the element's first positional value, if any
            Error(e.Arguments.OfType<ValueArg>().FirstOrDefault()?.Position ?? e.Position, ex.Message);
            return null;
        }
    }

    private DeviceRequest Simple(FlatElement e, object payload) => new()
    {
        Name = e.Name,
        Nodes = NodeNames(e),
        Payload = payload,
        Temperature = _temperature,
    };

    private static string[] NodeNames(FlatElement e)
    {
        var nodes = new string[e.Nodes.Count];
        for (int k = 0; k < nodes.Length; k++) nodes[k] = e.Nodes[k].Name;
        return nodes;
    }

    /// <summary>Thrown after a diagnostic was recorded, to abandon the element.</summary>
    private sealed class BindException : Exception { }

    private BindException Fail(SourcePosition at, string message)
    {
        Error(at, message);
        return new BindException();
    }

    /// <summary>Reads `[DC] v [AC mag [phase]] [PULSE(...)|SIN(...)|PWL(...) [r=t]|EXP(...)]`.</summary>
    private SourceValue BindSourceValue(FlatElement e)
    {
        double? dc = null;
        double acMag = 0, acPhase = 0;
        Waveform? waveform = null;
        double? repeat = null;
        double delay = 0;
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
                case AssignArg { Key: "td" } td:
                    if (!double.IsFinite(td.Value) || td.Value < 0) throw Fail(td.Position, "td= must be >= 0");
                    delay = td.Value;
                    break;
                default:
                    throw Fail(args[k].Position, $"unexpected argument for source '{e.Name}'");
            }
        }
        if (waveform is PendingPwl pending) waveform = pending.Build(repeat, delay);
        else if (repeat != null || delay != 0)
        {
            var at = args.OfType<AssignArg>().First(a => a.Key is "r" or "td").Position;
            throw Fail(at, $"r= and td= belong to a PWL waveform");
        }
        // TRNOISE is noise on top of the dc value (as ngspice 39 adds it), the other waveforms replace it
        if (waveform is TrnoiseWaveform noise && dc is double offset) waveform = noise.WithOffset(offset);
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
                "sffm" => Check(f, 2, 7, new SffmWaveform(f.Values)),
                "am" => Check(f, 2, 7, new AmWaveform(f.Values)),
                "trnoise" => Check(f, 2, 7, new TrnoiseWaveform(f.Values, NoiseSeed(e.Name))),
                _ => throw Fail(f.Position, $"unknown waveform '{f.Name}' (expected pulse, sin, pwl, exp, sffm, am or trnoise)"),
            };
        }
        catch (ArgumentException ex)
        {
            throw Fail(f.Position, $"{f.Name}: {ex.Message}");
        }
    }

    /// <summary>The seed of a TRNOISE source: the random functions' draw key (<see cref="RandomFunctions.Key"/>) of
    /// <c>.options seed</c> and the element's name, so the same netlist gives the same noise on every run and machine,
    /// each source its own, and another seed other noise.</summary>
    private int NoiseSeed(string element)
    {
        ulong seed = _netlist.Options.TryGetValue("seed", out var s) && s.value >= 0 && s.value == Math.Floor(s.value)
                     && s.value <= 9.0e15 ? (ulong)s.value : RandomFunctions.DefaultSeed;
        return (int)(RandomFunctions.Key(seed, 0, element, "trnoise", 0) & 0x7fffffff);
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
        public Waveform Build(double? repeat, double delay)
        {
            var values = _f.Values;
            if (delay != 0)
            {
                // td= delays the whole waveform (and its repeat point)
                var shifted = new double[values.Count];
                for (int k = 0; k < shifted.Length; k++) shifted[k] = k % 2 == 0 ? values[k] + delay : values[k];
                values = shifted;
                if (repeat is double r) repeat = r + delay;
            }
            try { return new PwlWaveform(values, repeat); }
            catch (ArgumentException ex) { throw _binder.Fail(_f.Position, $"pwl: {ex.Message}"); }
        }
        public override void Prepare(TransientSpec spec, List<double> breakpoints) => throw new InvalidOperationException();
        public override double Value(double t) => throw new InvalidOperationException();
    }
}
