using Perovspice.Devices.Behavioral;
using Perovspice.Netlist.Expressions;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Binding.Behavioural;

/// <summary>A name inside <c>v()</c> or <c>i()</c>, in the order it appears in the flattened text.</summary>
/// <param name="Kind"><c>v</c> or <c>i</c>.</param>
/// <param name="Name">Hierarchical node or device name.</param>
internal readonly record struct ProbeName(char Kind, string Name);

/// <summary>
/// Compiles the flattened text of a B-source expression (<see cref="ExpressionArg.Text"/>) once into a
/// <see cref="CompiledExpression"/>: constant subexpressions are folded, repeated probes share one input,
/// <c>time</c> is the simulation time, <c>temper</c> the circuit temperature in °C (<c>.temp</c>, default 27) and
/// <c>hertz</c> 0 (ac linearizes at the operating point). <c>c ? a : b</c> and <c>if()</c> compile to a select whose
/// untaken branch may be outside its domain; <c>ddt()</c>/<c>idt()</c> become <see cref="TimeTerm"/>s read through
/// <see cref="ControlInputKind.State"/> inputs.
/// Errors are <see cref="ExpressionException"/>s (offsets are into the flattened text; the caller reports them
/// at the expression).
/// </summary>
internal sealed class ExpressionCompiler
{
    /// <summary>Deepest parenthesis nesting accepted (the parser recurses on each level).</summary>
    public const int MaxNesting = 2000;

    private const int NoOperand = -1;
    private readonly List<Instruction> _code = new();
    private readonly List<ControlInput> _inputs = new();
    private readonly Dictionary<ControlInput, int> _inputAt = new();
    private readonly List<ProbeName> _probes = new();
    private int _time = NoOperand;
    private double _temperature = 27;
    private readonly List<TimeTerm> _terms = new();
    private bool _insideTimeTerm;

    /// <summary>An operand: an instruction index, or a constant not yet emitted (<see cref="Index"/> &lt; 0).</summary>
    private readonly record struct Operand(int Index, double Constant)
    {
        public bool IsConstant => Index < 0;
    }

    /// <summary>Compiles <paramref name="text"/>; <paramref name="probes"/> lists every probe name in text order.</summary>
    public static CompiledExpression Compile(string text, out IReadOnlyList<ProbeName> probes) =>
        Compile(text, 27, out probes);

    /// <summary>Compiles <paramref name="text"/> with <c>temper</c> = <paramref name="temperature"/> (°C).</summary>
    public static CompiledExpression Compile(string text, double temperature, out IReadOnlyList<ProbeName> probes)
    {
        text = text.ToLowerInvariant();
        int depth = 0, deepest = 0;
        foreach (char ch in text)
        {
            if (ch == '(') deepest = Math.Max(deepest, ++depth);
            else if (ch == ')') depth--;
        }
        if (deepest > MaxNesting) throw new ExpressionException($"expression nested more than {MaxNesting} deep", 0);
        var parsed = ExpressionGrammar.Whole(new LineInput(text, 0));
        if (!parsed.WasSuccessful)
            throw new ExpressionException($"cannot read the flattened expression '{text}': {parsed.Message}", parsed.Remainder.Position);
        var c = new ExpressionCompiler { _temperature = temperature };
        var root = c.Emit(parsed.Value);
        int result = c.Materialize(root);
        probes = c._probes;
        return new CompiledExpression(c._code, result, c._inputs, c._terms);
    }

    private int Add(Instruction ins)
    {
        _code.Add(ins);
        return _code.Count - 1;
    }

    private int Materialize(Operand x) => x.IsConstant ? Add(new Instruction(OpCode.Const, NoOperand, NoOperand, x.Constant)) : x.Index;

    private static Operand Constant(double v) => new(NoOperand, v);

    private Operand Emit(Expr e)
    {
        switch (e)
        {
            case NumberExpr n:
                return Constant(n.Value);
            case NameExpr name:
                return Name(name);
            case NegateExpr neg:
                return Unary(OpCode.Neg, Emit(neg.Operand), neg.Offset);
            case NotExpr not:
                return Unary(OpCode.Not, Emit(not.Operand), not.Offset);
            case TernaryExpr t:
                return Select(Emit(t.Condition), Emit(t.WhenTrue), Emit(t.WhenFalse));
            case ChainExpr chain:
                return Chain(chain);
            case CallExpr call:
                return Call(call);
            case ProbeExpr p:
                return Probe(p);
            default:
                throw new InvalidOperationException(e.GetType().Name);
        }
    }

    private Operand Name(NameExpr name)
    {
        switch (name.Name)
        {
            case "time":
                if (_time == NoOperand) _time = Add(new Instruction(OpCode.Time, NoOperand, NoOperand, 0));
                return new Operand(_time, 0);
            case "temper": return Constant(_temperature);
            case "hertz": return Constant(0);
        }
        if (Functions.TryConstant(name.Name, out double v)) return Constant(v);
        throw new ExpressionException($"unknown name '{name.Name}'", name.Offset);
    }

