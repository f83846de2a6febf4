using Perovspice.Engine;
using Xunit;

namespace Perovspice.Netlist.Tests.Behavioural;

/// <summary>B sources in ac (linearized at the operating point) and in transient.</summary>
public class BehaviouralAcTranTests
{
    private static List<(double F, System.Numerics.Complex V)> Ac(string body, string node)
    {
        var list = new List<(double, System.Numerics.Complex)>();
        BSim.Of(body).Ac(new AcSpec(Perovspice.Engine.AcSweepKind.Decade, 2, 10, 1e5), s => list.Add((s.Frequency, s.V(node))));
        return list;
    }

    [Fact]
    public void LinearGainInAc()
    {
        var r = Ac("V1 in 0 DC 0 AC 1\nB1 out 0 V={3*v(in)}\nR1 out 0 1k\n", "out");
        Assert.NotEmpty(r);
        foreach (var (f, v) in r) Assert.True((v - 3).Magnitude <= 1e-12, $"{f} Hz: {v}");
    }

    [Fact]
    public void NonlinearSourceIsLinearizedAtTheBias()
    {
        // d(v^2)/dv at v = 2 is 4
        foreach (var (f, v) in Ac("V1 in 0 DC 2 AC 1\nB1 out 0 V={v(in)^2}\nR1 out 0 1k\n", "out"))
            Assert.True((v - 4).Magnitude <= 1e-12, $"{f} Hz: {v}");
        // I-source: i = v(in)^3/1k into a 1 kΩ load from out to ground ⇒ v(out) = −v(in)^3, gain −3·v² = −12
        foreach (var (f, v) in Ac("V1 in 0 DC 2 AC 1\nB1 0 out I={-v(in)**3/1k}\nR1 out 0 1k\n", "out"))
            Assert.True((v + 12).Magnitude <= 1e-12, $"{f} Hz: {v}");
    }

    [Fact]
    public void SineOfTimeDrivesAResistor()
    {
        var sim = BSim.Of("B1 a 0 V={sin(2*pi*1k*time)}\nR1 a 0 1k\n");
        int n = 0;
        sim.Transient(new TransientSpec(1e-5, 2e-3), s =>
        {
            double want = Math.Sin(2 * Math.PI * 1e3 * s.Time);
            Assert.True(Math.Abs(s.V("a") - want) <= 1e-6, $"t={s.Time}: {s.V("a")} vs {want}");
            n++;
        });
        Assert.True(n >= 200, $"{n} points");
    }

    [Fact]
    public void CurrentControlledExpressionInTransient()
    {
        // i(vsense) = v(in)/1k, so v(y) = 2000·i(vsense) = 2·v(in); B2 injects 1e3·i·|i| into z, so v(z) = v(in)·|v(in)|
        var sim = BSim.Of("""
            V1 in 0 SIN(0 1 1k)
            Vsense in x 0
            R1 x 0 1k
            B1 y 0 V={2000*i(vsense)}
            R2 y 0 1k
            B2 0 z I={1e6*i(vsense)*abs(i(vsense))/1k}
            R3 z 0 1k
            """);
        int n = 0;
        sim.Transient(new TransientSpec(2e-5, 1e-3), s =>
        {
            double vin = s.V("in");
            Assert.True(Math.Abs(s.V("y") - 2 * vin) <= 1e-9, $"t={s.Time}: v(y)={s.V("y")}, v(in)={vin}");
            Assert.True(Math.Abs(s.V("z") - vin * Math.Abs(vin)) <= 1e-9, $"t={s.Time}: v(z)={s.V("z")}, v(in)={vin}");
            n++;
        });
        Assert.True(n > 10);
    }
}
