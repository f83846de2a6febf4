using Perovspice.Engine.Sparse;

namespace Perovspice.Engine;

/// <summary>
/// A circuit compiled into its DAE system F(x, t) + dQ(x)/dt = 0: the unknowns, the matrix pattern shared by
/// G and C, and the load buffers. Built once by <see cref="Simulator"/>.
/// </summary>
public sealed class CircuitSystem
{
    private readonly Dictionary<string, int> _nodes;
    // the matrix slots each device reserved at setup (the ones it may stamp): device i's are
    // _slotList[_slotStart[i] .. _slotStart[i + 1]); dropped once the linear cache is built
    private int[]? _slotStart, _slotList;

    internal CircuitSystem(Circuit circuit)
    {
        Circuit = circuit;
        _nodes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["0"] = 0, ["gnd"] = 0 };
        var unknowns = new List<Unknown>();
        var setup = new SetupContext(unknowns, _nodes, circuit);
        foreach (var device in circuit.Devices)
            foreach (var node in device.Nodes)
                if (!_nodes.ContainsKey(node)) setup.AddUnknown(node, UnknownKind.Voltage);
        NodeCount = unknowns.Count;
        var devices = circuit.Devices;
        // slots recorded per device in both setup passes: Setup's, then SetupLate's (joined per device below)
        (List<int> Slots, int[] Start) Pass(Action<Device> run)
        {
            var slots = new List<int>();
            var start = new int[devices.Count + 1];
            setup.Recorder = slots;
            for (int i = 0; i < devices.Count; i++)
            {
                run(devices[i]);
                start[i + 1] = slots.Count;
            }
            setup.Recorder = null;
            return (slots, start);
        }
        var (early, earlyStart) = Pass(d => d.Setup(setup));
        var (late, lateStart) = Pass(d => d.SetupLate(setup));
        _slotStart = new int[devices.Count + 1];
        _slotList = new int[early.Count + late.Count];
        for (int i = 0, k = 0; i < devices.Count; i++)
        {
            for (int j = earlyStart[i]; j < earlyStart[i + 1]; j++) _slotList[k++] = early[j];
            for (int j = lateStart[i]; j < lateStart[i + 1]; j++) _slotList[k++] = late[j];
            _slotStart[i + 1] = k;
        }
        Unknowns = unknowns;
        Pattern = setup.BuildPattern();
        Size = unknowns.Count;
        SlotRows = Pattern.RowsBySlot();
        SlotCols = Pattern.ColsBySlot();
        DiagonalSlots = new int[Size + 1];
        for (int i = 1; i <= Size; i++) DiagonalSlots[i] = Pattern.FindSlot(i, i);
        Load = new LoadContext(Size, Pattern.SlotCount);
        IsLinear = circuit.Devices.All(d => d.IsLinear);
    }

    /// <summary>The circuit this system was compiled from.</summary>
    public Circuit Circuit { get; }
    /// <summary>Number of unknowns.</summary>
    public int Size { get; }
    /// <summary>Number of external nodes (they are unknowns 1..NodeCount).</summary>
    public int NodeCount { get; }
    /// <summary>Unknowns in index order (element i-1 is unknown i).</summary>
    public IReadOnlyList<Unknown> Unknowns { get; }
    /// <summary>Structure of G and C.</summary>
    public SparsePattern Pattern { get; }
    /// <summary>True when every device is linear.</summary>
    public bool IsLinear { get; }

    internal int[] SlotRows { get; }
    internal int[] SlotCols { get; }
    internal int[] DiagonalSlots { get; }
    internal LoadContext Load { get; }

    /// <summary>Index of a node or internal voltage unknown by name; throws for unknown names.</summary>
    public int NodeIndex(string name) =>
        _nodes.TryGetValue(name, out int i) ? i : throw new ArgumentException($"unknown node '{name}'");

    /// <summary>True when a node of that name exists.</summary>
    public bool HasNode(string name) => _nodes.ContainsKey(name);

    /// <summary>Display name of unknown <paramref name="index"/>.</summary>
    public string NameOf(int index) => index <= 0 ? "0" : Unknowns[index - 1].Name;

    /// <summary>The Jacobians G = ∂F/∂x and C = ∂Q/∂x at <paramref name="x"/> as dense matrices (element
    /// [i − 1, j − 1] belongs to unknowns i, j): the linearization that ac and stability analyses use, for checks
    /// and eigenvalue computations on small circuits.</summary>
    public (double[,] G, double[,] C) DenseJacobians(double[] x)
    {
        Evaluate(x);
        var g = new double[Size, Size];
        var c = new double[Size, Size];
        for (int s = 1; s < Load.G.Length; s++)
        {
            int r = SlotRows[s], col = SlotCols[s];
            if (r == 0 || col == 0) continue;
            g[r - 1, col - 1] += Load.G[s];
            c[r - 1, col - 1] += Load.C[s];
        }
        return (g, c);
    }

    /// <summary>Devices that the linear cache does not cover: every device loaded at each evaluation.</summary>
    private Device[]? _loaded;
    /// <summary>The linear time-invariant devices' G and C (by slot), F and Q at x = 0 (by row). Evaluate sets
    /// F = F(0) + G·x and Q = Q(0) + C·x by compressed rows, and G and C to the cache: a whole copy after anything
    /// cleared the load buffers, else only the slots the other devices stamp (the rest still hold the cache).</summary>
    private double[]? _linG, _linC, _linF0, _linQ0;
    // the cached linear G and C by rows (compressed sparse rows, columns ascending): F += G·x and Q += C·x row by row
    private int[] _gStart = Array.Empty<int>(), _gCols = Array.Empty<int>(), _cStart = Array.Empty<int>(), _cCols = Array.Empty<int>();
    private double[] _gVals = Array.Empty<double>(), _cVals = Array.Empty<double>();

    /// <summary>When true (default), the devices that are linear and time-invariant are loaded once into cached
    /// G and C and each evaluation starts from those (F += G·x, Q += C·x) before loading the remaining devices;
    /// false loads every device at every evaluation (for tests comparing the two).</summary>
    internal bool UseLinearCache { get; set; } = true;

    /// <summary>Evaluates every device at <paramref name="x"/> into the load buffers.</summary>
    internal void Evaluate(double[] x)
    {
        var ctx = Load;
        Array.Copy(x, ctx.X, x.Length);
        ctx.X[0] = 0;
        // uic at t = 0: capacitors and inductors load their ic= values instead of x, so load them all.
        if (!UseLinearCache || ctx.UseInitialConditions)
        {
            ctx.Clear();
            var devices = Circuit.Devices;
            for (int i = 0; i < devices.Count; i++) devices[i].Load(ctx);
            return;
        }
        if (_loaded == null) BuildLinearCache();
        if (_linearInPlace == ctx.ClearCount)
        {
            // G and C still hold the cached linear part in every slot the other devices do not stamp: reset only theirs.
            double[] g = ctx.G, c = ctx.C, lg = _linG!, lc = _linC!;
            foreach (int s in _stampedSlots!) { g[s] = lg[s]; c[s] = lc[s]; }
        }
        else
        {
            Array.Copy(_linG!, ctx.G, _linG!.Length);
            Array.Copy(_linC!, ctx.C, _linC!.Length);
            _linearInPlace = ctx.ClearCount;
        }
        ctx.Limited = false;
        double[] X = ctx.X, F = ctx.F, Q = ctx.Q;
        RowProducts(F, _linF0!, _gStart, _gCols, _gVals, X);
        RowProducts(Q, _linQ0!, _cStart, _cCols, _cVals, X);
        var rest = _loaded!;
        for (int i = 0; i < rest.Length; i++) rest[i].LoadVarying(ctx);
    }

    // slots stamped by the devices loaded at each evaluation (sorted), and the LoadContext.ClearCount at which G and C
    // last received the whole linear cache (-1: never)
    private int[]? _stampedSlots;
    private long _linearInPlace = -1;

    /// <summary>Loads the linear time-invariant devices once, at x = 0, into the cache <see cref="Evaluate"/>
    /// starts from, with the invariant part of the others (<see cref="Device.HasInvariantPart"/>). Such a device's F
    /// and Q are affine in x with constant G and C (<see cref="Device.IsLinear"/>, <see cref="Device.IsTimeInvariant"/>),
    /// so F(x) = F(0) + G·x and Q(x) = Q(0) + C·x in every analysis mode, except with uic at t = 0 (handled by loading
    /// every device).</summary>
    private void BuildLinearCache()
    {
        var ctx = Load;
        var saved = (double[])ctx.X.Clone();
        bool savedUic = ctx.UseInitialConditions;
        ctx.UseInitialConditions = false;
        Array.Clear(ctx.X);
        ctx.Clear();
        var rest = new List<Device>();
        var stamped = new bool[ctx.G.Length];
        stamped[0] = true;   // slot 0 takes the stamps on ground: reset it too
        var devices = Circuit.Devices;
        int[] start = _slotStart!, list = _slotList!;
        for (int i = 0; i < devices.Count; i++)
        {
            var d = devices[i];
            if (d.IsLinear && d.IsTimeInvariant) d.Load(ctx);
            else
            {
                if (d.HasInvariantPart) d.LoadInvariant(ctx);
                rest.Add(d);
                for (int k = start[i]; k < start[i + 1]; k++) stamped[list[k]] = true;
            }
        }
        var slots = new List<int>();
        for (int s = 0; s < stamped.Length; s++) if (stamped[s]) slots.Add(s);
        _stampedSlots = slots.ToArray();
        _slotStart = _slotList = null;
        _linG = (double[])ctx.G.Clone();
        _linC = (double[])ctx.C.Clone();
        _linF0 = (double[])ctx.F.Clone();
        _linQ0 = (double[])ctx.Q.Clone();
        (_gStart, _gCols, _gVals) = Rows(_linG);
        (_cStart, _cCols, _cVals) = Rows(_linC);
        _loaded = rest.ToArray();
        Array.Copy(saved, ctx.X, saved.Length);
        ctx.UseInitialConditions = savedUic;
        ctx.Clear();
    }

    /// <summary>The nonzero entries of <paramref name="values"/> (by slot) off the ground row and column, as compressed
    /// rows: row r's entries are start[r] .. start[r + 1] − 1, columns ascending.</summary>
    private (int[] Start, int[] Cols, double[] Vals) Rows(double[] values)
    {
        var entries = new List<(int Row, int Col, double Value)>();
        for (int s = 1; s < values.Length; s++)
        {
            int r = SlotRows[s], c = SlotCols[s];
            if (r == 0 || c == 0 || values[s] == 0) continue;
            entries.Add((r, c, values[s]));
        }
        entries.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Col.CompareTo(b.Col));
        var start = new int[Size + 2];
        foreach (var e in entries) start[e.Row + 1]++;
        for (int r = 0; r <= Size; r++) start[r + 1] += start[r];
        return (start, entries.Select(e => e.Col).ToArray(), entries.Select(e => e.Value).ToArray());
    }

    /// <summary>y[r] = y0[r] + Σ vals[k]·x[cols[k]] over row r's entries, for every row (y[0] = y0[0]).</summary>
    private static void RowProducts(double[] y, double[] y0, int[] start, int[] cols, double[] vals, double[] x)
    {
        int rows = start.Length - 1;
        y[0] = y0[0];
        for (int r = 1; r < rows; r++)
        {
            int k = start[r], end = start[r + 1];
            if (k == end) { y[r] = y0[r]; continue; }
            double sum = 0;
            for (; k < end; k++) sum += vals[k] * x[cols[k]];
            y[r] = y0[r] + sum;
        }
    }
}
