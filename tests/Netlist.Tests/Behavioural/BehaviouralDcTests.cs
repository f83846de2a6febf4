using Perovspice.Engine;
using Xunit;

namespace Perovspice.Netlist.Tests.Behavioural;

/// <summary>B sources in dc, against arithmetic and closed forms.</summary>
public class BehaviouralDcTests
{
    [Fact]
    public void LinearExpressionOperatingPoint()
    {
        var op = BSim.Of("V1 in 0 1.5\nR0 in 0 1k\nB1 out 0 V={2*v(in)+1}\nR1 out 0 1k\n").OperatingPoint();
        Assert.Equal(4.0, op.V("out"), 12);
    }

    [Fact]
    public void MultiplierDcSweep()
    {
        var sim = BSim.Of("Va a 0 0\nVb b 0 0.5\nRa a 0 1k\nRb b 0 1k\nB1 out 0 V={v(a)*v(b)}\nR1 out 0 1k\n");
        int points = 0;
        sim.DcSweep(new[] { new DcSweepSpec("va", -2, 2, 0.25), new DcSweepSpec("vb", -1.5, 1.5, 0.5) }, (v, s) =>
        {
            Assert.True(Math.Abs(s.V("out") - v[0] * v[1]) <= 1e-9, $"va={v[0]} vb={v[1]}: {s.V("out")}");
            points++;
        });
        Assert.Equal(17 * 7, points);
    }

    [Theory]
    [InlineData(1.0, 1e3)]
    [InlineData(5.0, 1e3)]
    [InlineData(0.3, 1e5)]
    public void DiodeCurrentSourceMatchesLambertW(double vs, double r)
    {
        const double Is = 1e-14, Vt = 0.025852;
        var op = BSim.Of($"V1 x 0 {vs}\nR1 x d {r}\nB1 d 0 I={{1e-14*(exp(v(d)/0.025852)-1)}}\n").OperatingPoint();
        // Vs = R I + Vt ln(1 + I/Is)  ⇒  I = Vt/R · W((R Is/Vt) e^{(Vs + R Is)/Vt}) − Is
        double i = Vt / r * BSim.LambertW(r * Is / Vt * Math.Exp((vs + r * Is) / Vt)) - Is;
        double vd = vs - r * i;
        Assert.True(Math.Abs(op.V("d") - vd) <= 1e-6, $"v(d) = {op.V("d")}, closed form {vd}");
    }

    [Fact]
    public void DiodeCurrentSourceEqualsBuiltInDiodeAtTheSameThermalVoltage()
    {
        // The built-in diode uses kT/q at 27 °C (0.025865 V); n scales it to the B source's 0.025852 V.
        double n = 0.025852 / (1.38064852e-23 / 1.6021766208e-19 * 300.15);
        var b = BSim.Of("V1 x 0 1\nR1 x d 1k\nB1 d 0 I={1e-14*(exp(v(d)/0.025852)-1)}\n").OperatingPoint();
        var d = BSim.Of($"V1 x 0 1\nR1 x d 1k\nD1 d 0 dm\n.model dm D is=1e-14 n={n:R}\n").OperatingPoint();
        Assert.True(Math.Abs(b.V("d") - d.V("d")) <= 1e-6, $"B {b.V("d")}, D {d.V("d")}");
    }

    /// <summary>How the built-in level-1 memristor relates to the behavioural model users write in ngspice: the
    /// slow current ic is the voltage of a node s charged by ic0·fss(u) into taud ∥ 1 Ω.</summary>
    private const string HandWritten = """
        .param cm=0.1 rb=1 ic0=10 vt=1 vm=0.05 taud=1
        V1 a 0 0
        Cm a 0 {cm}
        Rb a 0 {rb}
        Bss 0 s I={ic0/(1+exp(-(v(a)-vt)/vm))}
        Rs s 0 1
        Cs s 0 {taud}
        Bic a 0 I={v(s)}
        V2 b 0 0
        N1 b 0 pm
        .model pm perovskite level=1 cm=0.1 rb=1 ic0=10 vt=1 vm=0.05 taud=1
        """;

    [Fact]
    public void HandWrittenLevel1MemristorAgreesWithBuiltInDeviceAndEq5()
    {
        var sim = BSim.Of(HandWritten);
        int points = 0;
        sim.DcSweep(new[] { new DcSweepSpec("v1", -1.5, 1.5, 0.05) }, (v, s) =>
        {
            double u = v[0];
            double eq5 = u / 1 + 10 / (1 + Math.Exp(-(u - 1) / 0.05));
            double hand = -s.X[sim.System.Circuit.Find("v1")!.BranchIndex];
            Assert.True(Math.Abs(hand - eq5) <= 1e-9 * Math.Max(1, Math.Abs(eq5)), $"u={u}: hand-written {hand}, Eq. 5 {eq5}");
            points++;
        });
        Assert.Equal(61, points);

        sim.DcSweep(new[] { new DcSweepSpec("v2", -1.5, 1.5, 0.05) }, (v, s) =>
        {
            double u = v[0];
            double eq5 = u / 1 + 10 / (1 + Math.Exp(-(u - 1) / 0.05));
            double device = -s.X[sim.System.Circuit.Find("v2")!.BranchIndex];
            Assert.True(Math.Abs(device - eq5) <= 1e-9 * Math.Max(1, Math.Abs(eq5)), $"u={u}: N device {device}, Eq. 5 {eq5}");
        });
    }
}
