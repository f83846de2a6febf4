using Perovspice.Devices.Behavioral;
using Perovspice.Netlist.Binding.Behavioural;
using Perovspice.Netlist.Expressions;
using Xunit;

namespace Perovspice.Netlist.Tests.Behavioural;

/// <summary>The compiled expression's values against direct arithmetic, and its gradient against central
/// differences.</summary>
public class ExpressionCompilerTests
{
    private static (double Value, double[] Gradient) Eval(string text, double[] inputs, double time = 0)
    {
        var f = ExpressionCompiler.Compile(text, out _);
        var g = new double[f.Inputs.Count];
        return (f.Evaluate(inputs, time, g), g);
    }

    [Theory]
    [InlineData("((2*v(a))+1)", 3.0, 7.0)]
    [InlineData("(v(a)^2)", -3.0, 9.0)]
    [InlineData("(v(a)^3)", -2.0, -8.0)]
    [InlineData("pow(v(a),0.5)", 4.0, 2.0)]
    [InlineData("abs((-v(a)))", -2.5, 2.5)]
    [InlineData("min(v(a),1,(-2))", 0.0, -2.0)]
    [InlineData("max(v(a),1,(-2))", 3.0, 3.0)]
    [InlineData("((log10(v(a))+ln(v(a)))-log(v(a)))", 100.0, 2.0)]
    [InlineData("(temper+hertz)", 0.0, 27.0)]
    public void Values(string text, double a, double expected)
    {
        var (v, _) = Eval(text, new[] { a });
        Assert.Equal(expected, v, 12);
    }

    public static IEnumerable<object[]> Smooth() => new[]
    {
        new object[] { "((v(a)*v(b))/(1+(v(a)^2)))", new[] { 0.7, -1.3 } },
        new object[] { "(exp((v(a)/0.1))-sqrt(v(b)))", new[] { 0.2, 2.0 } },
        new object[] { "((sin(v(a))*cos(v(b)))+tan((v(a)/3)))", new[] { 0.4, 1.1 } },
        new object[] { "((atan(v(a))+sinh(v(b)))*(cosh(v(a))-tanh(v(b))))", new[] { -0.6, 0.9 } },
        new object[] { "(v(a)^v(b))", new[] { 1.7, 2.3 } },
        new object[] { "pow(v(a),v(b))", new[] { 0.4, -1.5 } },
        new object[] { "((ln(v(a))*log10(v(b)))+(v(a,b)*i(v1)))", new[] { 2.0, 3.0, -0.5, 0.01 } },
        new object[] { "((v(a)^3)+(v(a)*time))", new[] { -1.2 } },
    };

