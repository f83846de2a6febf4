using System.Numerics;
using Perovspice.Engine;
using Perovspice.Engine.Analysis;
using Xunit;

namespace Perovspice.Devices.Tests.Api;

/// <summary>The public analysis classes on circuits built in code: results against closed forms, early stop,
/// cancellation, progress and typed failures.</summary>
public class AnalysisApiTests
{
    private const double R = 1e3, C = 1e-6, Tau = R * C;

    // A 1 V step charging an RC from v(out) = 0 (uic): v(out) = 1 − exp(−t/τ), i(v1) = −exp(−t/τ)/R.
    private static Circuit Rc() => new Circuit().Add(
        new VoltageSource("v1", "in", "0", new SourceValue { Dc = 1, AcMagnitude = 1 }),
        new Resistor("r1", "in", "out", R),
        new Capacitor("c1", "out", "0", C, 0));

    private static readonly TransientSpec Step = new(1e-5, 5e-3, UseInitialConditions: true);

    private sealed class SyncProgress : IProgress<AnalysisProgress>
    {
        public List<AnalysisProgress> Reports { get; } = new();
        public void Report(AnalysisProgress value) => Reports.Add(value);
    }

    [Fact]
    public void TransientOfAnRcMatchesTheClosedForm()
    {
        var sim = new Simulator(Rc());
        var points = new List<(double T, double V, double I, double Probe)>();
        new TransientAnalysis(Step).Run(sim, s =>
        {
            points.Add((s.Time, s.V("out"), s.I("v1"), s.Read("v(in,out)")));
            return true;
        });
        Assert.Equal(5e-3, points[^1].T, 15);
        Assert.True(points.Count > 50);
        foreach (var (t, v, i, vr) in points.Where(p => p.T > 0))
        {
            Assert.Equal(1 - Math.Exp(-t / Tau), v, 2e-3);
            Assert.Equal(-Math.Exp(-t / Tau) / R, i, 2e-6);
            Assert.Equal(Math.Exp(-t / Tau), vr, 2e-3);
        }
    }

    [Fact]
    public void ReturningFalseStopsTheStreamThere()
    {
        var sim = new Simulator(Rc());
        int seen = 0;
        new TransientAnalysis(Step).Run(sim, _ => ++seen < 5);
        Assert.Equal(5, seen);

        int acSeen = 0;
        new AcAnalysis(AcSweepKind.Decade, 10, 1, 1e6).Run(sim, _ => ++acSeen < 3);
        Assert.Equal(3, acSeen);

        var values = new List<double>();
        new DcAnalysis(new DcSweepSpec("v1", 0, 1, 0.1)).Run(sim, (v, _) => { values.Add(v[0]); return values.Count < 4; });
        Assert.Equal(new[] { 0, 0.1, 0.2, 0.30000000000000004 }, values);
    }

