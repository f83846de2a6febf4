using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>A subcircuit of two level-1 devices in series with a resistor, instantiated twice (flattened names
/// x1.n1, x1.r1, x1.n2, x2.…; x2 with instance overrides) in series and driven through a shared resistor by a
/// voltage step, against the circuit's ODE integrated by RK4 here.</summary>
public class SeriesSubcircuitTests(ITestOutputHelper output)
{
    private const double R0 = 0.5, R1 = 0.2, V2 = 4.5, Td = 0.1, Tr = 1e-4, Stop = 4, H = 1e-5;

    [Fact]
    public void FlattenedSubcircuitsMatchTheCircuitOde()
    {
        var baseParams = Kit.Normalized(1);
        var model = PerovskiteModel.Create(1, baseParams);
        var overrides = new Dictionary<string, double> { ["cm"] = 0.05, ["taud"] = 0.5 };
        var x2Model = PerovskiteModel.Create(1, baseParams, overrides);
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "in", "0", new SourceValue { Waveform = new PulseWaveform(new[] { 0, V2, Td, Tr, Tr, 100, 200 }) }),
            new Resistor("r0", "in", "a", R0));
        void Instance(string x, string n1, string n2, PerovskiteModel m) => ckt.Add(
            new PerovskiteMemristor($"{x}.n1", n1, $"{x}.m1", m),
            new Resistor($"{x}.r1", $"{x}.m1", $"{x}.m2", R1),
            new PerovskiteMemristor($"{x}.n2", $"{x}.m2", n2, m));
        Instance("x1", "a", "b", model);
        Instance("x2", "b", "0", x2Model);

        // ODE: one series current I = (V − Σu)/(R0 + 2 R1); per device cm du/dt = I − u/rb − ic, τd dic/dt = ic0 fss(u) − ic.
        var cms = new[] { 0.1, 0.1, 0.05, 0.05 };
        var tds = new[] { 1.0, 1.0, 0.5, 0.5 };
        double rser = R0 + 2 * R1;
        Func<double, double[], double[]> ode = (t, y) =>
        {
            double v = Kit.Pulse(t, 0, V2, Td, Tr, Tr, 100), sum = 0;
            for (int k = 0; k < 4; k++) sum += y[2 * k];
            double i = (v - sum) / rser;
            var d = new double[8];
            for (int k = 0; k < 4; k++)
            {
                double u = y[2 * k], ic = y[2 * k + 1];
                d[2 * k] = (i - u - ic) / cms[k];
                d[2 * k + 1] = (10 * Kit.Fss(u, 1, 0.05) - ic) / tds[k];
            }
            return d;
        };
        // At 0 V every u and ic is 0 up to ic0·fss(0) ≈ 2e-8; start from the exact dc point (all u equal by symmetry).
        double u0 = Kit.Bisect(u => u + 10 * Kit.Fss(u, 1, 0.05) + 4 * u / rser, 0, -1, 1);
        var y0 = new double[8];
        for (int k = 0; k < 4; k++) { y0[2 * k] = u0; y0[2 * k + 1] = 10 * Kit.Fss(u0, 1, 0.05); }
        var reference = Kit.Rk4(ode, y0, 0, Stop, H);

        var sim = new Simulator(ckt);
        var devices = new[] { "x1.n1", "x1.n2", "x2.n1", "x2.n2" }.Select(n => (PerovskiteMemristor)ckt.Find(n)!).ToArray();
        var ranges = Enumerable.Range(0, 4).Select(k => reference.Range(2 * k)).ToArray();
        double worst = 0;
        sim.Transient(new TransientSpec(1e-2, Stop), s =>
        {
            for (int k = 0; k < 4; k++)
                worst = Math.Max(worst, Math.Abs(devices[k].ReadQuantity("u", s) - reference.At(s.Time, 2 * k)) / ranges[k]);
        });
        output.WriteLine($"u ranges {string.Join(", ", ranges.Select(r => r.ToString("G4")))}; worst error {worst:P4} of range");
        Assert.True(worst < 0.01);
        Assert.True(sim.System.HasNode("x1.m1") && sim.System.HasNode("x2.m2"));
    }
}
