using System.Numerics;
using Perovspice.Engine;
using Perovspice.Netlist.Tests.Behavioural;
using Xunit;

namespace Perovspice.Netlist.Tests.CodeModels;

/// <summary>XSPICE analog code models on the A element against closed forms (the ngspice comparisons are in
/// Cli.Tests/EndToEnd/XspiceCodeModelTests), and the located errors for what perovspice does not read.</summary>
public class CodeModelTests
{
    [Fact]
    public void GainIsExact()
    {
        var op = BSim.Of("V1 a 0 0.7\nR1 a 0 1k\nA1 a b g\n.model g gain(in_offset=0.1 gain=-3.5 out_offset=0.25)\nR2 b 0 1k\n").OperatingPoint();
        Assert.Equal(-3.5 * (0.7 + 0.1) + 0.25, op.V("b"), 14);
    }

    [Fact]
    public void SummerAndMultReadVectorsAndDifferentialConnections()
    {
        var op = BSim.Of("""
            V1 a 0 0.7
            V2 b 0 -0.3
            A1 [a %vd(a b) b] s sum
            .model sum summer(in_offset=[0.1 0 0] in_gain=[1 2 -1] out_gain=2 out_offset=0.5)
            A2 %v [a b] m mul
            .model mul mult(in_gain=[2 1] in_offset=0.5 out_gain=-1)
            R1 s 0 1k
            R2 m 0 1k
            """).OperatingPoint();
        Assert.Equal(2 * ((0.7 + 0.1) + 2 * 1.0 - (-0.3)) + 0.5, op.V("s"), 13);
        // a one-value in_offset applies to every input
        Assert.Equal(-(2 * (0.7 + 0.5)) * (-0.3 + 0.5), op.V("m"), 13);
    }

    [Fact]
    public void NgspiceConnectionSpellings()
    {
        // %v(n), %vd(n1 n2), %vd n1 n2 without parentheses, types inside and before vectors
        var op = BSim.Of("""
            V1 a 0 1
            R1 a 0 1k
            A1 %v(a) %v(o1) g
            A2 %vd(a 0) o2 g
            A3 a %vd o3 0 g
            A4 [%vd a 0 %v(a)] o4 s
            A5 %v [a %vd(a 0)] o5 s
            .model g gain(gain=2)
            .model s summer
            R2 o1 0 1k
            R3 o2 0 1k
            R4 o3 0 1k
            R5 o4 0 1k
            R6 o5 0 1k
            """).OperatingPoint();
        foreach (var node in new[] { "o1", "o2", "o3", "o4", "o5" }) Assert.Equal(2, op.V(node), 14);
    }

    [Fact]
    public void CurrentPortsSenseAndDrive()
    {
        // 1 mA through the %id input's zero-volt source; the %i output current leaves node o into the element
        var op = BSim.Of("V1 a 0 1\nR1 a s 1k\nA1 %id(s 0) %i o tr\n.model tr gain(gain=2)\nR2 o 0 1k\n").OperatingPoint();
        Assert.Equal(0, op.V("s"), 14);
        Assert.Equal(-2e-3 * 1e3, op.V("o"), 12);
    }

    [Fact]
    public void LimitSmoothsItsCornersOverLimitRange()
    {
        // out_upper_limit 1, limit_range 0.2: the parabola over [0.8, 1.2] gives 0.95 at 1
        var sim = BSim.Of("V1 a 0 1\nA1 a b lim\n.model lim limit(out_lower_limit=-1 out_upper_limit=1 limit_range=0.2)\nR1 b 0 1k\nR2 a 0 1k\n");
        Assert.Equal(0.95, sim.OperatingPoint().V("b"), 14);
    }

