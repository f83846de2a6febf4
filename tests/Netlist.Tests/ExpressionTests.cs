using Xunit;

namespace Perovspice.Netlist.Tests;

public class ExpressionTests
{
    private static double Eval(string expr, string pre = "")
    {
        var n = T.Read(pre + $"R1 a 0 {{{expr}}}\n");
        return n.El("r1").Val();
    }

    [Theory]
    [InlineData("1+2*3", 7)]
    [InlineData("(1+2)*3", 9)]
    [InlineData("2^3^2", 64)]   // left-associative, as ngspice 39 (References/functions.ngspice.txt)
    [InlineData("2**3", 8)]
    [InlineData("-2^2", -4)]
    [InlineData("2^-1", 0.5)]
    [InlineData("10-4-3", 3)]
    [InlineData("16/4/2", 2)]
    [InlineData("-(3)", -3)]
    [InlineData("- -3", 3)]
    [InlineData("2*-3", -6)]
    [InlineData("1k*2", 2000)]
    [InlineData(" 1 + 1 ", 2)]
    public void Precedence(string expr, double expected) => T.Near(expected, Eval(expr));

    [Theory]
    [InlineData("exp(1)", Math.E)]
    [InlineData("ln(exp(2))", 2)]
    [InlineData("log(exp(3))", 3)]
    [InlineData("log10(1000)", 3)]
    [InlineData("sqrt(16)", 4)]
    [InlineData("abs(-2)", 2)]
    [InlineData("sin(0)+cos(0)", 1)]
    [InlineData("tan(0)", 0)]
    [InlineData("atan(1)*4", Math.PI)]
    [InlineData("sinh(0)+cosh(0)+tanh(0)", 1)]
    [InlineData("min(3,1,2)", 1)]
    [InlineData("max(3, 1)", 3)]
    [InlineData("pow(2,10)", 1024)]
    [InlineData("pi", Math.PI)]
    [InlineData("PI*2", 2 * Math.PI)]
    public void Functions(string expr, double expected) => T.Near(expected, Eval(expr));

    [Fact]
    public void ParameterNames() => T.Near(6, Eval("a*b", ".param a=2 b=3\n"));

    [Fact]
    public void QuotedExpression()
    {
        var n = T.Read("R1 a 0 '1+1'\n");
        T.Near(2, n.El("r1").Val());
    }

    [Fact]
    public void UnknownFunctionError() =>
        Assert.Equal("t.cir:2:11: error: unknown function 'foo'", T.Error("R1 a 0 {2*foo(1)}\n"));

    [Fact]
    public void WrongArityError() =>
        Assert.Equal("t.cir:2:9: error: function 'pow' takes 2 arguments, found 1", T.Error("R1 a 0 {pow(2)}\n"));

    [Fact]
    public void SyntaxErrorColumn() =>
        Assert.StartsWith("t.cir:2:11: error: unexpected '*'", T.Error("R1 a 0 {1+*2}\n"));

    [Fact]
    public void MissingCloseParenInExpression()
    {
        var e = T.Error("R1 a 0 {(1+2}\n");
        Assert.StartsWith("t.cir:2:13: error: unexpected '}'", e);
    }

    [Fact]
    public void DivisionByZeroIsError() =>
        Assert.Equal("t.cir:2:8: error: value evaluates to infinity", T.Error("R1 a 0 {1/0}\n"));

    [Fact]
    public void ProbeOutsideBSourceIsError() =>
        // (C1 a 0 {v(a)} is a behavioural capacitor, as in ngspice)
        Assert.Equal("t.cir:2:9: error: 'v(...)' is only allowed in B-source expressions", T.Error("V1 a 0 {v(a)}\n"));

    [Fact]
    public void ResistorReadingAVoltageIsABehaviouralCurrentSource()
    {
        // ngspice's behavioural resistor: R a b r={f(v())} is I = v(a,b)/f
        var n = T.Read("V1 a 0 1\nR1 a 0 r={1k + v(a)}\n");
        var r = n.Elements.Single(e => e.Name == "r1");
        Assert.Equal('b', r.Kind);
    }
}
