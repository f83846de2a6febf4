namespace Perovspice.Devices;

/// <summary>
/// The model of a switch (`.model name sw` for S, `.model name csw` for W): a threshold and a hysteresis on the
/// control (a voltage for S, a current for W) and the on/off resistances. The switch turns on when the control
/// exceeds <see cref="Threshold"/> + <see cref="Hysteresis"/>, off when it falls below
/// <see cref="Threshold"/> − <see cref="Hysteresis"/>, and keeps its state in between (ngspice manual, "Switches").
/// </summary>
public sealed class SwitchModel
{
    /// <summary>Creates a model; throws <see cref="ArgumentException"/> for non-positive resistances or a
    /// negative hysteresis.</summary>
    public SwitchModel(double threshold, double hysteresis, double onResistance, double offResistance)
    {
        if (!double.IsFinite(threshold)) throw new ArgumentException("switch threshold must be finite");
        if (!(hysteresis >= 0) || !double.IsFinite(hysteresis))
            throw new ArgumentException("switch hysteresis must be >= 0 (the smooth switch of a negative vh/ih is not supported)");
        if (!(onResistance > 0) || !double.IsFinite(onResistance)) throw new ArgumentException("switch ron must be > 0");
        if (!(offResistance > 0) || !double.IsFinite(offResistance)) throw new ArgumentException("switch roff must be > 0");
        Threshold = threshold;
        Hysteresis = hysteresis;
        OnResistance = onResistance;
        OffResistance = offResistance;
    }

    /// <summary>vt (V) or it (A).</summary>
    public double Threshold { get; }
    /// <summary>vh (V) or ih (A), ≥ 0.</summary>
    public double Hysteresis { get; }
    /// <summary>ron (Ω).</summary>
    public double OnResistance { get; }
    /// <summary>roff (Ω).</summary>
    public double OffResistance { get; }

    /// <summary>The control level above which the switch turns on.</summary>
    public double OnLevel => Threshold + Hysteresis;
    /// <summary>The control level below which the switch turns off.</summary>
    public double OffLevel => Threshold - Hysteresis;

    /// <summary>The state after seeing control <paramref name="control"/> in state <paramref name="on"/>.</summary>
    public bool Next(bool on, double control) =>
        on ? !(control < OffLevel) : control > OnLevel;

    /// <summary>ngspice's default roff: 1/gmin = 1e12 Ω.</summary>
    public const double DefaultOffResistance = 1e12;

    /// <summary>The `.model … sw` parameter table (ngspice defaults).</summary>
    public static IReadOnlyList<ParameterInfo> VoltageParameters { get; } = new[]
    {
        ParameterInfo.Any("vt", "V", 0, "threshold voltage"),
        ParameterInfo.NonNegative("vh", "V", 0, "hysteresis voltage (on above vt+vh, off below vt−vh)"),
        ParameterInfo.Positive("ron", "Ω", 1, "on resistance"),
        ParameterInfo.Positive("roff", "Ω", DefaultOffResistance, "off resistance"),
    };

    /// <summary>The `.model … csw` parameter table (ngspice defaults).</summary>
    public static IReadOnlyList<ParameterInfo> CurrentParameters { get; } = new[]
    {
        ParameterInfo.Any("it", "A", 0, "threshold current"),
        ParameterInfo.NonNegative("ih", "A", 0, "hysteresis current (on above it+ih, off below it−ih)"),
        ParameterInfo.Positive("ron", "Ω", 1, "on resistance"),
        ParameterInfo.Positive("roff", "Ω", DefaultOffResistance, "off resistance"),
    };

    /// <summary>The `sw` model family (voltage-controlled switch).</summary>
    public static ModelFamily VoltageFamily { get; } = new()
    {
        Types = new[] { "sw" },
        Description = "voltage-controlled switch",
        Levels = new[]
        {
            new ModelLevel
            {
                Numbers = new[] { 1 },
                Description = "ideal switch with hysteresis",
                Parameters = VoltageParameters,
                Create = r => new SwitchModel(r.Get("vt", 0), r.Get("vh", 0), r.Get("ron", 1), r.Get("roff", DefaultOffResistance)),
            },
        },
    };

    /// <summary>The `csw` model family (current-controlled switch).</summary>
    public static ModelFamily CurrentFamily { get; } = new()
    {
        Types = new[] { "csw" },
        Description = "current-controlled switch",
        Levels = new[]
        {
            new ModelLevel
            {
                Numbers = new[] { 1 },
                Description = "ideal switch with hysteresis",
                Parameters = CurrentParameters,
                Create = r => new SwitchModel(r.Get("it", 0), r.Get("ih", 0), r.Get("ron", 1), r.Get("roff", DefaultOffResistance)),
            },
        },
    };
}
