using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>An independent current source: the current flows from n+ through the source to n−.</summary>
public sealed class CurrentSource : Device, IDcSource
{
    private int _a, _b;

    /// <summary>Creates a source with a full value description.</summary>
    public CurrentSource(string name, string plus, string minus, SourceValue value) : base(name, plus, minus) => Value = value;

    /// <summary>Creates a dc source.</summary>
    public CurrentSource(string name, string plus, string minus, double dc) : this(name, plus, minus, new SourceValue { Dc = dc }) { }

    /// <summary>The source's values.</summary>
    public SourceValue Value { get; }
    /// <inheritdoc />
    public double DcValue { get => Value.Dc; set => Value.Dc = value; }

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => Array.Empty<(string, string)>();

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _a = c.Node(Nodes[0]);
        _b = c.Node(Nodes[1]);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        double i = Value.At(c);
        c.F[_a] += i;
        c.F[_b] -= i;
    }

    /// <inheritdoc />
    public override void LoadAcExcitation(Span<Complex> rhs)
    {
        var p = Value.AcPhasor;
        rhs[_a] -= p;
        rhs[_b] += p;
    }

    /// <inheritdoc />
    public override void BeginTransient(TransientSpec spec, List<double> breakpoints) => Value.Waveform?.Prepare(spec, breakpoints);

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) =>
        name == "i" ? Value.Waveform?.Value(s.Time) ?? Value.Dc : base.ReadQuantity(name, s);
}
