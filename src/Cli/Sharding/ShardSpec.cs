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

    /// <summary>
    /// Removes <c>--shard K/N</c> from the arguments of <c>run</c>; the spec is null without the option. Returns an
    /// error message for a malformed or repeated option.
    /// </summary>
    public static (string[] Args, ShardSpec? Spec, string? Error) Extract(string[] args)
    {
        if (args.Length == 0 || args[0] != "run") return (args, null, null);
        var rest = new List<string>();
        ShardSpec? spec = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] != "--shard") { rest.Add(args[i]); continue; }
            if (++i >= args.Length) return (args, null, "--shard needs K/N");
            if (spec is not null) return (args, null, "--shard given twice");
            var (s, err) = Parse(args[i]);
            if (s is null) return (args, null, err);
            spec = s;
        }
        return (rest.ToArray(), spec, null);
    }
}
