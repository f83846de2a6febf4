using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>A linear inductor with its current as an unknown: v(a) − v(b) = L di/dt.</summary>
public sealed class Inductor : BranchDevice
{
    private int _skk;

    /// <summary>Creates an inductor of <paramref name="inductance"/> H, optionally with an initial current.</summary>
    public Inductor(string name, string a, string b, double inductance, double? initialCurrent = null) : base(name, a, b)
    {
        if (!double.IsFinite(inductance)) throw new ArgumentException($"inductor '{name}': inductance must be finite");
        Inductance = inductance;
        InitialCurrent = initialCurrent;
    }

    /// <summary>Inductance in H.</summary>
    public double Inductance { get; }
    /// <summary>Initial current used with uic, or null.</summary>
    public double? InitialCurrent { get; }

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        base.Setup(c);
        _skk = c.Slot(Branch, Branch);
    }

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        // Branch equation v(a) − v(b) − L di/dt = 0 in DAE form: F = v(a) − v(b), Q = −L·i.
        LoadIncidence(c);
        double iq = c.UseInitialConditions && InitialCurrent is double ic ? ic : c.X[Branch];
        c.Q[Branch] -= Inductance * iq;
        c.C[_skk] -= Inductance;
    }
}
