using System.Globalization;

namespace Perovspice.Cli.Sharding;

/// <summary>Shard <see cref="Index"/> of <see cref="Count"/> (1-based): the step values whose 0-based index i has
/// i mod Count = Index − 1.</summary>
internal sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Parses <c>K/N</c> (1 ≤ K ≤ N); returns an error message on failure.</summary>
    public static (ShardSpec? Spec, string? Error) Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            return (null, $"--shard needs K/N with whole numbers K and N, found '{text}'");
        if (n < 1) return (null, $"--shard {text}: the number of shards N must be at least 1");
        if (k < 1 || k > n) return (null, $"--shard {text}: K must be between 1 and {n}");
        return (new ShardSpec(k, n), null);
    }

    /// <summary>Whether the step with 0-based index <paramref name="step"/> belongs to this shard.</summary>
    public bool Holds(int step) => step % Count == Index - 1;

    /// <summary>As written on the command line.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
