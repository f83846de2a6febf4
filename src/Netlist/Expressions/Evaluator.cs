using System.Globalization;
using System.Text;

namespace Perovspice.Netlist.Expressions;

/// <summary>Evaluates expressions to numbers, and rewrites B-source expressions to flattened text.</summary>
internal static class Evaluator
{
    /// <summary>Evaluates <paramref name="e"/>; throws <see cref="ExpressionException"/> with an offset.</summary>
    public static double Evaluate(Expr e, IParameterLookup lookup)
    {
        switch (e)
        {
            case NumberExpr n:
                return n.Value;
            case NameExpr name:
                if (lookup.TryGet(name.Name, out double v)) return v;
                if (Functions.TryConstant(name.Name, out v)) return v;
                throw new ExpressionException($"unknown parameter '{name.Name}'", name.Offset);
            case NegateExpr neg:
                return -Evaluate(neg.Operand, lookup);
            case ChainExpr chain:
                return EvaluateChain(chain, lookup);
            case CallExpr call:
            {
                string? err = Functions.Check(call.Name, call.Args.Count);
                if (err is not null) throw new ExpressionException(err, call.Offset);
                var args = new double[call.Args.Count];
                for (int k = 0; k < args.Length; k++) args[k] = Evaluate(call.Args[k], lookup);
                return Functions.Apply(call.Name, args);
            }
            case ProbeExpr p:
                throw new ExpressionException($"'{p.Kind}(...)' is only allowed in B-source expressions", p.Offset);
            default:
                throw new InvalidOperationException(e.GetType().Name);
        }
    }

    private static double EvaluateChain(ChainExpr chain, IParameterLookup lookup)
    {
        if (chain.RightAssociative)
        {
            double acc = Evaluate(chain.Rest[^1].operand, lookup);
            for (int k = chain.Rest.Count - 2; k >= 0; k--)
                acc = Math.Pow(Evaluate(chain.Rest[k].operand, lookup), acc);
            return Math.Pow(Evaluate(chain.First, lookup), acc);
        }
        double x = Evaluate(chain.First, lookup);
        foreach (var (op, operand) in chain.Rest)
        {
            double y = Evaluate(operand, lookup);
            x = op switch { '+' => x + y, '-' => x - y, '*' => x * y, '/' => x / y, _ => Math.Pow(x, y) };
        }
        return x;
    }

    /// <summary>
    /// Rewrites a B-source expression: parameters become numbers, probe names are mapped, every
    /// binary operation is parenthesized. Free variables other than <see cref="Functions.BehaviouralVariables"/>
    /// and unknown functions are errors.
    /// </summary>
    public static string Rewrite(Expr e, IParameterLookup lookup, Func<string, string> mapNode, Func<string, string> mapSource)
    {
        var sb = new StringBuilder();
        Write(e, sb, lookup, mapNode, mapSource);
        return sb.ToString();
    }

    private static void Write(Expr e, StringBuilder sb, IParameterLookup lookup, Func<string, string> mapNode, Func<string, string> mapSource)
    {
        string Sub(Expr x)
        {
            var inner = new StringBuilder();
            Write(x, inner, lookup, mapNode, mapSource);
            return inner.ToString();
        }

        switch (e)
        {
            case NumberExpr n:
                WriteNumber(sb, n.Value);
                break;
            case NameExpr name:
                if (lookup.TryGet(name.Name, out double v) || Functions.TryConstant(name.Name, out v)) WriteNumber(sb, v);
                else if (Functions.BehaviouralVariables.Contains(name.Name)) sb.Append(name.Name);
                else throw new ExpressionException($"unknown parameter '{name.Name}'", name.Offset);
                break;
            case NegateExpr neg:
                sb.Append("(-");
                Write(neg.Operand, sb, lookup, mapNode, mapSource);
                sb.Append(')');
                break;
            case ChainExpr chain:
                if (chain.RightAssociative)
                {
                    // a^b^c = (a^(b^c)), built from the right
                    var operands = new List<Expr> { chain.First };
                    operands.AddRange(chain.Rest.Select(r => r.operand));
                    string acc = Sub(operands[^1]);
                    for (int k = operands.Count - 2; k >= 0; k--) acc = "(" + Sub(operands[k]) + "^" + acc + ")";
                    sb.Append(acc);
                }
                else
                {
                    sb.Append('(', chain.Rest.Count);
                    Write(chain.First, sb, lookup, mapNode, mapSource);
                    foreach (var (op, operand) in chain.Rest)
                    {
                        sb.Append(op);
                        Write(operand, sb, lookup, mapNode, mapSource);
                        sb.Append(')');
                    }
                }
                break;
            case CallExpr call:
            {
                string? err = Functions.Check(call.Name, call.Args.Count);
                if (err is not null) throw new ExpressionException(err, call.Offset);
                sb.Append(call.Name).Append('(');
                for (int k = 0; k < call.Args.Count; k++)
                {
                    if (k > 0) sb.Append(',');
                    Write(call.Args[k], sb, lookup, mapNode, mapSource);
                }
                sb.Append(')');
                break;
            }
            case ProbeExpr p:
                if (p.Kind == 'i' && p.Names.Count != 1)
                    throw new ExpressionException("'i(...)' takes one source name", p.Offset);
                if (p.Names.Count > 2)
                    throw new ExpressionException("'v(...)' takes one or two node names", p.Offset);
                sb.Append(p.Kind).Append('(');
                for (int k = 0; k < p.Names.Count; k++)
                {
                    if (k > 0) sb.Append(',');
                    sb.Append(p.Kind == 'v' ? mapNode(p.Names[k].name) : mapSource(p.Names[k].name));
                }
                sb.Append(')');
                break;
        }
    }

    /// <summary>Adds the offset of every name inside <c>v()</c>/<c>i()</c>, in the order <see cref="Rewrite"/>
    /// writes them.</summary>
    public static void ProbeNameOffsets(Expr e, List<int> offsets)
    {
        switch (e)
        {
            case NegateExpr neg:
                ProbeNameOffsets(neg.Operand, offsets);
                break;
            case ChainExpr chain:
                ProbeNameOffsets(chain.First, offsets);
                foreach (var (_, operand) in chain.Rest) ProbeNameOffsets(operand, offsets);
                break;
            case CallExpr call:
                foreach (var a in call.Args) ProbeNameOffsets(a, offsets);
                break;
            case ProbeExpr p:
                foreach (var (_, offset) in p.Names) offsets.Add(offset);
                break;
        }
    }

    private static void WriteNumber(StringBuilder sb, double v)
    {
        string s = v.ToString("R", CultureInfo.InvariantCulture);
        if (v < 0 || s.StartsWith('-')) sb.Append('(').Append(s).Append(')');
        else sb.Append(s);
    }
}
