namespace Perovspice.Engine.Sparse;

/// <summary>
/// Key of a matrix entry (row, col) packed in a long, with a hash that mixes both halves. long's own hash is
/// row ^ col, which is 0 for every diagonal entry and collides badly on banded matrices (quadratic setup).
/// </summary>
internal sealed class EntryKey : IEqualityComparer<long>
{
    /// <summary>The shared comparer.</summary>
    public static readonly EntryKey Comparer = new();

    /// <summary>Packs (row, col).</summary>
    public static long Of(int row, int col) => ((long)row << 32) | (uint)col;

    /// <inheritdoc />
    public bool Equals(long a, long b) => a == b;

    /// <inheritdoc />
    public int GetHashCode(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 32);
}
