using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>Levels 1 and 2 under a current step (rs = 0) and a voltage step through rs = 0.1, against an RK4
/// integration of the model's ODEs (normalized units) written here.</summary>
public class TransientTests(ITestOutputHelper output)
{
    // A 1 ms ramp: the first step after each ramp corner is error-controlled by step doubling (it used to be an
    // unchecked backward-Euler step that alone cost 0.055 % of u's range at any reltol).
    private const double Td = 0.1, Tr = 1e-3, Stop = 5, H = 1e-5;

    /// <summary>The ODE right-hand side in (u, ic[, f]) for a drive: current I(t), or voltage V(t) through rs.</summary>
    private static Func<double, double[], double[]> Ode(int level, Dictionary<string, double> p, Func<double, double> drive, double rs)
    {
        double cm = p["cm"], rb = p["rb"], ic0 = p["ic0"], vt = p["vt"], vm = p["vm"], taud = p["taud"];
        return (t, y) =>
        {
            double u = y[0], ic = y[1];
            double i = rs > 0 ? (drive(t) - u) / rs : drive(t);
            var d = new double[y.Length];
            d[0] = (i - u / rb - ic) / cm;                                  // Eq. 1
            if (level == 1) d[1] = (ic0 * Kit.Fss(u, vt, vm) - ic) / taud;  // Eq. 2
            else
            {
                double f = y[2];
                d[1] = (ic0 * f - ic) / taud;                                // Eq. 11
                d[2] = ((1 - f) - Math.Exp(-(u - vt) / vm) * f) / p["tauk"];   // Eq. 12
            }
            return d;
        };
    }

    private (double errU, double errIc, int points) Run(int level, bool voltageStep, double reltol)
    {
        var p = Kit.Normalized(level);
        double rs = voltageStep ? 0.1 : 0;
        double v1 = voltageStep ? 0.8 : 0.5, v2 = voltageStep ? 1.5 : 6;
        Func<double, double> drive = t => Kit.Pulse(t, v1, v2, Td, Tr, Tr, 100);
        var wave = new PulseWaveform(new[] { v1, v2, Td, Tr, Tr, 100, 200 });
        var mp = new Dictionary<string, double>(p) { ["rs"] = rs };
        var dev = new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(level, mp));
        Device src = voltageStep
            ? new VoltageSource("v1", "in", "0", new SourceValue { Dc = v1, Waveform = wave })
            : new CurrentSource("i1", "0", "a", new SourceValue { Dc = v1, Waveform = wave });
        var ckt = new Circuit().Add(src, dev);
        if (voltageStep) ckt.Add(new Resistor("rw", "in", "a", 1e-3)); // the wire makes 'a' a node the source drives

        // Initial state: the dc operating point, found independently by bisection.
        double u0 = voltageStep
            ? 0
            : Kit.Bisect(u => u / p["rb"] + p["ic0"] * Kit.Fss(u, p["vt"], p["vm"]), v1, -5, 5);
        double f0 = Kit.Fss(u0, p["vt"], p["vm"]);
        double rsTotal = voltageStep ? rs + 1e-3 : 0;
        if (voltageStep) u0 = Kit.Bisect(u => u / p["rb"] + p["ic0"] * Kit.Fss(u, p["vt"], p["vm"]) - (v1 - u) / rsTotal, 0, -5, 5);
        f0 = Kit.Fss(u0, p["vt"], p["vm"]);
        var y0 = level == 1 ? new[] { u0, p["ic0"] * f0 } : new[] { u0, p["ic0"] * f0, f0 };
        var reference = Kit.Rk4(Ode(level, p, drive, rsTotal), y0, 0, Stop, H);

        var sim = new Simulator(ckt, new SimulationOptions { RelTol = reltol });
        double eu = 0, eic = 0, tWorst = 0;
        int n = 0;
        sim.Transient(new TransientSpec(1e-2, Stop), s =>
        {
            double e = Math.Abs(dev.ReadQuantity("u", s) - reference.At(s.Time, 0));
            if (e > eu) tWorst = s.Time;
            eu = Math.Max(eu, e);
            eic = Math.Max(eic, Math.Abs(dev.ReadQuantity("ic", s) - reference.At(s.Time, 1)));
            n++;
        });
        eu /= reference.Range(0);
        eic /= reference.Range(1);
        output.WriteLine($"level {level} {(voltageStep ? "voltage step via rs" : "current step")} reltol={reltol:G2}: " +
                         $"{n} points, max err u (at t={tWorst:G6}) {eu:P4}, ic {eic:P4} of range (u range {reference.Range(0):G4}, ic range {reference.Range(1):G4})");
        return (eu, eic, n);
    }

    public static TheoryData<int, bool> Cases => new() { { 1, false }, { 1, true }, { 2, false }, { 2, true } };

    [Theory, MemberData(nameof(Cases))]
    public void DefaultTolerancesWithinOnePercentOfRange(int level, bool voltageStep)
    {
        var (eu, eic, _) = Run(level, voltageStep, 1e-3);
        Assert.True(eu < 0.01 && eic < 0.01, $"u {eu:P3}, ic {eic:P3}");
    }

    [Theory, MemberData(nameof(Cases))]
    public void TightReltolWithinFiveHundredthsOfAPercent(int level, bool voltageStep)
    {
        var (eu, eic, _) = Run(level, voltageStep, 1e-6);
        Assert.True(eu < 5e-4 && eic < 5e-4, $"u {eu:P4}, ic {eic:P4}");
    }
}
