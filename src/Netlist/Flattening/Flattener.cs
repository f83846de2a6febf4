using Perovspice.Netlist.Expressions;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

/// <summary>
/// Expands subcircuit instances depth-first in file order, evaluating every value in its scope and
/// giving elements, internal nodes, local models and controlling sources hierarchical names.
/// </summary>
internal sealed partial class Flattener
{
    private const int MaxDepth = 64;

    private readonly SubcktDefinition _root;
    private readonly DiagnosticBag _diags;
    private readonly ParameterEvaluator _eval;
    private readonly IReadOnlyDictionary<string, double> _overrides;
    private readonly List<FlatElement> _elements = new();
    private readonly Dictionary<string, FlatElement> _byName = new();
    private readonly Dictionary<string, ModelDefinition> _models = new();
    private readonly List<InitialCondition> _ics = new();
    private readonly List<SubcktDefinition> _active = new();
    private readonly NetlistLimits _limits;
    private readonly HashSet<SubcktDefinition> _functionsReported = new();
    private double? _tnom;

    public Flattener(SubcktDefinition root, DiagnosticBag diags, IReadOnlyDictionary<string, double> overrides, NetlistLimits limits)
    {
        _root = root; _diags = diags; _overrides = overrides; _limits = limits;
        _eval = new ParameterEvaluator(diags);
    }

    public Scope Global { get; private set; } = null!;

    /// <summary>Creates the global scope (parameters, models) and expands the top-level body.</summary>
    public void Run(StepSyntax? step)
    {
        Global = new Scope(_root, null, "", _eval) { GlobalNodes = _root.GlobalNodes };
        AddFunctions(Global);
        foreach (var p in _root.Params)
            Global.Params[p.Name.Text] = new ParamSlot(p.Name, p.Value, Global);
        foreach (var (name, value) in _overrides)
            Global.Params[name] = ParamSlot.Fixed(new NameSyntax(name, name, step?.Position ?? new SourcePosition("", 1, 1)), value, Global);
        BeginDraws(step);
        _eval.Temperature = CircuitTemperature();
        if (step is not null && !Global.Params.ContainsKey(step.Parameter.Text))
        {
            var firstValue = step.List?[0] ?? step.Start!;
            double? v = _eval.Evaluate(firstValue, Global);
            Global.Params[step.Parameter.Text] = ImplicitStepSlot =
                v is { } x ? ParamSlot.Fixed(step.Parameter, x, Global) : ParamSlot.Broken(step.Parameter, Global);
        }
        // evaluate every global parameter once so that errors in unused ones are reported too
        foreach (var slot in Global.Params.Values.ToList())
        {
            try { _eval.Resolve(slot); } catch (PoisonedValueException) { }
        }
        AddModels(Global);
        if (DeviceEstimate.Check(_root, _limits, _diags, MaxDepth)) Expand(Global);
    }

    /// <summary>
    /// The global slot made for a <c>.step</c> parameter that no global <c>.param</c> defines (as LTspice allows),
    /// else null. Its <see cref="ParamSlot.Referenced"/> tells whether any expression uses it.
    /// </summary>
    public ParamSlot? ImplicitStepSlot { get; private set; }

    public IReadOnlyList<FlatElement> Elements => _elements;
    public IReadOnlyDictionary<string, ModelDefinition> Models => _models;
    public IReadOnlyList<InitialCondition> InitialConditions => _ics;
    public IReadOnlyDictionary<string, FlatElement> ElementsByName => _byName;
    public ParameterEvaluator Evaluator => _eval;

    private void AddFunctions(Scope scope, bool report = true)
    {
        foreach (var f in scope.Definition.Functions)
        {
            if (scope.Functions.ContainsKey(f.Name.Text) && report)
                _diags.Error(f.Name.Position, $"function '{f.Name.Written}' is defined twice in the same scope");
            scope.Functions[f.Name.Text] = new UserFunction(f.Name.Text, f.Formals, f.Body.Expression);
        }
    }

