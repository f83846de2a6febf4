using Perovspice.Netlist.Expressions;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

/// <summary>A parameter in a scope: an expression evaluated on first use, or a fixed value.</summary>
internal sealed class ParamSlot
{
    public enum SlotState { Pending, InProgress, Done, Failed }

    public ParamSlot(NameSyntax name, ValueSyntax? syntax, Scope evalScope)
    {
        Name = name; Syntax = syntax; EvalScope = evalScope;
    }

    public NameSyntax Name { get; }
    public ValueSyntax? Syntax { get; }
    public Scope EvalScope { get; }
    public SlotState State { get; set; }
    public double Value { get; set; }
    /// <summary>Set when an expression looked the parameter up by name.</summary>
    public bool Referenced { get; set; }

    public static ParamSlot Fixed(NameSyntax name, double value, Scope scope) =>
        new(name, null, scope) { State = SlotState.Done, Value = value };

    public static ParamSlot Broken(NameSyntax name, Scope scope) =>
        new(name, null, scope) { State = SlotState.Failed };
}

/// <summary>
/// One instance scope (the top level or a subcircuit instance): hierarchical prefix, port map,
/// parameters (looked up here, then in the lexical parent scope, then globals) and local models.
/// </summary>
internal sealed class Scope : IParameterLookup
{
    private readonly ParameterEvaluator _evaluator;

    public Scope(SubcktDefinition definition, Scope? parent, string prefix, ParameterEvaluator evaluator)
    {
        Definition = definition; Parent = parent; Prefix = prefix; _evaluator = evaluator;
    }

    public SubcktDefinition Definition { get; }
    public Scope? Parent { get; }
    public string Prefix { get; }
    public Dictionary<string, string> Ports { get; } = new();
    public Dictionary<string, ParamSlot> Params { get; } = new();
    public Dictionary<string, string> Models { get; } = new();
    /// <summary>Binned model families defined here: NAME for cards NAME.1, NAME.2, … (ngspice's model binning), with the
    /// flattened family name.</summary>
    public Dictionary<string, string> BinnedFamilies { get; } = new();
    /// <summary>The <c>m=</c> of the outermost X instance leading here that has one (null: none). As in ngspice 39
    /// it replaces the own <c>m</c> of every element inside, and an inner instance's <c>m</c>.</summary>
    public double? Multiplier { get; set; }
    /// <summary>User functions defined in this scope's body.</summary>
    public Dictionary<string, UserFunction> Functions { get; } = new();
    /// <summary><c>.global</c> node names (shared by every scope).</summary>
    public IReadOnlySet<string> GlobalNodes { get; init; } = EmptyNodes;

    private static readonly HashSet<string> EmptyNodes = new();

    /// <summary>Finds a user function here or in an enclosing scope (as parameters are found).</summary>
    public bool TryGetFunction(string name, out UserFunction? function, out IParameterLookup? definitionScope)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s.Functions.TryGetValue(name, out var f))
            {
                function = f; definitionScope = s;
                return true;
            }
        }
        function = null; definitionScope = null;
        return false;
    }

    public bool TryGet(string name, out double value)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s.Params.TryGetValue(name, out var slot))
            {
                slot.Referenced = true;
                value = _evaluator.Resolve(slot);
                return true;
            }
        }
        value = 0;
        return false;
    }

    /// <summary>The circuit temperature (°C) that <c>temper</c> reads in parameter, model and element expressions.</summary>
    public double? Temperature => _evaluator.Temperature;

    /// <summary>The slot <see cref="TryGet"/> would use for <paramref name="name"/>, without evaluating or marking it.</summary>
    public ParamSlot? Find(string name)
    {
        for (var s = this; s is not null; s = s.Parent)
            if (s.Params.TryGetValue(name, out var slot)) return slot;
        return null;
    }

    /// <summary>Hierarchical name of an element or source defined in this scope.</summary>
    public string Flat(string name) => Prefix.Length == 0 ? name : Prefix + "." + name;

    /// <summary>Hierarchical node name: ground stays <c>0</c>, ports map to the instance's nodes.</summary>
    public string Node(string name)
    {
        if (name is "0" or "gnd") return "0";
        if (Ports.TryGetValue(name, out var mapped)) return mapped;
        if (GlobalNodes.Contains(name)) return name;
        return Flat(name);
    }

    /// <summary>The flattened name of a binned model family (cards NAME.1, NAME.2, …) visible here, or null.</summary>
    public string? BinnedFamily(string name)
    {
        for (var s = this; s is not null; s = s.Parent)
            if (s.BinnedFamilies.TryGetValue(name, out var flat)) return flat;
        return null;
    }

    /// <summary>The flattened name of a model visible here, or null.</summary>
    public string? Model(string name)
    {
        for (var s = this; s is not null; s = s.Parent)
            if (s.Models.TryGetValue(name, out var flat)) return flat;
        return null;
    }
}

/// <summary>
/// Evaluates parameter slots on demand in dependency order (so forward references work), detects
/// cycles, and reports each failure once; dependents of a failed parameter fail silently.
/// <para>
/// Before a slot is evaluated, the slots it depends on are evaluated first by an explicit depth-first walk
/// (<see cref="EvaluateDependencies"/>), deepest first, so that evaluating an expression finds its parameters done:
/// the call stack never grows with the length of a dependency chain (20 000 <c>.param</c>s written in reverse order
/// used to overflow it), and cycles of any length are found by the walk.
/// </para>
/// </summary>
internal sealed class ParameterEvaluator
{
    private readonly DiagnosticBag _diags;
    private readonly List<ParamSlot> _stack = new();

    public ParameterEvaluator(DiagnosticBag diags) { _diags = diags; }

