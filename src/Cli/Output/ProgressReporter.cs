using System.Diagnostics;
using System.Globalization;

namespace Perovspice.Cli.Output;

/// <summary>
/// Progress line for long runs on stderr, e.g. "tran: t = 1.23 ms / 10 ms (12 %), 3456 steps/s", rewritten in
/// place with "\r" at most about five times a second and cleared by <see cref="Done"/>. Silent unless enabled
/// and stderr is a terminal; a run shorter than one update interval prints nothing.
/// </summary>
public sealed class ProgressReporter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly string analysis;
    private readonly double total;
    private readonly TextWriter? writer;
    private readonly Func<TimeSpan> clock;
    private TimeSpan lastUpdate = TimeSpan.Zero;
    private int shownLength;

    /// <summary>Creates a reporter writing to stderr when <paramref name="enabled"/> (not <c>--quiet</c>) and stderr is not redirected.</summary>
    /// <param name="analysis">Analysis kind in lower case ("tran", "dc", "ac", "hopf", "noise").</param>
    /// <param name="total">End value of the run (stop time, last sweep value, highest frequency).</param>
    /// <param name="enabled">False to print nothing (e.g. <c>--quiet</c>).</param>
    public ProgressReporter(string analysis, double total, bool enabled)
        : this(analysis, total, enabled && !Console.IsErrorRedirected ? Console.Error : null, null)
    {
    }

    /// <summary>Creates a reporter writing to <paramref name="writer"/> (null: silent), timed by <paramref name="clock"/>
    /// (elapsed time since the start; default a stopwatch). For tests and other front ends.</summary>
    public ProgressReporter(string analysis, double total, TextWriter? writer, Func<TimeSpan>? clock)
    {
        this.analysis = analysis;
        this.total = total;
        this.writer = writer;
        if (clock == null)
        {
            var watch = Stopwatch.StartNew();
            clock = () => watch.Elapsed;
        }
        this.clock = clock;
    }

    /// <summary>Reports the current value (simulated time, sweep value) and the number of steps or points done.</summary>
    public void Report(double value, long count)
    {
        if (writer == null) return;
        var now = clock();
        if (now - lastUpdate < Interval) return;
        lastUpdate = now;
        string line = Format(value, count, now.TotalSeconds);
        writer.Write("\r" + line + new string(' ', Math.Max(0, shownLength - line.Length)));
        writer.Flush();
        shownLength = line.Length;
    }

    /// <summary>Clears the progress line (if one was shown).</summary>
    public void Done()
    {
        if (writer == null || shownLength == 0) return;
        writer.Write("\r" + new string(' ', shownLength) + "\r");
        writer.Flush();
        shownLength = 0;
    }

    /// <summary>The progress text for <paramref name="value"/> after <paramref name="count"/> steps in <paramref name="seconds"/>.</summary>
    public string Format(double value, long count, double seconds)
    {
        var (symbol, unit, what) = analysis switch
        {
            "tran" => ("t = ", " s", "steps"),
            "ac" or "noise" => ("f = ", " Hz", "points"),
            _ => ("", "", "points"),
        };
        string percent = total != 0 && double.IsFinite(value / total)
            ? ((int)Math.Clamp(Math.Floor(100 * value / total), 0, 100)).ToString(CultureInfo.InvariantCulture)
            : "?";
        string rate = seconds > 0 ? ((long)(count / seconds)).ToString(CultureInfo.InvariantCulture) : "?";
        return $"{analysis}: {symbol}{Quantity(value, unit)} / {Quantity(total, unit)} ({percent} %), {rate} {what}/s";
    }

    private static string Quantity(double v, string unit)
    {
        string s = EngineeringFormat.Format(v, 3);
        if (unit.Length == 0) return s;
        // "1.23m" + " s" → "1.23 ms"
        int i = s.Length;
        while (i > 0 && char.IsLetter(s[i - 1]) && s[i - 1] != 'e') i--;
        return s[..i] + " " + s[i..] + unit.TrimStart();
    }
}
