using Perovspice.Netlist.Expressions;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

/// <summary><c>.meas</c>, <c>.four</c>, <c>.tf</c> and <c>.pz</c>: evaluated and checked against the flattened circuit.</summary>
internal sealed partial class ControlEvaluator
{
    private readonly Dictionary<string, SourcePosition> _measureNames = new();

    public List<MeasureStatement> Measures { get; } = new();
    public List<FourierStatement> Fourier { get; } = new();

    private void MeasureStatement(Statement s)
    {
        switch (s)
        {
            case MeasureSyntax m: Measure(m); break;
            case FourierSyntax f: Four(f); break;
            case TransferFunctionSyntax tf: Tf(tf); break;
            case PoleZeroSyntax pz: Pz(pz); break;
        }
    }

    /// <summary>A vector of a .meas/.four/.tf resolved like a .print item (flattened names, nodes checked).</summary>
    private PrintItem? Vector(PrintItemSyntax it, string statement)
    {
        var names = new List<string>();
        bool ok = true;
        foreach (var n in it.Names)
        {
            if (it.Kind == PrintItemKind.Voltage)
            {
                string node = _flat.Global.Node(n.Text);
                if (!_nodes.Contains(node)) { _diags.Error(n.Position, $"unknown node '{n.Written}' in '{statement}'"); ok = false; }
                names.Add(node);
            }
            else
            {
                if (!_flat.ElementsByName.ContainsKey(n.Text))
                {
                    _diags.Error(n.Position, $"unknown {(it.Kind == PrintItemKind.Current ? "source" : "device")} '{n.Written}' in '{it.Text}'");
                    ok = false;
                }
                names.Add(n.Text);
            }
        }
        return ok ? new PrintItem(it.Text, it.Kind, it.Function, names, it.Quantity, it.Position) : null;
    }

    private void Measure(MeasureSyntax m)
    {
        string name = m.Name.Text;
        bool ok = true;
        // ngspice reports every measure in file order; a repeated name is reported again, and later references
        // (param=) see the latest result.
        if (_measureNames.TryGetValue(name, out var first))
            _diags.Warning(m.Name.Position, $"measure '{m.Name.Written}' is also defined at {first}; both are reported, later references use this one");
        else _measureNames[name] = m.Name.Position;

        if (m.Kind == MeasureKind.Param)
        {
            var expr = m.Param!.Expression;
            var parameters = GlobalParameters();
            foreach (var (free, offset) in FreeNames(expr))
            {
                if (parameters.ContainsKey(free) || Functions.TryConstant(free, out _)) continue;
                if (!_measureNames.ContainsKey(free) || free == name)
                {
                    _diags.Error(m.Param.At(offset), $"unknown name '{free}' in '.meas … param': not an earlier measure or a global parameter");
                    ok = false;
                }
            }
            if (ok) Measures.Add(new MeasureStatement(m.Analysis, name, MeasureKind.Param, null, null, null, null, null, m.Name.Position)
                { Expression = expr, Parameters = parameters, FunctionScope = _flat.Global });
            return;
        }

        var target = m.Target is null ? null : Vector(m.Target, ".meas");
        if (m.Target is not null && target is null) ok = false;
        var trig = m.Trigger is null ? null : Point(m.Trigger, ref ok);
        var targ = m.Targ is null ? null : Point(m.Targ, ref ok);
        double? from = m.From is null ? null : Eval(m.From), to = m.To is null ? null : Eval(m.To);
        if ((m.From is not null && from is null) || (m.To is not null && to is null)) ok = false;
        if (from is { } f && to is { } t && t < f)
        {
            _diags.Error(m.To!.Position, $"'to=' ({Fmt(t)}) is before 'from=' ({Fmt(f)})");
            ok = false;
        }
        if (ok) Measures.Add(new MeasureStatement(m.Analysis, name, m.Kind, target, trig, targ, from, to, m.Name.Position));
    }

    private MeasurePoint? Point(MeasurePointSyntax p, ref bool ok)
    {
        if (p.At is not null)
        {
            if (Eval(p.At) is { } at) return new MeasurePoint(null, null, 0, MeasureEdge.Cross, 1, double.NegativeInfinity, at);
            ok = false;
            return null;
        }
        var vector = Vector(p.Vector!, ".meas");
        var other = p.Other is null ? null : Vector(p.Other, ".meas");
        double? level = p.Level is null ? 0 : Eval(p.Level);
        double? delay = p.Delay is null ? double.NegativeInfinity : Eval(p.Delay);
        int count = 1;
        if (p.Last) count = -1;
        else if (p.Count is not null)
        {
            if (Eval(p.Count) is not { } n) { ok = false; return null; }
            if (n < 1 || n != Math.Floor(n) || n > int.MaxValue)
            {
                _diags.Error(p.Count.Position, $"the crossing count must be a whole number of at least 1 or 'last', found {Fmt(n)}");
                ok = false;
                return null;
            }
            count = (int)n;
        }
        if (vector is null || (p.Other is not null && other is null) || level is null || delay is null) { ok = false; return null; }
        return new MeasurePoint(vector, other, level.Value, p.Edge, count, delay.Value, null);
    }

