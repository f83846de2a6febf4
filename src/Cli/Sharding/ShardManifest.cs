using System.Globalization;
using System.Text;

namespace Perovspice.Cli.Sharding;

/// <summary>
/// The small text file <c>shard.txt</c> a <c>run --shard K/N</c> writes beside its tables: the netlist's
/// fingerprint, which shard it is, how many step values the whole run has and which of them this shard holds
/// (0-based index and value), and the output format. <c>merge</c> checks these before it combines shards.
/// </summary>
internal sealed record ShardManifest(string NetlistHash, int Shard, int Shards, int TotalSteps, string? Parameter,
    string Format, bool Plot, IReadOnlyList<(int Index, double Value)> Steps)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "shard.txt";

    /// <summary>The file name of the lossless step results (see <see cref="StepParts"/>).</summary>
    public const string PartsName = "shard.parts";

    private const string Magic = "perovspice shard manifest 1";

    /// <summary>Writes the manifest into <paramref name="dir"/>.</summary>
    public void Write(string dir)
    {
        var sb = new StringBuilder();
        sb.Append(Magic).Append('\n');
        sb.Append("netlist-sha256 ").Append(NetlistHash).Append('\n');
        sb.Append("shard ").Append(Shard).Append('/').Append(Shards).Append('\n');
        sb.Append("total-steps ").Append(TotalSteps).Append('\n');
        sb.Append("parameter ").Append(Parameter ?? "-").Append('\n');
        sb.Append("format ").Append(Format).Append('\n');
        sb.Append("plot ").Append(Plot ? "yes" : "no").Append('\n');
        foreach (var (i, v) in Steps) sb.Append("step ").Append(i).Append(' ').Append(v.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(Path.Combine(dir, FileName), sb.ToString());
    }

    /// <summary>Reads the manifest of <paramref name="dir"/>; throws <see cref="InvalidDataException"/> with a message
    /// naming the directory when it is missing or malformed.</summary>
    public static ShardManifest Read(string dir)
    {
        string path = Path.Combine(dir, FileName);
        if (!File.Exists(path)) throw new InvalidDataException($"{dir}: no {FileName} (not the output of 'perovspice run --shard')");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Magic) throw new InvalidDataException($"{path}: not a perovspice shard manifest");
        string? hash = null, parameter = null, format = "csv";
        int shard = 0, shards = 0, total = -1;
        bool plot = false;
        var steps = new List<(int, double)>();
        try
        {
            foreach (var line in lines.Skip(1))
            {
                var f = line.Split(' ');
                switch (f[0])
                {
                    case "netlist-sha256": hash = f[1]; break;
                    case "shard":
                        var kn = f[1].Split('/');
                        shard = int.Parse(kn[0], CultureInfo.InvariantCulture); shards = int.Parse(kn[1], CultureInfo.InvariantCulture);
                        break;
                    case "total-steps": total = int.Parse(f[1], CultureInfo.InvariantCulture); break;
                    case "parameter": parameter = f[1] == "-" ? null : f[1]; break;
                    case "format": format = f[1]; break;
                    case "plot": plot = f[1] == "yes"; break;
                    case "step": steps.Add((int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture))); break;
                }
            }
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException($"{path}: malformed shard manifest");
        }
        if (hash is null || shards < 1 || shard < 1 || shard > shards || total < 0)
            throw new InvalidDataException($"{path}: incomplete shard manifest");
        return new ShardManifest(hash, shard, shards, total, parameter, format, plot, steps);
    }
}
