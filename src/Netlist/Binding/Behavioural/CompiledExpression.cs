using Perovspice.Devices.Behavioral;

namespace Perovspice.Netlist.Binding.Behavioural;

/// <summary>
/// A behavioural expression compiled to a flat instruction list. <see cref="Evaluate"/> runs it forwards,
/// keeping each step's partial derivatives, then backwards once (reverse-mode automatic differentiation), so
/// the exact gradient with respect to every input costs about one more pass, whatever the number of inputs.
/// Scratch arrays are preallocated: nothing is allocated per evaluation, and an instance is not thread-safe.
/// </summary>
internal sealed class CompiledExpression : IBehavioralFunction
{
    private readonly Instruction[] _code;
    private readonly double[] _value, _da, _db, _adjoint;
    private readonly int _result;

    /// <summary>Wraps <paramref name="code"/>, whose instruction <paramref name="result"/> is the expression's value.</summary>
    public CompiledExpression(IReadOnlyList<Instruction> code, int result, IReadOnlyList<ControlInput> inputs,
        IReadOnlyList<TimeTerm>? timeTerms = null)
    {
        TimeTerms = timeTerms ?? Array.Empty<TimeTerm>();
        if (result < 0 || result >= code.Count) throw new ArgumentException("bad result index");
        _code = code.ToArray();
        _result = result;
        Inputs = inputs;
        int n = _code.Length;
        _value = new double[n]; _da = new double[n]; _db = new double[n]; _adjoint = new double[n];
    }

    /// <inheritdoc />
    public IReadOnlyList<ControlInput> Inputs { get; }

    /// <inheritdoc />
    public IReadOnlyList<TimeTerm> TimeTerms { get; }

    /// <summary>Number of instructions (after constant folding).</summary>
    public int Length => _code.Length;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> inputs, double time, Span<double> gradient)
    {
        var code = _code;
        var v = _value;
        int last = _result;
        BehavioralDomainException? poison = null;
        for (int k = 0; k <= last; k++)
        {
            var ins = code[k];
            switch (ins.Op)
            {
                case OpCode.Const: v[k] = ins.Value; break;
                case OpCode.Input: v[k] = inputs[ins.A]; break;
                case OpCode.Time: v[k] = time; break;
                case OpCode.Select:
                {
                    double c = v[ins.C];
                    bool first = c != 0;
                    v[k] = double.IsNaN(c) ? double.NaN : first ? v[ins.A] : v[ins.B];
                    _da[k] = first ? 1 : 0;
                    _db[k] = first ? 0 : 1;
                    break;
                }
                default:
                    try
                    {
                        v[k] = OpMath.Apply(ins.Op, v[ins.A], ins.B >= 0 ? v[ins.B] : 0, out _da[k], out _db[k]);
                    }
                    catch (BehavioralDomainException ex)
                    {
                        // only an error if the value is used: the branch of c ? a : b not taken may be outside its domain
                        v[k] = double.NaN; _da[k] = 0; _db[k] = 0;
                        poison ??= ex;
                    }
                    break;
            }
        }
        if (poison is not null && double.IsNaN(v[last])) throw poison;

        gradient.Clear();
        var adj = _adjoint;
        Array.Clear(adj);
        adj[last] = 1;
        for (int k = last; k >= 0; k--)
        {
            double w = adj[k];
            if (w == 0) continue;
            var ins = code[k];
            switch (ins.Op)
            {
                case OpCode.Const:
                case OpCode.Time:
                    break;
                case OpCode.Input:
                    gradient[ins.A] += w;
                    break;
                default:
                    adj[ins.A] += w * _da[k];
                    if (ins.B >= 0) adj[ins.B] += w * _db[k];
                    break;
            }
        }
        return v[last];
    }
}
