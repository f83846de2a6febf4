using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>Parameter tables, the model factory's messages, instance overrides and overflow safety.</summary>
public class ModelTests
{
    [Fact]
    public void TablesListEveryParameterOnce()
    {
        Assert.Equal(new[] { "cm", "rb", "ic0", "vt", "vm", "taud", "rs" }, PerovskiteModel.Level1Parameters.Select(p => p.Name));
        Assert.Equal("tauk", PerovskiteModel.Level2Parameters[^1].Name);
        Assert.Equal(new[] { "i0", "ir0", "il0", "vs", "vb", "tault", "cm0", "von", "vw", "tret" }, PerovskiteModel.Level3Parameters.Select(p => p.Name));
        var m = PerovskiteModel.Create(3, new Dictionary<string, double>());
        Assert.Equal(0.66e-3, m["I0"]);
        Assert.Equal(3, m["tault"]);
    }

    [Theory]
    [InlineData(1, "tauk", 1.0, "unknown parameter 'tauk' for level=1")]
    [InlineData(1, "cm", 0.0, "parameter 'cm' must be > 0")]
    [InlineData(2, "rs", -1.0, "parameter 'rs' must be >= 0")]
    [InlineData(3, "vs", double.NaN, "parameter 'vs' must be finite")]
    [InlineData(3, "cm", 1.0, "unknown parameter 'cm' for level=3")]
    public void FactoryRejectsWithTheBinderMessage(int level, string name, double value, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => PerovskiteModel.Create(level, new Dictionary<string, double> { [name] = value }));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void LevelMustExistAndTretMayBeInfinite()
    {
        Assert.Throws<ArgumentException>(() => PerovskiteModel.Create(4, new Dictionary<string, double>()));
        Assert.True(double.IsPositiveInfinity(PerovskiteModel.Create(3, new Dictionary<string, double> { ["TRET"] = double.PositiveInfinity })["tret"]));
    }

    [Fact]
    public void InstanceParametersOverrideModelParameters()
    {
        var m = PerovskiteModel.Create(2, new Dictionary<string, double> { ["cm"] = 2, ["tauk"] = 3 }, new Dictionary<string, double> { ["Tauk"] = 5 });
        Assert.Equal(2, m["cm"]);
        Assert.Equal(5, m["tauk"]);
        Assert.Throws<ArgumentException>(() => m.WithOverrides(new Dictionary<string, double> { ["vm"] = -1 }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ExtremeBiasesStayFinite(int level)
    {
        // ±50 V in units of vm = 0.05 V is ±1000 in the exponent: no Inf/NaN, and the dc current is Eq. 5.
        foreach (double v in new[] { -50.0, 50.0 })
        {
            var src = new VoltageSource("v1", "a", "0", v);
            var sim = new Simulator(new Circuit().Add(src, new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(level, Kit.Normalized(level)))));
            double i = -src.ReadQuantity("i", sim.OperatingPoint());
            Assert.True(Kit.Rel(i, v + 10 * Kit.Fss(v, 1, 0.05)) < 1e-9, $"{v} V: {i}");
        }
    }

    [Fact]
    public void QuantityNamesPerLevel()
    {
        Assert.Equal(new[] { "u", "ic", "i" }, new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(1, new Dictionary<string, double>())).QuantityNames);
        Assert.Equal(new[] { "u", "ic", "f", "i" }, new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(2, new Dictionary<string, double>())).QuantityNames);
        Assert.Equal(new[] { "v", "w", "il", "i" }, new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(3, new Dictionary<string, double>())).QuantityNames);
    }
}