    private Dictionary<string, double> GlobalParameters()
    {
        var result = new Dictionary<string, double>();
        foreach (var key in _flat.Global.Params.Keys)
        {
            try { if (_flat.Global.TryGet(key, out double v)) result[key] = v; }
            catch (Exception e) when (e is ExpressionException or PoisonedValueException) { }
        }
        return result;
    }

    private static IEnumerable<(string Name, int Offset)> FreeNames(Expr e)
    {
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case NameExpr n: yield return (n.Name, n.Offset); break;
                case NegateExpr neg: stack.Push(neg.Operand); break;
                case ChainExpr chain:
                    stack.Push(chain.First);
                    foreach (var (_, operand) in chain.Rest) stack.Push(operand);
                    break;
                case CallExpr call:
                    foreach (var a in call.Args) stack.Push(a);
                    break;
            }
        }
    }

    private void Four(FourierSyntax f)
    {
        double? freq = Eval(f.Frequency);
        if (freq is null) return;
        if (!(freq > 0) || !double.IsFinite(freq.Value))
        {
            _diags.Error(f.Frequency.Position, "the fundamental frequency of '.four' must be greater than zero");
            return;
        }
        if (freq > 1e300)   // its harmonics (up to 10⁶ of them) and its sampling grid must stay finite numbers
        {
            _diags.Error(f.Frequency.Position, "the fundamental frequency of '.four' must be at most 1e300 Hz");
            return;
        }
        var outputs = new List<PrintItem>();
        foreach (var o in f.Outputs)
            if (Vector(o, ".four") is { } v) outputs.Add(v);
        if (outputs.Count == f.Outputs.Count) Fourier.Add(new FourierStatement(freq.Value, outputs, f.Position));
    }

    private void Tf(TransferFunctionSyntax tf)
    {
        var output = Vector(tf.Output, ".tf");
        bool ok = output is not null;
        if (output is { Kind: PrintItemKind.Current } && _flat.ElementsByName.TryGetValue(output.Names[0], out var e) && e.Kind != 'v')
        {
            _diags.Error(tf.Output.Position, $"the output current of '.tf' must be that of a voltage source, not '{output.Names[0]}'");
            ok = false;
        }
        string src = tf.Input.Text;
        if (!_flat.ElementsByName.TryGetValue(src, out var input) || input.Kind is not ('v' or 'i'))
        {
            _diags.Error(tf.Input.Position, $"unknown independent source '{tf.Input.Written}' in '.tf'");
            ok = false;
        }
        if (ok) Analyses.Add(new TransferFunctionStatement(output!, src, tf.Position));
    }

    private void Pz(PoleZeroSyntax pz)
    {
        var nodes = new List<string>();
        foreach (var n in pz.Nodes)
        {
            string node = _flat.Global.Node(n.Text);
            if (!_nodes.Contains(node)) { _diags.Error(n.Position, $"unknown node '{n.Written}' in '.pz'"); return; }
            nodes.Add(node);
        }
        if (nodes[0] == nodes[1])
        {
            _diags.Error(pz.Nodes[1].Position, "the input nodes of '.pz' must differ");
            return;
        }
        Analyses.Add(new PoleZeroStatement(nodes[0], nodes[1], nodes[2], nodes[3], pz.CurrentInput, pz.Poles, pz.Zeros, pz.Position));
    }

    /// <summary>A measure or .four whose analysis is not in the netlist is skipped with a warning (as ngspice does).</summary>
    private void CheckMeasureAnalyses()
    {
        var kinds = Analyses.Select(a => a.Kind).ToHashSet();
        Measures.RemoveAll(m =>
        {
            if (kinds.Contains(m.Analysis)) return false;
            _diags.Warning(m.Position, $"'.meas {m.Analysis} {m.Name}': the netlist has no '.{m.Analysis}'; measure skipped");
            return true;
        });
        if (!kinds.Contains("tran"))
            foreach (var f in Fourier) _diags.Warning(f.Position, "'.four' needs a '.tran'; skipped");
        if (!kinds.Contains("tran")) Fourier.Clear();
        int harmonics = FourierOption("nfreqs", 10, 1), grid = FourierOption("fourgridsize", 200, 2);
        for (int i = 0; i < Fourier.Count; i++) Fourier[i] = Fourier[i] with { Harmonics = harmonics, GridSize = grid };
    }

    private int FourierOption(string name, int fallback, int min)
    {
        if (!Options.TryGetValue(name, out var o)) return fallback;
        if (o.value >= min && o.value <= 1_000_000 && o.value == Math.Floor(o.value)) return (int)o.value;
        _diags.Error(o.pos, $"option '{name}' must be a whole number from {min} to 1000000");
        return fallback;
    }
}
