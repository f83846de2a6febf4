using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;
using static Perovspice.Devices.Tests.NgspiceReference;

namespace Perovspice.Devices.Tests;

/// <summary>
/// Gummel–Poon BJT dc characteristics against ngspice 39 (References/Bjt/*.cir, run with
/// `cd tests/Devices.Tests/References/Bjt && ngspice -b NAME.cir`, which writes NAME.txt). Both simulators at
/// reltol = 1e-6; currents must agree within 1e-6 relative + 1e-12 A, voltages within 1e-6 relative + 1e-9 V.
/// </summary>
public class BjtDcTests(ITestOutputHelper output)
{
    private const string Folder = "Bjt";

    private static BjtModel Model(string file, string name, bool pnp = false) =>
        new(NgspiceReference.Model(Folder, file, name), pnp, name);

    private static SimulationOptions Options => new() { RelTol = 1e-6 };

    private void Compare(string what, List<double> got, double[] expected, double abs)
    {
        double worst = WorstRatio(got, expected, 1e-6, abs, out int at);
        output.WriteLine($"{what}: worst |err|/(1e-6|ref| + {abs:g}) = {worst:g3} at point {at}" +
            (at >= 0 ? $" (got {got[at]:g10}, ngspice {expected[at]:g10})" : ""));
        Assert.Equal(expected.Length, got.Count);
        Assert.True(worst <= 1, $"{what} differs from ngspice at point {at}: {got[at]} vs {expected[at]}");
    }

    private void Sweep(Circuit ckt, IReadOnlyList<DcSweepSpec> sweeps, string file, params (string Column, Func<Solution, double> Read, double Abs)[] columns)
    {
        var got = columns.Select(_ => new List<double>()).ToArray();
        new Simulator(ckt, Options).DcSweep(sweeps, (_, s) =>
        {
            for (int k = 0; k < columns.Length; k++) got[k].Add(columns[k].Read(s));
        });
        var table = Table(Folder, file);
        for (int k = 0; k < columns.Length; k++) Compare(columns[k].Column, got[k], table[columns[k].Column], columns[k].Abs);
    }

    private static Func<Solution, double> Branch(Circuit ckt, string source) => s => s.X[ckt.Find(source)!.BranchIndex];

    [Fact]
    public void NpnOutputCurvesWithBaseCurrentSteps()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("vc", "c", "0", 0),
            new CurrentSource("ib", "0", "b", 10e-6),
            new Bjt("q1", "c", "b", "0", "0", Model("npn_output.cir", "qn")));
        Sweep(ckt, new[] { new DcSweepSpec("vc", 0, 5, 0.1), new DcSweepSpec("ib", 10e-6, 30e-6, 10e-6) }, "npn_output.txt",
            ("v(b)", s => s.V("b"), 1e-9), ("i(vc)", Branch(ckt, "vc"), 1e-12));
    }

    [Fact]
    public void PnpOutputCurvesWithBaseCurrentSteps()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("vc", "c", "0", 0),
            new CurrentSource("ib", "b", "0", 10e-6),
            new Bjt("q1", "c", "b", "0", "0", Model("pnp_output.cir", "qp", pnp: true)));
        Sweep(ckt, new[] { new DcSweepSpec("vc", 0, -5, -0.1), new DcSweepSpec("ib", 10e-6, 30e-6, 10e-6) }, "pnp_output.txt",
            ("v(b)", s => s.V("b"), 1e-9), ("i(vc)", Branch(ckt, "vc"), 1e-12));
    }

    [Fact]
    public void NpnOutputCurvesWithVbeStepsIncludingSaturationAndSubstrate()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("vc", "c", "0", 0),
            new VoltageSource("vb", "b", "0", 0.65),
            new VoltageSource("vs", "s", "0", -1),
            new Bjt("q1", "c", "b", "0", "s", Model("npn_vbe_steps.cir", "qn")));
        Sweep(ckt, new[] { new DcSweepSpec("vc", -0.5, 5, 0.1), new DcSweepSpec("vb", 0.65, 0.75, 0.05) }, "npn_vbe_steps.txt",
            ("i(vc)", Branch(ckt, "vc"), 1e-12), ("i(vb)", Branch(ckt, "vb"), 1e-12), ("i(vs)", Branch(ckt, "vs"), 1e-12));
    }

    [Fact]
    public void GummelPlotOverSixDecadesIntoHighInjection()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("vc", "c", "0", 2),
            new VoltageSource("vb", "b", "0", 0),
            new Bjt("q1", "c", "b", "0", "0", Model("gummel.cir", "qn")));
        Sweep(ckt, new[] { new DcSweepSpec("vb", 0.3, 1.1, 0.01) }, "gummel.txt",
            ("i(vc)", Branch(ckt, "vc"), 1e-12), ("i(vb)", Branch(ckt, "vb"), 1e-12));
    }

    [Fact]
    public void ReverseActiveRegion()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("ve", "e", "0", 2),
            new VoltageSource("vb", "b", "0", 0),
            new VoltageSource("vc", "c", "0", 0),
            new Bjt("q1", "c", "b", "e", "0", Model("reverse.cir", "qn")));
        Sweep(ckt, new[] { new DcSweepSpec("vb", 0.3, 1.0, 0.01) }, "reverse.txt",
            ("i(vc)", Branch(ckt, "vc"), 1e-12), ("i(vb)", Branch(ckt, "vb"), 1e-12), ("i(ve)", Branch(ckt, "ve"), 1e-12));
    }

    [Fact]
    public void GummelPlotAt100CelsiusFollowsTheTemperatureLaws()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("vc", "c", "0", 2),
            new VoltageSource("vb", "b", "0", 0),
            new Bjt("q1", "c", "b", "0", "0", Model("gummel_hot.cir", "qt"), temperature: 100 + Units.CelsiusToKelvin));
        Sweep(ckt, new[] { new DcSweepSpec("vb", 0.2, 1.0, 0.01) }, "gummel_hot.txt",
            ("i(vc)", Branch(ckt, "vc"), 1e-12), ("i(vb)", Branch(ckt, "vb"), 1e-12));
    }
}

