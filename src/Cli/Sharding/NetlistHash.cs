using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Perovspice.Cli.Sharding;

/// <summary>
/// A fingerprint of a netlist: SHA-256 over the bytes of the file and of every file it includes (<c>.include</c>,
/// <c>.inc</c>, <c>.lib</c>, recursively, relative to the including file), each preceded by its length. Shards of
/// the same netlist text have the same fingerprint wherever they run.
/// </summary>
internal static partial class NetlistHash
{
    [GeneratedRegex("""^\s*\.(?:include|inc|lib)\s+["']?([^"'\s]+)""", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex IncludeLine();

    /// <summary>The lower-case hex SHA-256 fingerprint of <paramref name="path"/> and its includes.</summary>
    public static string Of(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Add(sha, Path.GetFullPath(path), seen, 0);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Add(IncrementalHash sha, string path, HashSet<string> seen, int depth)
    {
        if (depth > 64 || !seen.Add(path) || !File.Exists(path)) return;
        byte[] bytes = File.ReadAllBytes(path);
        sha.AppendData(BitConverter.GetBytes((long)bytes.Length));
        sha.AppendData(bytes);
        string dir = Path.GetDirectoryName(path) ?? ".";
        foreach (Match m in IncludeLine().Matches(Encoding.UTF8.GetString(bytes)))
            Add(sha, Path.GetFullPath(Path.Combine(dir, m.Groups[1].Value)), seen, depth + 1);
    }
}
