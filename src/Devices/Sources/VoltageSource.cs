using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>An independent voltage source; its branch current (into +, through the source, out of −) is an
/// unknown, so a source delivering power has a negative i(v).</summary>
public sealed class VoltageSource : Device, IDcSource
{
    private int _a, _b, _k, _sak, _sbk, _ska, _skb;

    /// <summary>Creates a source with a full value description.</summary>
    public VoltageSource(string name, string plus, string minus, SourceValue value) : base(name, plus, minus) => Value = value;

    /// <summary>Creates a dc source.</summary>
    public VoltageSource(string name, string plus, string minus, double dc) : this(name, plus, minus, new SourceValue { Dc = dc }) { }

    /// <summary>The source's values.</summary>
    public SourceValue Value { get; }
    /// <inheritdoc />
    public double DcValue { get => Value.Dc; set => Value.Dc = value; }
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
        _ska = c.Slot(_k, _a); _skb = c.Slot(_k, _b);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        double i = c.X[_k];
        c.F[_a] += i; c.F[_b] -= i;
        c.G[_sak] += 1; c.G[_sbk] -= 1;
        c.F[_k] += c.X[_a] - c.X[_b] - Value.At(c);
        c.G[_ska] += 1; c.G[_skb] -= 1;
    }

    /// <inheritdoc />
    public override void LoadAcExcitation(Span<Complex> rhs) => rhs[_k] += Value.AcPhasor;

    /// <inheritdoc />
    public override void BeginTransient(TransientSpec spec, List<double> breakpoints) => Value.Waveform?.Prepare(spec, breakpoints);

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) => name == "i" ? s.X[_k] : base.ReadQuantity(name, s);
}
