using Xunit;
using Perovspice.Cli.Output;

namespace Perovspice.Cli.Tests.Output;

public class ProgressReporterTests
{
    [Fact]
    public void FormatsTranLine()
    {
        var p = new ProgressReporter("tran", 0.01, null, null);
        Assert.Equal("tran: t = 1.23 ms / 10 ms (12 %), 3456 steps/s", p.Format(1.23e-3, 3456, 1.0));
    }

    [Fact]
    public void ThrottlesOverwritesAndClears()
    {
        var now = TimeSpan.Zero;
        var sw = new StringWriter();
        var p = new ProgressReporter("tran", 1, sw, () => now);
        p.Report(0.1, 10);               // t = 0: too early
        Assert.Equal("", sw.ToString());
        now = TimeSpan.FromMilliseconds(250);
        p.Report(0.5, 1000);
        now = TimeSpan.FromMilliseconds(300);
        p.Report(0.6, 1200);             // within 200 ms of the last update: skipped
        now = TimeSpan.FromMilliseconds(500);
        p.Report(0.7, 1400);
        string s = sw.ToString();
        Assert.Equal(2, s.Count(c => c == '\r'));
        Assert.DoesNotContain('\n', s);
        Assert.Contains("(50 %)", s);
        Assert.Contains("(70 %)", s);
        int before = s.Length;
        p.Done();
        string cleared = sw.ToString()[before..];
        Assert.Matches("^\r +\r$", cleared);
    }

    [Fact]
    public void DisabledPrintsNothing()
    {
        // Console.Error is process-wide: swap it under the lock the end-to-end tests use.
        var sw = new StringWriter();
        lock (Repo.ConsoleLock)
        {
            var old = Console.Error;
            Console.SetError(sw);
            try
            {
                var p = new ProgressReporter("tran", 1, enabled: false);
                p.Report(0.5, 1);
                p.Done();
            }
            finally { Console.SetError(old); }
        }
        Assert.Equal("", sw.ToString());
    }
}