    private void AddModels(Scope scope)
    {
        foreach (var m in scope.Definition.Models)
        {
            string flat = scope.Flat(m.Name.Text);
            scope.Models[m.Name.Text] = flat;
            // NAME.k (k digits): one bin of the family NAME, which instances name (the binder picks the bin by l and w)
            int dot = m.Name.Text.LastIndexOf('.');
            if (dot > 0 && dot < m.Name.Text.Length - 1 && m.Name.Text.AsSpan(dot + 1).IndexOfAnyExceptInRange('0', '9') < 0)
                scope.BinnedFamilies[m.Name.Text[..dot]] = flat[..(flat.Length - (m.Name.Text.Length - dot))];
            var parameters = new Dictionary<string, (double, SourcePosition)>();
            foreach (var p in m.Parameters)
            {
                using var draw = RandomFunctions.Enter(flat, p.Name.Text);
                if (_eval.Evaluate(p.Value, scope) is { } v) parameters[p.Name.Text] = (v, p.Name.Position);
            }
            var text = new Dictionary<string, (string, SourcePosition)>();
            foreach (var (key, value) in m.TextParameters) text[key.Text] = (value, key.Position);
            var vectors = new Dictionary<string, (double[], SourcePosition)>();
            foreach (var (key, values) in m.VectorParameters)
            {
                var evaluated = new double[values.Count];
                bool ok = true;
                for (int k = 0; k < evaluated.Length; k++)
                {
                    using var draw = RandomFunctions.Enter(flat, key.Text);
                    if (_eval.Evaluate(values[k], scope) is { } v) evaluated[k] = v; else ok = false;
                }
                if (ok) vectors[key.Text] = (evaluated, key.Position);
            }
            var flags = new Dictionary<string, SourcePosition>();
            foreach (var f in m.Flags) flags[f.Text.ToLowerInvariant()] = f.Position;
            _models[flat] = new ModelDefinition(flat, m.Type.Text, parameters, m.Name.Position) { TextParameters = text, Flags = flags, VectorParameters = vectors };
        }
    }

    private void Expand(Scope scope)
    {
        _active.Add(scope.Definition);
        foreach (var s in scope.Definition.Body)
        {
            if (_diags.TooMany) break;
            switch (s)
            {
                case ElementStatement { Kind: 'x' } x:
                    Instantiate(x, scope);
                    break;
                case ElementStatement e:
                    Emit(e, scope);
                    break;
                case IcSyntax ic:
                    foreach (var (node, value, pos) in ic.Items)
                        if (_eval.Evaluate(value, scope) is { } v) _ics.Add(new InitialCondition(scope.Node(node.Text), v, pos) { NodeSet = ic.NodeSet });
                    break;
            }
        }
        _active.RemoveAt(_active.Count - 1);
    }

    private void Emit(ElementStatement e, Scope scope)
    {
        bool behaviouralResistor = false;
        if (e.Kind == 'r' && BehaviouralResistor(e) is { } behavioural) { e = behavioural; behaviouralResistor = true; }
        else if (e.Kind is 'c' or 'l' && BehaviouralStorage(e) is { } storage) e = storage;
        string name = scope.Flat(e.Name.Text);
        var nodes = e.Nodes.Select(n => new NodeRef(scope.Node(n.Text), n.Position)).ToList();
        var written = e.Args;
        if (HasCandidates(written))
        {
            written = ResolveCandidates(e, scope, nodes);
            if (written is null) return;
        }
        var args = new List<ElementArgument>(written.Count);
        bool ok = true;
        int argIndex = 0;
        foreach (var a in written)
        {
            using var draw = RandomFunctions.Enter(name, DrawName(a, argIndex++));
            switch (a)
            {
                case ValueArgSyntax v:
                    if (_eval.Evaluate(v.Value, scope) is { } x) args.Add(new ValueArg(x, v.Position)); else ok = false;
                    break;
                case WordArgSyntax { Role: WordRole.Keyword } w:
                    args.Add(new WordArg(w.Word, w.Position));
                    break;
                case WordArgSyntax { Role: WordRole.Source } w:
                    args.Add(new WordArg(scope.Flat(w.Word), w.Position) { Role = WordArgKind.Reference });
                    break;
                case WordArgSyntax w:
                    if (scope.Model(w.Word) is { } model) args.Add(new WordArg(model, w.Position) { Role = WordArgKind.Model });
                    else if (e.Kind == 'm' && scope.BinnedFamily(w.Word) is { } family) args.Add(new WordArg(family, w.Position) { Role = WordArgKind.Model });
                    else
                    {
                        _diags.Error(w.Position, $"unknown model '{w.Word}'");
                        ok = false;
                    }
                    break;
                case AssignArgSyntax asg:
                    if (_eval.Evaluate(asg.Value, scope) is { } y) args.Add(new AssignArg(asg.Key, y, asg.Position)); else ok = false;
                    break;
                case ListArgSyntax list:
                {
                    var values = new double[list.Values.Count];
                    for (int k = 0; k < values.Length; k++)
                    {
                        if (_eval.Evaluate(list.Values[k], scope) is { } z) values[k] = z; else ok = false;
                    }
                    args.Add(new ListArg(list.Key, values, list.Position));
                    break;
                }
                case PortsArgSyntax ports:
                    args.Add(ports.Ports);
                    break;
                case FunctionArgSyntax f:
                {
                    var values = new double[f.Values.Count];
                    for (int k = 0; k < values.Length; k++)
                    {
                        if (_eval.Evaluate(f.Values[k], scope) is { } z) values[k] = z; else ok = false;
                    }
                    args.Add(new FunctionArg(f.Name, values, f.Position));
                    break;
                }
                case ExpressionArgSyntax b:
                    try
                    {
                        string text = Expressions.Evaluator.Rewrite(b.Expression, scope, scope.Node, scope.Flat);
                        var probes = new List<int>();
                        if (!Expressions.Evaluator.ProbeNameOffsets(b.Expression, probes, scope)) probes.Clear();
                        args.Add(new ExpressionArg(b.Key, text, b.Text, b.Position)
                        {
                            ProbePositions = probes.Select(o => b.Line.At(b.Base + o)).ToList(),
                        });
                    }
                    catch (ExpressionException ex)
                    {
                        _diags.Error(b.Line.At(b.Base + ex.Offset), ex.Message);
                        ok = false;
                    }
                    catch (PoisonedValueException) { ok = false; }
                    break;
            }
        }
        if (!ok) return;
        if (e.Kind == 'b') ApplyBehaviouralTemperature(args, _eval.Temperature ?? 27, _tnom ??= TopOption("tnom", 27), behaviouralResistor);
        if (_byName.TryGetValue(name, out var first))
        {
            _diags.Error(e.Name.Position, $"duplicate element name '{name}' (first defined at {first.Position})");
            return;
        }
        if (scope.Multiplier is double multiplier) ApplyMultiplier(e, multiplier, args);
        var flat = new FlatElement(name, e.Kind, nodes, args, e.Name.Position);
        _byName[name] = flat;
        _elements.Add(flat);
    }