    private Operand Chain(ChainExpr chain)
    {
        if (chain.RightAssociative)
        {
            var operands = new List<Expr> { chain.First };
            operands.AddRange(chain.Rest.Select(r => r.operand));
            var emitted = operands.Select(Emit).ToList();   // in text order, so probes are listed in text order
            var acc = emitted[^1];
            for (int k = emitted.Count - 2; k >= 0; k--) acc = Binary(OpCode.Pow, emitted[k], acc, chain.Offset);
            return acc;
        }
        var x = Emit(chain.First);
        foreach (var (op, operand) in chain.Rest)
        {
            var code = op switch
            {
                '+' => OpCode.Add, '-' => OpCode.Sub, '*' => OpCode.Mul, '/' => OpCode.Div,
                '<' => OpCode.Lt, '>' => OpCode.Gt, 'l' => OpCode.Le, 'g' => OpCode.Ge, 'e' => OpCode.Eq, 'n' => OpCode.Ne,
                '&' => OpCode.And, '|' => OpCode.Or, _ => OpCode.Pow,
            };
            x = Binary(code, x, Emit(operand), operand.Offset);
        }
        return x;
    }

    private Operand Call(CallExpr call)
    {
        string? err = Functions.Check(call.Name, call.Args.Count, behavioural: true);
        if (err is not null) throw new ExpressionException(err, call.Offset);
        if (Functions.TimeFunctions.ContainsKey(call.Name)) return TimeFunction(call);
        var args = call.Args.Select(Emit).ToList();
        switch (call.Name)
        {
            case "if":
                return Select(args[0], args[1], args[2]);
            case "limit":
                return Binary(OpCode.Min, Binary(OpCode.Max, args[0], args[1], call.Offset), args[2], call.Offset);
            case "pwr":
                return Binary(OpCode.Pwr, args[0], args[1], call.Offset);
            case "atan2":
                return Binary(OpCode.Atan2, args[0], args[1], call.Offset);
            case "min":
            case "max":
            {
                var op = call.Name == "min" ? OpCode.Min : OpCode.Max;
                var acc = args[0];
                for (int k = 1; k < args.Count; k++) acc = Binary(op, acc, args[k], call.Offset);
                return acc;
            }
            case "pow":
                return Binary(OpCode.Pow, args[0], args[1], call.Offset);
            case "u2":
                return Binary(OpCode.Min, Binary(OpCode.Max, args[0], Constant(0), call.Offset), Constant(1), call.Offset);
            case "eq0": return Binary(OpCode.Eq, args[0], Constant(0), call.Offset);
            case "ne0": return Binary(OpCode.Ne, args[0], Constant(0), call.Offset);
            case "gt0": return Binary(OpCode.Gt, args[0], Constant(0), call.Offset);
            case "lt0": return Binary(OpCode.Lt, args[0], Constant(0), call.Offset);
            case "ge0": return Binary(OpCode.Ge, args[0], Constant(0), call.Offset);
            case "le0": return Binary(OpCode.Le, args[0], Constant(0), call.Offset);
            case "pwl":
                return Pwl(call, args);
            case "sqr":
                return Binary(OpCode.Mul, args[0], args[0], call.Offset);
        }
        var unary = call.Name switch
        {
            "exp" => OpCode.Exp, "ln" or "log" => OpCode.Ln, "log10" => OpCode.Log10, "sqrt" => OpCode.Sqrt,
            "abs" => OpCode.Abs, "sin" => OpCode.Sin, "cos" => OpCode.Cos, "tan" => OpCode.Tan, "atan" or "arctan" => OpCode.Atan,
            "sinh" => OpCode.Sinh, "cosh" => OpCode.Cosh, "tanh" => OpCode.Tanh,
            "asin" => OpCode.Asin, "acos" => OpCode.Acos, "asinh" => OpCode.Asinh, "acosh" => OpCode.Acosh,
            "atanh" => OpCode.Atanh, "floor" => OpCode.Floor, "ceil" => OpCode.Ceil, "nint" => OpCode.Nint,
            "int" => OpCode.Int, "sgn" => OpCode.Sgn, "u" => OpCode.Step, "uramp" => OpCode.Ramp,
            _ => throw new ExpressionException($"unknown function '{call.Name}'", call.Offset),
        };
        return Unary(unary, args[0], call.Offset);
    }

