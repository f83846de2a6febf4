using Perovspice.Engine;

namespace Perovspice.Devices.CodeModels;

/// <summary>
/// An XSPICE <c>A</c> element running an analog <see cref="CodeModel"/>. Input connections draw no current
/// (<c>%v</c>, <c>%vd</c>) or are zero-volt sources whose current is the input (<c>%i</c>, <c>%id</c>); output
/// connections are voltage sources with a branch-current unknown (<c>%v</c>, <c>%vd</c>) or current sources from
/// the node into the element (<c>%i</c>, <c>%id</c>). Models with memory (int, d_dt, s_xfer) add state unknowns with
/// their own equations f + dq/dt = 0, so dc, transient and the ac linearization all read the same stamps.
/// </summary>
public sealed class CodeModelDevice : Device
{
    private readonly CodeModel _model;
    private readonly CodeConnection[] _inputs, _outputs;
    private readonly CodeModelEvaluation _eval;
    private readonly int _states;
    private int[] _inA = [], _inB = [], _outA = [], _outB = [], _outBranch = [], _inBranch = [], _stateRow = [];
    // per (row owner, column) slots: rows of outputs/states against input columns (A and B) and state columns
    private int[][] _oInA = [], _oInB = [], _oSt = [], _sInA = [], _sInB = [], _sSt = [];
    private int[][] _oInA2 = [], _oInB2 = [], _oSt2 = [];   // current outputs: second row (minus node)
    private int[] _incPlus = [], _incMinus = [], _rowPlus = [], _rowMinus = [];  // branch incidence slots

