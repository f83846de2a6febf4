using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>RC charging against v(t) = V (1 − e^(−t/RC)).</summary>
public class RcTransientTests
{
    private static (double maxErr, int points) Run(double reltol)
    {
        const double R = 1e3, C = 1e-6, V = 1, Td = 1e-4;
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { Dc = 0, Waveform = new PulseWaveform(new[] { 0.0, V, Td, 1e-12, 1e-12, 1, 2 }) }),
            new Resistor("r1", "in", "out", R),
            new Capacitor("c1", "out", "0", C));
        var sim = new Simulator(ckt, new SimulationOptions { RelTol = reltol });
        double maxErr = 0;
        int points = 0;
        sim.Transient(new TransientSpec(1e-5, 5e-3), s =>
        {
            points++;
            double t = s.Time - Td - 1e-12;
            double exact = t <= 0 ? 0 : V * (1 - Math.Exp(-t / (R * C)));
            maxErr = Math.Max(maxErr, Math.Abs(s.V("out") - exact));
        });
        return (maxErr, points);
    }

    [Fact]
    public void DefaultTolerancesWithinTenthOfAPercentOfTheStep()
    {
        var (err, points) = Run(1e-3);
        Assert.True(err <= 1e-3, $"max error {err} over {points} points");
    }

    [Fact]
    public void TightReltolWithinOnePpmOfTheStep()
    {
        var (err, points) = Run(1e-6);
        Assert.True(err <= 1e-5, $"max error {err} over {points} points");
    }
}
