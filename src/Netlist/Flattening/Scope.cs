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
    /// <summary>The product of the <c>m=</c> multipliers of the X instances leading here (1 at the top).</summary>
    public double Multiplier { get; set; } = 1;
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
/// </summary>
internal sealed class ParameterEvaluator
{
    private readonly DiagnosticBag _diags;
    private readonly List<ParamSlot> _stack = new();

    public ParameterEvaluator(DiagnosticBag diags) { _diags = diags; }

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
        slot.State = ParamSlot.SlotState.InProgress;
        _stack.Add(slot);
        try
        {
            var syntax = slot.Syntax!;
            double v = Evaluator.Evaluate(syntax.Expression, slot.EvalScope);
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
