namespace Perovspice.Cli;

/// <summary>
/// Placeholder entry point so the Cli project builds on the output-writer branch; the real command line
/// (run/check, see spec/cli.md) replaces this file.
/// </summary>
public static class Program
{
    /// <summary>Prints a notice and exits with the usage code 64.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("perovspice: command line not implemented on this branch");
        return 64;
    }
}
