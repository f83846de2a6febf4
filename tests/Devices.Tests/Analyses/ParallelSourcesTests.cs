using Perovspice.Devices;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>Two different voltage sources in parallel: every analysis fails with a SimulationException that names
/// the analysis and an unknown.</summary>
public class ParallelSourcesTests
{
    private static Simulator Make() => new(new Circuit().Add(
        new VoltageSource("v1", "a", "0", new SourceValue { Dc = 1, AcMagnitude = 1 }),
        new VoltageSource("v2", "a", "0", 2),
        new Resistor("r1", "a", "0", 1e3)));

    public static TheoryData<string, string> Analyses => new()
    {
        { "op", "operating point" },
        { "dc", "dc sweep at v1=" },
        { "tran", "transient operating point" },
        { "ac", "operating point" },
    };

    [Theory]
    [MemberData(nameof(Analyses))]
    public void FailsWithSimulationExceptionNamingAnalysisAndUnknown(string analysis, string expectedWhere)
    {
        var sim = Make();
        Action run = analysis switch
        {
            "op" => () => sim.OperatingPoint(),
            "dc" => () => sim.DcSweep(new[] { new DcSweepSpec("v1", 0, 1, 0.5) }, (_, _) => { }),
            "tran" => () => sim.Transient(new TransientSpec(1e-6, 1e-5), _ => { }),
            _ => () => sim.Ac(new AcSpec(AcSweepKind.Decade, 1, 1, 10), _ => { }),
        };
        var e = Record.Exception(run);
        var se = Assert.IsType<SingularMatrixException>(e);
        Assert.StartsWith(expectedWhere, se.Message);
        Assert.Matches("(current|node) '(v1#branch|v2#branch|a)'", se.Message);
        Assert.Matches("^(v1#branch|v2#branch|a)$", se.Unknown);
        Assert.Equal(analysis switch { "dc" => "dc sweep", "tran" => "transient", _ => "operating point" }, se.Analysis);
    }
}
