using System.Globalization;
using System.Numerics;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Netlist.Tests.Behavioural;

/// <summary>
/// <c>ddt()</c> and <c>idt()</c> in B sources: each becomes an internal unknown (ddt: s = dQ/dt with Q = −arg, so
/// the integration formula differentiates; idt: ds/dt = arg, s = ic in dc). References: closed forms, and for ddt of
/// a sine ngspice 39 (References/ddt_sine.cir → ddt_sine.ngspice.txt). ngspice 39 has no idt/sdt in B sources.
/// </summary>
public class TimeFunctionTests
{
    private const double W = 2 * Math.PI * 1e3;

    private static List<(double T, double V)> Tran(string body, string node, double step = 1e-6, double stop = 3e-3)
    {
        var list = new List<(double, double)>();
        BSim.Of(body).Transient(new TransientSpec(step, stop), s => list.Add((s.Time, s.V(node))));
        return list;
    }

    [Fact]
    public void DdtOfASineIsItsDerivative()
    {
        var ours = Tran("V1 a 0 sin(0.5 1 1k)\nR1 a 0 1k\nB1 d 0 V={ddt(v(a))*1e-3}\nR2 d 0 1k\n", "d");
        // closed form: 2π·cos(ωt) (1e-3 · d/dt sin(2π·1k·t)); t = 0 is the dc point, where ddt is 0 (as ngspice)
        Assert.Equal(0, ours[0].V, 12);
        double worst = ours.Where(p => p.T > 1e-5).Max(p => Math.Abs(p.V - 2 * Math.PI * Math.Cos(W * p.T)));
        Assert.True(worst < 1e-4, $"worst {worst}");
        // ngspice 39's ddt (a divided difference) is within 1 % of the amplitude of both
        var path = Path.Combine(AppContext.BaseDirectory, "References", "ddt_sine.ngspice.txt");
        var t = ours.Select(p => p.T).ToArray();
        var v = ours.Select(p => p.V).ToArray();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            if (f.Length < 2 || f[0] < 1e-5) continue;
            double mine = Interpolate(t, v, f[0]);
            Assert.True(Math.Abs(mine - f[1]) < 0.015 * 2 * Math.PI, $"t={f[0]}: {mine} vs ngspice {f[1]}");
        }
    }

    [Fact]
    public void DdtCurrentIsACapacitor()
    {
        // B3 = 1 µF written as I = C·ddt(v): RC step response 1 − exp(−(t − td)/RC), RC = 1 ms
        var ours = Tran("V2 in 0 pulse(0 1 0.1m 1u 1u 1m 2m)\nR4 in c 1k\nB3 c 0 I={1u*ddt(v(c))}\n", "c");
        foreach (var (t, v) in ours.Where(p => p.T > 0.11e-3 && p.T < 1.1e-3))
        {
            double exact = 1 - Math.Exp(-(t - 0.1005e-3) / 1e-3);   // the 1 µs ramp delays by half its length
            Assert.True(Math.Abs(v - exact) < 2e-3, $"t={t}: {v} vs {exact}");
        }
    }

    [Fact]
    public void IdtIntegratesFromItsInitialValue()
    {
        var ours = Tran("V1 a 0 sin(0.5 1 1k)\nR1 a 0 1k\nB2 i 0 V={idt(v(a), 0.25)}\nR3 i 0 1k\n", "i");
        foreach (var (t, v) in ours)
        {
            double exact = 0.25 + 0.5 * t + (1 - Math.Cos(W * t)) / W;
            Assert.True(Math.Abs(v - exact) < 1e-7, $"t={t}: {v} vs {exact}");
        }
    }

    [Fact]
    public void OperatingPointHasZeroDerivativeAndTheInitialIntegral()
    {
        var op = BSim.Of("V1 a 0 2\nB1 d 0 V={1+ddt(v(a))}\nR1 d 0 1\nB2 i 0 V={idt(v(a), -3)+sdt(v(a))}\nR2 i 0 1\n").OperatingPoint();
        Assert.Equal(1, op.V("d"), 12);
        Assert.Equal(-3, op.V("i"), 12);
    }

    [Fact]
    public void AcGainsAreJOmegaAndItsInverse()
    {
        var sim = BSim.Of("V1 in 0 DC 0 AC 1\nB1 d 0 V={ddt(v(in))}\nR1 d 0 1\nB2 i 0 V={idt(2*v(in))}\nR2 i 0 1\n");
        int n = 0;
        sim.Ac(new AcSpec(Perovspice.Engine.AcSweepKind.Decade, 2, 10, 1e4), s =>
        {
            var jw = new Complex(0, 2 * Math.PI * s.Frequency);
            Assert.True((s.V("d") - jw).Magnitude <= 1e-9 * jw.Magnitude, $"{s.Frequency}: {s.V("d")}");
            Assert.True((s.V("i") - 2 / jw).Magnitude <= 1e-9 * (2 / jw).Magnitude, $"{s.Frequency}: {s.V("i")}");
            n++;
        });
        Assert.True(n > 4);
    }

    [Fact]
    public void DdtInAParameterIsLocated() =>
        Assert.Equal("t.cir:2:9: error: 'ddt(...)' is only allowed in B-source expressions", T.Error("R1 a 0 {ddt(1)}\n"));

    [Fact]
    public void NestedDdtIsAnError() =>
        Assert.Contains(BSim.BindErrors("V1 a 0 1\nB1 d 0 V={ddt(ddt(v(a)))}\nR1 d 0 1\n"), e => e.Contains("inside another ddt/idt"));

    [Fact]
    public void IdtInitialValueMustBeConstant() =>
        Assert.Contains(BSim.BindErrors("V1 a 0 1\nB1 d 0 V={idt(v(a), v(a))}\nR1 d 0 1\n"), e => e.Contains("must be a constant"));

    [Fact]
    public void WrongArgumentCountIsLocated() =>
        Assert.Equal("t.cir:3:11: error: function 'ddt' takes 1 argument, found 2", T.Error("V1 a 0 1\nB1 d 0 V={ddt(v(a), 1)}\nR1 d 0 1\n"));

    private static double Interpolate(double[] x, double[] y, double xi)
    {
        int j = Array.BinarySearch(x, xi);
        if (j >= 0) return y[j];
        j = ~j;
        if (j == 0) return y[0];
        if (j >= x.Length) return y[^1];
        return y[j - 1] + (y[j] - y[j - 1]) * (xi - x[j - 1]) / (x[j] - x[j - 1]);
    }
}