    /// <summary>Creates the element <paramref name="name"/> with its ports (in the model's order).</summary>
    public CodeModelDevice(string name, IReadOnlyList<string> nodes, CodeModel model, IReadOnlyList<CodePort> ports)
        : base(name, nodes.ToArray())
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        Ports = ports;
        _inputs = ports.Where(p => !p.Spec.IsOutput).SelectMany(p => p.Connections).ToArray();
        _outputs = ports.Where(p => p.Spec.IsOutput).SelectMany(p => p.Connections).ToArray();
        model.CheckInstance(_inputs.Length);
        _states = model.StateCount(_inputs.Length);
        _eval = new CodeModelEvaluation(_inputs.Length, _outputs.Length, _states);
    }

    /// <summary>The model card.</summary>
    public CodeModel Model => _model;

    /// <summary>The instance's ports and connections.</summary>
    public IReadOnlyList<CodePort> Ports { get; }

    /// <summary>Nodes whose voltage the element reads (voltage inputs), for the topology check.</summary>
    public IEnumerable<string> ReadNodes => _inputs.Where(c => c.Type is PortType.Voltage or PortType.DifferentialVoltage)
        .SelectMany(c => new[] { c.Plus, c.Minus });

    /// <summary>Nodes a current output drives, for the topology check.</summary>
    public IEnumerable<string> DrivenNodes => _outputs.Where(c => c.Type is PortType.Current or PortType.DifferentialCurrent)
        .SelectMany(c => new[] { c.Plus, c.Minus });

    /// <inheritdoc />
    public override bool IsLinear => _model.IsLinear;

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths()
    {
        foreach (var c in _inputs.Concat(_outputs))
        {
            bool input = Array.IndexOf(_inputs, c) >= 0;
            bool path = input ? c.Type is PortType.Current or PortType.DifferentialCurrent
                              : c.Type is PortType.Voltage or PortType.DifferentialVoltage;
            if (path) yield return (c.Plus, c.Minus);
        }
    }

    /// <inheritdoc />
    public override int BranchIndex => _outBranch.FirstOrDefault(b => b != 0);

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        int ni = _inputs.Length, no = _outputs.Length;
        _inA = new int[ni]; _inB = new int[ni]; _inBranch = new int[ni];
        _outA = new int[no]; _outB = new int[no]; _outBranch = new int[no];
        var branches = new List<(int Branch, int A, int B)>();
        for (int i = 0; i < ni; i++)
        {
            int a = c.Node(_inputs[i].Plus), b = c.Node(_inputs[i].Minus);
            if (_inputs[i].Type is PortType.Current or PortType.DifferentialCurrent)
            {
                _inBranch[i] = c.AddUnknown($"{Name}#in{i}", UnknownKind.Current);
                branches.Add((_inBranch[i], a, b));
                _inA[i] = _inBranch[i]; _inB[i] = 0;
            }
            else { _inA[i] = a; _inB[i] = b; }
        }
        for (int o = 0; o < no; o++)
        {
            _outA[o] = c.Node(_outputs[o].Plus); _outB[o] = c.Node(_outputs[o].Minus);
            if (_outputs[o].Type is PortType.Voltage or PortType.DifferentialVoltage)
            {
                _outBranch[o] = c.AddUnknown($"{Name}#out{o}", UnknownKind.Current);
                branches.Add((_outBranch[o], _outA[o], _outB[o]));
            }
        }
        _stateRow = new int[_states];
        for (int s = 0; s < _states; s++) _stateRow[s] = c.AddUnknown($"{Name}#state{s}", UnknownKind.State);

        int nb = branches.Count;
        _incPlus = new int[nb]; _incMinus = new int[nb]; _rowPlus = new int[nb]; _rowMinus = new int[nb];
        for (int k = 0; k < nb; k++)
        {
            var (br, a, b) = branches[k];
            _incPlus[k] = c.Slot(a, br); _incMinus[k] = c.Slot(b, br);
            _rowPlus[k] = c.Slot(br, a); _rowMinus[k] = c.Slot(br, b);
        }
        _branches = branches.ToArray();

        _oInA = new int[no][]; _oInB = new int[no][]; _oSt = new int[no][];
        _oInA2 = new int[no][]; _oInB2 = new int[no][]; _oSt2 = new int[no][];
        for (int o = 0; o < no; o++)
        {
            bool voltage = _outBranch[o] != 0;
            int row1 = voltage ? _outBranch[o] : _outA[o], row2 = voltage ? 0 : _outB[o];
            _oInA[o] = _inA.Select(col => c.Slot(row1, col)).ToArray();
            _oInB[o] = _inB.Select(col => c.Slot(row1, col)).ToArray();
            _oSt[o] = _stateRow.Select(col => c.Slot(row1, col)).ToArray();
            _oInA2[o] = _inA.Select(col => c.Slot(row2, col)).ToArray();
            _oInB2[o] = _inB.Select(col => c.Slot(row2, col)).ToArray();
            _oSt2[o] = _stateRow.Select(col => c.Slot(row2, col)).ToArray();
        }
        _sInA = new int[_states][]; _sInB = new int[_states][]; _sSt = new int[_states][];
        for (int s = 0; s < _states; s++)
        {
            _sInA[s] = _inA.Select(col => c.Slot(_stateRow[s], col)).ToArray();
            _sInB[s] = _inB.Select(col => c.Slot(_stateRow[s], col)).ToArray();
            _sSt[s] = _stateRow.Select(col => c.Slot(_stateRow[s], col)).ToArray();
        }
    }

    private (int Branch, int A, int B)[] _branches = [];

    /// <inheritdoc />
    public override void AcceptTimePoint(TimePointContext context)
    {
        var x = context.X;
        for (int i = 0; i < _inputs.Length; i++) _eval.In[i] = x[_inA[i]] - x[_inB[i]];
        for (int s = 0; s < _states; s++) _eval.States[s] = x[_stateRow[s]];
        _model.Accept(_eval);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        var x = c.X;
        var e = _eval;
        e.Clear();
        e.Static = c.Static;
        for (int i = 0; i < _inputs.Length; i++) e.In[i] = x[_inA[i]] - x[_inB[i]];
        for (int s = 0; s < _states; s++) e.States[s] = x[_stateRow[s]];
        _model.Evaluate(e);

        // zero-volt sensing sources and output voltage sources: the branch current enters the + node's KCL
        for (int k = 0; k < _branches.Length; k++)
        {
            var (br, a, b) = _branches[k];
            c.F[a] += x[br]; c.F[b] -= x[br];
            c.G[_incPlus[k]] += 1; c.G[_incMinus[k]] -= 1;
            c.F[br] += x[a] - x[b];
            c.G[_rowPlus[k]] += 1; c.G[_rowMinus[k]] -= 1;
        }
        var G = c.G;
        for (int o = 0; o < _outputs.Length; o++)
        {
            double y = e.Out[o];
            double sign = _outBranch[o] != 0 ? -1 : 1;   // branch row: v − y; current: y leaves the + node
            int row1 = _outBranch[o] != 0 ? _outBranch[o] : _outA[o];
            c.F[row1] += sign * y;
            if (_outBranch[o] == 0) c.F[_outB[o]] -= y;
            for (int i = 0; i < _inputs.Length; i++)
            {
                double d = e.OutByIn[o][i];
                if (d == 0) continue;
                G[_oInA[o][i]] += sign * d; G[_oInB[o][i]] -= sign * d;
                if (_outBranch[o] == 0) { G[_oInA2[o][i]] -= d; G[_oInB2[o][i]] += d; }
            }
            for (int s = 0; s < _states; s++)
            {
                double d = e.OutByState[o][s];
                if (d == 0) continue;
                G[_oSt[o][s]] += sign * d;
                if (_outBranch[o] == 0) G[_oSt2[o][s]] -= d;
            }
        }
        var C = c.C;
        for (int s = 0; s < _states; s++)
        {
            int row = _stateRow[s];
            c.F[row] += e.StateF[s];
            c.Q[row] += e.StateQ[s];
            for (int i = 0; i < _inputs.Length; i++)
            {
                double df = e.FByIn[s][i], dq = e.QByIn[s][i];
                G[_sInA[s][i]] += df; G[_sInB[s][i]] -= df;
                C[_sInA[s][i]] += dq; C[_sInB[s][i]] -= dq;
            }
            for (int k = 0; k < _states; k++)
            {
                G[_sSt[s][k]] += e.FByState[s][k];
                C[_sSt[s][k]] += e.QByState[s][k];
            }
        }
    }
}
