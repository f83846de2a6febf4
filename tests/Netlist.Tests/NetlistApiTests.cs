using Perovspice.Devices;
using Perovspice.Engine;
using Perovspice.Netlist.Binding;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>Loading a netlist into the engine's objects from code: the analyses are engine analyses, .ic rides on
/// the transient, a device can be replaced before running.</summary>
public class NetlistApiTests
{
    private const string Rc = "rc\nV1 in 0 1\nR1 in out 1k\nC1 out 0 1u\n.ic v(out)=0.5\n.tran 10u 5m uic\n.ac dec 5 10 1e5\n.tf v(out) v1\n.print tran v(out) i(v1)\n.end\n";

    [Fact]
    public void TheNetlistLayerMakesEngineAnalyses()
    {
        var job = SimulationJob.Parse(Rc);
        Assert.IsType<TransientAnalysis>(job.Analyses[0].Analysis);
        Assert.IsType<AcAnalysis>(job.Analyses[1].Analysis);
        Assert.IsType<TransferFunctionAnalysis>(job.Analyses[2].Analysis);
        var tran = (TransientAnalysis)job.Analyses[0].Analysis!;
        Assert.Equal(0.5, tran.InitialConditions["out"]);
        Assert.Equal(AcSweepKind.Decade, ((AcAnalysis)job.Analyses[1].Analysis!).Spec.Kind);
        Assert.Equal(new[] { "v(out)", "i(v1)" }, job.Analyses[0].Probes.Select(p => p.Text));
    }

    [Fact]
    public void ReplacingADeviceAndRunningFollowsTheClosedForm()
    {
        var job = SimulationJob.Parse(Rc);
        job.Circuit.Replace(new Resistor("r1", "in", "out", 2e3));
        var tables = job.Run(job.Analyses[0]);
        var t = tables.Tables.Single();
        Assert.Equal(new[] { "time", "v(out)", "i(v1)" }, t.ColumnNames);
        double tau = 2e3 * 1e-6;
        for (int k = 1; k < t.RowCount; k++)
        {
            double time = t["time"][k];
            Assert.Equal(1 - 0.5 * Math.Exp(-time / tau), t["v(out)"][k], 2e-3);
        }
    }

    [Fact]
    public void AnAnalysisStreamsFromALoadedNetlist()
    {
        var job = SimulationJob.Parse(Rc);
        var sim = job.CreateSimulator();
        var tran = (TransientAnalysis)job.Analyses[0].Analysis!;
        double last = double.NaN;
        tran.Run(sim, s => { last = s.Read("v(out)"); return s.Time < 1e-3; });
        Assert.Equal(1 - 0.5 * Math.Exp(-1), last, 2e-2);
    }

    [Fact]
    public void DeviceQuantitiesReadByNameAndProbeText()
    {
        var job = SimulationJob.Parse("d\nV1 a 0 5\nR1 a b 1k\nD1 b 0 dmod\n.model dmod d\n.op\n.print op @d1[vd] v(b) i(r1)\n.end\n");
        var op = new OperatingPointAnalysis().Run(job.CreateSimulator());
        Assert.Equal(op.V("b"), op.Quantity("d1", "vd"), 12);
        Assert.Equal(op.V("b"), op.Read("@d1[vd]"), 12);
        Assert.Equal((5 - op.V("b")) / 1e3, op.I("r1"), 12);
        var table = job.Run(job.Analyses[0]).Tables.Single();
        Assert.Equal(new[] { "@d1[vd]", "v(b)", "i(r1)" }, table.ColumnNames);
        Assert.Equal(table["v(b)"][0], table["@d1[vd]"][0], 12);
    }
}
