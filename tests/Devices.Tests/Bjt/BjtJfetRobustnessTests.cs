using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>Extreme bias: every solution and quantity stays finite (overflow-safe exponentials, the q1 floor
/// of the Early term), and the dc solve converges from scratch.</summary>
public class BjtJfetRobustnessTests
{
    private static BjtModel Full(bool pnp) => new(NgspiceReference.Model("Bjt", "gummel.cir", "qn"), pnp);

    public static IEnumerable<object[]> Biases() =>
        from vb in new[] { -50.0, -1, 0.8, 3, 10 }
        from vc in new[] { -50.0, 0, 50 }
        from pnp in new[] { false, true }
        select new object[] { vb, vc, pnp };

    [Theory]
    [MemberData(nameof(Biases))]
    public void BjtStaysFiniteAtExtremeVoltages(double vb, double vc, bool pnp)
    {
        var ckt = new Circuit().Add(
            new VoltageSource("vb", "b", "0", vb),
            new VoltageSource("vc", "c", "0", vc),
            new Bjt("q1", "c", "b", "0", "0", Full(pnp)),
            // a tiny Early voltage drives 1 − vbc/vaf − vbe/var through zero
            new Bjt("q2", "c", "b", "0", "0", new BjtModel(new Dictionary<string, double> { ["vaf"] = 0.5, ["var"] = 0.3, ["ikf"] = 1e-3 }, pnp)));
        var op = new Simulator(ckt).OperatingPoint();
        for (int k = 1; k < op.X.Length; k++) Assert.True(double.IsFinite(op.X[k]), $"x[{k}] = {op.X[k]}");
        foreach (var name in new[] { "q1", "q2" })
        {
            var q = ckt.Find(name)!;
            foreach (var quantity in q.QuantityNames)
                Assert.True(double.IsFinite(q.ReadQuantity(quantity, op)), $"{name} {quantity}");
        }
    }

    [Theory]
    [InlineData(-50, 50)]
    [InlineData(10, -50)]
    [InlineData(5, 5)]
    [InlineData(-5, -50)]
    public void JfetStaysFiniteAtExtremeVoltages(double vg, double vd)
    {
        var model = new JfetModel(NgspiceReference.Model("Jfet", "njf_output.cir", "jn"));
        var ckt = new Circuit().Add(
            new VoltageSource("vg", "g", "0", vg),
            new VoltageSource("vd", "d", "0", vd),
            new Jfet("j1", "d", "g", "0", model));
        var op = new Simulator(ckt).OperatingPoint();
        for (int k = 1; k < op.X.Length; k++) Assert.True(double.IsFinite(op.X[k]));
        var j = ckt.Find("j1")!;
        foreach (var quantity in j.QuantityNames) Assert.True(double.IsFinite(j.ReadQuantity(quantity, op)), quantity);
    }

    [Fact]
    public void InvalidParametersAreRejectedWithTheirName()
    {
        var e = Assert.Throws<ArgumentException>(() => new BjtModel(new Dictionary<string, double> { ["bf"] = -1 }));
        Assert.Contains("bf", e.Message);
        e = Assert.Throws<ArgumentException>(() => new BjtModel(new Dictionary<string, double> { ["mje"] = 1 }));
        Assert.Contains("mje", e.Message);
        e = Assert.Throws<ArgumentException>(() => new JfetModel(new Dictionary<string, double> { ["foo"] = 1 }));
        Assert.Contains("foo", e.Message);
        Assert.Throws<ArgumentException>(() => new Bjt("q1", "c", "b", "e", "0", new BjtModel(new Dictionary<string, double>()), area: 0));
    }

    [Fact]
    public void AliasesAndZeroMeaningInfiniteFollowSpice()
    {
        var a = new BjtModel(new Dictionary<string, double> { ["va"] = 50, ["ik"] = 0.1, ["pe"] = 0.8, ["ccs"] = 1e-12, ["vb"] = 0 });
        Assert.Equal(50, a.Vaf);
        Assert.Equal(0.1, a.Ikf);
        Assert.Equal(0.8, a["vje"]);
        Assert.Equal(1e-12, a["cjs"]);
        Assert.True(double.IsPositiveInfinity(a.Var));
        Assert.Equal(-2.1, new JfetModel(new Dictionary<string, double> { ["vt0"] = -2.1 }).Vto);
    }
}
