using Perovspice.Engine;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

/// <summary>
/// Evaluates and validates the top-level control statements (analyses, <c>.print</c>,
/// <c>.options</c>, <c>.step</c>) against the flattened circuit.
/// </summary>
internal sealed partial class ControlEvaluator
{
    private readonly Flattener _flat;
    private readonly DiagnosticBag _diags;
    private readonly HashSet<string> _nodes = new() { "0" };
    private readonly NetlistLimits _limits;

    public ControlEvaluator(Flattener flat, DiagnosticBag diags, NetlistLimits limits)
    {
        _flat = flat; _diags = diags; _limits = limits;
        foreach (var e in flat.Elements)
            foreach (var n in e.Nodes) _nodes.Add(n.Name);
    }

    public List<AnalysisStatement> Analyses { get; } = new();
    public List<PrintStatement> Prints { get; } = new();
    public Dictionary<string, (double value, SourcePosition pos)> Options { get; } = new();
    public Dictionary<string, (string value, SourcePosition pos)> TextOptions { get; } = new();
    public StepStatement? Step { get; set; }

    private double? Eval(ValueSyntax v) => _flat.Evaluator.Evaluate(v, _flat.Global);

    public void Run(IEnumerable<Statement> body, StepSyntax? step)
    {
        foreach (var s in body)
        {
            switch (s)
            {
                case OpSyntax op: Analyses.Add(new OpStatement(op.Position)); break;
                case DcSyntax dc: Dc(dc); break;
                case TranSyntax tran: Tran(tran); break;
                case AcSyntax ac: Ac(ac); break;
                case HopfSyntax hopf:
                    if (Sweep(hopf.Sweep, ".hopf") is { } sw && PointsOk(SweepCount(sw), hopf.Position, ".hopf"))
                        Analyses.Add(new HopfStatement(sw.Source, sw.Start, sw.Stop, sw.Step, hopf.Position));
                    break;
                case NoiseSyntax noise: Noise(noise); break;
                case NoisePrintSyntax noisePrint: NoisePrint(noisePrint); break;
                case PrintSyntax print: Print(print); break;
                case OptionsSyntax options: Option(options); break;
                default: MeasureStatement(s); break;
            }
        }
        CheckMeasureAnalyses();
        AttachNoiseColumns();
        if (step is not null) Step = StepValues(step);
    }

    // temperature: the keyword TEMP sweeps the circuit temperature in °C (ngspice's `.dc temp start stop step`)
    private DcSweep? Sweep(SweepSyntax s, string statement, bool temperature = false)
    {
        double? start = Eval(s.Start), stop = Eval(s.Stop), step = Eval(s.Step);
        if (start is null || stop is null || step is null) return null;
        bool ok = CheckIncrement(start.Value, stop.Value, step.Value, s.Step.Position, statement);
        string src = s.Source.Text;
        if (temperature && src == "temp")
        {
            if (Math.Min(start.Value, stop.Value) <= -273.15)
            {
                _diags.Error(s.Start.Position, $"the temperatures of '{statement} temp' must be above -273.15 °C");
                ok = false;
            }
        }
        else if (!_flat.ElementsByName.TryGetValue(src, out var e) || !(e.Kind is 'v' or 'i' || (temperature && e.Kind == 'r')))
        {
            _diags.Error(s.Source.Position, temperature
                ? $"unknown independent source or resistor '{s.Source.Written}' in '{statement}'"
                : $"unknown independent source '{s.Source.Written}' in '{statement}'");
            ok = false;
        }
        bool resistor = !(temperature && src == "temp") && _flat.ElementsByName.TryGetValue(src, out var r) && r.Kind == 'r';
        if (ok && resistor && (start <= 0 || stop <= 0))
        {
            _diags.Error(s.Start.Position, $"the resistances of '{statement} {s.Source.Written}' must be greater than zero");
            ok = false;
        }
        return ok ? new DcSweep(src, start.Value, stop.Value, step.Value, s.Source.Position) { ElementValue = resistor } : null;
    }

