using Perovspice.Engine;
using Perovspice.Netlist.Binding;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>
/// <c>.dc temp start stop step</c> (alone, as the second sweep, or as <c>dc temp …</c> in <c>.control</c>): each point
/// is the operating point of the circuit bound at that temperature. References: ngspice 39 operating points at each
/// temperature, produced by
/// <c>printf 'x\nV1 1 0 VALUE\nR1 1 2 1k tc1=0.01 tc2=1e-4\nD1 2 0 dmod\n.model dmod d is=1e-14 n=1.5\n.temp T\n.control\nset numdgt=12\nop\nprint v(2) i(v1)\n.endc\n.end\n' &gt; d.cir; ngspice -b d.cir</c>
/// for each VALUE and T (and the same without the diode, R1 from 1 to 0, for the resistor). ngspice's own
/// <c>.dc temp</c> of this netlist differs from its operating points by up to 3e-4 relative and depends on the sweep
/// order (at 50 °C: v(2) = 0.8709101 sweeping -50..150, 0.8709294 sweeping 0..100 under V1, 0.8708511 as an .op),
/// so the operating points are the reference.
/// </summary>
public class DcTemperatureSweepTests
{
    private const string Diode = "V1 1 0 1\nR1 1 2 1k tc1=0.01 tc2=1e-4\nD1 2 0 dmod\n.model dmod d is=1e-14 n=1.5\n";

    private static MemoryTable Run(string body)
    {
        var job = SimulationJob.Parse("temperature sweep\n" + body + ".end\n", "t.cir");
        return job.Run(job.Analyses.Single()).Tables.Single();
    }

    private static void Close(double expected, double actual, double relative = 1e-6) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"expected {expected}, got {actual}");

    [Fact]
    public void AResistorFollowsItsTemperatureCoefficients()
    {
        var t = Run("V1 1 0 1\nR1 1 0 1k tc1=0.01 tc2=1e-4\n.dc temp -50 150 50\n.print dc i(v1)\n");
        Assert.Equal(new[] { "temp", "i(v1)" }, t.ColumnNames);
        Assert.Equal(new[] { -50.0, 0, 50, 100, 150 }, t["temp"]);
        // ngspice 39 .op at .temp -50 … 150
        double[] ngspice = { -1.21521448536e-03, -1.24548511645e-03, -7.79483981604e-04, -4.41910822396e-04, -2.67172513292e-04 };
        for (int k = 0; k < 5; k++)
        {
            double dt = t["temp"][k] - 27;
            Close(-1 / (1e3 * (1 + 0.01 * dt + 1e-4 * dt * dt)), t["i(v1)"][k], 1e-12);   // closed form
            Close(ngspice[k], t["i(v1)"][k], 1e-10);
        }
    }

    [Fact]
    public void ADiodeAndResistorMatchNgspiceOperatingPoints()
    {
        var t = Run(Diode + ".dc temp -50 150 50\n.print dc v(2) i(v1)\n");
        double[] v2 = { 9.510446258802e-01, 9.195559271107e-01, 8.708510531107e-01, 8.109705344120e-01, 7.458202892781e-01 };
        double[] i1 = { -5.94912797665e-05, -1.00191895490e-04, -1.00669535341e-04, -8.35341665951e-05, -6.79098321414e-05 };
        for (int k = 0; k < 5; k++)
        {
            Close(v2[k], t["v(2)"][k]);
            Close(i1[k], t["i(v1)"][k], 1e-5);
        }
    }

    [Fact]
    public void TemperatureAsTheSecondSweep()
    {
        var t = Run(Diode + ".dc V1 0 1 0.5 TEMP 0 100 50\n.print dc v(2)\n");
        Assert.Equal(new[] { "v1", "temp", "v(2)" }, t.ColumnNames);
        Assert.Equal(new[] { 0.0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1 }, t["v1"]);
        Assert.Equal(new[] { 0.0, 0, 0, 50, 50, 50, 100, 100, 100 }, t["temp"]);
        // ngspice 39 .op at V1 = 0.5 and 1, .temp 0, 50, 100
        double[] half = { 4.999994439724e-01, 4.999820068933e-01, 4.997022515294e-01 };
        double[] one = { 9.195559271107e-01, 8.708510531107e-01, 8.109705344120e-01 };
        for (int j = 0; j < 3; j++)
        {
            Assert.True(Math.Abs(t["v(2)"][3 * j]) < 1e-20);
            Close(half[j], t["v(2)"][3 * j + 1]);
            Close(one[j], t["v(2)"][3 * j + 2]);
        }
    }

    [Fact]
    public void TemperatureAsTheFirstSweepRebindsPerPoint()
    {
        var t = Run(Diode + ".dc temp 0 100 50 V1 0.5 1 0.5\n.print dc v(2) @d1[vd]\n");
        Assert.Equal(new[] { "temp", "v1", "v(2)", "@d1[vd]" }, t.ColumnNames);
        double[] expected = { 4.999994439724e-01, 4.999820068933e-01, 4.997022515294e-01, 9.195559271107e-01, 8.708510531107e-01, 8.109705344120e-01 };
        for (int k = 0; k < 6; k++)
        {
            Close(expected[k], t["v(2)"][k]);
            Assert.Equal(t["v(2)"][k], t["@d1[vd]"][k], 12);   // the device read is the one of that temperature
        }
    }

    [Fact]
    public void ControlCommandAndTemperInExpressions()
    {
        // temper in a B source follows the swept temperature; the netlist's own .temp is replaced
        var t = Run("V1 1 0 1\nB1 2 0 v=temper*v(1)\nR2 2 0 1k\n.temp 80\n.control\ndc temp 10 30 10\n.endc\n");
        Assert.Equal(new[] { 10.0, 20, 30 }, t["temp"]);
        Assert.Equal(new[] { 10.0, 20, 30 }, t["v(2)"]);
    }

    [Fact]
    public void ErrorsAreLocated()
    {
        Assert.Equal("t.cir:4:10: error: the temperatures of '.dc temp' must be above -273.15 °C",
            T.Error("V1 1 0 1\nR1 1 0 1k\n.dc temp -300 0 100\n"));
        Assert.Equal("t.cir:4:16: error: '.dc' sweeps the temperature twice",
            T.Error("V1 1 0 1\nR1 1 0 1k\n.dc temp 0 1 1 temp 0 1 1\n"));
        Assert.Contains("unknown independent source 'temp' in '.hopf'", T.Error("V1 1 0 1\nR1 1 0 1k\n.hopf temp 0 1 1\n"));
    }
}
