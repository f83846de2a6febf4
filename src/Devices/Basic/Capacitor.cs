using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>A linear capacitor: charge q = C (v(a) − v(b)); with uic and ic= it starts from C·ic.</summary>
public sealed class Capacitor : TwoTerminal
{
    /// <summary>Creates a capacitor of <paramref name="capacitance"/> F, optionally with an initial voltage.</summary>
    public Capacitor(string name, string a, string b, double capacitance, double? initialVoltage = null) : base(name, a, b)
    {
        if (!double.IsFinite(capacitance)) throw new ArgumentException($"capacitor '{name}': capacitance must be finite");
        Capacitance = capacitance;
        InitialVoltage = initialVoltage;
    }

    /// <summary>Capacitance in F.</summary>
    public double Capacitance { get; }
    /// <summary>Initial voltage used with uic, or null.</summary>
    public double? InitialVoltage { get; }

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => Array.Empty<(string, string)>();

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext context)
    {
        double v = context.UseInitialConditions && InitialVoltage is double ic ? ic : Voltage(context);
        AddCharge(context, Capacitance * v, Capacitance);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) =>
        name == "i" ? Capacitance * (s.Xdot[A] - s.Xdot[B]) : base.ReadQuantity(name, s);
}
