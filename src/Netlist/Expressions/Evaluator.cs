using System.Globalization;
using System.Text;

namespace Perovspice.Netlist.Expressions;

/// <summary>Evaluates expressions to numbers, and rewrites B-source expressions to flattened text.</summary>
internal static class Evaluator
{
    /// <summary>Deepest nesting of user-function calls (a recursive <c>.func</c> stops here with an error).</summary>
    public const int MaxCallDepth = 64;

    /// <summary>Most user-function calls in one evaluation (a chain of functions each calling the next twice grows
    /// exponentially; this stops it with an error instead of hanging).</summary>
    public const int MaxCalls = 1_000_000;

    /// <summary>Longest flattened B-source text after expanding user functions (expansion can grow exponentially).</summary>
    public const int MaxRewrittenLength = 1_000_000;

    [ThreadStatic] private static int _callDepth;
    [ThreadStatic] private static int _calls;

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
                if (name.Name == "temper" && lookup.Temperature is { } celsius) return celsius;
                throw new ExpressionException($"unknown parameter '{name.Name}'", name.Offset);
            case NegateExpr neg:
                return -Evaluate(neg.Operand, lookup);
            case NotExpr not:
                return Evaluate(not.Operand, lookup) == 0 ? 1 : 0;
            case TernaryExpr t:
                return Evaluate(t.Condition, lookup) != 0 ? Evaluate(t.WhenTrue, lookup) : Evaluate(t.WhenFalse, lookup);
            case ChainExpr chain:
                return EvaluateChain(chain, lookup);
            case CallExpr call:
            {
                if (lookup.TryGetFunction(call.Name, out var f, out var definition))
                    return CallUser(call, f!, definition!, lookup);
                string? err = Functions.Check(call.Name, call.Args.Count);
                if (err is not null) throw new ExpressionException(err, call.Offset);
                if (call.Name == "if")
                    return Evaluate(call.Args[0], lookup) != 0 ? Evaluate(call.Args[1], lookup) : Evaluate(call.Args[2], lookup);
                var args = new double[call.Args.Count];
                for (int k = 0; k < args.Length; k++) args[k] = Evaluate(call.Args[k], lookup);
                return RandomFunctions.IsRandom(call.Name, args.Length) ? RandomFunctions.Apply(call.Name, args) : Functions.Apply(call.Name, args);
            }
            case ProbeExpr p:
                throw new ExpressionException($"'{p.Kind}(...)' is only allowed in B-source expressions", p.Offset);
            default:
                throw new InvalidOperationException(e.GetType().Name);
        }
    }

    private static double CallUser(CallExpr call, UserFunction f, IParameterLookup definition, IParameterLookup lookup)
    {
        string? err = Functions.CheckCount(f.Name, call.Args.Count, f.Formals.Count, f.Formals.Count);
        if (err is not null) throw new ExpressionException(err, call.Offset);
        var args = new double[call.Args.Count];
        for (int k = 0; k < args.Length; k++) args[k] = Evaluate(call.Args[k], lookup);
        Enter(call);
        try
        {
            return Evaluate(f.Body, new BoundLookup(f, args, definition));
        }
        catch (ExpressionException ex)
        {
            throw Wrap(ex, f, call);
        }
        finally
        {
            _callDepth--;
        }
    }

    /// <summary>An error inside a function body is reported at the call (the outermost call wins, since body
    /// offsets belong to the definition's line); the message names the innermost function.</summary>
    private static ExpressionException Wrap(ExpressionException ex, UserFunction f, CallExpr call) =>
        new(ex.Message.StartsWith("in function", StringComparison.Ordinal) ? ex.Message : $"in function '{f.Name}': {ex.Message}", call.Offset);

    private static void Enter(CallExpr call)
    {
        if (_callDepth >= MaxCallDepth)
            throw new ExpressionException($"function calls nested more than {MaxCallDepth} deep (is '{call.Name}' recursive?)", call.Offset);
        if (_callDepth == 0) _calls = 0;
        if (++_calls > MaxCalls)
            throw new ExpressionException($"more than {MaxCalls} user-function calls in one expression", call.Offset);
        _callDepth++;
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
            x = Operators.Apply(op, x, Evaluate(operand, lookup));
        return x;
    }

    /// <summary>
    /// Rewrites a B-source expression: parameters become numbers, probe names are mapped, every
    /// binary operation is parenthesized, user functions are expanded in place. Free variables other than
    /// <see cref="Functions.BehaviouralVariables"/> and unknown functions are errors.
    /// </summary>
    public static string Rewrite(Expr e, IParameterLookup lookup, Func<string, string> mapNode, Func<string, string> mapSource)
    {
        var sb = new StringBuilder();
        new Writer(mapNode, mapSource).Write(e, sb, lookup, null);
        return sb.ToString();
    }

    private sealed class Writer
    {
        private readonly Func<string, string> _mapNode, _mapSource;
        private int _depth;

        public Writer(Func<string, string> mapNode, Func<string, string> mapSource) { _mapNode = mapNode; _mapSource = mapSource; }

        private string Sub(Expr x, IParameterLookup lookup, IReadOnlyDictionary<string, string>? formals)
        {
            var inner = new StringBuilder();
            Write(x, inner, lookup, formals);
            return inner.ToString();
        }

        public void Write(Expr e, StringBuilder sb, IParameterLookup lookup, IReadOnlyDictionary<string, string>? formals)
        {
            switch (e)
            {
                case NumberExpr n:
                    WriteNumber(sb, n.Value);
                    break;
                case NameExpr name:
                    if (formals is not null && formals.TryGetValue(name.Name, out var text)) sb.Append(text);
                    else if (lookup.TryGet(name.Name, out double v) || Functions.TryConstant(name.Name, out v)) WriteNumber(sb, v);
                    else if (Functions.BehaviouralVariables.Contains(name.Name)) sb.Append(name.Name);
                    else throw new ExpressionException($"unknown parameter '{name.Name}'", name.Offset);
                    break;
                case NegateExpr neg:
                    sb.Append("(-");
                    Write(neg.Operand, sb, lookup, formals);
                    sb.Append(')');
                    break;
                case NotExpr not:
                    sb.Append("(!");
                    Write(not.Operand, sb, lookup, formals);
                    sb.Append(')');
                    break;
                case TernaryExpr t:
                    sb.Append('(');
                    Write(t.Condition, sb, lookup, formals);
                    sb.Append('?');
                    Write(t.WhenTrue, sb, lookup, formals);
                    sb.Append(':');
                    Write(t.WhenFalse, sb, lookup, formals);
                    sb.Append(')');
                    break;
                case ChainExpr chain:
                    if (chain.RightAssociative)
                    {
                        // a^b^c = (a^(b^c)), built from the right
                        var operands = new List<Expr> { chain.First };
                        operands.AddRange(chain.Rest.Select(r => r.operand));
                        var texts = operands.Select(o => Sub(o, lookup, formals)).ToList();
                        string acc = texts[^1];
                        for (int k = texts.Count - 2; k >= 0; k--) acc = "(" + texts[k] + "^" + acc + ")";
                        sb.Append(acc);
                    }
                    else
                    {
                        sb.Append('(', chain.Rest.Count);
                        Write(chain.First, sb, lookup, formals);
                        foreach (var (op, operand) in chain.Rest)
                        {
                            sb.Append(Operators.Text(op));
                            Write(operand, sb, lookup, formals);
                            sb.Append(')');
                        }
                    }
                    break;
                case CallExpr call:
                    WriteCall(call, sb, lookup, formals);
                    break;
                case ProbeExpr p:
                    if (p.Kind == 'i' && p.Names.Count != 1)
                        throw new ExpressionException("'i(...)' takes one source name", p.Offset);
                    if (p.Names.Count > 2)
                        throw new ExpressionException("'v(...)' takes one or two node names", p.Offset);
                    sb.Append(p.Kind).Append('(');
                    for (int k = 0; k < p.Names.Count; k++)
                    {
                        if (k > 0) sb.Append(',');
                        sb.Append(p.Kind == 'v' ? _mapNode(p.Names[k].name) : _mapSource(p.Names[k].name));
                    }
                    sb.Append(')');
                    break;
            }
        }

        private void WriteCall(CallExpr call, StringBuilder sb, IParameterLookup lookup, IReadOnlyDictionary<string, string>? formals)
        {
            if (lookup.TryGetFunction(call.Name, out var f, out var definition))
            {
                string? countErr = Functions.CheckCount(f!.Name, call.Args.Count, f.Formals.Count, f.Formals.Count);
                if (countErr is not null) throw new ExpressionException(countErr, call.Offset);
                var bound = new Dictionary<string, string>();
                for (int k = 0; k < f.Formals.Count; k++)
                {
                    bound[f.Formals[k]] = "(" + Sub(call.Args[k], lookup, formals) + ")";
                    if (bound[f.Formals[k]].Length > MaxRewrittenLength)
                        throw new ExpressionException($"expression longer than {MaxRewrittenLength} characters after expanding user functions", call.Offset);
                }
                if (_depth >= MaxCallDepth)
                    throw new ExpressionException($"function calls nested more than {MaxCallDepth} deep (is '{call.Name}' recursive?)", call.Offset);
                _depth++;
                try
                {
                    // free names of the body resolve in the defining scope; formals shadow them
                    Write(f.Body, sb, definition!, bound);
                    if (sb.Length > MaxRewrittenLength)
                        throw new ExpressionException($"expression longer than {MaxRewrittenLength} characters after expanding user functions", call.Offset);
                }
                catch (ExpressionException ex)
                {
                    throw Wrap(ex, f, call);
                }
                finally
                {
                    _depth--;
                }
                return;
            }
            string? err = Functions.Check(call.Name, call.Args.Count, behavioural: true);
            if (err is not null) throw new ExpressionException(err, call.Offset);
            sb.Append(call.Name).Append('(');
            for (int k = 0; k < call.Args.Count; k++)
            {
                if (k > 0) sb.Append(',');
                Write(call.Args[k], sb, lookup, formals);
            }
            sb.Append(')');
        }
    }

    /// <summary>Adds the offset of every name inside <c>v()</c>/<c>i()</c>, in the order <see cref="Rewrite"/>
    /// writes them. Returns false when that order is unknown (a user function reorders or repeats its arguments).</summary>
    public static bool ProbeNameOffsets(Expr e, List<int> offsets, IParameterLookup lookup)
    {
        switch (e)
        {
            case NegateExpr neg:
                return ProbeNameOffsets(neg.Operand, offsets, lookup);
            case NotExpr not:
                return ProbeNameOffsets(not.Operand, offsets, lookup);
            case TernaryExpr t:
                return ProbeNameOffsets(t.Condition, offsets, lookup) && ProbeNameOffsets(t.WhenTrue, offsets, lookup)
                       && ProbeNameOffsets(t.WhenFalse, offsets, lookup);
            case ChainExpr chain:
                if (!ProbeNameOffsets(chain.First, offsets, lookup)) return false;
                foreach (var (_, operand) in chain.Rest)
                    if (!ProbeNameOffsets(operand, offsets, lookup)) return false;
                return true;
            case CallExpr call:
                if (lookup.TryGetFunction(call.Name, out _, out _)) return false;
                foreach (var a in call.Args)
                    if (!ProbeNameOffsets(a, offsets, lookup)) return false;
                return true;
            case ProbeExpr p:
                foreach (var (_, offset) in p.Names) offsets.Add(offset);
                return true;
            default:
                return true;
        }
    }

    private static void WriteNumber(StringBuilder sb, double v)
    {
        string s = v.ToString("R", CultureInfo.InvariantCulture);
        if (v < 0 || s.StartsWith('-')) sb.Append('(').Append(s).Append(')');
        else sb.Append(s);
    }
}
