using Perovspice.Engine.Sparse;

namespace Perovspice.Engine;

/// <summary>What a device sees at setup: node lookup, new unknowns and matrix slots.</summary>
public sealed class SetupContext
{
    private readonly List<Unknown> _unknowns;
    private readonly Dictionary<string, int> _nodes;
    private readonly Dictionary<long, int> _slotOf = new(Sparse.EntryKey.Comparer);
    private readonly List<(int Row, int Col)> _entries = new() { (0, 0) };
    private readonly Circuit _circuit;

    internal SetupContext(List<Unknown> unknowns, Dictionary<string, int> nodes, Circuit circuit)
    {
        _unknowns = unknowns;
        _nodes = nodes;
        _circuit = circuit;
    }

    /// <summary>Finds another device of the circuit by name (case-insensitive), or null. Its unknowns (e.g.
    /// <see cref="Device.BranchIndex"/>) exist only once it has been set up: read them in
    /// <see cref="Device.SetupLate"/>, which runs after every device's <see cref="Device.Setup"/>.</summary>
    public Device? FindDevice(string name) => _circuit.Find(name);

    /// <summary>Every device of the circuit, in order (a coupling element checks the couplings it shares
    /// inductors with). Unknowns of other devices exist only in <see cref="Device.SetupLate"/>.</summary>
    public IReadOnlyList<Device> Devices => _circuit.Devices;

    /// <summary>Index of a node (0 for ground "0"/"gnd").</summary>
    public int Node(string name) =>
        _nodes.TryGetValue(name, out int index) ? index : throw new ArgumentException($"unknown node '{name}'");

    /// <summary>Declares a new unknown (branch current, internal node, device state) and returns its index.
    /// A voltage unknown becomes a node that later devices and probes can name.</summary>
    public int AddUnknown(string name, UnknownKind kind)
    {
        int index = _unknowns.Count + 1;
        _unknowns.Add(new Unknown(index, name, kind));
        if (kind == UnknownKind.Voltage) _nodes[name] = index;
        return index;
    }

    /// <summary>Reserves matrix entry (row, col) and returns its slot; row or column 0 (ground) gives the
    /// trash slot 0.</summary>
    public int Slot(int row, int col)
    {
        if (row == 0 || col == 0) return 0;
        long key = Sparse.EntryKey.Of(row, col);
        if (_slotOf.TryGetValue(key, out int slot)) { Recorder?.Add(slot); return slot; }
        slot = _entries.Count;
        Recorder?.Add(slot);
        _entries.Add((row, col));
        _slotOf[key] = slot;
        return slot;
    }

    /// <summary>While set, collects every slot handed out (new or already reserved; repeats possible): the slots the
    /// device being set up stamps.</summary>
    internal List<int>? Recorder;

    /// <summary>Builds the pattern with the same slot numbers as handed out.</summary>
    internal SparsePattern BuildPattern()
    {
        var pattern = new SparsePattern(_unknowns.Count);
        for (int s = 1; s < _entries.Count; s++)
        {
            int got = pattern.GetSlot(_entries[s].Row, _entries[s].Col);
            if (got != s) throw new InvalidOperationException("slot numbering mismatch");
        }
        pattern.EnsureDiagonal();
        return pattern;
    }
}
