using Perovspice.Engine.Sparse;

namespace Perovspice.Engine;

/// <summary>
/// A circuit compiled into its DAE system F(x, t) + dQ(x)/dt = 0: the unknowns, the matrix pattern shared by
/// G and C, and the load buffers. Built once by <see cref="Simulator"/>.
/// </summary>
public sealed class CircuitSystem
{
    private readonly Dictionary<string, int> _nodes;

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
        foreach (var device in circuit.Devices) device.Setup(setup);
        foreach (var device in circuit.Devices) device.SetupLate(setup);
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

    /// <summary>Evaluates every device at <paramref name="x"/> into the load buffers.</summary>
    internal void Evaluate(double[] x)
    {
        var ctx = Load;
        Array.Copy(x, ctx.X, x.Length);
        ctx.X[0] = 0;
        ctx.Clear();
        var devices = Circuit.Devices;
        for (int i = 0; i < devices.Count; i++) devices[i].Load(ctx);
    }
}
