using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>A linear inductor with its current as an unknown: v(a) − v(b) = L di/dt.</summary>
public sealed class Inductor : Device
{
    private int _a, _b, _k, _sak, _sbk, _ska, _skb, _skk;

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
    public override bool DefinesVoltage => true;
    /// <inheritdoc />
    public override int BranchIndex => _k;

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _a = c.Node(Nodes[0]);
        _b = c.Node(Nodes[1]);
        _k = c.AddUnknown(Name + "#branch", UnknownKind.Current);
        _sak = c.Slot(_a, _k); _sbk = c.Slot(_b, _k);
        _ska = c.Slot(_k, _a); _skb = c.Slot(_k, _b); _skk = c.Slot(_k, _k);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        double i = c.X[_k];
        c.F[_a] += i; c.F[_b] -= i;
        c.G[_sak] += 1; c.G[_sbk] -= 1;
        c.F[_k] += c.X[_a] - c.X[_b];
        c.G[_ska] += 1; c.G[_skb] -= 1;
        double iq = c.UseInitialConditions && InitialCurrent is double ic ? ic : i;
        c.Q[_k] -= Inductance * iq;
        c.C[_skk] -= Inductance;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) => name == "i" ? s.X[_k] : base.ReadQuantity(name, s);
}