    private bool CheckIncrement(double start, double stop, double step, SourcePosition at, string statement)
    {
        if (step == 0)
        {
            _diags.Error(at, $"the step of '{statement}' must not be zero");
            return false;
        }
        if ((stop - start) * step < 0)
        {
            _diags.Error(at, $"the step of '{statement}' has the wrong sign: {Fmt(start)} to {Fmt(stop)} by {Fmt(step)} never ends");
            return false;
        }
        return true;
    }

    private static string Fmt(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    private void Dc(DcSyntax dc)
    {
        var sweeps = dc.Sweeps.Select(s => Sweep(s, ".dc", temperature: true)).ToList();
        if (sweeps.Count(s => s is not null && s.Source == "temp") > 1)
        {
            _diags.Error(dc.Sweeps[1].Source.Position, "'.dc' sweeps the temperature twice");
            return;
        }
        if (sweeps.Count(s => s is not null && (s.Source == "temp" || s.ElementValue)) > 1)
        {
            _diags.Error(dc.Sweeps[1].Source.Position, "'.dc' sweeps at most one of the temperature and a resistor's value");
            return;
        }
        if (sweeps.All(s => s is not null) && PointsOk(sweeps.Aggregate(1.0, (n, s) => n * SweepCount(s!)), dc.Position, ".dc"))
            Analyses.Add(new DcStatement(sweeps!, dc.Position));
    }

    private void Tran(TranSyntax t)
    {
        double? step = Eval(t.Step), stop = Eval(t.Stop);
        double? start = t.Start is null ? 0 : Eval(t.Start);
        double? max = t.MaxStep is null ? null : Eval(t.MaxStep);
        if (step is null || stop is null || start is null || (t.MaxStep is not null && max is null)) return;
        bool ok = true;
        if (step <= 0) { _diags.Error(t.Step.Position, "the time step of '.tran' must be greater than zero"); ok = false; }
        if (stop <= 0) { _diags.Error(t.Stop.Position, "the stop time of '.tran' must be greater than zero"); ok = false; }
        else if (start < 0 || start >= stop)
        {
            _diags.Error(t.Start!.Position, "the start time of '.tran' must be at least zero and less than the stop time");
            ok = false;
        }
        if (max is <= 0) { _diags.Error(t.MaxStep!.Position, "the maximum step of '.tran' must be greater than zero"); ok = false; }
        if (ok)
        {
            // Lower bounds of the points: the output step over the output span, and the maximum internal step
            // (tmax, else min(tstep, tstop/50) as the engine uses) over the whole run from 0.
            double tmax = max ?? Math.Min(step.Value, (stop.Value - start.Value) / 50);
            ok = PointsOk(Math.Max((stop.Value - start.Value) / step.Value, stop.Value / tmax) + 1, t.Position, ".tran");
        }
        if (ok) Analyses.Add(new TranStatement(step.Value, stop.Value, start.Value, max, t.Uic, t.Position));
    }

    private void Ac(AcSyntax ac)
    {
        double? n = Eval(ac.Points), f1 = Eval(ac.Start), f2 = Eval(ac.Stop);
        if (n is null || f1 is null || f2 is null) return;
        bool ok = true;
        if (n < 1 || n != Math.Floor(n.Value) || n > int.MaxValue)
        {
            _diags.Error(ac.Points.Position, $"the number of points of '.ac' must be a whole number of at least 1, found {Fmt(n.Value)}");
            ok = false;
        }
        if (f1 < 0 || (f1 == 0 && ac.Sweep != AcSweepKind.Lin))
        {
            _diags.Error(ac.Start.Position, ac.Sweep == AcSweepKind.Lin
                ? "the start frequency of '.ac' must not be negative"
                : "the start frequency of '.ac' must be greater than zero (zero is allowed with 'lin' only)");
            ok = false;
        }
        else if (f2 < f1) { _diags.Error(ac.Stop.Position, "the stop frequency of '.ac' must not be below the start frequency"); ok = false; }
        if (ok)
        {
            double count = ac.Sweep == AcSweepKind.Lin ? n.Value
                : Math.Floor(Math.Log(f2.Value / f1.Value) / Math.Log(ac.Sweep == AcSweepKind.Dec ? 10 : 2) * n.Value + 1e-6) + 1;
            ok = PointsOk(count, ac.Position, ".ac");
        }
        if (ok) Analyses.Add(new AcStatement(ac.Sweep, (int)n.Value, f1.Value, f2.Value, ac.Position));
    }

    private void Noise(NoiseSyntax noise)
    {
        var output = Vector(noise.Output, ".noise");
        bool ok = output is not null;
        if (output is not null && output.Names[0] == (output.Names.Count > 1 ? output.Names[1] : "0"))
        {
            _diags.Error(noise.Output.Position, $"the output of '.noise' is '{output.Text}': its two nodes must differ");
            ok = false;
        }
        string src = noise.Source.Text;
        if (!_flat.ElementsByName.TryGetValue(src, out var input))
        {
            _diags.Error(noise.Source.Position, $"unknown independent source '{noise.Source.Written}' in '.noise'");
            ok = false;
        }
        else if (input.Kind is not ('v' or 'i'))
        {
            _diags.Error(noise.Source.Position, $"the input of '.noise' must be an independent voltage or current source, not '{noise.Source.Written}'");
            ok = false;
        }
        double? n = Eval(noise.Points), f1 = Eval(noise.Start), f2 = Eval(noise.Stop);
        if (n is null || f1 is null || f2 is null) return;
        if (n < 1 || n != Math.Floor(n.Value) || n > int.MaxValue)
        {
            _diags.Error(noise.Points.Position, $"the number of points of '.noise' must be a whole number of at least 1, found {Fmt(n.Value)}");
            ok = false;
        }
        if (!(f1 > 0) || !double.IsFinite(f1.Value))
        {
            _diags.Error(noise.Start.Position, "the start frequency of '.noise' must be greater than zero");
            ok = false;
        }
        else if (!(f2 >= f1) || !double.IsFinite(f2.Value))
        {
            _diags.Error(noise.Stop.Position, "the stop frequency of '.noise' must not be below the start frequency");
            ok = false;
        }
        int perSummary = 0;
        if (noise.PointsPerSummary is { } summary && Eval(summary) is { } pts)
        {
            if (pts >= 0 && pts == Math.Floor(pts) && pts <= int.MaxValue) perSummary = (int)pts;
            else
            {
                _diags.Error(summary.Position, $"the points per summary of '.noise' must be a whole number of at least 0, found {Fmt(pts)}");
                ok = false;
            }
        }
        if (ok)
        {
            double count = noise.Sweep == AcSweepKind.Lin ? n!.Value
                : Math.Floor(Math.Log(f2!.Value / f1!.Value) / Math.Log(noise.Sweep == AcSweepKind.Dec ? 10 : 2) * n!.Value + 1e-6) + 1;
            ok = PointsOk(count, noise.Position, ".noise");
        }
        // BSIM3's noise models are noimod 1-4: another value is an error at the card's noimod
        foreach (var model in _flat.Models.Values)
            if (model.Type is "nmos" or "pmos" && model.Parameters.TryGetValue("level", out var level) && level.value is 8 or 49
                && model.Parameters.TryGetValue("noimod", out var noimod) && noimod.value is not (1 or 2 or 3 or 4))
            {
                _diags.Error(noimod.pos, $"'.noise': BSIM3 noimod={Fmt(noimod.value)} of model '{model.Name}' must be 1, 2, 3 or 4");
                ok = false;
            }
        if (ok)
            Analyses.Add(new NoiseStatement(output!.Names[0], output.Names.Count > 1 ? output.Names[1] : "0", src, noise.Sweep,
                (int)n!.Value, f1!.Value, f2!.Value, noise.Position) { PointsPerSummary = perSummary });
    }

    private readonly List<NoiseColumn> _noiseColumns = new();
    private SourcePosition? _noisePrint;

    private void NoisePrint(NoisePrintSyntax p)
    {
        _noisePrint ??= p.Position;
        foreach (var item in p.Items)
        {
            // 'all' lists ngspice's noise plot vectors in its (alphabetical) order
            var names = item.Text == "all" ? new[] { "inoise_spectrum", "onoise_spectrum" } : new[] { item.Text };
            foreach (var name in names)
                if (!_noiseColumns.Any(c => c.Name == name)) _noiseColumns.Add(new NoiseColumn(name, name[0] == 'i'));
        }
    }

    /// <summary>The <c>.print noise</c> spectra apply to every <c>.noise</c> (one without is ignored with a warning).</summary>
    private void AttachNoiseColumns()
    {
        if (_noisePrint is null) return;
        bool any = false;
        for (int i = 0; i < Analyses.Count; i++)
            if (Analyses[i] is NoiseStatement ns)
            {
                Analyses[i] = ns with { Columns = _noiseColumns.ToArray() };
                any = true;
            }
        if (!any) _diags.Warning(_noisePrint, "'.print noise' without a '.noise' analysis; ignored");
    }

    private static string Count(double v) => v < 1e12
        ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
        : v.ToString("0.###e0", System.Globalization.CultureInfo.InvariantCulture);

    private static double SweepCount(DcSweep s) => Math.Floor((s.Stop - s.Start) / s.Step + 1e-9) + 1;

    /// <summary>Refuses a point count over the limit (or not finite) with an error at the statement.</summary>
    private bool PointsOk(double count, SourcePosition at, string statement)
    {
        if (count <= _limits.MaxPoints) return true;
        _diags.Error(at, $"'{statement}' would compute {Count(count)} points, more than the limit of {Count(_limits.MaxPoints)} " +
            "(raise it with --max-points)");
        return false;
    }

    private void Print(PrintSyntax p)
    {
        var items = new List<PrintItem>();
        var scope = _flat.Global;
        foreach (var it in p.Items)
        {
            var names = new List<string>();
            bool ok = true;
            foreach (var n in it.Names)
            {
                switch (it.Kind)
                {
                    case PrintItemKind.Voltage:
                        string node = scope.Node(n.Text);
                        if (!_nodes.Contains(node)) { _diags.Error(n.Position, $"unknown node '{n.Written}' in '.print'"); ok = false; }
                        names.Add(node);
                        break;
                    case PrintItemKind.Current:
                        if (!_flat.ElementsByName.ContainsKey(n.Text))
                        {
                            _diags.Error(n.Position, $"unknown source '{n.Written}' in '{it.Text}'");
                            ok = false;
                        }
                        names.Add(n.Text);
                        break;
                    default:
                        if (!_flat.ElementsByName.ContainsKey(n.Text)) { _diags.Error(n.Position, $"unknown device '{n.Written}' in '{it.Text}'"); ok = false; }
                        names.Add(n.Text);
                        break;
                }
            }
            if (ok) items.Add(new PrintItem(it.Text, it.Kind, it.Function, names, it.Quantity, it.Position));
        }
        Prints.Add(new PrintStatement(p.Kind, items, p.Position));
    }

    private void Option(OptionsSyntax o)
    {
        foreach (var opt in o.Options)
        {
            if (opt.Word is { } w) TextOptions[opt.Key.Text] = (w, opt.Key.Position);
            else if (opt.Value is null) Options[opt.Key.Text] = (1.0, opt.Key.Position);
            else if (Eval(opt.Value) is { } v) Options[opt.Key.Text] = (v, opt.Key.Position);
        }
    }

    private StepStatement? StepValues(StepSyntax s)
    {
        var values = new List<double>();
        if (s.List is not null)
        {
            if (s.List.Count > _limits.MaxStepValues)
            {
                _diags.Error(s.Position, $"'.step' lists {s.List.Count} values, more than the limit of {Count(_limits.MaxStepValues)} (raise it with --max-steps)");
                return null;
            }
            foreach (var v in s.List)
                if (Eval(v) is { } x) values.Add(x); else return null;
            return new StepStatement(s.Parameter.Text, values, s.Position);
        }
        double? start = Eval(s.Start!), stop = Eval(s.Stop!), step = Eval(s.Step!);
        if (start is null || stop is null || step is null) return null;
        if (!CheckIncrement(start.Value, stop.Value, step.Value, s.Step!.Position, ".step")) return null;
        double count = Math.Floor((stop.Value - start.Value) / step.Value * (1 + 1e-9) + 1e-9) + 1;
        if (!(count <= _limits.MaxStepValues))
        {
            _diags.Error(s.Step!.Position, $"'.step' would make {Count(count)} steps, more than the limit of {Count(_limits.MaxStepValues)} (raise it with --max-steps)");
            return null;
        }
        for (long k = 0; k < count; k++) values.Add(start.Value + k * step.Value);
        return new StepStatement(s.Parameter.Text, values, s.Position);
    }
}