    /// <summary><c>pwl(x, x1, y1, ...)</c>: the segment for x chosen by nested selects (see Functions.Pwl).</summary>
    private Operand Pwl(CallExpr call, List<Operand> args)
    {
        if ((args.Count - 1) % 2 != 0)
            throw new ExpressionException("pwl(x, x1, y1, x2, y2, ...) takes x and pairs of points", call.Offset);
        var x = args[0];
        int n = (args.Count - 1) / 2;
        for (int k = 0; k < args.Count; k++)
            if (k > 0 && !args[k].IsConstant)
                throw new ExpressionException("pwl(...) points must be constants", call.Offset);
        for (int k = 1; k < n; k++)
            if (!(args[1 + 2 * k].Constant > args[1 + 2 * (k - 1)].Constant))
                throw new ExpressionException("pwl(...) x values must increase", call.Offset);
        Operand Segment(int k)
        {
            double x0 = args[1 + 2 * (k - 1)].Constant, y0 = args[2 + 2 * (k - 1)].Constant;
            double x1 = args[1 + 2 * k].Constant, y1 = args[2 + 2 * k].Constant;
            double slope = (y1 - y0) / (x1 - x0);
            return Binary(OpCode.Add, Binary(OpCode.Mul, Binary(OpCode.Sub, x, Constant(x0), call.Offset), Constant(slope), call.Offset),
                Constant(y0), call.Offset);
        }
        var result = Segment(n - 1);
        for (int k = n - 2; k >= 1; k--)
            result = Select(Binary(OpCode.Lt, x, args[1 + 2 * k], call.Offset), Segment(k), result);
        return result;
    }

    private Operand Select(Operand c, Operand a, Operand b)
    {
        if (c.IsConstant) return c.Constant != 0 ? a : b;
        int ia = Materialize(a), ib = Materialize(b);
        return new Operand(Add(new Instruction(OpCode.Select, ia, ib, 0, c.Index)), 0);
    }

    /// <summary><c>ddt(a)</c>, <c>idt(a [, ic])</c> (<c>sdt</c> = <c>idt</c>): a is compiled on its own into a
    /// <see cref="TimeTerm"/> whose value the source keeps as an internal unknown; the expression reads it as an input.
    /// ic must be constant.</summary>
    private Operand TimeFunction(CallExpr call)
    {
        if (_insideTimeTerm)
            throw new ExpressionException($"'{call.Name}(...)' inside another ddt/idt is not supported", call.Offset);
        var sub = new ExpressionCompiler { _temperature = _temperature, _insideTimeTerm = true };
        int result = sub.Materialize(sub.Emit(call.Args[0]));
        _probes.AddRange(sub._probes);
        double ic = 0;
        if (call.Args.Count > 1)
        {
            var init = Emit(call.Args[1]);
            if (!init.IsConstant)
                throw new ExpressionException($"the initial value of '{call.Name}(...)' must be a constant", call.Args[1].Offset);
            ic = init.Constant;
        }
        var kind = call.Name == "ddt" ? TimeTermKind.Derivative : TimeTermKind.Integral;
        _terms.Add(new TimeTerm(kind, new CompiledExpression(sub._code, result, sub._inputs), ic));
        return Input(ControlInput.TermValue(_terms.Count - 1));
    }

    private Operand Probe(ProbeExpr p)
    {
        foreach (var (name, _) in p.Names) _probes.Add(new ProbeName(p.Kind, name));
        if (p.Kind == 'i')
        {
            if (p.Names.Count != 1) throw new ExpressionException("'i(...)' takes one source name", p.Offset);
            return Input(ControlInput.BranchCurrent(p.Names[0].name));
        }
        if (p.Names.Count > 2) throw new ExpressionException("'v(...)' takes one or two node names", p.Offset);
        string a = p.Names[0].name;
        string? b = p.Names.Count > 1 && !Engine.Circuit.IsGround(p.Names[1].name) ? p.Names[1].name : null;
        if (Engine.Circuit.IsGround(a))
            return b is null ? Constant(0) : Unary(OpCode.Neg, Input(ControlInput.NodeVoltage(b)), p.Offset);
        return a == b ? Constant(0) : Input(ControlInput.NodeVoltage(a, b));
    }

    private Operand Input(ControlInput input)
    {
        if (!_inputAt.TryGetValue(input, out int at))
        {
            _inputs.Add(input);
            at = Add(new Instruction(OpCode.Input, _inputs.Count - 1, NoOperand, 0));
            _inputAt[input] = at;
        }
        return new Operand(at, 0);
    }

    private Operand Unary(OpCode op, Operand x, int offset)
    {
        if (x.IsConstant) return Constant(Fold(op, x.Constant, 0, offset));
        return new Operand(Add(new Instruction(op, x.Index, NoOperand, 0)), 0);
    }

    private Operand Binary(OpCode op, Operand x, Operand y, int offset)
    {
        if (x.IsConstant && y.IsConstant) return Constant(Fold(op, x.Constant, y.Constant, offset));
        int a = Materialize(x), b = Materialize(y);
        return new Operand(Add(new Instruction(op, a, b, 0)), 0);
    }

    private static double Fold(OpCode op, double a, double b, int offset)
    {
        try
        {
            return OpMath.Apply(op, a, b, out _, out _);
        }
        catch (BehavioralDomainException ex)
        {
            throw new ExpressionException(ex.Message, offset);
        }
    }
}
