using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary><see cref="NoiseAnalysis"/> against closed forms (the ngspice 39 comparisons are in
/// tests/Cli.Tests/EndToEnd/NoiseTests.cs).</summary>
public class NoiseAnalysisTests
{
    private const double KT = Units.Boltzmann * Units.NominalTemperature;

    private static (List<(double F, double Out, double In)> Points, NoiseTotals Totals) Run(Circuit circuit, string output,
        string source, AcSpec sweep, string reference = "0")
    {
        var points = new List<(double, double, double)>();
        var totals = new NoiseAnalysis(new NoiseSpec(output, reference, source, sweep)).Run(new Simulator(circuit), p =>
        {
            points.Add((p.Frequency, p.OutputNoise, p.InputNoise));
            return true;
        });
        return (points, totals);
    }

    [Fact]
    public void RcLowPassSpectrumAndKtOverC()
    {
        // onoise² = 4kTR/(1 + (ωRC)²); its integral over all frequencies is kT/C
        const double r = 10e3, c = 1e-9;
        var circuit = new Circuit().Add(new VoltageSource("v1", "in", "0", 0), new Resistor("r1", "in", "out", r),
            new Capacitor("c1", "out", "0", c));
        var (points, totals) = Run(circuit, "out", "v1", new AcSpec(AcSweepKind.Decade, 20, 1e-3, 1e12));
        foreach (var (f, o, i) in points)
        {
            double w = 2 * Math.PI * f * r * c, expected = Math.Sqrt(4 * KT * r / (1 + w * w));
            Assert.Equal(expected, o, 1e-12 * expected);
            Assert.Equal(Math.Sqrt(4 * KT * r), i, 1e-9 * i);   // referred to the input: the resistor's own 4kTR
        }
        double ktc = Math.Sqrt(KT / c);
        Assert.True(Math.Abs(totals.OutputNoise - ktc) < 1e-3 * ktc, $"{totals.OutputNoise} vs sqrt(kT/C) {ktc}");
    }

    [Fact]
    public void SwitchOnAtTheOperatingPointNoisesWithItsOnResistance()
    {
        // s1 on (control 2 V > vt + vh): ron ∥ r1 from out to ground
        var model = new SwitchModel(1, 0.1, 50, 1e6);
        var circuit = new Circuit().Add(new VoltageSource("vc", "c", "0", 2), new VoltageSource("v1", "in", "0", 0),
            new Resistor("r1", "in", "out", 1e3), new VoltageSwitch("s1", "out", "0", "c", "0", model, null));
        var (points, _) = Run(circuit, "out", "v1", new AcSpec(AcSweepKind.Linear, 2, 10, 20));
        double rp = 1 / (1 / 1e3 + 1 / 50.0);
        Assert.All(points, p => Assert.Equal(Math.Sqrt(4 * KT * rp), p.Out, 1e-12 * p.Out));
    }

    [Fact]
    public void NoiselessDevicesAndAnUnreachableOutputStayFinite()
    {
        // the output does not depend on the input: the gain is 0 and, as ngspice, the input noise is the output noise
        // divided by a gain of 1e-10 (|gain|² floored at 1e-20), never infinite
        var circuit = new Circuit().Add(new VoltageSource("v1", "in", "0", 1), new Resistor("r1", "in", "0", 1e3),
            new CurrentSource("i1", "0", "out", 1e-3), new Resistor("r2", "out", "0", 2e3),
            new Capacitor("c1", "out", "0", 1e-9));
        var (points, totals) = Run(circuit, "out", "v1", new AcSpec(AcSweepKind.Decade, 3, 1, 1e6));
        Assert.All(points, p =>
        {
            Assert.True(double.IsFinite(p.In) && p.In > 0);
            Assert.Equal(p.Out / 1e-10, p.In, 1e-9 * p.In);
        });
        Assert.True(double.IsFinite(totals.InputNoise));
        Assert.Empty(new VoltageSource("v2", "a", "0", 1).NoiseSources(null!));
        Assert.Empty(new Capacitor("c2", "a", "0", 1e-9).NoiseSources(null!));
    }

    [Fact]
    public void NoisyZeroResistorIsSilentAndFlickerIsIntegratedAsAPowerLaw()
    {
        // a 1/f generator alone integrates to exactly S(1 Hz)·ln(f2/f1) on any grid
        var circuit = new Circuit().Add(new CurrentSource("i1", "0", "out", 1e-3),
            new Resistor("r1", "out", "0", 1e3) { Noisy = false },
            new Resistor("r2", "out", "0", 1e3) { FlickerCoefficient = 1e-12, FlickerExponent = 2, Multiplier = 1 }
                .WithThermalOff());
        var (_, totals) = Run(circuit, "out", "i1", new AcSpec(AcSweepKind.Decade, 3, 10, 1e5));
        double i2 = 0.5e-3, z = 500, s1 = 1e-12 * i2 * i2 * z * z;
        Assert.Equal(Math.Sqrt(s1 * Math.Log(1e4)), totals.OutputNoise, 1e-12 * totals.OutputNoise);
    }

    [Fact]
    public void SteepSegmentIntegratesWithoutOverflow()
    {
        // a density rising from ngspice's floor 1e-38 to 1e-10 within 0.01 % of frequency: slope e ≈ 6.4e5. Written as
        // a·(f₂^(e+1) − f₁^(e+1)) with a = S₂/f₂^e it was 0·∞ = NaN (found by the fuzz test); with the end values it is
        // (S₂f₂ − S₁f₁)/(e + 1).
        double f1 = 1e9, f2 = 1.0001e9, s1 = 1e-38, s2 = 1e-10;
        double got = NoiseIntegrator.Segment(s2, Math.Log(s2), Math.Log(s1), f2, f1, Math.Log(f2), Math.Log(f1));
        double e = Math.Log(s2 / s1) / Math.Log(f2 / f1);
        Assert.True(double.IsFinite(got));
        Assert.Equal((s2 * f2 - s1 * f1) / (e + 1), got, 1e-12 * got);
        // a gentle slope still matches the power-law integral in closed form: S = f^-2 from 10 to 100 Hz is 0.09
        double g = NoiseIntegrator.Segment(1e-4, Math.Log(1e-4), Math.Log(1e-2), 100, 10, Math.Log(100), Math.Log(10));
        Assert.Equal(0.09, g, 1e-15);
    }
}

internal static class ResistorTestExtensions
{
    /// <summary>The resistor at 0 K: only its flicker noise remains.</summary>
    public static Resistor WithThermalOff(this Resistor r) => new(r.Name, r.Nodes[0], r.Nodes[1], r.Resistance)
    {
        Temperature = 0, FlickerCoefficient = r.FlickerCoefficient, FlickerExponent = r.FlickerExponent, Multiplier = r.Multiplier,
    };

}
