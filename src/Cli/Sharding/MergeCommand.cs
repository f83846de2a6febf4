using System.CommandLine;

namespace Perovspice.Cli.Sharding;

/// <summary>
/// <c>perovspice merge DIR_1 … DIR_N -o DIR</c>: checks that the shard directories come from the same netlist (its
/// fingerprint), the same number of shards and output format, and that every shard and so every step is present
/// exactly once; then writes the files the unsharded run writes (byte-identical). Exit 0, 1 when the shards do not
/// fit together (the message names the shard or directory), 64 on a usage error. Nothing is written on failure.
/// </summary>
internal static class MergeCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "usage: perovspice merge DIR_1 ... DIR_N -o DIR [--quiet]";

    /// <summary>The verb on System.CommandLine; <paramref name="missing"/> registers the message of a missing value.</summary>
    public static Command Command(Action<Symbol, string> missing)
    {
        var command = new Command("merge", "Join the directories of 'run --shard K/N' into the files of the unsharded run (docs/cluster.md)");
        var dirs = new Argument<string[]>("DIR") { Description = "The shard directories, one per shard", Arity = ArgumentArity.OneOrMore };
        missing(dirs, "'merge' needs the shard directories");
        var output = new Option<string?>("--output", "-o") { Description = "Directory of the merged files (required)", HelpName = "DIR", CustomParser = CommandTree.Last };
        missing(output, "-o needs a directory");
        var quiet = CommandTree.Quiet();
        command.Arguments.Add(dirs);
        command.Options.Add(output);
        command.Options.Add(quiet);
        command.SetAction(r => r.GetResult(output) is null ? throw new UsageException("'merge' needs -o DIR") : Cluster.Guard(() => Execute([.. r.GetValue(dirs)!], r.GetValue(output)!, r.GetValue(quiet))));
        return command;
    }

    /// <summary>Merges the shard directories <paramref name="dirs"/> into <paramref name="outDir"/>.</summary>
    public static int Execute(List<string> dirs, string outDir, bool quiet)
    {
        try
        {
            var manifests = dirs.Select(ShardManifest.Read).ToList();
            Check(dirs, manifests);
            var parts = new List<StepPart>();
            for (int k = 0; k < dirs.Count; k++)
            {
                var p = StepParts.Read(Path.Combine(dirs[k], ShardManifest.PartsName));
                if (!p.Select(x => x.Index).SequenceEqual(manifests[k].Steps.Select(s => s.Index)))
                    throw new InvalidDataException($"{dirs[k]}: {ShardManifest.PartsName} does not hold the steps its {ShardManifest.FileName} lists");
                parts.AddRange(p);
            }
            parts.Sort((a, b) => a.Index.CompareTo(b.Index));
            var first = manifests[0];
            using var staging = new OutputStaging(outDir);
            StepAssembler.Write(parts, first.Parameter is not null, staging.StagingDirectory, first.Format, first.Plot, quiet);
            staging.Commit();
            if (!quiet) Console.Error.WriteLine($"merged {dirs.Count} shards, {parts.Count} steps -> {staging.Target}");
            return 0;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"perovspice: merge: {e.Message}");
            return 1;
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first misfit.</summary>
    private static void Check(List<string> dirs, List<ShardManifest> m)
    {
        var first = m[0];
        for (int k = 1; k < m.Count; k++)
        {
            if (m[k].NetlistHash != first.NetlistHash)
                throw new InvalidDataException($"{dirs[k]} (shard {m[k].Shard}/{m[k].Shards}) is from a different netlist than {dirs[0]} " +
                    $"(fingerprint {m[k].NetlistHash[..12]}… vs {first.NetlistHash[..12]}…)");
            if (m[k].Shards != first.Shards || m[k].TotalSteps != first.TotalSteps)
                throw new InvalidDataException($"{dirs[k]} is shard {m[k].Shard}/{m[k].Shards} of {m[k].TotalSteps} steps, but {dirs[0]} is shard {first.Shard}/{first.Shards} of {first.TotalSteps} steps");
            if (m[k].Format != first.Format || m[k].Plot != first.Plot || m[k].Parameter != first.Parameter)
                throw new InvalidDataException($"{dirs[k]} was run with other output options (--format/--plot) than {dirs[0]}");
        }
        var byShard = new Dictionary<int, string>();
        for (int k = 0; k < m.Count; k++)
        {
            if (byShard.TryGetValue(m[k].Shard, out var other))
                throw new InvalidDataException($"shard {m[k].Shard}/{first.Shards} given twice: {other} and {dirs[k]}");
            byShard[m[k].Shard] = dirs[k];
        }
        var missing = Enumerable.Range(1, first.Shards).Where(s => !byShard.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"shard{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(s => $"{s}/{first.Shards}"))} missing");
        var seen = new int[first.TotalSteps];
        for (int k = 0; k < m.Count; k++)
            foreach (var (i, _) in m[k].Steps)
            {
                if (i < 0 || i >= seen.Length || (i % first.Shards) != m[k].Shard - 1)
                    throw new InvalidDataException($"{dirs[k]}: step {i} does not belong to shard {m[k].Shard}/{first.Shards}");
                seen[i]++;
            }
        int gap = Array.FindIndex(seen, c => c != 1);
        if (gap >= 0) throw new InvalidDataException($"step {gap} (0-based) is present {seen[gap]} times, expected once");
    }
}
