namespace Perovspice.Cli.Sharding;

/// <summary>
/// Writes a command's files into a hidden sibling directory first and moves them into the output directory only
/// when all of them are complete, so that a failure leaves nothing half-written there (the directory is not even
/// created when it did not exist).
/// </summary>
internal sealed class OutputStaging : IDisposable
{
    private bool _done;

    /// <summary>Creates the staging directory beside <paramref name="outputDir"/>.</summary>
    public OutputStaging(string outputDir)
    {
        Target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(Target) ?? ".";
        Directory.CreateDirectory(parent);
        StagingDirectory = Path.Combine(parent, $".{Path.GetFileName(Target)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingDirectory);
    }

    /// <summary>The output directory the files end up in.</summary>
    public string Target { get; }

    /// <summary>The staging directory to write into.</summary>
    public string StagingDirectory { get; }

    /// <summary>Moves the staged files into <see cref="Target"/> (a rename of the whole directory when it does not
    /// exist yet).</summary>
    public void Commit()
    {
        if (!Directory.Exists(Target))
            Directory.Move(StagingDirectory, Target);
        else
        {
            foreach (var f in Directory.GetFiles(StagingDirectory))
                File.Move(f, Path.Combine(Target, Path.GetFileName(f)), overwrite: true);
            Directory.Delete(StagingDirectory, recursive: true);
        }
        _done = true;
    }

    /// <summary>Removes the staging directory unless committed.</summary>
    public void Dispose()
    {
        if (_done) return;
        try { Directory.Delete(StagingDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _done = true;
    }
}
