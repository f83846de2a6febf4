namespace Perovspice.Cli.Sharding;

/// <summary>Shared helpers of the cluster verbs (<c>merge</c>, <c>slurm</c>).</summary>
internal static class Cluster
{
    /// <summary>The lines of the command's usage text for sharding and the cluster verbs (see docs/cluster.md).</summary>
    public const string UsageLines =
        "       perovspice run NETLIST.cir --shard K/N -o DIR_K [--format csv|raw] [--plot]\n" +
        "       perovspice merge DIR_1 ... DIR_N -o DIR\n" +
        "       perovspice slurm NETLIST.cir --tasks N [--partition P] [--time HH:MM:SS] [--cpus C] -o DIR [--submit]\n";

    /// <summary>Runs <paramref name="command"/>; an output that cannot be written is exit 73 with the reason.</summary>
    public static int Guard(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"perovspice: cannot write the output: {e.Message}");
            return 73;
        }
    }
}
