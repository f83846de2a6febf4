using Xunit;

namespace Perovspice.Netlist.Tests;

public class ParameterTests
{
    [Fact]
    public void ForwardReferencesResolveInDependencyOrder()
    {
        var n = T.Read(".param a={b*2} b={c+1}\n.param c=3\nR1 x 0 {a}\n");
        Assert.Equal(8, n.El("r1").Val());
    }

    [Fact]
    public void UnbracedParamExpressionsWithBlanks()
    {
        var n = T.Read(".param a = 2 * 3 + 1, b=a*2\nR1 x 0 {b}\n");
        Assert.Equal(14, n.El("r1").Val());
    }

    [Fact]
    public void CycleIsErrorNamingParameters()
    {
        var errors = T.Errors(".param a={b} b={c}\n.param c={a+1}\nR1 x 0 {a}\n");
        Assert.Equal(new[] { "t.cir:2:8: error: parameter cycle: a -> b -> c -> a" }, errors);
    }

    [Fact]
    public void SelfReferenceIsCycle() =>
        Assert.Equal("t.cir:2:8: error: parameter cycle: a -> a", T.Error(".param a={a+1}\n"));

    [Fact]
    public void UnknownParameterInElement() =>
        Assert.Equal("t.cir:2:11: error: unknown parameter 'rx'", T.Error("R1 x 0 {2*rx}\n"));

    [Fact]
    public void UnknownParameterInParam() =>
        Assert.Equal("t.cir:2:13: error: unknown parameter 'zz'", T.Error(".param a={1+zz}\nR1 x 0 {a}\n"));

    [Fact]
    public void TrailingBlanksAfterTheLastAssignment()
    {
        // found in ngspice's own test netlists (`.param a={u2(0.5)} `): trailing blanks or a trailing comma end the line
        Assert.Equal(6, T.Read(".param a={2*3} \nR1 x 0 {a}\n").El("r1").Val());
        Assert.Equal(6, T.Read(".param a=1, b=2 ,c=3  \t\nR1 x 0 {a+b+c}\n").El("r1").Val());
        Assert.Equal("t.cir:2:13: error: expected '=' before the end of the line in .param", T.Error(".param a=1 b\n"));
    }

    [Fact]
    public void BareParameterNameAsValue() => Assert.Equal(5, T.Read(".param r=5\nR1 x 0 r\n").El("r1").Val());

    [Fact]
    public void ParamSyntaxError() =>
        Assert.Equal("t.cir:2:9: error: expected '=' before the end of the line in .param", T.Error(".param a\n"));
}
