using Perovspice.Netlist.Expressions;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

/// <summary>
/// <c>.if (cond)</c> / <c>.elseif (cond)</c> / <c>.else</c> / <c>.endif</c>: keeps the statements of the first branch
/// whose condition is non-zero and drops the others, before the definition tree is built (blocks nest). Conditions
/// are evaluated, as in ngspice, on global parameters: the top-level <c>.param</c> and <c>.func</c> lines (outside
/// subcircuits) kept so far, in file order, so a parameter defined after the <c>.if</c> is unknown there.
/// Unbalanced keywords and a missing <c>.endif</c> are located errors.
/// </summary>
internal static class ConditionalFilter
{
    private sealed class Block
    {
        public required ConditionalSyntax Opening;
        public bool ParentActive;
        public bool Taken;      // some branch already chosen
        public bool Active;     // the current branch is kept
        public bool SeenElse;
    }

    public static List<Statement> Apply(List<Statement> statements, DiagnosticBag diags)
    {
        if (!statements.Any(s => s is ConditionalSyntax)) return statements;
        var kept = new List<Statement>(statements.Count);
        var stack = new Stack<Block>();
        var globals = new List<ParamStatement>();
        int subcktDepth = 0;
        bool Active() => stack.Count == 0 || stack.Peek().Active;
        foreach (var s in statements)
        {
            if (s is not ConditionalSyntax c)
            {
                if (!Active()) continue;
                kept.Add(s);
                if (s is SubcktStatement) subcktDepth++;
                else if (s is EndsStatement && subcktDepth > 0) subcktDepth--;
                else if (s is ParamStatement p && subcktDepth == 0) globals.Add(p);
                continue;
            }
            switch (c.Keyword)
            {
                case ".if":
                {
                    bool parent = Active();
                    bool value = parent && Evaluate(c, globals, diags);
                    stack.Push(new Block { Opening = c, ParentActive = parent, Taken = value, Active = value });
                    break;
                }
                case ".elseif":
                    if (stack.Count == 0) { diags.Error(c.Position, "'.elseif' without '.if'"); break; }
                    {
                        var b = stack.Peek();
                        if (b.SeenElse) diags.Error(c.Position, $"'.elseif' after '.else' (the '.if' is at {b.Opening.Position})");
                        bool value = b.ParentActive && !b.Taken && Evaluate(c, globals, diags);
                        b.Active = value;
                        b.Taken |= value;
                    }
                    break;
                case ".else":
                    if (stack.Count == 0) { diags.Error(c.Position, "'.else' without '.if'"); break; }
                    {
                        var b = stack.Peek();
                        if (b.SeenElse) diags.Error(c.Position, $"second '.else' for the '.if' at {b.Opening.Position}");
                        b.SeenElse = true;
                        b.Active = b.ParentActive && !b.Taken;
                        b.Taken = true;
                    }
                    break;
                default:
                    if (stack.Count == 0) diags.Error(c.Position, "'.endif' without '.if'");
                    else stack.Pop();
                    break;
            }
        }
        foreach (var b in stack)
            diags.Error(b.Opening.Position, "missing '.endif' for this '.if'");
        return kept;
    }

    private static bool Evaluate(ConditionalSyntax c, List<ParamStatement> globals, DiagnosticBag diags)
    {
        if (c.Condition is null) return false;   // the line had a syntax error (reported); keep the nesting intact
        var def = new SubcktDefinition(null, null);
        foreach (var p in globals)
        {
            def.Params.AddRange(p.Assignments);
            def.Functions.AddRange(p.Functions);
        }
        // parameter errors are reported by the flattener later; here only the condition's own problems count
        var quiet = new DiagnosticBag();
        var scope = new Scope(def, null, "", new ParameterEvaluator(quiet));
        foreach (var p in def.Params) scope.Params[p.Name.Text] = new ParamSlot(p.Name, p.Value, scope);
        foreach (var f in def.Functions) scope.Functions[f.Name.Text] = new UserFunction(f.Name.Text, f.Formals, f.Body.Expression);
        var value = c.Condition!;
        try
        {
            double v = Evaluator.Evaluate(value.Expression, scope);
            if (double.IsNaN(v))
            {
                diags.Error(value.Position, $"the condition of '{c.Keyword}' evaluates to NaN");
                return false;
            }
            return v != 0;
        }
        catch (ExpressionException e)
        {
            diags.Error(value.At(e.Offset), $"{e.Message} (in the condition of '{c.Keyword}'; only global parameters defined before it are known)");
            return false;
        }
        catch (PoisonedValueException)
        {
            diags.Error(value.Position, $"the condition of '{c.Keyword}' uses a parameter whose definition has an error");
            return false;
        }
    }
}