    [Theory]
    [MemberData(nameof(Smooth))]
    public void GradientMatchesCentralDifferences(string text, double[] inputs)
    {
        var f = ExpressionCompiler.Compile(text, out _);
        Assert.Equal(inputs.Length, f.Inputs.Count);
        var g = new double[inputs.Length];
        f.Evaluate(inputs, 0.25, g);
        var scratch = new double[inputs.Length];
        for (int k = 0; k < inputs.Length; k++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(inputs[k]));
            var up = (double[])inputs.Clone(); up[k] += h;
            var dn = (double[])inputs.Clone(); dn[k] -= h;
            double fd = (f.Evaluate(up, 0.25, scratch) - f.Evaluate(dn, 0.25, scratch)) / (2 * h);
            Assert.True(Math.Abs(g[k] - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{text} d/d{f.Inputs[k]}: {g[k]} vs {fd}");
        }
    }

    [Fact]
    public void RepeatedProbesShareOneInputAndAccumulate()
    {
        var f = ExpressionCompiler.Compile("((v(a)*v(a))+v(a))", out var probes);
        Assert.Single(f.Inputs);
        Assert.Equal(3, probes.Count);
        var g = new double[1];
        Assert.Equal(12.0, f.Evaluate(new[] { 3.0 }, 0, g));
        Assert.Equal(7.0, g[0]);
    }

    [Fact]
    public void ConstantsAreFolded()
    {
        var f = ExpressionCompiler.Compile("(((2*3.141592653589793)*1000)*time)", out _);
        Assert.Equal(3, f.Length);   // time, one constant, one product
        Assert.Equal(2 * Math.PI * 1000 * 0.5, f.Evaluate(ReadOnlySpan<double>.Empty, 0.5, Span<double>.Empty), 9);
    }

    [Fact]
    public void SubgradientsOfAbsMinMax()
    {
        Assert.Equal(1.0, Eval("abs(v(a))", new[] { 0.0 }).Gradient[0]);
        Assert.Equal(-1.0, Eval("abs(v(a))", new[] { -1.0 }).Gradient[0]);
        Assert.Equal(new[] { 1.0, 0.0 }, Eval("min(v(a),v(b))", new[] { 1.0, 1.0 }).Gradient);
        Assert.Equal(new[] { 0.0, 1.0 }, Eval("max(v(a),v(b))", new[] { 1.0, 2.0 }).Gradient);
        Assert.Equal(0.0, Eval("sqrt(v(a))", new[] { 0.0 }).Gradient[0]);
    }

    [Fact]
    public void NegativeBaseToANonIntegerPowerIsItsMagnitudesPower()
    {
        // ngspice 39's B sources: (−4)^0.5 = 2 (checked), slope d|x|^y/dx = −y·|x|^(y−1) = −0.25
        var r = Eval("(v(a)^0.5)", new[] { -4.0 });
        Assert.Equal(2.0, r.Value, 1e-15);
        Assert.Equal(-0.25, r.Gradient[0], 1e-15);
        // an integer exponent keeps the sign (ngspice gives 8 here; see docs/netlist-dialect.md)
        Assert.Equal(-8.0, Eval("(v(a)^3)", new[] { -2.0 }).Value, 1e-15);
    }

    [Theory]
    [InlineData("ln(v(a))", -1.0, "logarithm of a non-positive value")]
    [InlineData("log10(v(a))", 0.0, "log10 of a non-positive value")]
    [InlineData("sqrt(v(a))", -4.0, "square root of a negative value")]
    [InlineData("(v(a)^(-1))", 0.0, "0 raised to a negative power")]
    public void DomainErrorsAtRunTime(string text, double a, string message)
    {
        var ex = Assert.Throws<BehavioralDomainException>(() => Eval(text, new[] { a }));
        Assert.Contains(message, ex.Message);
    }

    /// <summary>Division by zero divides by 1e-32 as ngspice 39 does (its B sources give 1/0 = 1e32, 2/0 = 2e32,
    /// −2/0 = −2e32, 0/0 = 0: ngspice -b with `B1 o 0 v=1/V(z)` … and `print`), so a denominator passing through zero
    /// does not stop the run (ngspice's memristor example starts its behavioural resistance at 0).</summary>
    [Fact]
    public void DivisionByZeroDividesBy1e32AsNgspice()
    {
        Assert.Equal(1e32, Eval("(1/v(a))", new[] { 0.0 }).Value, 1e18);
        Assert.Equal(-2e32, Eval("((-2)/v(a))", new[] { 0.0 }).Value, 1e18);
        var (v, g) = Eval("(v(a)/v(b))", new[] { 0.0, 0.0 });
        Assert.Equal(0, v);
        Assert.Equal(1e32, g[0], 1e18);
        Assert.True(double.IsFinite(g[1]));
    }

    [Fact]
    public void ConstantDomainErrorIsACompileError()
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionCompiler.Compile("(ln((-2))+v(a))", out _));
        Assert.Contains("logarithm", ex.Message);
    }

    [Fact]
    public void ExpOverflowStaysFinite()
    {
        var (v, g) = Eval("exp(v(a))", new[] { 1000.0 });
        Assert.True(double.IsFinite(v) && double.IsFinite(g[0]) && v > 1e98);
    }
}
