using Perovspice.Engine;
using Xunit;

namespace Perovspice.Engine.Tests;

/// <summary>AcSpec.List and DcSweepSpec.Points: sweeps at exactly given points (used by `perovspice fit`).</summary>
public class ExplicitSweepPointsTests
{
    [Fact]
    public void ExplicitListsReplaceTheSweep()
    {
        var f = new AcSpec(AcSweepKind.Decade, 10, 1, 1e3) { List = new[] { 3.0, 7.5, 1e4 } };
        Assert.Equal(new[] { 3.0, 7.5, 1e4 }, f.Frequencies());
        var d = new DcSweepSpec("v1", 0, 1, 0.1) { Points = new[] { 0.3, -2.0, 5 } };
        Assert.Equal(new[] { 0.3, -2.0, 5 }, d.Values());
        Assert.Equal(11, new DcSweepSpec("v1", 0, 1, 0.1).Values().Length);
    }
}
