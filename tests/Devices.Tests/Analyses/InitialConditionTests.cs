using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>Transient starts: uic with capacitor/inductor ic=, .ic held during the operating point, and Gear.</summary>
public class InitialConditionTests
{
    private const double R = 1e3, C = 1e-6;

    [Fact]
    public void UicCapacitorDischargesFromItsInitialVoltage()
    {
        var ckt = new Circuit().Add(new Resistor("r1", "a", "0", R), new Capacitor("c1", "a", "0", C, initialVoltage: 2));
        double worst = 0;
        new Simulator(ckt).Transient(new TransientSpec(1e-5, 5e-3, UseInitialConditions: true), s =>
        {
            if (s.Time > 0) worst = Math.Max(worst, Math.Abs(s.V("a") - 2 * Math.Exp(-s.Time / (R * C))));
        });
        Assert.True(worst < 2e-3, $"worst {worst}");
    }

    [Fact]
    public void UicInductorCurrentDecaysThroughResistor()
    {
        const double L = 1e-3;
        var ckt = new Circuit().Add(new Resistor("r1", "a", "0", 10), new Inductor("l1", "a", "0", L, initialCurrent: 0.1));
        double worst = 0;
        var l1 = (Inductor)ckt.Find("l1")!;
        new Simulator(ckt).Transient(new TransientSpec(1e-6, 5e-4, UseInitialConditions: true), s =>
        {
            if (s.Time > 0) worst = Math.Max(worst, Math.Abs(l1.ReadQuantity("i", s) - 0.1 * Math.Exp(-s.Time * 10 / L)));
        });
        Assert.True(worst < 1e-4, $"worst {worst}");
    }

    [Fact]
    public void IcNodeIsHeldAtTheOperatingPointThenReleased()
    {
        // v(a) starts at 1 V (held by .ic), then relaxes towards the 0.5 V divider value with τ = (R∥R)·C.
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", 1),
            new Resistor("r1", "in", "a", R),
            new Resistor("r2", "a", "0", R),
            new Capacitor("c1", "a", "0", C));
        var sim = new Simulator(ckt);
        sim.InitialConditions["a"] = 1;
        double first = double.NaN, worst = 0;
        sim.Transient(new TransientSpec(1e-5, 3e-3), s =>
        {
            if (double.IsNaN(first)) first = s.V("a");
            double exact = 0.5 + 0.5 * Math.Exp(-s.Time / (R / 2 * C));
            worst = Math.Max(worst, Math.Abs(s.V("a") - exact));
        });
        Assert.True(Math.Abs(first - 1) < 1e-6, $"v(a) at t=0 is {first}");
        Assert.True(worst < 1e-3, $"worst {worst}");
    }

    [Fact]
    public void GearIntegrationChargesRcAccurately()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { Waveform = new PulseWaveform(new[] { 0.0, 1, 1e-4, 1e-12, 1e-12, 1, 2 }) }),
            new Resistor("r1", "in", "out", R),
            new Capacitor("c1", "out", "0", C));
        double worst = 0;
        new Simulator(ckt, new SimulationOptions { Method = IntegrationMethod.Gear }).Transient(new TransientSpec(1e-5, 5e-3), s =>
        {
            double t = s.Time - 1e-4 - 1e-12;
            double exact = t <= 0 ? 0 : 1 - Math.Exp(-t / (R * C));
            worst = Math.Max(worst, Math.Abs(s.V("out") - exact));
        });
        Assert.True(worst < 1e-3, $"worst {worst}");
    }
}

/// <summary>Output with tstart: the first written point is exactly tstart, the last exactly tstop.</summary>
public class TransientWindowTests
{
    [Fact]
    public void OutputStartsExactlyAtTstart()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { Waveform = new SineWaveform(new[] { 0.0, 1, 1e3 }) }),
            new Resistor("r1", "in", "0", 1e3));
        var times = new List<double>();
        new Simulator(ckt).Transient(new TransientSpec(1e-5, 2e-3, Start: 1.234e-3), s => times.Add(s.Time));
        Assert.Equal(1.234e-3, times[0]);
        Assert.Equal(2e-3, times[^1]);
    }
}
