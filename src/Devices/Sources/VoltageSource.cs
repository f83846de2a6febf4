using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>An independent voltage source; its branch current (into +, through the source, out of −) is an
/// unknown, so a source delivering power has a negative i(v).</summary>
public sealed class VoltageSource : BranchDevice, IDcSource
{
    /// <summary>Creates a source with a full value description.</summary>
    public VoltageSource(string name, string plus, string minus, SourceValue value) : base(name, plus, minus) => Value = value;

    /// <summary>Creates a dc source.</summary>
    public VoltageSource(string name, string plus, string minus, double dc) : this(name, plus, minus, new SourceValue { Dc = dc }) { }

    /// <summary>The source's values.</summary>
    public SourceValue Value { get; }
    /// <inheritdoc />
    public double DcValue { get => Value.Dc; set => Value.Dc = value; }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        LoadIncidence(c);
        c.F[Branch] -= Value.At(c);
    }

    /// <inheritdoc />
    public override void LoadAcExcitation(Span<Complex> rhs) => rhs[Branch] += Value.AcPhasor;

    /// <inheritdoc />
    public override void BeginTransient(TransientSpec spec, List<double> breakpoints) => Value.Waveform?.Prepare(spec, breakpoints);
}