/// <summary>The substrate junction (iss, ns; forward-biased at the end of the sweep) and nkf against ngspice 39.</summary>
public class BjtSubstrateTests(ITestOutputHelper output)
{
    [Fact]
    public void SubstrateDiodeAndNkfMatchNgspice()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("vc", "c", "0", 0.2),
            new VoltageSource("vb", "b", "0", 0.7),
            new VoltageSource("vs", "s", "0", 0),
            new Bjt("q1", "c", "b", "0", "s", new BjtModel(NgspiceReference.Model("Bjt", "substrate.cir", "qs"))));
        var got = new[] { new List<double>(), new List<double>(), new List<double>() };
        string[] names = { "vc", "vb", "vs" };
        new Simulator(ckt, new SimulationOptions { RelTol = 1e-6 }).DcSweep(new[] { new DcSweepSpec("vs", -1, 0.8, 0.02) }, (_, s) =>
        {
            for (int k = 0; k < 3; k++) got[k].Add(s.X[ckt.Find(names[k])!.BranchIndex]);
        });
        var table = Table("Bjt", "substrate.txt");
        for (int k = 0; k < 3; k++)
        {
            var expected = table[$"i({names[k]})"];
            double worst = WorstRatio(got[k], expected, 1e-6, 1e-12, out int at);
            output.WriteLine($"i({names[k]}): worst |err|/(1e-6|ref| + 1e-12) = {worst:g3} at point {at}");
            Assert.Equal(expected.Length, got[k].Count);
            Assert.True(worst <= 1, $"i({names[k]}) at point {at}: {got[k][at]} vs {expected[at]}");
        }
    }

    [Fact]
    public void LateralPnpSubstrateJunctionFacesTheBase()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("ve", "e", "0", 5),
            new VoltageSource("vb", "b", "0", 4.3),
            new VoltageSource("vc", "c", "0", 1),
            new VoltageSource("vs", "s", "0", 3.5),
            new Bjt("q1", "c", "b", "e", "s", new BjtModel(NgspiceReference.Model("Bjt", "substrate_lateral.cir", "qp"), isPnp: true)));
        Assert.True(((Bjt)ckt.Find("q1")!).Model.IsLateral);
        string[] names = { "vc", "vb", "ve", "vs" };
        var got = names.Select(_ => new List<double>()).ToArray();
        new Simulator(ckt, new SimulationOptions { RelTol = 1e-6 }).DcSweep(new[] { new DcSweepSpec("vs", 3.5, 5.1, 0.02) }, (_, s) =>
        {
            for (int k = 0; k < names.Length; k++) got[k].Add(s.X[ckt.Find(names[k])!.BranchIndex]);
        });
        var table = Table("Bjt", "substrate_lateral.txt");
        for (int k = 0; k < names.Length; k++)
        {
            var expected = table[$"i({names[k]})"];
            double worst = WorstRatio(got[k], expected, 1e-6, 1e-12, out int at);
            output.WriteLine($"i({names[k]}): worst |err|/(1e-6|ref| + 1e-12) = {worst:g3} at point {at}");
            Assert.Equal(expected.Length, got[k].Count);
            Assert.True(worst <= 1, $"i({names[k]}) at point {at}: {got[k][at]} vs {expected[at]}");
        }
    }
}
