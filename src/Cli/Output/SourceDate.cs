using System.Globalization;

namespace Perovspice.Cli.Output;

/// <summary>
/// The date written into file headers: the time given by the <c>SOURCE_DATE_EPOCH</c> environment variable (seconds
/// since 1970-01-01 UTC, the reproducible-builds convention) when set, so that repeated, sharded and merged runs write
/// byte-identical files; else the current local time.
/// </summary>
public static class SourceDate
{
    /// <summary>The header date.</summary>
    public static DateTime Now()
    {
        string? s = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return s is not null && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : DateTime.Now;
    }
}
