using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

/// <summary>
/// A subcircuit definition (or the top level, <see cref="IsRoot"/>): its body statements in order,
/// its nested definitions, models and <c>.param</c>s. Nested definitions are visible only inside
/// their parent's body (lexical scoping, like ngspice).
/// </summary>
internal sealed class SubcktDefinition
{
    public SubcktDefinition(SubcktStatement? header, SubcktDefinition? parent)
    {
        Header = header; Parent = parent;
    }

    public SubcktStatement? Header { get; }
    public SubcktDefinition? Parent { get; }
    public bool IsRoot => Header is null;
    public string Name => Header?.Name.Text ?? "";

    public List<Statement> Body { get; } = new();
    public Dictionary<string, SubcktDefinition> Children { get; } = new();
    public List<ModelStatement> Models { get; } = new();
    public List<ParamAssignment> Params { get; } = new();
    /// <summary>User functions defined in this body (<c>.func</c>, <c>.param f(x)=...</c>), visible like parameters.</summary>
    public List<FunctionDefinition> Functions { get; } = new();
    /// <summary><c>.global</c> node names (root only): they keep their name inside every subcircuit.</summary>
    public HashSet<string> GlobalNodes { get; } = new();

    /// <summary>Finds a subcircuit visible from this definition's body.</summary>
    public SubcktDefinition? Find(string name)
    {
        for (var d = this; d is not null; d = d.Parent)
            if (d.Children.TryGetValue(name, out var found)) return found;
        return null;
    }
}

/// <summary>Builds the definition tree from the statement list, checking nesting and duplicates.</summary>
internal static class DefinitionTreeBuilder
{
    public static SubcktDefinition Build(IEnumerable<Statement> statements, DiagnosticBag diags)
    {
        var root = new SubcktDefinition(null, null);
        var current = root;
        var elementNames = new Stack<Dictionary<string, SourcePosition>>();
        var modelNames = new Stack<Dictionary<string, SourcePosition>>();
        elementNames.Push(new()); modelNames.Push(new());
        foreach (var s in statements)
        {
            switch (s)
            {
                case SubcktStatement sub:
                {
                    var def = new SubcktDefinition(sub, current);
                    if (sub.Name.Text.Length > 0)
                    {
                        if (current.Children.TryGetValue(sub.Name.Text, out var prev))
                            diags.Error(sub.Name.Position, $"duplicate subcircuit '{sub.Name.Written}' (first defined at {prev.Header!.Name.Position})");
                        else
                            current.Children[sub.Name.Text] = def;
                    }
                    current = def;
                    elementNames.Push(new()); modelNames.Push(new());
                    break;
                }
                case EndsStatement ends:
                    if (current.IsRoot)
                    {
                        diags.Error(ends.Position, "'.ends' without a matching '.subckt'");
                        break;
                    }
                    if (ends.Name is { } n && current.Name.Length > 0 && n.Text != current.Name)
                        diags.Error(n.Position, $"'.ends {n.Written}' does not match '.subckt {current.Header!.Name.Written}'");
                    current = current.Parent!;
                    elementNames.Pop(); modelNames.Pop();
                    break;
                case ElementStatement e:
                    if (elementNames.Peek().TryGetValue(e.Name.Text, out var first))
                        diags.Error(e.Name.Position, $"duplicate element name '{e.Name.Written}' (first defined at {first})");
                    else
                    {
                        elementNames.Peek()[e.Name.Text] = e.Name.Position;
                        current.Body.Add(e);
                    }
                    break;
                case ModelStatement m:
                    if (modelNames.Peek().TryGetValue(m.Name.Text, out var firstModel))
                        diags.Error(m.Name.Position, $"duplicate model '{m.Name.Written}' (first defined at {firstModel})");
                    else
                    {
                        modelNames.Peek()[m.Name.Text] = m.Name.Position;
                        current.Models.Add(m);
                    }
                    break;
                case ParamStatement p:
                    current.Params.AddRange(p.Assignments);
                    current.Functions.AddRange(p.Functions);
                    break;
                case GlobalSyntax g:
                    if (!current.IsRoot)
                        diags.Error(g.Position, $"'.global' is not allowed inside a subcircuit ('.subckt {current.Header!.Name.Written}')");
                    foreach (var node in g.Nodes)
                        if (node.Text is not ("0" or "gnd")) root.GlobalNodes.Add(node.Text);
                    break;
                case IcSyntax:   // .ic and .nodeset: allowed in a subcircuit (node names are local there)
                    current.Body.Add(s);
                    break;
                default:
                    if (!current.IsRoot)
                        diags.Error(s.Position, $"this statement is not allowed inside a subcircuit ('.subckt {current.Header!.Name.Written}')");
                    else
                    {
                        current.Body.Add(s);
                        foreach (var source in OutputSources(s))
                            if (elementNames.Peek().TryAdd(source.Name.Text, source.Name.Position)) current.Body.Add(source);
                    }
                    break;
            }
        }
        for (var d = current; !d.IsRoot; d = d.Parent!)
            diags.Error(d.Header!.Position, $"missing '.ends' for '.subckt {d.Header.Name.Written}'");
        return root;
    }

    /// <summary>The behavioural sources of the <c>par('expr')</c> items of an output statement (.print, .meas, .four).</summary>
    private static IEnumerable<ElementStatement> OutputSources(Statement s)
    {
        IEnumerable<PrintItemSyntax?> items = s switch
        {
            PrintSyntax p => p.Items,
            MeasureSyntax m => MeasureItems(m),
            FourierSyntax f => f.Outputs,
            _ => Array.Empty<PrintItemSyntax>(),
        };
        foreach (var it in items)
            if (it?.Source is { } source) yield return source;
    }

    private static IEnumerable<PrintItemSyntax?> MeasureItems(MeasureSyntax m)
    {
        yield return m.Target;
        foreach (var point in new[] { m.Trigger, m.Targ })
        {
            yield return point?.Vector;
            yield return point?.Other;
        }
    }
}
