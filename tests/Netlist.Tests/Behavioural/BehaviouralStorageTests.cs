using Perovspice.Engine;
using Perovspice.Netlist.Binding;
using Xunit;

namespace Perovspice.Netlist.Tests.Behavioural;

/// <summary>
/// ngspice's behavioural capacitor <c>C1 a b C='expr'</c> and inductor <c>L1 a b L={expr}</c> whose value reads node
/// voltages: the value is the differential capacitance (inductance), i = C(·)·dv/dt, v = L(·)·di/dt. References are
/// ngspice 39 (`ngspice -b`) on the same netlists: the transient values with
/// <c>.control / run / meas tran a find v(2) at=0.25m / … at=0.5m, 1m, 1.5m, 2m / .endc</c> added after
/// <c>.tran 1u 2m</c>, the ac values from <c>.print ac vm(2) vp(2)</c> (vp in radians there, degrees here).
/// </summary>
public class BehaviouralStorageTests
{
    private static readonly double[] Times = { 0.25e-3, 0.5e-3, 1e-3, 1.5e-3, 2e-3 };

    private static MemoryTable Run(string netlist)
    {
        var job = SimulationJob.Parse(netlist, "t.cir");
        return job.Run(job.Analyses.Single()).Tables.Single();
    }

    private static double At(MemoryTable t, string column, double time)
    {
        var x = t["time"];
        var y = t[column];
        for (int k = 1; k < x.Count; k++)
            if (x[k] >= time)
                return y[k - 1] + (time - x[k - 1]) / (x[k] - x[k - 1]) * (y[k] - y[k - 1]);
        throw new InvalidOperationException($"{time} is after the end");
    }

    [Fact]
    public void AVoltageDependentCapacitorMatchesNgspice()
    {
        var t = Run("behavioural capacitor\nV1 1 0 sin(0 1 1k)\nR1 1 2 1k\nC1 2 0 C='1u*(1+0.5*v(2))'\n.tran 1u 2m\n.print tran v(2)\n.end\n");
        double[] ngspice = { 1.409110e-01, 2.380018e-01, -9.731401e-02, 1.847612e-01, -1.354908e-01 };
        for (int k = 0; k < Times.Length; k++)
            Assert.True(Math.Abs(At(t, "v(2)", Times[k]) - ngspice[k]) < 2e-5, $"v(2) at {Times[k]}: {At(t, "v(2)", Times[k])} vs ngspice {ngspice[k]}");
    }

    [Fact]
    public void AVoltageControlledInductorMatchesNgspice()
    {
        var t = Run("behavioural inductor\nV1 1 0 sin(0 1 1k)\nVc ctrl 0 dc 10\nR1 1 2 100\nL1 2 0 L='v(ctrl)*1m'\n.tran 1u 2m\n.print tran v(2) i(l1)\n.end\n");
        double[] ngspice = { 2.460664e-01, -4.535113e-01, 4.504557e-01, -4.504763e-01, 4.504779e-01 };
        for (int k = 0; k < Times.Length; k++)
            Assert.True(Math.Abs(At(t, "v(2)", Times[k]) - ngspice[k]) < 2e-5, $"v(2) at {Times[k]}: {At(t, "v(2)", Times[k])} vs ngspice {ngspice[k]}");
        // the inductor's current is the resistor's: (v(1) - v(2)) / 100
        for (int k = 1; k < t.RowCount; k++)
        {
            double v1 = Math.Sin(2 * Math.PI * 1e3 * t["time"][k]);
            Assert.Equal((v1 - t["v(2)"][k]) / 100, t["i(l1)"][k], 9);
        }
    }

    [Fact]
    public void SmallSignalAndOperatingPointFollowTheLinearisedValues()
    {
        var t = Run("behavioural ac\nV1 1 0 dc 1 ac 1\nR1 1 2 1k\nC1 2 0 C='1u*(1+0.5*v(2))'\nL1 2 3 L={v(1)*1m}\nR3 3 0 10\n" +
                    ".ac dec 1 100 10k\n.print ac vm(2) vp(2)\n.end\n");
        double[] vm = { 9.924178e-03, 1.214023e-02, 2.094378e-02 };
        double[] vp = { 5.587290e-02, 4.895546e-01, -1.49805e+00 };
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(vm[k], t["vm(2)"][k], 8);
            Assert.Equal(vp[k] * 180 / Math.PI, t["vp(2)"][k], 3);
        }
        // dc: the capacitor is open, the inductor a short: v(2) = 10/(1010)
        var op = Run("op\nV1 1 0 1\nR1 1 2 1k\nC1 2 0 C='1u*(1+0.5*v(2))'\nL1 2 3 L={v(1)*1m}\nR3 3 0 10\n.op\n.print op v(2) v(3)\n.end\n");
        Assert.Equal(10.0 / 1010, op["v(2)"][0], 12);
        Assert.Equal(10.0 / 1010, op["v(3)"][0], 12);
    }
}
