using Perovspice.Devices.Bsim3;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests.Bsim3;

/// <summary>Properties that need no reference: finite currents, charges and derivatives at any bias a Newton
/// iterate may visit, and located, readable errors for impossible geometries and model values.</summary>
public class Bsim3RobustnessTests
{
    [Theory]
    [InlineData("n018", 0)]
    [InlineData("n018", 1)]
    [InlineData("n018", 2)]
    [InlineData("n018", 3)]
    [InlineData("p018", 3)]
    [InlineData("p018", 0)]
    public void EveryQuantityIsFiniteOverWildBiases(string card, int capmod)
    {
        var model = Bsim3Kit.Model(card, new Dictionary<string, double> { ["capmod"] = capmod, ["ngate"] = 5e19 });
        var rng = new Random(1234 + capmod);
        foreach (var geometry in new[] { "w=1u l=0.18u as=0.5p ad=0.5p ps=3u pd=3u", "w=10u l=2u" })
        {
            var m = new Bsim3Mosfet("m1", "d", "g", "s", "b", model, Bsim3Kit.Geometry(geometry));
            var ckt = new Circuit().Add(m, new VoltageSource("vd", "d", "0", 0), new VoltageSource("vg", "g", "0", 0),
                new VoltageSource("vs", "s", "0", 0), new VoltageSource("vb", "b", "0", 0));
            var sim = new Simulator(ckt);
            var sol = sim.OperatingPoint();
            var names = m.QuantityNames;
            for (int k = 0; k < 300; k++)
            {
                double Pick() => rng.Next(4) switch
                {
                    0 => (rng.NextDouble() - 0.5) * 1e-3,
                    1 => (rng.NextDouble() - 0.5) * 4,
                    2 => (rng.NextDouble() - 0.5) * 40,
                    _ => (rng.NextDouble() - 0.5) * 2000,
                };
                foreach (var node in new[] { "d", "g", "s", "b" }) sol.X[sim.System.NodeIndex(node)] = Pick();
                foreach (var q in names)
                {
                    double v = m.ReadQuantity(q, sol);
                    Assert.True(double.IsFinite(v), $"{q} = {v} at d={sol.V("d")}, g={sol.V("g")}, s={sol.V("s")}, b={sol.V("b")}");
                }
            }
        }
    }

    [Fact]
    public void ImpossibleValuesGiveClearErrors()
    {
        var n = Bsim3Kit.Model("n018");
        var e = Assert.Throws<ArgumentException>(() =>
            new Bsim3Mosfet("m7", "d", "g", "s", "b", n, new Bsim3Geometry { L = 2e-8, W = 1e-6 }));
        Assert.Contains("m7", e.Message);
        Assert.Contains("effective channel length", e.Message);
        e = Assert.Throws<ArgumentException>(() => Bsim3Kit.Model("n018", new Dictionary<string, double> { ["capmod"] = 4 }));
        Assert.Contains("capmod", e.Message);
        e = Assert.Throws<ArgumentException>(() => Bsim3Kit.Model("n018", new Dictionary<string, double> { ["mobmod"] = 1.5 }));
        Assert.Contains("mobmod", e.Message);
        e = Assert.Throws<ArgumentException>(() => Bsim3Kit.Model("n018", new Dictionary<string, double> { ["tox"] = 0 }));
        Assert.Contains("tox", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Bsim3Model("x", "nmos", new Dictionary<string, double>(), version: "4.5"));
        Assert.Contains("version", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Bsim3Model("x", "nmos", new Dictionary<string, double> { ["foo"] = 1 }));
        Assert.Contains("foo", e.Message);
    }

    [Fact]
    public void LevelExposesTheTable()
    {
        var level = Bsim3Model.Level;
        Assert.Equal(new[] { 8, 49 }, level.Numbers);
        Assert.Contains("version", level.TextParameters);
        foreach (var name in new[] { "vth0", "lvth0", "wvth0", "pvth0", "k1", "pk1", "u0", "wu0", "lmin", "lmax", "wmin",
                     "wmax", "tnom", "cj", "cjsw", "cjswg", "mj", "mjsw", "mjswg", "pb", "pbsw", "pbswg", "js", "jsw", "nj",
                     "cgso", "cgdo", "cgbo", "cgsl", "cgdl", "ckappa", "lint", "wint", "dlc", "dwc", "ll", "wl", "lln",
                     "pclm", "pdiblc1", "pdiblc2", "pdiblcb", "drout", "pscbe1", "pscbe2", "pvag", "delta", "rdsw",
                     "prwg", "prwb", "wr", "ute", "kt1", "kt1l", "kt2", "ua1", "ub1", "uc1", "at", "prt", "mobmod",
                     "capmod", "xpart", "acde", "moin", "noff", "voffcv" })
            Assert.NotNull(ParameterTable.Find(level.Parameters, name));
        Assert.NotNull(ParameterTable.Find(level.Parameters, "npeak"));
        Assert.NotNull(ParameterTable.Find(level.Parameters, "lnpeak"));
        var model = (Bsim3Model)level.Create(new ModelRequest
        {
            Name = "q", Type = "pmos", Level = 49, Given = new Dictionary<string, double> { ["tnom"] = 50 },
            Text = new Dictionary<string, string> { ["version"] = "3.2.4" },
        });
        Assert.True(model.IsPmos);
        Assert.Equal(50 + Units.CelsiusToKelvin, model.NominalTemperature, 12);
        Assert.Equal(0.025, model.Get("u0"));
        var dev = model.CreateDevice(new DeviceRequest
        {
            Name = "m1", Nodes = new[] { "d", "g", "s", "b" }, Model = model, ModelType = "pmos",
            Parameters = new Dictionary<string, double> { ["l"] = 1e-6, ["w"] = 2e-6, ["nrd"] = 2 },
        });
        var b = Assert.IsType<Bsim3Mosfet>(dev);
        Assert.Equal(1e-6, b.Geometry.L);
        Assert.Equal(2e-6, b.Geometry.W);
        Assert.Equal(2, b.Geometry.NRD);
    }
}
