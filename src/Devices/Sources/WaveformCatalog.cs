namespace Perovspice.Devices;

/// <summary>What a waveform's factory may need beyond its values: PWL's <c>r=</c> and <c>td=</c>, a seed per random stream.</summary>
/// <param name="Repeat">PWL <c>r=</c>: the time the waveform repeats from, or null.</param>
/// <param name="Delay">PWL <c>td=</c>: a delay of the whole waveform (0 when absent).</param>
/// <param name="Seed">The seed of a random waveform's stream (the binder keys it by <c>.options seed</c>, the element
/// name and the stream name).</param>
public readonly record struct WaveformContext(double? Repeat, double Delay, Func<string, int> Seed);

/// <summary>One source waveform: its name (and aliases), how many values it takes, and how it is built.</summary>
/// <param name="Name">The name as written, lower case (<c>pulse</c>).</param>
/// <param name="MinValues">Fewest values.</param>
/// <param name="MaxValues">Most values (<see cref="int.MaxValue"/>: no limit).</param>
/// <param name="Create">Builds the waveform; throws <see cref="ArgumentException"/> for values it rejects.</param>
public sealed record WaveformKind(string Name, int MinValues, int MaxValues, Func<IReadOnlyList<double>, WaveformContext, Waveform> Create)
{
    /// <summary>Other names read as this one (<c>sine</c> for <c>sin</c>).</summary>
    public string[] Aliases { get; init; } = [];

    /// <summary>The values are (time, value) pairs (an odd count is an error).</summary>
    public bool Pairs { get; init; }

    /// <summary>Takes PWL's <c>r=</c> and <c>td=</c> (elsewhere they are errors).</summary>
    public bool TakesRepeatAndDelay { get; init; }
}

/// <summary>
/// Every independent-source waveform, registered once: the parser checks names and value counts here and the binder
/// builds from it. A new waveform is its class and one line below.
/// </summary>
public static class WaveformCatalog
{
    /// <summary>The waveforms, in the order error messages list them.</summary>
    public static IReadOnlyList<WaveformKind> All { get; } =
    [
        new("pulse", 2, 8, (v, _) => new PulseWaveform(v)),
        new("sin", 2, 6, (v, _) => new SineWaveform(v)) { Aliases = ["sine"] },
        new("pwl", 2, int.MaxValue, (v, c) => PwlWaveform.Delayed(v, c.Repeat, c.Delay)) { Pairs = true, TakesRepeatAndDelay = true },
        new("exp", 2, 6, (v, _) => new ExpWaveform(v)),
        new("sffm", 2, 7, (v, _) => new SffmWaveform(v)),
        new("am", 2, 7, (v, _) => new AmWaveform(v)),
        new("trnoise", 2, 7, (v, c) => new TrnoiseWaveform(v, c.Seed("trnoise"))),
        new("trrandom", 2, 5, (v, c) => new TrrandomWaveform(v, c.Seed("trrandom"))),
    ];

    private static readonly Dictionary<string, WaveformKind> ByName = BuildIndex();

    private static Dictionary<string, WaveformKind> BuildIndex()
    {
        var d = new Dictionary<string, WaveformKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var k in All)
        {
            d.Add(k.Name, k);
            foreach (var a in k.Aliases) d.Add(a, k);
        }
        return d;
    }

    /// <summary>The waveform called <paramref name="name"/> (or an alias of it), or null.</summary>
    public static WaveformKind? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>"pulse, sin, …, trnoise or trrandom", for messages.</summary>
    public static string NameList() => string.Join(", ", All.Take(All.Count - 1).Select(k => k.Name)) + " or " + All[^1].Name;
}

/// <summary>A waveform that is added to the source's dc value (ngspice 39 does so for its noise sources) instead of replacing it.</summary>
public interface IAddsToDcValue
{
    /// <summary>The same waveform on top of the constant <paramref name="offset"/>.</summary>
    Waveform WithOffset(double offset);
}