    /// <summary>
    /// <c>Rname a b r={expr}</c> (or a positional value) whose expression reads a node voltage or a branch current
    /// is ngspice's behavioural resistor: it becomes the B source <c>I={v(a,b)/(expr)}</c> between the same nodes
    /// (its other arguments follow it; tc1/tc2 scale the resistance, as ngspice 39 does). Null for an ordinary resistor.
    /// </summary>
    private static ElementStatement? BehaviouralResistor(ElementStatement e)
    {
        if (e.Nodes.Count != 2) return null;
        int at = e.Args.ToList().FindIndex(a => a is ValueArgSyntax or AssignArgSyntax { Key: "r" or "resistance" });
        if (at < 0) return null;
        var value = e.Args[at] switch { ValueArgSyntax v => v.Value, AssignArgSyntax s => s.Value, _ => null };
        if (value is null || !ContainsProbe(value.Expression)) return null;
        int off = value.Expression.Offset;
        var across = new ProbeExpr('v', new[] { (e.Nodes[0].Text, off), (e.Nodes[1].Text, off) }, off);
        var current = new ChainExpr(across, new[] { ('/', value.Expression) }, rightAssociative: false);
        var args = e.Args.Where((_, k) => k != at).ToList();
        args.Insert(0, new ExpressionArgSyntax("i", current, "behavioural resistor", value.Line, value.Base, value.Position));
        return e with { Kind = 'b', Args = args };
    }

    /// <summary>
    /// <c>Cname a b c={expr}</c> / <c>Lname a b l={expr}</c> (or a positional value) whose expression reads a node
    /// voltage or a branch current is ngspice's behavioural capacitor / inductor, whose value is the differential
    /// capacitance (inductance): the capacitor becomes the B source <c>I={(expr)*ddt(v(a,b))}</c>, the inductor the
    /// B source <c>V={(expr)*ddt(i(Lname))}</c> reading its own branch current (other arguments follow it, so
    /// tc1/tc2 scale the value). Null for an ordinary capacitor or inductor.
    /// </summary>
    private static ElementStatement? BehaviouralStorage(ElementStatement e)
    {
        if (e.Nodes.Count != 2) return null;
        bool capacitor = e.Kind == 'c';
        int at = e.Args.ToList().FindIndex(a => a is ValueArgSyntax
            || (a is AssignArgSyntax s && (capacitor ? s.Key is "c" or "capacitance" : s.Key is "l" or "inductance")));
        if (at < 0) return null;
        var value = e.Args[at] switch { ValueArgSyntax v => v.Value, AssignArgSyntax s => s.Value, _ => null };
        if (value is null || !ContainsProbe(value.Expression)) return null;
        int off = value.Expression.Offset;
        Expr state = capacitor
            ? new ProbeExpr('v', new[] { (e.Nodes[0].Text, off), (e.Nodes[1].Text, off) }, off)
            : new ProbeExpr('i', new[] { (e.Name.Text, off) }, off);
        var derivative = new CallExpr("ddt", new[] { state }, off);
        var product = new ChainExpr(value.Expression, new[] { ('*', (Expr)derivative) }, rightAssociative: false);
        var args = e.Args.Where((_, k) => k != at).ToList();
        args.Insert(0, new ExpressionArgSyntax(capacitor ? "i" : "v", product,
            capacitor ? "behavioural capacitor" : "behavioural inductor", value.Line, value.Base, value.Position));
        return e with { Kind = 'b', Args = args };
    }

