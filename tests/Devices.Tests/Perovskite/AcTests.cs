using System.Numerics;
using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>Levels 1 and 2, ac: Z = 1/(−i(v)) against Eqs. 6–8 (level 1) and 13–15 (level 2).</summary>
public class AcTests(ITestOutputHelper output)
{
    public static TheoryData<int, bool> Cases => new() { { 1, false }, { 2, false }, { 1, true }, { 2, true } };

    /// <summary>Eq. 6/13 at bias u: [cm s + 1/rb + 1/Zc]⁻¹ with Zc = Ra + La s (level 1) or (1 + s τd)(Ra + La_k s).</summary>
    private static Complex Reference(int level, Dictionary<string, double> p, double u, double freq)
    {
        var s = new Complex(0, 2 * Math.PI * freq);
        double f = Kit.Fss(u, p["vt"], p["vm"]);
        double ra = 1 / (p["ic0"] / p["vm"] * f * (1 - f)); // Eq. 7
        Complex zc = level == 1
            ? ra + p["taud"] * ra * s                                // Eq. 8: La = τd Ra
            : (1 + s * p["taud"]) * (ra + f * p["tauk"] * ra * s);    // Eqs. 14–15: La_k = f τk Ra
        return 1 / (p["cm"] * s + 1 / p["rb"] + 1 / zc);
    }

    [Theory, MemberData(nameof(Cases))]
    public void ImpedanceMatchesClosedForm(int level, bool physical)
    {
        var p = physical ? Kit.Physical(level) : Kit.Normalized(level);
        // Six decades around the model's time constants (τ = 0.1…1 normalized, 1 ms physical).
        var spec = physical ? new AcSpec(AcSweepKind.Decade, 5, 1, 1e6) : new AcSpec(AcSweepKind.Decade, 5, 1e-3, 1e3);
        double worst = 0;
        int points = 0;
        foreach (double bias in new[] { 0.7, 0.9, 0.95, 1.0, 1.05, 1.1, 1.3 })
        {
            var src = new VoltageSource("v1", "a", "0", new SourceValue { Dc = bias, AcMagnitude = 1 });
            var dev = new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(level, p));
            var sim = new Simulator(new Circuit().Add(src, dev));
            sim.Ac(spec, sol =>
            {
                Complex z = 1 / -sol.X[src.BranchIndex];
                Complex zRef = Reference(level, p, bias, sol.Frequency);
                worst = Math.Max(worst, (z - zRef).Magnitude / zRef.Magnitude);
                Complex iDev = dev.ReadAcQuantity("i", sol)!.Value;
                Assert.True((iDev + sol.X[src.BranchIndex]).Magnitude <= 1e-9 * iDev.Magnitude);
                points++;
            });
        }
        output.WriteLine($"level {level} {(physical ? "physical" : "normalized")}: {points} points, worst |Z − Zref|/|Zref| = {worst:E2}");
        Assert.True(worst < 1e-9, $"worst relative error {worst:E2}");
    }
}
