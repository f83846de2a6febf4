using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>A linear resistor: i = (v(a) − v(b)) / R.</summary>
public sealed class Resistor : TwoTerminal
{
    /// <summary>Creates a resistor of <paramref name="resistance"/> Ω (non-zero).</summary>
    public Resistor(string name, string a, string b, double resistance) : base(name, a, b)
    {
        if (resistance == 0 || !double.IsFinite(resistance))
            throw new ArgumentException($"resistor '{name}': resistance must be finite and non-zero");
        Resistance = resistance;
    }

    /// <summary>Resistance in Ω.</summary>
    public double Resistance { get; }

    /// <summary>The temperature of its thermal noise, K (default 27 °C): the circuit's plus <c>dtemp</c>.</summary>
    public double Temperature { get; init; } = Units.NominalTemperature;

    /// <summary>False for ngspice's <c>noisy=0</c>: the resistor is noiseless.</summary>
    public bool Noisy { get; init; } = true;

    /// <summary>Flicker noise coefficient kf of its model (0: none).</summary>
    public double FlickerCoefficient { get; init; }

    /// <summary>Flicker noise exponent af of its model (default 1).</summary>
    public double FlickerExponent { get; init; } = 1;

    /// <summary>The instance multiplier m the resistance was divided by (for the flicker noise of m resistors in
    /// parallel, each carrying I/m).</summary>
    public double Multiplier { get; init; } = 1;

    /// <summary>Thermal noise 4kT/R (generator <c>thermal</c>) and, with kf &gt; 0, flicker noise
    /// m·kf·(|I|/m)^af/f (<c>1overf</c>), I the operating-point current; none with <see cref="Noisy"/> false
    /// (as ngspice 39).</summary>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        if (!Noisy) yield break;
        yield return NoiseSource.Thermal("thermal", A, B, 1 / Resistance, Temperature, Units.Boltzmann);
        double current = (operatingPoint.X[A] - operatingPoint.X[B]) / Resistance;
        yield return new NoiseSource("1overf", A, B,
            FlickerCoefficient == 0 ? 0 : Multiplier * FlickerCoefficient * Flicker.Power(Math.Abs(current) / Multiplier, FlickerExponent), 1);
    }

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext context)
    {
        double g = 1 / Resistance;
        AddCurrent(context, g * Voltage(context), g);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i", "p" };

    /// <summary>Reads "i" (current a → b) or "p" (the power it dissipates, v²/R, as ngspice's <c>@r[p]</c>).</summary>
    public override double ReadQuantity(string name, Solution s)
    {
        double v = s.X[A] - s.X[B];
        return name switch
        {
            "i" => v / Resistance,
            "p" => v * v / Resistance,
            _ => base.ReadQuantity(name, s),
        };
    }
}
