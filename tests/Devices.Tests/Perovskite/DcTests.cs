using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>Levels 1 and 2, dc: I = u/rb + ic0 fss(u) (Eq. 5) over 0…1.5 V and at −1 V.</summary>
public class DcTests(ITestOutputHelper output)
{
    public static TheoryData<int, bool> Cases => new() { { 1, false }, { 2, false }, { 1, true }, { 2, true } };

    [Theory, MemberData(nameof(Cases))]
    public void SweepMatchesEquation5(int level, bool physical)
    {
        var p = physical ? Kit.Physical(level) : Kit.Normalized(level);
        var model = PerovskiteModel.Create(level, p);
        var src = new VoltageSource("v1", "a", "0", 0);
        var sim = new Simulator(new Circuit().Add(src, new PerovskiteMemristor("n1", "a", "0", model)));
        var biases = new List<double> { -1 };
        for (int k = 0; k <= 30; k++) biases.Add(0.05 * k);
        double worst = 0;
        foreach (double vb in biases)
        {
            src.DcValue = vb;
            var s = sim.OperatingPoint();
            double device = -src.ReadQuantity("i", s);
            double eq5 = vb / p["rb"] + p["ic0"] * Kit.Fss(vb, p["vt"], p["vm"]);
            worst = Math.Max(worst, Kit.Rel(device, eq5));
            var n1 = (PerovskiteMemristor)sim.System.Circuit.Find("n1")!;
            Assert.Equal(device, n1.ReadQuantity("i", s), 12);
            Assert.True(Kit.Rel(n1.ReadQuantity("ic", s), p["ic0"] * Kit.Fss(vb, p["vt"], p["vm"])) < 1e-9 || vb < 0);
        }
        output.WriteLine($"level {level} {(physical ? "physical" : "normalized")}: worst relative error vs Eq. 5 {worst:E2}");
        Assert.True(worst < 1e-9, $"worst relative error {worst:E2}");
    }

    [Fact]
    public void DcSweepFromZeroToOneAndAHalf()
    {
        var p = Kit.Normalized(2);
        var src = new VoltageSource("v1", "a", "0", 0);
        var sim = new Simulator(new Circuit().Add(src, new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(2, p))));
        double worst = 0;
        sim.DcSweep(new[] { new DcSweepSpec("v1", 0, 1.5, 0.01) }, (v, s) =>
        {
            double eq5 = v[0] + 10 * Kit.Fss(v[0], 1, 0.05);
            worst = Math.Max(worst, Kit.Rel(-src.ReadQuantity("i", s), eq5));
        });
        Assert.True(worst < 1e-9, $"worst relative error {worst:E2}");
    }
}