    [Fact]
    public void HysteresisTakesTheRisingRampUpAndTheFallingRampDown()
    {
        // ramps of slope 2 from -1 to 1: rising over [0.7, 1.7], falling over [0.3, 1.3]
        var sim = BSim.Of("V1 a 0 pwl(0 0 1 2 2 0)\nR1 a 0 1k\nA1 a b hy\n.model hy hyst(in_low=0.5 in_high=1.5 hyst=0.2 out_lower_limit=-1 input_domain=0)\nR2 b 0 1k\n");
        var t = new List<double>();
        var v = new List<double>();
        sim.Transient(new TransientSpec(0.01, 2, MaxStep: 0.01), s => { t.Add(s.Time); v.Add(s.V("b")); });
        double At(double time)
        {
            int k = t.FindIndex(x => x >= time);
            return v[k - 1] + (v[k] - v[k - 1]) * (time - t[k - 1]) / (t[k] - t[k - 1]);
        }
        Assert.Equal(-1 + 2 * (1.0 - 0.7), At(0.5), 9);   // input 1.0 rising
        Assert.Equal(-1 + 2 * (1.0 - 0.3), At(1.5), 9);   // input 1.0 falling
    }

    [Fact]
    public void SlewLimitsTheRateAndTracksSlowInputs()
    {
        // a 1 V step at 1 ms slewed at 1e4 V/s (100 µs), back down at 2e4 V/s (50 µs); a 1 kHz sine tracked exactly
        var sim = BSim.Of("""
            V1 a 0 pulse(0 1 1m 1n 1n 0.5m 1m)
            V2 s 0 sin(0 1 1k)
            A1 a b sl
            .model sl slew(rise_slope=1e4 fall_slope=2e4)
            A2 s c fast
            .model fast slew
            R1 b 0 1k
            R2 c 0 1k
            """);
        var t = new List<double>();
        var b = new List<double>();
        double track = 0;
        sim.Transient(new TransientSpec(1e-5, 2e-3), s => { t.Add(s.Time); b.Add(s.V("b")); track = Math.Max(track, Math.Abs(s.V("c") - s.V("s"))); });
        double At(double time)
        {
            int k = t.FindIndex(x => x >= time);
            return b[k - 1] + (b[k] - b[k - 1]) * (time - t[k - 1]) / (t[k] - t[k - 1]);
        }
        Assert.Equal(0.5, At(1.05e-3), 3);
        Assert.Equal(1, At(1.3e-3), 6);
        Assert.Equal(0.5, At(1.5e-3 + 25e-6), 3);
        Assert.True(track < 1e-9, $"tracking error {track}");
    }

    [Fact]
    public void IntegratorRampsFromOutIc()
    {
        // constant input 0.5 + offset 0.1, gain 100: out = -0.2 + 60·t
        var sim = BSim.Of("V1 a 0 0.5\nR1 a 0 1k\nA1 a b integ\n.model integ int(in_offset=0.1 gain=100 out_ic=-0.2)\nR2 b 0 1k\n");
        Assert.Equal(-0.2, sim.OperatingPoint().V("b"), 14);
        double worst = 0;
        sim.Transient(new TransientSpec(1e-4, 1e-2), s => worst = Math.Max(worst, Math.Abs(s.V("b") - (-0.2 + 60 * s.Time))));
        Assert.True(worst < 1e-9, $"ramp error {worst}");
    }

    [Fact]
    public void FirstOrderLowPassMagnitudeAndPhase()
    {
        // H = 2 / (1 + s/ω0), ω0 = 2π·1 kHz
        var sim = BSim.Of("V1 a 0 dc 0 ac 1\nR1 a 0 1k\nA1 a b lp\n.model lp s_xfer(gain=2 num_coeff=[1] den_coeff=[1 1] denormalized_freq=6283.185307179586)\nR2 b 0 1k\n");
        int points = 0;
        sim.Ac(new AcSpec(AcSweepKind.Decade, 4, 10, 1e5), s =>
        {
            var expected = 2 / new Complex(1, s.Frequency / 1000);
            Assert.Equal(expected.Magnitude, s.V("b").Magnitude, 12);
            Assert.Equal(expected.Phase, s.V("b").Phase, 12);
            points++;
        });
        Assert.True(points > 10);
    }

    [Fact]
    public void DifferentiatorOfARamp()
    {
        var sim = BSim.Of("V1 a 0 pwl(0 0 1m 2)\nR1 a 0 1k\nA1 a b dd\n.model dd d_dt(gain=1e-3 out_offset=0.1)\nR2 b 0 1k\n");
        double last = double.NaN;
        sim.Transient(new TransientSpec(1e-5, 1e-3), s => { if (s.Time > 1e-4) last = s.V("b"); });
        Assert.Equal(1e-3 * 2000 + 0.1, last, 9);
    }

