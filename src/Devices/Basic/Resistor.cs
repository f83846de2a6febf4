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

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext context)
    {
        double g = 1 / Resistance;
        AddCurrent(context, g * Voltage(context), g);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) =>
        name == "i" ? (s.X[A] - s.X[B]) / Resistance : base.ReadQuantity(name, s);
}
