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
        if (e.Kind == 'm' && GeometryScale is double scale && scale != 1) e = ScaleGeometry(e, scale);
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
        FunctionArg? wave = null;
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
                    if (wave != null) throw Fail(f.Position, $"'{e.Name}' has two waveforms");
                    wave = f;
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
        var kind = wave == null ? null : WaveformCatalog.Find(wave.Name);
        if (wave != null && kind == null)
            throw Fail(wave.Position, $"unknown waveform '{wave.Name}' (expected {WaveformCatalog.NameList()})");
        if ((repeat != null || delay != 0) && kind?.TakesRepeatAndDelay != true)
        {
            var at = args.OfType<AssignArg>().First(a => a.Key is "r" or "td").Position;
            throw Fail(at, $"r= and td= belong to a PWL waveform");
        }
        Waveform? waveform = null;
        if (wave != null && kind != null)
        {
            if (kind.MaxValues != int.MaxValue && (wave.Values.Count < kind.MinValues || wave.Values.Count > kind.MaxValues))
                throw Fail(wave.Position, $"{wave.Name.ToUpperInvariant()} takes {kind.MinValues} to {kind.MaxValues} values, got {wave.Values.Count}");
            try { waveform = kind.Create(wave.Values, new WaveformContext(repeat, delay, stream => NoiseSeed(e.Name, stream))); }
            catch (ArgumentException ex) { throw Fail(wave.Position, $"{wave.Name}: {ex.Message}"); }
        }
        // the noise waveforms add to the dc value (as ngspice 39 does), the others replace it
        if (waveform is IAddsToDcValue noise && dc is double offset) waveform = noise.WithOffset(offset);
        // ngspice: without a dc value, .op and .dc use the waveform's t = 0 value.
        double dcValue = dc ?? (waveform?.Value(0) ?? 0);
        return new SourceValue { Dc = dcValue, AcMagnitude = acMag, AcPhase = acPhase, Waveform = waveform };
    }

    /// <summary>The seed of a TRNOISE or TRRANDOM source: the random functions' draw key (<see cref="RandomFunctions.Key"/>) of
    /// <c>.options seed</c> and the element's name, so the same netlist gives the same noise on every run and machine,
    /// each source its own, and another seed other noise.</summary>
    private int NoiseSeed(string element, string stream)
    {
        ulong seed = _netlist.Options.TryGetValue("seed", out var s) && s.value >= 0 && s.value == Math.Floor(s.value)
                     && s.value <= 9.0e15 ? (ulong)s.value : RandomFunctions.DefaultSeed;
        return (int)(RandomFunctions.Key(seed, 0, element, stream, 0) & 0x7fffffff);
    }

    /// <summary><c>.options scale</c> (ngspice 39, HSPICE): the unit of a MOSFET's written geometry, or null.</summary>
    private double? GeometryScale =>
        _netlist.Options.TryGetValue("scale", out var o) && o.value > 0 && double.IsFinite(o.value) ? o.value : null;

    /// <summary>A MOSFET's written <c>l w pd ps</c> times <paramref name="scale"/> and <c>ad as</c> times its square,
    /// as ngspice 39 reads them under <c>.options scale</c> (model binning then sees the scaled l and w).</summary>
    private static FlatElement ScaleGeometry(FlatElement e, double scale) => e with
    {
        Arguments = e.Arguments.Select(a => a is AssignArg { Key: "l" or "w" or "pd" or "ps" } x ? x with { Value = x.Value * scale }
            : a is AssignArg { Key: "ad" or "as" } y ? y with { Value = y.Value * scale * scale } : a).ToList(),
    };
}
