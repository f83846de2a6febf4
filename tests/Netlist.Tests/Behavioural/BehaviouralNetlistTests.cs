using Perovspice.Devices.Behavioral;
using Xunit;

namespace Perovspice.Netlist.Tests.Behavioural;

/// <summary>Binding of B elements: kinds, names in subcircuits, located errors, topology.</summary>
public class BehaviouralNetlistTests
{
    [Fact]
    public void BindsVoltageAndCurrentKindsWithHierarchicalInputs()
    {
        var job = BSim.Job("""
            V1 a 0 1
            R1 a 0 1k
            .subckt amp in out
            Vs in m 0
            Rm m 0 1k
            B1 out 0 V={2*v(in) + 1k*i(vs)}
            .ends
            X1 a o amp
            R2 o 0 1k
            B2 0 o I={v(a,o)}
            """);
        var b1 = Assert.IsType<BehavioralSource>(job.Circuit.Find("x1.b1"));
        Assert.Equal(BehavioralSourceKind.Voltage, b1.Kind);
        Assert.Equal(new[] { "v(a)", "i(x1.vs)" }, b1.Function.Inputs.Select(i => i.ToString()));
        var b2 = Assert.IsType<BehavioralSource>(job.Circuit.Find("b2"));
        Assert.Equal(BehavioralSourceKind.Current, b2.Kind);
        Assert.Equal("v(a,o)", b2.Function.Inputs.Single().ToString());
    }

    [Fact]
    public void UnknownNodeAndSourceAreReportedAtTheirNames()
    {
        var errors = BSim.BindErrors("V1 a 0 1\nR1 a 0 1k\nB1 b 0 V={2*v(nope) + i(vx)}\nR2 b 0 1k\n");
        Assert.Equal(new[]
        {
            "t.cir:4:15: error: unknown node 'nope' in v(...) of 'b1'",
            "t.cir:4:25: error: unknown source 'vx' in i(...) of 'b1'",
        }, errors);
    }

    [Fact]
    public void CurrentOfADeviceWithoutBranchIsAnError()
    {
        var e = Assert.Single(BSim.BindErrors("V1 a 0 1\nR1 a 0 1k\nB1 b 0 V={i(r1)}\nR2 b 0 1k\n"));
        Assert.Contains("t.cir:4:13: error: 'r1' in i(...) of 'b1' has no branch current", e);
    }

    [Fact]
    public void ConstantDomainErrorIsLocatedAtTheExpression()
    {
        var e = Assert.Single(BSim.BindErrors("V1 a 0 1\nR1 a 0 1k\nB1 b 0 V={ln(-2)+v(a)}\nR2 b 0 1k\n"));
        Assert.Equal("t.cir:4:10: error: in the expression of 'b1': logarithm of a non-positive value (-2)", e);
    }

    [Fact]
    public void VoltageKindDefinesVoltageCurrentKindGivesNoDcPath()
    {
        // A V= source in parallel with a voltage source is a loop; an I= source alone leaves its node floating.
        Assert.Contains(BSim.BindErrors("V1 a 0 1\nB1 a 0 V={2}\n"), e => e.Contains("closes a loop"));
        Assert.Contains(BSim.BindErrors("V1 a 0 1\nR1 a 0 1k\nB1 b 0 I={v(a)}\n"), e => e.Contains("node 'b' has no dc path"));
        BSim.Job("V1 a 0 1\nR1 a 0 1k\nB1 b 0 V={v(a)}\n");   // the V= source is b's path to ground
    }
}
