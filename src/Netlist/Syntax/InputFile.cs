using System.Runtime.InteropServices;
using System.Text;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// Reads a netlist or include file safely: only regular files (a directory, FIFO, socket or device such as
/// <c>/dev/zero</c> is refused before it is opened, so nothing blocks or streams forever), and at most
/// <see cref="NetlistLimits.MaxFileBytes"/> bytes (checked before reading and again while reading, since a file can grow).
/// Problems are <see cref="IOException"/>s with a message fit for a diagnostic.
/// </summary>
internal static class InputFile
{
    /// <summary>Reads <paramref name="path"/> as UTF-8 (invalid bytes replaced; the caller reports control characters).</summary>
    public static string ReadText(string path, long maxBytes)
    {
        var kind = Kind(path);
        if (kind == FileKind.Missing) throw new FileNotFoundException($"no such file '{path}'");
        if (kind == FileKind.Directory) throw new IOException($"'{path}' is a directory, not a netlist file");
        if (kind == FileKind.Other) throw new IOException($"'{path}' is not a regular file (a device, FIFO or socket); only regular files are read");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        long length = stream.CanSeek ? stream.Length : 0;
        if (length > maxBytes) throw new IOException(TooLarge(path, length, maxBytes));
        var buffer = new MemoryStream((int)Math.Min(Math.Max(length, 0), maxBytes) + 1);
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes) throw new IOException(TooLarge(path, buffer.Length + n, maxBytes));
            buffer.Write(chunk, 0, n);
        }
        return new UTF8Encoding(false, false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string TooLarge(string path, long bytes, long max) =>
        $"'{path}' is larger than {max} bytes ({(bytes > max ? "at least " : "")}{bytes}); raise the limit with --max-file-bytes";

    private enum FileKind { Regular, Directory, Other, Missing, Unknown }

    /// <summary>The file type without opening the file (opening a FIFO blocks). Follows symbolic links.</summary>
    private static FileKind Kind(string path)
    {
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!File.Exists(path)) return FileKind.Missing;
        if (!OperatingSystem.IsLinux()) return FileKind.Unknown;
        try
        {
            var buf = new byte[256];
            int rc = StatX(AtFdCwd, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, buf);
            if (rc != 0) return FileKind.Unknown;
            int mode = BitConverter.ToUInt16(buf, 28) & 0xF000;   // stx_mode, S_IFMT
            return mode switch { 0x8000 => FileKind.Regular, 0x4000 => FileKind.Directory, _ => FileKind.Other };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            return FileKind.Unknown;
        }
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 1;

    /// <summary>Linux <c>statx(2)</c> (glibc ≥ 2.28): the one stat call whose buffer layout is the same on every
    /// architecture (<c>stx_mode</c> is the 16-bit field at offset 28).</summary>
    [DllImport("libc", EntryPoint = "statx")]
    private static extern int StatX(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
}