    [Fact]
    public void PwlSmoothsCornersAndExtrapolates()
    {
        string card = ".model c pwl(x_array=[-1 0 1 2] y_array=[0 0 1 3] input_domain=0.1 fraction=true)";
        double At(double v) => BSim.Of($"V1 a 0 {v}\nR1 a 0 1k\nA1 a b c\n{card}\nR2 b 0 1k\n").OperatingPoint().V("b");
        Assert.Equal(1.025, At(1), 13);          // slopes 1 → 2 joined over ±0.1
        Assert.Equal(1.5, At(0.5 + 0.75), 13);   // 1 + 2·0.25
        Assert.Equal(5, At(3), 13);              // last slope continued
    }

    [Fact]
    public void CodeModelsInsideSubcircuitsUseTheirLocalModelAndPorts()
    {
        var op = BSim.Of("""
            V1 a 0 0.25
            R1 a 0 1k
            X1 a o1 amp g=4
            X2 a o2 amp g=-2
            .subckt amp in out g=1
            A1 [%vd(in 0)] mid s
            .model s summer(in_gain=[{g}] out_offset=0.5)
            A2 mid %vd(out 0) lim
            .model lim limit(out_lower_limit=-10 out_upper_limit=10)
            R1 out 0 1k
            .ends
            """).OperatingPoint();
        Assert.Equal(4 * 0.25 + 0.5, op.V("o1"), 12);
        Assert.Equal(-2 * 0.25 + 0.5, op.V("o2"), 12);
    }

    [Theory]
    [InlineData("A1 a b dig\n.model dig d_and(rise_delay=1n)", "t.cir:4:8: error: XSPICE code model 'd_and' (model 'dig') is not supported by perovspice (analog models: gain, summer, mult, divide, limit, pwl, int, d_dt, s_xfer, hyst, slew, climit)")]
    [InlineData("A1 %g a b g\n.model g gain", "t.cir:4:4: error: port type '%g' in 'A1' is not supported (perovspice reads %v, %vd, %i, %id)")]
    [InlineData("A1 a b c g\n.model g gain", "t.cir:4:8: error: 'a1' connects 3 ports, but code model 'gain' has 2 (in out)")]
    [InlineData("A1 [a b] c g\n.model g gain", "t.cir:4:4: error: port 'in' of code model 'gain' takes one connection, not a vector")]
    [InlineData("A1 a b s\n.model s summer", "t.cir:4:4: error: port 'in' of code model 'summer' is a vector: write it [n1 n2 …]")]
    [InlineData("A1 [a b c s\n.model s summer", "t.cir:4:4: error: '[' without ']' in 'A1'")]
    [InlineData("A1 a b g\n.model g gain(gain=[1 2])", "t.cir:5:15: error: parameter 'gain' of gain block model takes one value, not a vector")]
    [InlineData("A1 [a b] c s\n.model s summer(in_gain=[1 2 3])", "t.cir:4:1: error: in_gain of model 's' has 3 values, but the instance connects 2 inputs")]
    [InlineData("A1 a b p\n.model p pwl(x_array=[0 1 1] y_array=[0 1 2])", "t.cir:5:8: error: pwl model 'p': x_array must increase")]
    [InlineData("A1 a ~b g\n.model g gain", "t.cir:4:6: error: '~' (inverted digital connection) in 'A1': digital ports are not supported")]
    [InlineData("A1 (a 0) b g\n.model g gain", "t.cir:4:4: error: '(n1 n2)' in 'A1' needs a differential type: write %vd(n1 n2) or %id(n1 n2)")]
    [InlineData("A1 %v(a 0) b g\n.model g gain", "t.cir:4:4: error: port type '%v' takes one node in '%v(a 0)' of 'A1'")]
    [InlineData("A1 a b null g\n.model g gain", "t.cir:4:8: error: unconnected port 'NULL' in 'A1': not supported")]
    public void UnsupportedOrMalformedIsLocated(string lines, string expected)
    {
        var errors = BSim.BindErrors($"V1 a 0 1\nR1 a 0 1k\n{lines}\nR2 b 0 1k\n.op\n");
        Assert.Equal(expected, errors[0]);
    }
}