    [Fact]
    public void CancellationStopsATransient()
    {
        var sim = new Simulator(Rc());
        using var cts = new CancellationTokenSource();
        int seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => new TransientAnalysis(Step).Run(sim, s =>
        {
            if (++seen == 10) cts.Cancel();
            return true;
        }, cts.Token));
        Assert.Equal(10, seen);
    }

    [Fact]
    public void ProgressIsReportedWithTheStopTime()
    {
        var progress = new SyncProgress();
        int seen = 0;
        new TransientAnalysis(new TransientSpec(1e-6, 5e-3, UseInitialConditions: true))
            .Run(new Simulator(Rc()), _ => { seen++; return true; }, default, progress);
        Assert.NotEmpty(progress.Reports);
        Assert.All(progress.Reports, p => Assert.Equal(("tran", 5e-3), (p.Analysis, p.Total)));
        Assert.Equal(seen / 256, progress.Reports.Count);
    }

    [Fact]
    public void AcOfAnRcIsALowPass()
    {
        var sim = new Simulator(Rc());
        new AcAnalysis(AcSweepKind.Decade, 5, 10, 1e5).Run(sim, s =>
        {
            var expected = 1 / new Complex(1, 2 * Math.PI * s.Frequency * Tau);
            Assert.True((s.V("out") - expected).Magnitude < 1e-9);
            Assert.True((s.Read("v(out)") - expected).Magnitude < 1e-9);
            Assert.True((s.I("v1") + (1 - expected) / R).Magnitude < 1e-12);
            return true;
        });
    }

    [Fact]
    public void SingularCircuitGivesATypedFailureNamingAnalysisAndUnknown()
    {
        var ckt = new Circuit().Add(new VoltageSource("v1", "a", "0", 1), new VoltageSource("v2", "a", "0", 2),
            new Resistor("r1", "a", "0", 1e3));
        var e = Assert.Throws<SingularMatrixException>(() => new OperatingPointAnalysis().Run(new Simulator(ckt)));
        Assert.Equal("operating point", e.Analysis);
        Assert.Contains(e.Unknown, new[] { "a", "v1#branch", "v2#branch" });
        Assert.Null(e.Time);
        Assert.IsAssignableFrom<SimulationException>(e);

        var d = Assert.Throws<SingularMatrixException>(() =>
            new DcAnalysis(new DcSweepSpec("v1", 0, 1, 0.5)).Run(new Simulator(ckt), (_, _) => true));
        Assert.Equal(("dc sweep", 0.0), (d.Analysis, d.SweepValue));
    }

    [Fact]
    public void TabulateWritesNamedColumns()
    {
        var sim = new Simulator(Rc());
        var output = new MemoryAnalysisOutput(Probe.Parse("v(out)"), Probe.Parse("i(v1)"), Probe.Parse("out"));
        sim.Run(new TransientAnalysis(Step), output);
        var t = output.Tables.Single();
        Assert.Equal(new[] { "time", "v(out)", "i(v1)", "out" }, t.ColumnNames);
        int last = t.RowCount - 1;
        Assert.Equal(1 - Math.Exp(-5), t["v(out)"][last], 2e-3);
        Assert.Equal(t["v(out)"][last], t["out"][last]);

        var ac = new MemoryAnalysisOutput(Probe.Parse("vdb(out)"), Probe.Parse("v(out)"));
        sim.Run(new AcAnalysis(AcSweepKind.Decade, 1, 1, 1e3), ac);
        Assert.Equal(new[] { "frequency", "vdb(out)", "vr(out)", "vi(out)" }, ac.Tables[0].ColumnNames);
        Assert.Equal(-10 * Math.Log10(1 + Math.Pow(2 * Math.PI * 1e3 * Tau, 2)), ac.Tables[0]["vdb(out)"][^1], 1e-9);
    }

    [Fact]
    public void ProbesParseEveryForm()
    {
        Assert.Equal((ProbeKind.Voltage, "v", "a,b"), Parts(Probe.Parse("V(a, b)")));
        Assert.Equal((ProbeKind.Current, "im", "v1"), Parts(Probe.Parse("im(v1)")));
        var q = Probe.Parse("@n1[ic]");
        Assert.Equal((ProbeKind.DeviceQuantity, "n1", "ic"), (q.Kind, q.Names[0], q.Quantity));
        Assert.Equal(("v", "out"), (Probe.Parse("out").Function, Probe.Parse("out").Text));
        Assert.Throws<FormatException>(() => Probe.Parse("x(a)"));
        Assert.Throws<FormatException>(() => Probe.Parse("@n1"));

        static (ProbeKind, string, string) Parts(Probe p) => (p.Kind, p.Function, string.Join(",", p.Names));
    }

    [Fact]
    public void TransferFunctionAndPoleZeroRunFromCode()
    {
        var sim = new Simulator(Rc());
        var tf = new TransferFunctionAnalysis(new TransferFunctionSpec("v1", "out", "0", null)).Run(sim);
        Assert.Equal(1, tf.Gain, 12);
        var pz = new PoleZeroAnalysis(new PoleZeroSpec("in", "0", "out", "0", false, true, false)).Run(sim);
        Assert.Equal(-1 / Tau, Assert.Single(pz.Poles).Real, 6);
    }
}
