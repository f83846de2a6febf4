using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices.Behavioral;

/// <summary>Whether a behavioural source sets a voltage or a current.</summary>
public enum BehavioralSourceKind
{
    /// <summary><c>V={expr}</c>: v(n+) − v(n−) = expr, with a branch current unknown (as a voltage source).</summary>
    Voltage,
    /// <summary><c>I={expr}</c>: a current expr flows from n+ through the source to n− (as a current source).</summary>
    Current,
}

/// <summary>
/// SPICE B element: a voltage or current source whose value is an arbitrary expression of node voltages, branch
/// currents and time. It stamps the value into F and the expression's exact gradient into G (Newton and the ac
/// linearization both use it); it has no charge.
/// </summary>
/// <remarks>
/// <para>Topology (floating-node and loop checks): a <c>V=</c> source behaves as a voltage source (a dc path
/// between n+ and n−, and a defined voltage); an <c>I=</c> source gives a dc path between its terminals when its
/// expression reads the voltage of one of them, else none (the netlist's topology check also accepts a node whose
/// voltage some element reads and into which a voltage-dependent current flows, as in state equations written with
/// capacitors and B sources). The nodes the expression reads draw no current.</para>
/// <para>Breakpoints: none. An expression of <c>time</c> has no corners the source could know of, so the
/// transient step is bounded only by truncation error and tmax (as for a SIN source).</para>
/// <para>Domain errors (<see cref="BehavioralDomainException"/>) and non-finite values or gradients: on the first
/// Newton iteration of a solve, which evaluates at the starting vector (often all zeros, where e.g. ln(v(a)) is
/// undefined) rather than at a Newton result, the source contributes 0 with no gradient and marks the iteration
/// unconverged; on any later iteration it throws <see cref="SimulationException"/> naming the device and time,
/// which the Newton solver reports as a failed solve (so gmin/source stepping or a smaller time step may still
/// recover, and the analysis's final error names the device).</para>
/// </remarks>
public sealed class BehavioralSource : Device
{
    private readonly IBehavioralFunction _function;
    private readonly ControlInput[] _inputs;
    private readonly double[] _in, _grad;
    private readonly int[] _colA, _colB;              // per input: unknown read with + and with − sign (0 = none)
    private readonly int[] _sPA, _sPB, _sMA, _sMB;    // current kind: rows n+ / n−; voltage kind: row k (in _sPA/_sPB)
    private int _p, _m, _k, _sPK, _sMK, _sKP, _sKM;

    /// <summary>Creates the source between <paramref name="plus"/> and <paramref name="minus"/>.</summary>
    public BehavioralSource(string name, string plus, string minus, BehavioralSourceKind kind, IBehavioralFunction function)
        : base(name, plus, minus)
    {
        Kind = kind;
        _function = function ?? throw new ArgumentNullException(nameof(function));
        _inputs = function.Inputs.ToArray();
        int n = _inputs.Length;
        _in = new double[n]; _grad = new double[n];
        _colA = new int[n]; _colB = new int[n];
        _sPA = new int[n]; _sPB = new int[n]; _sMA = new int[n]; _sMB = new int[n];
    }

    /// <summary>Voltage (<c>V=</c>) or current (<c>I=</c>) source.</summary>
    public BehavioralSourceKind Kind { get; }
    /// <summary>The compiled expression.</summary>
    public IBehavioralFunction Function => _function;
    /// <inheritdoc />
    public override bool IsLinear => false;
    /// <inheritdoc />
    public override bool DefinesVoltage => Kind == BehavioralSourceKind.Voltage;
    /// <inheritdoc />
    public override int BranchIndex => _k;

    /// <inheritdoc />
    /// <remarks>A <c>V=</c> source joins its terminals; an <c>I=</c> source joins them when its current depends on the
    /// voltage of one of its own terminals (it then acts as a nonlinear conductance, e.g. <c>I={v(p,n)/r}</c>).</remarks>
    public override IEnumerable<(string A, string B)> DcPaths()
    {
        if (Kind == BehavioralSourceKind.Voltage || ReadsOwnTerminal()) return new[] { (Nodes[0], Nodes[1]) };
        return Array.Empty<(string, string)>();
    }

    private bool ReadsOwnTerminal()
    {
        foreach (var input in _inputs)
        {
            if (input.Kind != ControlInputKind.Voltage) continue;
            foreach (var node in Nodes)
                if (SameNode(input.Name, node) || (input.Reference is { } r && SameNode(r, node))) return true;
        }
        return false;
    }

