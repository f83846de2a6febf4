using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>Level 3 under the paper's pulse train (0 → 1.2 V and 0 → 0.65 V, 5 Hz, 50 % duty, 30 s = 150 pulses):
/// the five behaviours of the spec, each with a measured number, and zero current at rest.</summary>
public class Level3Tests(ITestOutputHelper output)
{
    private const double Width = 0.1, Period = 0.2;
    private const int Pulses = 150;
    private static readonly Lazy<Level3Run> High = new(() => Level3Run.Run(1.2, Width, Period, Pulses));
    private static readonly Lazy<Level3Run> Low = new(() => Level3Run.Run(0.65, Width, Period, Pulses));

    [Fact]
    public void LeadingEdgesGiveCapacitivePeaksAndLowPulsesDecay()
    {
        var lo = Low.Value; var hi = High.Value;
        double worstDecay = 0; // largest end/peak ratio at 0.65 V
        for (int k = 0; k < Pulses; k++)
        {
            Assert.True(hi.PeakAfterRise[k] > 1.5 * hi.EndOfPulse[k], $"1.2 V pulse {k + 1}: no peak");
            Assert.True(lo.EndOfPulse[k] < lo.MidPulse[k], $"0.65 V pulse {k + 1}: on-current does not decay");
            worstDecay = Math.Max(worstDecay, lo.EndOfPulse[k] / lo.PeakAfterRise[k]);
        }
        output.WriteLine($"0.65 V: end/peak ≤ {worstDecay:F3}; pulse 1 peak {lo.PeakAfterRise[0]:E3} A, mid {lo.MidPulse[0]:E3} A, end {lo.EndOfPulse[0]:E3} A");
        output.WriteLine($"1.2 V: pulse 1 peak {hi.PeakAfterRise[0]:E3} A, end {hi.EndOfPulse[0]:E3} A; pulse 150 peak {hi.PeakAfterRise[^1]:E3} A, end {hi.EndOfPulse[^1]:E3} A");
        Assert.True(worstDecay < 0.2);
    }

    [Fact]
    public void HighPulsesRiseWithinEachPulseAndPotentiateMoreThanLowOnes()
    {
        var lo = Low.Value; var hi = High.Value;
        double minRise = double.PositiveInfinity;
        for (int k = 0; k < Pulses; k++)
        {
            minRise = Math.Min(minRise, hi.EndOfPulse[k] - hi.MidPulse[k]);
            if (k > 0) Assert.True(hi.EndOfPulse[k] >= hi.EndOfPulse[k - 1] * (1 - 1e-6), $"pulse {k + 1} below pulse {k}");
        }
        double ratioHi = hi.EndOfPulse[^1] / hi.EndOfPulse[0], ratioLo = lo.EndOfPulse[^1] / lo.EndOfPulse[0];
        double gainHi = hi.EndOfPulse[^1] - hi.EndOfPulse[0], gainLo = lo.EndOfPulse[^1] - lo.EndOfPulse[0];
        output.WriteLine($"end-of-pulse current, pulse 150 / pulse 1: 1.2 V {ratioHi:F3} (+{gainHi:E3} A), 0.65 V {ratioLo:F5} (+{gainLo:E3} A); " +
                         $"smallest within-pulse rise (end − mid) at 1.2 V {minRise:E3} A");
        Assert.True(minRise > 0);
        Assert.True(ratioHi > 2);
        Assert.True(gainHi > 10 * Math.Abs(gainLo));
    }

    [Fact]
    public void TrailingEdgesGiveNegativeSpikesThatDecayToZero()
    {
        foreach (var (name, run) in new[] { ("1.2 V", High.Value), ("0.65 V", Low.Value) })
        {
            double worstResidual = 0, weakestSpike = double.NegativeInfinity;
            for (int k = 0; k < Pulses; k++)
            {
                Assert.True(run.SpikeAfterFall[k] < 0);
                weakestSpike = Math.Max(weakestSpike, run.SpikeAfterFall[k]);
                worstResidual = Math.Max(worstResidual, Math.Abs(run.EndOfRest[k] / run.SpikeAfterFall[k]));
            }
            output.WriteLine($"{name}: weakest trailing spike {weakestSpike:E3} A; |current at end of rest| / |spike| ≤ {worstResidual:E2}");
            Assert.True(worstResidual < 1e-3);
        }
    }

