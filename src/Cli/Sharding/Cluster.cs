namespace Perovspice.Cli.Sharding;

/// <summary>Dispatch of the cluster verbs (<c>merge</c>, <c>slurm</c>) and their shared helpers.</summary>
internal static class Cluster
{
    /// <summary>The lines of the command's usage text for sharding and the cluster verbs (see docs/cluster.md).</summary>
    public const string UsageLines =
        "       perovspice run NETLIST.cir --shard K/N -o DIR_K [--format csv|raw] [--plot]\n" +
        "       perovspice merge DIR_1 ... DIR_N -o DIR\n" +
        "       perovspice slurm NETLIST.cir --tasks N [--partition P] [--time HH:MM:SS] [--cpus C] -o DIR [--submit]\n";

    /// <summary>Whether <paramref name="verb"/> is handled here.</summary>
    public static bool Handles(string verb) => verb is "merge" or "slurm";

    /// <summary>Runs a cluster verb; <paramref name="args"/> starts with the verb.</summary>
    public static int Execute(string[] args) => Guard(() => args[0] switch
    {
        "merge" => MergeCommand.Execute(args[1..]),
        "slurm" => SlurmCommand.Execute(args[1..]),
        _ => throw new InvalidOperationException(args[0]),
    });

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

    /// <summary>Prints a usage error; returns 64.</summary>
    public static int Usage(string message, string usage)
    {
        Console.Error.WriteLine($"perovspice: {message}");
        Console.Error.WriteLine(usage);
        return 64;
    }
}