    private static bool SameNode(string a, string b) => !Circuit.IsGround(a) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _p = c.Node(Nodes[0]);
        _m = c.Node(Nodes[1]);
        if (Kind == BehavioralSourceKind.Voltage)
        {
            _k = c.AddUnknown(Name + "#branch", UnknownKind.Current);
            _sPK = c.Slot(_p, _k); _sMK = c.Slot(_m, _k);
            _sKP = c.Slot(_k, _p); _sKM = c.Slot(_k, _m);
        }
        for (int i = 0; i < _inputs.Length; i++)
        {
            if (_inputs[i].Kind != ControlInputKind.Voltage) continue;
            _colA[i] = c.Node(_inputs[i].Name);
            _colB[i] = _inputs[i].Reference is { } r ? c.Node(r) : 0;
            ReserveSlots(c, i);
        }
    }

    /// <inheritdoc />
    public override void SetupLate(SetupContext c)
    {
        for (int i = 0; i < _inputs.Length; i++)
        {
            if (_inputs[i].Kind != ControlInputKind.Current) continue;
            _colA[i] = ControllingBranch.Resolve(c, Name, _inputs[i].Name);
            _colB[i] = 0;
            ReserveSlots(c, i);
        }
    }

    private void ReserveSlots(SetupContext c, int i)
    {
        if (Kind == BehavioralSourceKind.Voltage)
        {
            _sPA[i] = c.Slot(_k, _colA[i]); _sPB[i] = c.Slot(_k, _colB[i]);
        }
        else
        {
            _sPA[i] = c.Slot(_p, _colA[i]); _sPB[i] = c.Slot(_p, _colB[i]);
            _sMA[i] = c.Slot(_m, _colA[i]); _sMB[i] = c.Slot(_m, _colB[i]);
        }
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        var x = c.X;
        double value = EvaluateAt(x, c.Time, c.FirstIteration, c);
        var g = c.G;
        if (Kind == BehavioralSourceKind.Current)
        {
            c.F[_p] += value; c.F[_m] -= value;
            for (int i = 0; i < _grad.Length; i++)
            {
                double d = _grad[i];
                g[_sPA[i]] += d; g[_sPB[i]] -= d;
                g[_sMA[i]] -= d; g[_sMB[i]] += d;
            }
            return;
        }
        double ik = x[_k];
        c.F[_p] += ik; c.F[_m] -= ik;
        g[_sPK] += 1; g[_sMK] -= 1;
        c.F[_k] += x[_p] - x[_m] - value;
        g[_sKP] += 1; g[_sKM] -= 1;
        for (int i = 0; i < _grad.Length; i++)
        {
            g[_sPA[i]] -= _grad[i]; g[_sPB[i]] += _grad[i];
        }
    }

    /// <summary>Evaluates the expression at <paramref name="x"/> into the value (returned) and <c>_grad</c>.
    /// See the remarks for what happens outside the expression's domain.</summary>
    private double EvaluateAt(double[] x, double time, bool lenient, LoadContext? c)
    {
        for (int i = 0; i < _in.Length; i++) _in[i] = x[_colA[i]] - x[_colB[i]];
        string? problem;
        double value = 0;
        try
        {
            value = _function.Evaluate(_in, time, _grad);
            problem = double.IsFinite(value) ? null : $"the expression evaluated to {value}";
            for (int i = 0; problem == null && i < _grad.Length; i++)
                if (!double.IsFinite(_grad[i])) problem = $"the derivative with respect to {_inputs[i]} is {_grad[i]}";
        }
        catch (BehavioralDomainException e)
        {
            problem = e.Message;
        }
        if (problem == null) return value;
        if (lenient && c != null)
        {
            Array.Clear(_grad);
            c.SignalLimited();
            return 0;
        }
        throw new SimulationException($"behavioural source '{Name}' at time {time:G6}: {problem}");
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s)
    {
        if (name != "i") return base.ReadQuantity(name, s);
        return Kind == BehavioralSourceKind.Voltage ? s.X[_k] : EvaluateAt(s.X, s.Time, false, null);
    }

    /// <inheritdoc />
    public override Complex? ReadAcQuantity(string name, AcSolution s)
    {
        if (name != "i") return null;
        if (Kind == BehavioralSourceKind.Voltage) return s.X[_k];
        EvaluateAt(s.OperatingPoint, 0, false, null);
        Complex i = 0;
        for (int k = 0; k < _grad.Length; k++) i += _grad[k] * (s.X[_colA[k]] - s.X[_colB[k]]);
        return i;
    }
}