    private static bool ContainsProbe(Expr x) => x switch
    {
        ProbeExpr => true,
        NegateExpr n => ContainsProbe(n.Operand),
        NotExpr n => ContainsProbe(n.Operand),
        TernaryExpr t => ContainsProbe(t.Condition) || ContainsProbe(t.WhenTrue) || ContainsProbe(t.WhenFalse),
        ChainExpr c => ContainsProbe(c.First) || c.Rest.Any(r => ContainsProbe(r.operand)),
        CallExpr c => c.Args.Any(ContainsProbe),
        _ => false,
    };

    private void Instantiate(ElementStatement x, Scope scope)
    {
        var sub = x.Subckt!;
        var def = scope.Definition.Find(sub.Text);
        if (def is null)
        {
            _diags.Error(sub.Position, $"unknown subcircuit '{sub.Written}'");
            return;
        }
        if (_active.Contains(def))
        {
            _diags.Error(sub.Position, $"recursive instantiation of subcircuit '{sub.Written}'");
            return;
        }
        if (_active.Count >= MaxDepth)
        {
            _diags.Error(sub.Position, $"subcircuits nested more than {MaxDepth} deep");
            return;
        }
        var header = def.Header!;
        if (header.Ports.Count != x.Nodes.Count)
        {
            _diags.Error(sub.Position,
                $"subcircuit '{header.Name.Written}' has {header.Ports.Count} port{(header.Ports.Count == 1 ? "" : "s")}, but '{x.Name.Written}' connects {x.Nodes.Count} node{(x.Nodes.Count == 1 ? "" : "s")}");
            return;
        }
        // lexical parent: the scope instantiating the definition that encloses this one
        var parent = scope;
        while (parent is not null && parent.Definition != def.Parent) parent = parent.Parent;
        var inner = new Scope(def, parent ?? Global, scope.Flat(x.Name.Text), _eval) { GlobalNodes = Global.GlobalNodes };
        AddFunctions(inner, report: _functionsReported.Add(def));
        for (int k = 0; k < header.Ports.Count; k++)
        {
            string port = header.Ports[k].Text;
            if (port is "0" or "gnd") continue;
            inner.Ports[port] = scope.Node(x.Nodes[k].Text);
        }
        foreach (var d in header.Defaults)
            inner.Params[d.Name.Text] = new ParamSlot(d.Name, d.Value, inner);
        foreach (var p in def.Params)
            inner.Params[p.Name.Text] = new ParamSlot(p.Name, p.Value, inner);
        inner.Multiplier = scope.Multiplier;
        foreach (var a in x.Args.OfType<AssignArgSyntax>())
        {
            var key = new NameSyntax(a.Key, a.Key, a.Position);
            if (a.Key == "m" && !header.Defaults.Any(d => d.Name.Text == "m"))
            {
                // m= on an instance (not a subcircuit parameter): m copies in parallel; as in ngspice 39 the outermost
                // instance's m replaces the m of everything inside (an inner instance's and the elements' own)
                if (_eval.Evaluate(a.Value, scope) is { } m)
                {
                    if (m > 0 && double.IsFinite(m)) inner.Multiplier ??= m;
                    else _diags.Error(a.Position, "the multiplier m of a subcircuit instance must be > 0");
                }
                continue;
            }
            if (!header.Defaults.Any(d => d.Name.Text == a.Key))
            {
                _diags.Error(a.Position, $"subcircuit '{header.Name.Written}' has no parameter '{a.Key}'");
                continue;
            }
            using var draw = RandomFunctions.Enter(inner.Prefix, a.Key);
            inner.Params[a.Key] = _eval.Evaluate(a.Value, scope) is { } v ? ParamSlot.Fixed(key, v, inner) : ParamSlot.Broken(key, inner);
        }
        AddModels(inner);
        Expand(inner);
    }
}
