namespace Perovspice.Cli.Output;

/// <summary>An output that cannot be written: the path and a short reason (exit code 73).</summary>
internal sealed class OutputException : Exception
{
    public OutputException(string path, string reason) : base($"cannot write '{path}': {reason}") { Path = path; }

    /// <summary>The path that could not be written.</summary>
    public string Path { get; }
}

/// <summary>
/// The output directory of one run: created on open and locked (a second run into the same directory fails at once,
/// see <see cref="Open"/>); every file is written through <see cref="WriteFile"/>, i.e. to a temporary name in the same
/// directory and renamed over the final name only when complete, so a file under its final name is always whole.
/// </summary>
internal sealed class OutputDirectory : IDisposable
{
    /// <summary>Name of the lock file (deleted when the run ends; a stale one left by a killed run is harmless: the
    /// lock is the kernel's, not the file's existence).</summary>
    public const string LockName = ".perovspice.lock";

    private readonly FileStream _lock;

    private OutputDirectory(string path, FileStream lockFile) { Path = path; _lock = lockFile; }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>Creates (if needed) and locks <paramref name="path"/>; throws <see cref="OutputException"/> when it cannot
    /// be created or written, or another run holds it.</summary>
    public static OutputDirectory Open(string path)
    {
        if (path.Length == 0) throw new OutputException(path, "an empty name is not a directory");
        try
        {
            if (new FileInfo(path).LinkTarget is { } target && !Directory.Exists(path))
                throw new OutputException(path, $"it is a symbolic link to '{target}', which is not a directory");
            if (File.Exists(path)) throw new OutputException(path, "it is a file, not a directory");
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OutputException(path, Reason(e, "the directory cannot be created"));
        }
        string lockPath = System.IO.Path.Combine(path, LockName);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix: a second run gets an IOException.
            var fs = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new OutputDirectory(path, fs);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OutputException(path, Reason(e, "the directory is not writable"));
        }
        catch (IOException e) when (File.Exists(lockPath) && e is not PathTooLongException)
        {
            throw new OutputException(path, "another perovspice run is writing into this directory (it holds " + LockName + ")");
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            throw new OutputException(path, Reason(e, "the directory is not writable"));
        }
    }

    /// <summary>
    /// Writes <paramref name="fileName"/> in this directory: <paramref name="write"/> gets a temporary path beside it
    /// (a hidden name ending in <c>.tmp</c>), which is renamed over the final name when <paramref name="write"/>
    /// returns. A read-only existing file is not replaced. On any failure the temporary file is removed.
    /// </summary>
    public string WriteFile(string fileName, Action<string> write)
    {
        string final = System.IO.Path.Combine(Path, fileName);
        string temp = System.IO.Path.Combine(Path, $".{fileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (Directory.Exists(final)) throw new OutputException(final, "a directory of that name is in the way");
            if (File.Exists(final) && !OperatingSystem.IsWindows() &&
                (File.GetUnixFileMode(final) & UnixFileMode.UserWrite) == 0)
                throw new OutputException(final, "the existing file is read-only; it is not replaced");
            write(temp);
            File.Move(temp, final, overwrite: true);
            return final;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OutputException(final, Reason(e, "the file cannot be written"));
        }
        finally
        {
            try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A short reason for an I/O failure (the .NET message names the path again, and sometimes a temporary).</summary>
    private static string Reason(Exception e, string fallback) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the name is too long",
        DirectoryNotFoundException => "a directory on the path does not exist",
        FileNotFoundException => "it cannot be created there",
        IOException io when io.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "no space left on the device",
        IOException io when io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => "read-only file system",
        IOException io when io.Message.Contains("Not a directory", StringComparison.OrdinalIgnoreCase) => "a part of the path is not a directory",
        IOException io when io.Message.Contains("exists", StringComparison.OrdinalIgnoreCase) => "a file of that name is in the way",
        _ => $"{fallback} ({e.Message.TrimEnd('.')})",
    };

    /// <summary>Releases the lock (and removes the lock file).</summary>
    public void Dispose() => _lock.Dispose();
}
