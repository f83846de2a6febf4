using Perovspice.Devices;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

internal sealed partial class Flattener
{
    private static bool HasCandidates(IReadOnlyList<ArgSyntax> args)
    {
        foreach (var a in args)
            if (a is CandidateArgSyntax) return true;
        return false;
    }

    /// <summary>
    /// Gives each bare word after an element's required nodes its role, now that the models in scope are known:
    /// as SPICE reads a BJT's optional substrate node, the optional nodes end at the first word naming a model;
    /// after the model come positional values (numbers or expressions) and flags (<c>off</c>). Adds the optional
    /// nodes to <paramref name="nodes"/>; returns the arguments with every candidate resolved, or null after
    /// reporting an error.
    /// </summary>
    private List<ArgSyntax>? ResolveCandidates(ElementStatement e, Scope scope, List<NodeRef> nodes)
    {
        var kind = DeviceCatalog.Find(e.Kind)!;
        var candidates = new List<CandidateArgSyntax>();
        foreach (var a in e.Args)
            if (a is CandidateArgSyntax c) candidates.Add(c);
        int maxExtra = kind.MaxNodes - kind.MinNodes;
        int modelAt = -1, valuesBefore = 0;
        if (kind.Models.Count > 0)
        {
            for (int k = 0; k <= maxExtra && k < candidates.Count; k++)
            {
                // binned families (NAME.1, NAME.2, …) are MOSFET models, as in ngspice
                if (scope.Model(candidates[k].Word.Text) is not null
                    || (e.Kind == 'm' && scope.BinnedFamily(candidates[k].Word.Text) is not null)) { modelAt = k; break; }
            }
            // ngspice's `R n+ n- value mname` (also C, L): a value, then the model
            int after = maxExtra + 1;
            if (modelAt < 0 && kind.Values.Count > 0 && after < candidates.Count && candidates[after - 1].Value is not null
                && scope.Model(candidates[after].Word.Text) is not null)
            {
                modelAt = after;
                valuesBefore = 1;
            }
            if (modelAt < 0 && kind.ModelRequired)
            {
                // the model is the last word that can still be one (all optional nodes used before it): for
                // `m1 d g s b nch` that is nch, not the bulk node b
                var bad = candidates.Take(maxExtra + 1).LastOrDefault(c => c.Value is null || !IsNumber(c))
                          ?? candidates.FirstOrDefault();
                if (bad is null) _diags.Error(e.Name.Position, $"expected a model name for '{e.Name.Written}'");
                else _diags.Error(bad.Word.Position, $"unknown model '{bad.Word.Text}'");
                return null;
            }
        }
        var result = new List<ArgSyntax>(e.Args.Count);
        int index = 0;
        foreach (var a in e.Args)
        {
            if (a is not CandidateArgSyntax c)
            {
                result.Add(a);
                continue;
            }
            int k = index++;
            if (k < modelAt - valuesBefore)
                nodes.Add(new NodeRef(scope.Node(c.Word.Text), c.Word.Position));
            else if (k < modelAt)
                result.Add(new ValueArgSyntax(c.Value!));
            else if (k == modelAt)
                result.Add(new WordArgSyntax(c.Word.Text, WordRole.Model, c.Word.Position));
            else if (kind.Flags.Contains(c.Word.Text))
                result.Add(new WordArgSyntax(c.Word.Text, WordRole.Keyword, c.Word.Position));
            else if (c.Value is not null)
                result.Add(new ValueArgSyntax(c.Value));
            else
            {
                string hint = Expressions.NumberGrammar.RkmHint(c.Word.Text) is { } rkm ? "; " + rkm : "";
                _diags.Error(c.Word.Position, $"unexpected '{c.Word.Written}' in '{e.Name.Written}'{hint}");
                return null;
            }
        }
        return result;
    }

    private static bool IsNumber(CandidateArgSyntax c) => c.Value?.Expression is Expressions.NumberExpr;
}

internal sealed partial class Flattener
{
    /// <summary>Sets an element's <c>m</c> to the instance multiplier <paramref name="m"/>, replacing its own as ngspice
    /// 39 does (elements whose kind has no <c>m</c> parameter, such as sources, are left alone).</summary>
    private static void ApplyMultiplier(ElementStatement e, double m, List<ElementArgument> args)
    {
        var kind = DeviceCatalog.Find(e.Kind);
        if (kind is null || ParameterTable.Find(kind.InstanceParameters, "m") is null) return;
        for (int k = 0; k < args.Count; k++)
        {
            if (args[k] is AssignArg { Key: "m" } own)
            {
                args[k] = own with { Value = m };
                return;
            }
        }
        args.Add(new AssignArg("m", m, e.Name.Position));
    }
}