    /// <summary>The circuit temperature (°C, <c>.temp</c> / <c>.options temp</c>, default 27) that <c>temper</c>
    /// reads in parameter, model and element expressions, as ngspice does; null: <c>temper</c> is unknown there.</summary>
    public double? Temperature { get; set; }

    public double Resolve(ParamSlot slot)
    {
        switch (slot.State)
        {
            case ParamSlot.SlotState.Done: return slot.Value;
            case ParamSlot.SlotState.Failed: throw new PoisonedValueException();
            case ParamSlot.SlotState.InProgress:
            {
                int at = _stack.IndexOf(slot);
                var cycle = _stack.Skip(at).Select(s => s.Name.Text).Append(slot.Name.Text);
                _diags.Error(slot.Name.Position, $"parameter cycle: {string.Join(" -> ", cycle)}");
                foreach (var s in _stack.Skip(at)) s.State = ParamSlot.SlotState.Failed;
                throw new PoisonedValueException();
            }
        }
        if (!_walking)
        {
            EvaluateDependencies(slot);
            if (slot.State == ParamSlot.SlotState.Failed) throw new PoisonedValueException();
        }
        slot.State = ParamSlot.SlotState.InProgress;
        _stack.Add(slot);
        try
        {
            var syntax = slot.Syntax!;
            double v;
            using (RandomFunctions.Enter(slot.EvalScope.Prefix, slot.Name.Text))
                v = Evaluator.Evaluate(syntax.Expression, slot.EvalScope);
            if (!double.IsFinite(v))
            {
                _diags.Error(syntax.Position, $"parameter '{slot.Name.Text}' evaluates to {Show(v)}");
                slot.State = ParamSlot.SlotState.Failed;
                throw new PoisonedValueException();
            }
            slot.Value = v;
            slot.State = ParamSlot.SlotState.Done;
            return v;
        }
        catch (ExpressionException e)
        {
            _diags.Error(slot.Syntax!.At(e.Offset), e.Message);
            slot.State = ParamSlot.SlotState.Failed;
            throw new PoisonedValueException();
        }
        catch (PoisonedValueException)
        {
            slot.State = ParamSlot.SlotState.Failed;
            throw;
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private bool _walking;

    /// <summary>
    /// Evaluates the pending slots that <paramref name="root"/> depends on (names in its expression, looked up as
    /// <see cref="Scope.TryGet"/> does), in post-order with an explicit stack; a dependency back onto the current path
    /// is a cycle, reported once at the slot it returns to, and every slot on it fails.
    /// </summary>
    private void EvaluateDependencies(ParamSlot root)
    {
        var work = new Stack<(ParamSlot Slot, bool Done)>();
        var path = new List<ParamSlot>();
        var onPath = new HashSet<ParamSlot>();
        var names = new List<string>();
        work.Push((root, false));
        _walking = true;
        try
        {
            while (work.Count > 0)
            {
                var (s, finished) = work.Pop();
                if (finished)
                {
                    path.RemoveAt(path.Count - 1);
                    onPath.Remove(s);
                    if (s != root && s.State == ParamSlot.SlotState.Pending)
                    {
                        try { Resolve(s); } catch (PoisonedValueException) { }
                    }
                    continue;
                }
                if (s.State != ParamSlot.SlotState.Pending || s.Syntax is null || onPath.Contains(s)) continue;
                path.Add(s);
                onPath.Add(s);
                work.Push((s, true));
                names.Clear();
                Names(s.Syntax.Expression, names);
                names.Reverse();   // popped in written order, as a recursive evaluation would visit them
                foreach (string name in names)
                {
                    if (s.EvalScope.Find(name) is not { State: ParamSlot.SlotState.Pending } d) continue;
                    if (onPath.Contains(d))
                    {
                        int at = path.IndexOf(d);
                        var cycle = path.Skip(at).Select(c => c.Name.Text).Append(d.Name.Text).ToList();
                        string shown = cycle.Count <= 12 ? string.Join(" -> ", cycle)
                            : $"{string.Join(" -> ", cycle.Take(5))} -> … ({cycle.Count - 1} parameters) … -> {string.Join(" -> ", cycle.TakeLast(5))}";
                        _diags.Error(d.Name.Position, $"parameter cycle: {shown}");
                        foreach (var c in path.Skip(at)) c.State = ParamSlot.SlotState.Failed;
                        continue;
                    }
                    work.Push((d, false));
                }
            }
        }
        finally
        {
            _walking = false;
        }
    }

    /// <summary>The parameter names an expression reads (its tree is shallow: nesting is bounded by the parser).</summary>
    private static void Names(Expr e, List<string> names)
    {
        switch (e)
        {
            case NameExpr n: names.Add(n.Name); break;
            case NegateExpr neg: Names(neg.Operand, names); break;
            case ChainExpr chain:
                Names(chain.First, names);
                foreach (var (_, operand) in chain.Rest) Names(operand, names);
                break;
            case CallExpr call:
                foreach (var a in call.Args) Names(a, names);
                break;
        }
    }

    /// <summary>Evaluates a value in a scope; reports and returns null on failure.</summary>
    public double? Evaluate(ValueSyntax value, Scope scope)
    {
        if (value.Expression is NumberExpr n && double.IsFinite(n.Value)) return n.Value;
        try
        {
            double v = Evaluator.Evaluate(value.Expression, scope);
            if (double.IsFinite(v)) return v;
            _diags.Error(value.Position, $"value evaluates to {Show(v)}");
            return null;
        }
        catch (ExpressionException e)
        {
            _diags.Error(value.At(e.Offset), e.Message);
            return null;
        }
        catch (PoisonedValueException)
        {
            return null;
        }
    }

    public static string Show(double v) => double.IsNaN(v) ? "NaN (not a number)" : "infinity";
}
