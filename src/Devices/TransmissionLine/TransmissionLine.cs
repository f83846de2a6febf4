using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE T element: <c>T1 p1 n1 p2 n2 z0=50 td=10n</c> (or <c>f=… [nl=0.25]</c>, td = nl/f), a lossless
/// transmission line of characteristic impedance z0 and one-way delay td between port 1 (p1, n1) and port 2
/// (p2, n2).
/// </summary>
/// <remarks>
/// <para>With i_k the current into p_k (out of n_k) and v_k = v(p_k) − v(n_k), the line is exactly
/// (method of characteristics, Branin 1967):
/// v1(t) − z0·i1(t) = v2(t − td) + z0·i2(t − td) and v2(t) − z0·i2(t) = v1(t − td) + z0·i1(t − td),
/// i.e. each port is z0 in series with a source equal to the wave W = v + z0·i that left the other port td
/// earlier. Two branch currents are the unknowns.</para>
/// <para>Transient: the waves are recorded at accepted points and read at t − td by linear interpolation; the
/// step is limited to td (so t − td is always in the recorded past), and where a wave has a corner at a
/// breakpoint or a discontinuity, a breakpoint is added td later, where the corner arrives.</para>
/// <para>dc (and the transient's starting point): the same equations with no delay, so v1 = v2 and i1 = −i2
/// (a short through, as ngspice). ac: the exact two-port, the delayed terms multiplied by e^(−jωtd). The hopf
/// analysis sees the dc short.</para>
/// </remarks>
public sealed class TransmissionLine : Device
{
    private readonly WaveHistory _history = new();
    private int _p1, _n1, _p2, _n2, _i1, _i2;
    private int _sP1I1, _sN1I1, _sP2I2, _sN2I2;
    private int _sI1P1, _sI1N1, _sI1I1, _sI1P2, _sI1N2, _sI1I2;
    private int _sI2P2, _sI2N2, _sI2I2, _sI2P1, _sI2N1, _sI2I1;

    /// <summary>Creates the line between ports (p1, n1) and (p2, n2).</summary>
    public TransmissionLine(string name, string p1, string n1, string p2, string n2, double z0, double delay)
        : base(name, p1, n1, p2, n2)
    {
        if (!(z0 > 0) || !double.IsFinite(z0)) throw new ArgumentException($"transmission line '{name}': z0 must be > 0");
        if (!(delay > 0) || !double.IsFinite(delay)) throw new ArgumentException($"transmission line '{name}': td must be > 0");
        Impedance = z0;
        Delay = delay;
    }

    /// <summary>Characteristic impedance z0 (Ω).</summary>
    public double Impedance { get; }
    /// <summary>One-way delay td (s).</summary>
    public double Delay { get; }

    /// <summary>Relative change of a wave's slope at a breakpoint above which the corner is propagated.</summary>
    public const double CornerRelativeSlopeChange = 1e-2;

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => new[] { (Nodes[0], Nodes[2]), (Nodes[1], Nodes[3]) };

    /// <inheritdoc />
    public override int BranchIndex => _i1;

    /// <inheritdoc />
    public override double MaxTimeStep => Delay;

    /// <inheritdoc />
    public override void Setup(SetupContext c)
    {
        _p1 = c.Node(Nodes[0]); _n1 = c.Node(Nodes[1]); _p2 = c.Node(Nodes[2]); _n2 = c.Node(Nodes[3]);
        _i1 = c.AddUnknown(Name + "#i1", UnknownKind.Current);
        _i2 = c.AddUnknown(Name + "#i2", UnknownKind.Current);
        _sP1I1 = c.Slot(_p1, _i1); _sN1I1 = c.Slot(_n1, _i1);
        _sP2I2 = c.Slot(_p2, _i2); _sN2I2 = c.Slot(_n2, _i2);
        _sI1P1 = c.Slot(_i1, _p1); _sI1N1 = c.Slot(_i1, _n1); _sI1I1 = c.Slot(_i1, _i1);
        _sI1P2 = c.Slot(_i1, _p2); _sI1N2 = c.Slot(_i1, _n2); _sI1I2 = c.Slot(_i1, _i2);
        _sI2P2 = c.Slot(_i2, _p2); _sI2N2 = c.Slot(_i2, _n2); _sI2I2 = c.Slot(_i2, _i2);
        _sI2P1 = c.Slot(_i2, _p1); _sI2N1 = c.Slot(_i2, _n1); _sI2I1 = c.Slot(_i2, _i1);
    }

