using Perovspice.Netlist;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>FlatNetlist.GlobalParameters (used by `perovspice fit`) and SpiceNumber.</summary>
public class GlobalParameterTests
{
    [Fact]
    public void GlobalParamsWithValuesPositionsAndOverrides()
    {
        var n = T.Read(".param r=1k c={2*r*1n}\n.subckt s a\n.param inner=5\nR1 a 0 {inner}\n.ends\nR1 a 0 {r}\nV1 a 0 1\n");
        Assert.Equal(new[] { "c", "r" }, n.GlobalParameters.Keys.OrderBy(k => k));
        Assert.Equal(1e3, n.GlobalParameters["r"].Value);
        Assert.Equal(new SourcePosition(T.File, 2, 8), n.GlobalParameters["r"].Position);
        Assert.Equal(2e-6, n.GlobalParameters["c"].Value, 15);
        var o = n.WithParameter("r", 2e3).WithParameter("c", 1);
        Assert.Equal(2e3, o.GlobalParameters["r"].Value);
        Assert.Equal(1, o.GlobalParameters["c"].Value);
        Assert.Equal(2e3, o.El("r1").Val());
        // overrides accumulate: the second WithParameter keeps the first
        Assert.Equal(4e-6, n.WithParameter("r", 2e3).GlobalParameters["c"].Value, 15);
    }

    [Theory]
    [InlineData("1k", 1e3)]
    [InlineData("2.2MEG", 2.2e6)]
    [InlineData("10u", 1e-5)]
    [InlineData("-3m", -3e-3)]
    [InlineData("1e-3", 1e-3)]
    public void SpiceNumbersFromTheCommandLine(string text, double value)
    {
        Assert.True(SpiceNumber.TryParse(text, out double v));
        Assert.Equal(value, v, 12);
    }

    [Fact]
    public void NotANumber() => Assert.False(SpiceNumber.TryParse("abc", out _));
}
