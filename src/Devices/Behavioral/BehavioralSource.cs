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
/// linearization both use it). Each <c>ddt()</c>/<c>idt()</c> in the expression (<see cref="IBehavioralFunction.TimeTerms"/>)
/// adds an internal unknown with its own equation (see <see cref="TimeTerm"/>); the argument's exact gradient goes to
/// C (ddt) or G (idt), so the Jacobian stays exact.
/// </summary>
/// <remarks>
/// <para>Topology (floating-node and loop checks): a <c>V=</c> source behaves as a voltage source (a dc path
/// between n+ and n−, and a defined voltage); an <c>I=</c> source gives a dc path between its terminals when its
/// expression reads the voltage of one of them, else none (the netlist's topology check also accepts a node whose
/// voltage some element reads and into which a voltage-dependent current flows, as in state equations written with
/// capacitors and B sources). The nodes the expression reads draw no current.</para>
/// <para>ddt: the derivative is what the integration formula gives. A derivative output is not a state: it can jump at
/// a breakpoint (the corner of a PULSE or PWL), and with the trapezoidal rule it carries a bounded alternating error
/// after the backward-Euler restart. The engine's truncation-error estimate covers every unknown, so such a jump in a
/// node voltage or branch current can stall the step control (V={ddt(v(in))} with a PULSE v(in) fails exactly as a
/// capacitor placed directly across a PULSE voltage source does); the ddt unknown itself is left out of the
/// estimate (<see cref="UnknownKind.Rate"/>). As a charge term (I={c*ddt(v(x))} at node x, a capacitor) it is as
/// robust as a capacitor.</para>
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
    private readonly TermState[] _terms;

    /// <summary>The internal unknown of one <see cref="TimeTerm"/> and the matrix slots of its equation.</summary>
    private sealed class TermState
    {
        public TermState(TimeTerm term)
        {
            Term = term;
            Inputs = term.Argument.Inputs.ToArray();
            int n = Inputs.Length;
            In = new double[n]; Grad = new double[n];
            ColA = new int[n]; ColB = new int[n]; SA = new int[n]; SB = new int[n];
        }

        public TimeTerm Term { get; }
        public ControlInput[] Inputs { get; }
        public double[] In { get; }
        public double[] Grad { get; }
        public int[] ColA { get; }
        public int[] ColB { get; }
        public int[] SA { get; }
        public int[] SB { get; }
        public int Row, Diag;
    }

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
        _terms = function.TimeTerms.Select(t => new TermState(t)).ToArray();
        foreach (var t in _terms)
            if (t.Inputs.Any(i => i.Kind == ControlInputKind.State))
                throw new ArgumentException($"'{name}': ddt/idt cannot be nested");
        foreach (var input in _inputs)
            if (input.Kind == ControlInputKind.State && (!int.TryParse(input.Name, out int k) || k < 0 || k >= _terms.Length))
                throw new ArgumentException($"'{name}': unknown time term '{input.Name}'");
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
        for (int t = 0; t < _terms.Length; t++)
        {
            var ts = _terms[t];
            ts.Row = c.AddUnknown($"{Name}#{(ts.Term.Kind == TimeTermKind.Derivative ? "ddt" : "idt")}{t}",
                ts.Term.Kind == TimeTermKind.Derivative ? UnknownKind.Rate : UnknownKind.Voltage);
            ts.Diag = c.Slot(ts.Row, ts.Row);
            for (int i = 0; i < ts.Inputs.Length; i++)
            {
                if (ts.Inputs[i].Kind != ControlInputKind.Voltage) continue;
                ts.ColA[i] = c.Node(ts.Inputs[i].Name);
                ts.ColB[i] = ts.Inputs[i].Reference is { } r ? c.Node(r) : 0;
                ts.SA[i] = c.Slot(ts.Row, ts.ColA[i]); ts.SB[i] = c.Slot(ts.Row, ts.ColB[i]);
            }
        }
        for (int i = 0; i < _inputs.Length; i++)
        {
            if (_inputs[i].Kind == ControlInputKind.Voltage)
            {
                _colA[i] = c.Node(_inputs[i].Name);
                _colB[i] = _inputs[i].Reference is { } r ? c.Node(r) : 0;
            }
            else if (_inputs[i].Kind == ControlInputKind.State)
            {
                _colA[i] = _terms[int.Parse(_inputs[i].Name, System.Globalization.CultureInfo.InvariantCulture)].Row;
                _colB[i] = 0;
            }
            else continue;
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
        foreach (var ts in _terms)
        {
            for (int i = 0; i < ts.Inputs.Length; i++)
            {
                if (ts.Inputs[i].Kind != ControlInputKind.Current) continue;
                ts.ColA[i] = ControllingBranch.Resolve(c, Name, ts.Inputs[i].Name);
                ts.ColB[i] = 0;
                ts.SA[i] = c.Slot(ts.Row, ts.ColA[i]); ts.SB[i] = c.Slot(ts.Row, 0);
            }
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
        foreach (var ts in _terms) LoadTerm(ts, c);
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

    /// <summary>The equation of a ddt/idt term (see <see cref="TimeTerm"/>).</summary>
    private void LoadTerm(TermState ts, LoadContext c)
    {
        var x = c.X;
        double a = Evaluate(ts.Term.Argument, ts.Inputs, ts.ColA, ts.ColB, ts.In, ts.Grad, x, c.Time, c.FirstIteration, c);
        int row = ts.Row;
        if (ts.Term.Kind == TimeTermKind.Derivative)
        {
            // F = s, Q = -a: s = da/dt
            c.F[row] += x[row];
            c.G[ts.Diag] += 1;
            c.Q[row] -= a;
            for (int i = 0; i < ts.Grad.Length; i++) { c.C[ts.SA[i]] -= ts.Grad[i]; c.C[ts.SB[i]] += ts.Grad[i]; }
            return;
        }
        double ic = ts.Term.InitialValue;
        if (c.UseInitialConditions) c.Q[row] += ic;
        else { c.Q[row] += x[row]; c.C[ts.Diag] += 1; }
        if (c.Static)
        {
            // dc form: s = ic
            c.F[row] += x[row] - ic;
            c.G[ts.Diag] += 1;
            return;
        }
        // ds/dt = a
        c.F[row] -= a;
        for (int i = 0; i < ts.Grad.Length; i++) { c.G[ts.SA[i]] -= ts.Grad[i]; c.G[ts.SB[i]] += ts.Grad[i]; }
    }

    /// <summary>Evaluates the expression at <paramref name="x"/> into the value (returned) and <c>_grad</c>.
    /// See the remarks for what happens outside the expression's domain.</summary>
    private double EvaluateAt(double[] x, double time, bool lenient, LoadContext? c) =>
        Evaluate(_function, _inputs, _colA, _colB, _in, _grad, x, time, lenient, c);

    private double Evaluate(IBehavioralFunction function, ControlInput[] inputs, int[] colA, int[] colB, double[] input,
        double[] grad, double[] x, double time, bool lenient, LoadContext? c)
    {
        for (int i = 0; i < input.Length; i++) input[i] = x[colA[i]] - x[colB[i]];
        string? problem;
        double value = 0;
        try
        {
            value = function.Evaluate(input, time, grad);
            problem = double.IsFinite(value) ? null : $"the expression evaluated to {value}";
            for (int i = 0; problem == null && i < grad.Length; i++)
                if (!double.IsFinite(grad[i])) problem = $"the derivative with respect to {inputs[i]} is {grad[i]}";
        }
        catch (BehavioralDomainException e)
        {
            problem = e.Message;
        }
        if (problem == null) return value;
        if (lenient && c != null)
        {
            Array.Clear(grad);
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
