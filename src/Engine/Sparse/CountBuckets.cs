namespace Perovspice.Engine.Sparse;

/// <summary>
/// Items 0..n-1 kept in doubly linked lists keyed by a count 0..n (rows or columns of the active
/// submatrix bucketed by their number of entries), so the Markowitz search can visit the sparsest first.
/// </summary>
internal sealed class CountBuckets
{
    private readonly int[] _head, _next, _prev, _key;

    public CountBuckets(int n)
    {
        _head = new int[n + 1];
        Array.Fill(_head, -1);
        _next = new int[n];
        _prev = new int[n];
        _key = new int[n];
        Array.Fill(_key, -1);
    }

    /// <summary>The largest count a bucket can have.</summary>
    public int MaxCount => _head.Length - 1;

    /// <summary>First item with count <paramref name="count"/>, or -1.</summary>
    public int First(int count) => _head[count];

    /// <summary>The item after <paramref name="item"/> in its bucket, or -1.</summary>
    public int Next(int item) => _next[item];

    /// <summary>Puts an item (not currently in any bucket) into bucket <paramref name="count"/>.</summary>
    public void Insert(int item, int count)
    {
        int h = _head[count];
        _next[item] = h;
        _prev[item] = -1;
        if (h >= 0) _prev[h] = item;
        _head[count] = item;
        _key[item] = count;
    }

    /// <summary>Takes an item out of its bucket (no-op if it is in none).</summary>
    public void Remove(int item)
    {
        int k = _key[item];
        if (k < 0) return;
        int p = _prev[item], nx = _next[item];
        if (p >= 0) _next[p] = nx; else _head[k] = nx;
        if (nx >= 0) _prev[nx] = p;
        _key[item] = -1;
    }

    /// <summary>Moves an item to bucket <paramref name="count"/> if its count changed.</summary>
    public void Move(int item, int count)
    {
        if (_key[item] == count) return;
        Remove(item);
        Insert(item, count);
    }
}