    [Fact]
    public void MemoryNearlyConstantThroughEachOffHalfCycle()
    {
        var hi = High.Value;
        double worst = 0;
        for (int k = 0; k < Pulses; k++) worst = Math.Max(worst, Math.Abs(hi.WAtRise[k] - hi.WAtFall[k]) / hi.WAtFall[k]);
        output.WriteLine($"1.2 V: largest relative change of w over an off half-cycle {worst:P3}");
        Assert.True(worst < 0.02);
    }

    [Fact]
    public void LowerRatePotentiatesLessUnlessRetentionIsPerfect()
    {
        const int n = Pulses; // 150 pulses: 30 s at 5 Hz, 150 s at 1 Hz
        var fast = Level3Run.Run(1.2, Width, Period, n);
        var slow = Level3Run.Run(1.2, Width, 1.0, n);
        var hold = new Dictionary<string, double> { ["tret"] = double.PositiveInfinity };
        var fastHold = Level3Run.Run(1.2, Width, Period, n, hold);
        var slowHold = Level3Run.Run(1.2, Width, 1.0, n, hold);
        double finite = slow.EndOfPulse[^1] / fast.EndOfPulse[^1];
        double perfect = slowHold.EndOfPulse[^1] / fastHold.EndOfPulse[^1];
        double wFinite = slow.WAtFall[^1] / fast.WAtFall[^1];
        output.WriteLine($"after {n} pulses of 0.1 s at 1.2 V: 1 Hz / 5 Hz end-of-pulse current {finite:F4} (w {wFinite:F4}) with tret = 30 s; " +
                         $"{perfect:F5} with tret = ∞");
        // Both trains have saturated (the last pulse adds < 0.1 %), the slow one at the lower level.
        double lastStepFast = fast.EndOfPulse[^1] / fast.EndOfPulse[^2] - 1, lastStepSlow = slow.EndOfPulse[^1] / slow.EndOfPulse[^2] - 1;
        output.WriteLine($"last-pulse increments: 5 Hz {lastStepFast:E2}, 1 Hz {lastStepSlow:E2}");
        Assert.True(Math.Abs(lastStepFast) < 1e-3 && Math.Abs(lastStepSlow) < 1e-3);
        Assert.True(finite < 0.9);
        Assert.True(Math.Abs(perfect - 1) < 0.01);
        // Pulse 1 is the same in both trains (up to the integration tolerance); from pulse 2 on the slow train is lower.
        Assert.True(Math.Abs(slow.EndOfPulse[0] / fast.EndOfPulse[0] - 1) < 1e-3);
        for (int k = 1; k < n; k++)
            Assert.True(slow.EndOfPulse[k] < fast.EndOfPulse[k], $"pulse {k + 1}: {slow.EndOfPulse[k]:E4} vs {fast.EndOfPulse[k]:E4}");
    }

    [Fact]
    public void NoCurrentAtRest()
    {
        var src = new VoltageSource("v1", "a", "0", 0);
        var dev = new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(3, new Dictionary<string, double>()));
        var s = new Simulator(new Circuit().Add(src, dev)).OperatingPoint();
        double i = src.ReadQuantity("i", s);
        output.WriteLine($"0 V operating point: i(v1) = {i:E3} A, device i = {dev.ReadQuantity("i", s):E3} A; " +
                         $"after 30 s of 1.2 V pulses and 5 s of rest: |i| = {Level3Run.Run(1.2, Width, Period, Pulses, tail: 5).MaxAbsCurrentAtRestEnd:E3} A");
        Assert.True(Math.Abs(i) < 1e-15);
        Assert.True(Math.Abs(dev.ReadQuantity("i", s)) < 1e-15);
    }
}