    private (double W1, double W2) Waves(double[] x) =>
        (x[_p1] - x[_n1] + Impedance * x[_i1], x[_p2] - x[_n2] + Impedance * x[_i2]);

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        var x = c.X;
        var F = c.F;
        var G = c.G;
        double z0 = Impedance, i1 = x[_i1], i2 = x[_i2];
        F[_p1] += i1; F[_n1] -= i1; G[_sP1I1] += 1; G[_sN1I1] -= 1;
        F[_p2] += i2; F[_n2] -= i2; G[_sP2I2] += 1; G[_sN2I2] -= 1;
        F[_i1] += x[_p1] - x[_n1] - z0 * i1; G[_sI1P1] += 1; G[_sI1N1] -= 1; G[_sI1I1] -= z0;
        F[_i2] += x[_p2] - x[_n2] - z0 * i2; G[_sI2P2] += 1; G[_sI2N2] -= 1; G[_sI2I2] -= z0;
        if (c.TimeStepping && _history.Count > 0)
        {
            var (w1, w2) = _history.At(c.Time - Delay);
            F[_i1] -= w2;
            F[_i2] -= w1;
        }
        else
        {
            // No delay: port 1 sees the wave leaving port 2 now, and vice versa.
            var (w1, w2) = Waves(x);
            F[_i1] -= w2; G[_sI1P2] -= 1; G[_sI1N2] += 1; G[_sI1I2] -= z0;
            F[_i2] -= w1; G[_sI2P1] -= 1; G[_sI2N1] += 1; G[_sI2I1] -= z0;
        }
    }

    /// <inheritdoc />
    public override void LoadAc(double omega, Complex[] matrix)
    {
        // G holds the undelayed coupling −(v2 + z0·i2); the line needs −e^(−jωtd)·(v2 + z0·i2).
        var d = 1 - Complex.Exp(new Complex(0, -omega * Delay));
        double z0 = Impedance;
        matrix[_sI1P2] += d; matrix[_sI1N2] -= d; matrix[_sI1I2] += z0 * d;
        matrix[_sI2P1] += d; matrix[_sI2N1] -= d; matrix[_sI2I1] += z0 * d;
    }

    /// <inheritdoc />
    public override void AcceptTimePoint(TimePointContext context)
    {
        if (context.Time == 0) _history.Clear();
        var (w1, w2) = Waves(context.X);
        _history.Add(context.Time, w1, w2, Delay);
        if (!context.PreviousStartedSegment || _history.Count < 2) return;
        // A corner of either wave at the previous point (a breakpoint or discontinuity) arrives td later.
        var (t1, a1, b1) = _history.FromEnd(1);
        var (t2, a2, b2) = _history.FromEnd(0);
        double sa1 = 0, sb1 = 0;
        if (_history.Count >= 3)
        {
            var (t0, a0, b0) = _history.FromEnd(2);
            sa1 = (a1 - a0) / (t1 - t0);
            sb1 = (b1 - b0) / (t1 - t0);
        }
        double sa2 = (a2 - a1) / (t2 - t1), sb2 = (b2 - b1) / (t2 - t1);
        if (IsCorner(sa1, sa2) || IsCorner(sb1, sb2)) context.AddBreakpoint(t1 + Delay);
    }

    private bool IsCorner(double before, double after)
    {
        double change = Math.Abs(after - before);
        return change > CornerRelativeSlopeChange * Math.Max(Math.Abs(before), Math.Abs(after))
               && change * Delay > 1e-6; // below vntol over one delay: no visible corner
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i1", "i2" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) => name switch
    {
        "i1" => s.X[_i1],
        "i2" => s.X[_i2],
        _ => base.ReadQuantity(name, s),
    };
}
