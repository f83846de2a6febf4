using System.Globalization;
using System.Numerics;
using Perovspice.Cli.Output;
using Perovspice.Cli.Results;
using Perovspice.Engine;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;
using Perovspice.Netlist.Measurements;

namespace Perovspice.Cli.Running;

/// <summary>
/// Records, point by point, the scale and every vector the <c>.meas</c> and <c>.four</c> statements of one analysis
/// read (whatever <c>.print</c> writes), then evaluates them into the <c>meas</c> and <c>four</c> tables. In ac a
/// vector is reduced to the real number its function names: v()/i()/vr() the real part, vi() the imaginary part,
/// vm() the magnitude, vp() the phase in radians, vdb() 20·log10 of the magnitude (as ngspice's .meas).
/// </summary>
internal sealed class MeasureRecorder
{
    private readonly AnalysisMeasures _measures;
    private readonly List<double> _scale = new();
    private readonly List<(PrintItem Item, List<double> Values, Func<Solution, double>? Real, Func<AcSolution, double>? Ac)> _vectors = new();
    private readonly List<Probe> _probes = new();
    private CircuitSystem _system;

    public MeasureRecorder(AnalysisMeasures measures, CircuitSystem sys)
    {
        _measures = measures;
        _system = sys;
        var seen = new HashSet<PrintItem>(ReferenceEqualityComparer.Instance);
        foreach (var item in measures.Measures.SelectMany(m => m.Vectors()).Concat(measures.Fourier.SelectMany(f => f.Outputs)))
        {
            if (!seen.Add(item)) continue;
            var probe = measures.Probes[item];
            var engineProbe = probe.ToProbe();
            var ac = engineProbe.AcReader(sys);
            var part = AcPart(item);
            _vectors.Add((item, new List<double>(), engineProbe.RealReader(sys), s => part(ac(s))));
            _probes.Add(engineProbe);
        }
    }

    private static Func<Complex, double> AcPart(PrintItem item) => item.Function.Length < 2 || item.Kind == PrintItemKind.Device
        ? z => z.Real
        : item.Function[1..] switch
        {
            "i" => z => z.Imaginary,
            "m" => z => z.Magnitude,
            "p" => z => z.Phase,
            "db" => z => 20 * Math.Log10(Math.Max(z.Magnitude, 1e-300)),
            _ => z => z.Real,
        };

    /// <summary>Records a dc or transient point.</summary>
    public void Add(double scale, Solution s)
    {
        if (!ReferenceEquals(s.System, _system))
        {
            // a .dc temp sweep solves a circuit bound for each temperature: read that circuit's devices
            _system = s.System;
            for (int k = 0; k < _vectors.Count; k++) _vectors[k] = _vectors[k] with { Real = _probes[k].RealReader(_system) };
        }
        _scale.Add(scale);
        foreach (var v in _vectors) v.Values.Add(v.Real!(s));
    }

    /// <summary>Records an ac point.</summary>
    public void Add(AcSolution s)
    {
        _scale.Add(s.Frequency);
        foreach (var v in _vectors) v.Values.Add(v.Ac!(s));
    }

    private IReadOnlyList<double> Vector(PrintItem item) => _vectors.First(v => ReferenceEquals(v.Item, item)).Values;

    /// <summary>The <c>meas</c> rows (analysis, name, value; empty value when failed) of this analysis, or null when it
    /// has no measures. <paramref name="known"/> holds earlier results for PARAM and is updated.</summary>
    public TextTable? Measures(string stem, IDictionary<string, double?> known)
    {
        if (_measures.Measures.Count == 0) return null;
        var t = new TextTable("meas", new[] { "analysis", "name", "value" });
        foreach (var r in MeasureEvaluation.Evaluate(_measures.Measures, _scale, Vector, known))
        {
            string value = r.Value is { } v ? NumberFormat.RoundTrip(v) : "";
            t.Rows.Add(new[] { stem, r.Name, value });
            t.Summary.Add(r.Value is null ? $"{r.Name} = failed" : $"{r.Name} = {value}");
            if (r.Value is null) t.Warnings.Add($"warning: .meas {stem} {r.Name} failed: {r.Failure}");
        }
        return t;
    }

    /// <summary>The <c>four</c> table of this transient (one row per output and harmonic), or null without <c>.four</c>.</summary>
    public TextTable? Fourier(string stem)
    {
        if (_measures.Fourier.Count == 0) return null;
        string name = stem.Replace("tran", "four");
        var t = new TextTable(name, new[] { "output", "harmonic", "frequency", "magnitude", "phase", "norm_magnitude", "norm_phase", "thd_percent" });
        foreach (var f in _measures.Fourier)
            foreach (var item in f.Outputs)
            {
                Engine.Analysis.FourierResult r;
                try { r = Engine.Analysis.Fourier.Analyse(_scale, Vector(item), f.Frequency, f.Harmonics, f.GridSize); }
                catch (ArgumentException e) { throw new SimulationException($".four {item.Text}: {e.Message}"); }
                string thd = NumberFormat.RoundTrip(r.ThdPercent);
                foreach (var h in r.Harmonics)
                    t.Rows.Add(new[] { item.Text, h.Index.ToString(CultureInfo.InvariantCulture), N(h.Frequency), N(h.Magnitude),
                        N(h.Phase), N(h.NormalizedMagnitude), N(h.NormalizedPhase), thd });
                t.Summary.Add($"Fourier analysis for {item.Text}:");
                t.Summary.Add($"  No. Harmonics: {f.Harmonics}, THD: {G(r.ThdPercent)} %, Gridsize: {f.GridSize}, Interpolation Degree: 1");
                t.Summary.Add("Harmonic Frequency   Magnitude   Phase       Norm. Mag   Norm. Phase");
                foreach (var h in r.Harmonics)
                    t.Summary.Add($" {h.Index,-7} {G(h.Frequency),-11} {G(h.Magnitude),-11} {G(h.Phase),-11} {G(h.NormalizedMagnitude),-11} {G(h.NormalizedPhase)}");
            }
        return t;
    }

    private static string N(double v) => NumberFormat.RoundTrip(v);
    private static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
