namespace Perovspice.Engine.Sparse;

/// <summary>
/// The structure of a square sparse matrix over unknowns 1..<see cref="Size"/>, built once at setup.
/// Every structural entry is addressed by a <em>slot</em>: an index into a flat value array of length
/// <see cref="SlotCount"/> + 1. Slot 0 is the "trash" slot: any entry in row 0 or column 0 (ground)
/// maps to it, so devices can stamp without testing for ground.
/// </summary>
public sealed class SparsePattern
{
    private readonly Dictionary<long, int> _slots = new(EntryKey.Comparer);
    private readonly List<int> _rows = new() { 0 };
    private readonly List<int> _cols = new() { 0 };

    /// <summary>Creates an empty pattern for <paramref name="size"/> unknowns (numbered from 1).</summary>
    public SparsePattern(int size)
    {
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size));
        Size = size;
    }

    /// <summary>Number of unknowns; rows and columns are numbered 1..Size.</summary>
    public int Size { get; }

    /// <summary>Number of structural entries; value arrays have SlotCount + 1 elements.</summary>
    public int SlotCount => _rows.Count - 1;

    /// <summary>Returns the slot of entry (row, col), creating it if new. Row or column 0 gives the trash slot 0.</summary>
    public int GetSlot(int row, int col)
    {
        if (row == 0 || col == 0) return 0;
        if ((uint)row > (uint)Size || (uint)col > (uint)Size)
            throw new ArgumentOutOfRangeException(nameof(row), $"entry ({row},{col}) outside a {Size}x{Size} matrix");
        long key = EntryKey.Of(row, col);
        if (_slots.TryGetValue(key, out int slot)) return slot;
        slot = _rows.Count;
        _rows.Add(row);
        _cols.Add(col);
        _slots[key] = slot;
        return slot;
    }

    /// <summary>The slot of (row, col) if it exists, else -1.</summary>
    public int FindSlot(int row, int col)
    {
        if (row == 0 || col == 0) return 0;
        return _slots.TryGetValue(EntryKey.Of(row, col), out int slot) ? slot : -1;
    }

    /// <summary>Row of a slot (0 for the trash slot).</summary>
    public int RowOf(int slot) => _rows[slot];

    /// <summary>Column of a slot (0 for the trash slot).</summary>
    public int ColOf(int slot) => _cols[slot];

    /// <summary>Rows of all slots, indexed by slot (element 0 is the trash slot).</summary>
    public int[] RowsBySlot() => _rows.ToArray();

    /// <summary>Columns of all slots, indexed by slot (element 0 is the trash slot).</summary>
    public int[] ColsBySlot() => _cols.ToArray();

    /// <summary>Adds every diagonal entry (1..Size) so that gmin and pivots always have a place.</summary>
    public void EnsureDiagonal()
    {
        for (int i = 1; i <= Size; i++) GetSlot(i, i);
    }
}
