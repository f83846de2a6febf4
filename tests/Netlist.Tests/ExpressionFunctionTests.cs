using System.Globalization;
using Perovspice.Netlist.Tests.Behavioural;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>
/// Functions, operators and user functions against ngspice 39: References/functions.ngspice.txt holds the values
/// ngspice computed for each expression, in a <c>.param</c> and in a B source (References/make_function_refs.py
/// writes functions.cir and runs <c>ngspice -b functions.cir</c>). The same definitions as there are used here.
/// </summary>
public class ExpressionFunctionTests
{
    private const string Pre = ".func myf(x,y) {x*y+1}\n.func g2(x) = {myf(x,2)*2}\n.param cube(a)={a*a*a}\n.param k0=0.5\n";

    public static IEnumerable<object[]> Cases(string kind)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "References", "functions.ngspice.txt");
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length == 3 && f[0] == kind) yield return new object[] { f[1], double.Parse(f[2], CultureInfo.InvariantCulture) };
        }
    }

    public static IEnumerable<object[]> ParamCases() => Cases("param");
    public static IEnumerable<object[]> BSourceCases() => Cases("bsource");

    [Theory]
    [MemberData(nameof(ParamCases))]
    public void ParamMatchesNgspice(string expr, double ngspice)
    {
        var n = T.Read(Pre + $".param p={{{expr}}}\nV1 a 0 {{p}}\nR1 a 0 1\n");
        Assert.True(Math.Abs(n.El("v1").Val() - ngspice) <= 1e-14 * Math.Max(1, Math.Abs(ngspice)), $"{expr}: {n.El("v1").Val()} vs {ngspice}");
    }

    [Theory]
    [MemberData(nameof(BSourceCases))]
    public void BSourceMatchesNgspice(string expr, double ngspice)
    {
        var op = BSim.Of(Pre + $"VX x 0 -2\nRX x 0 1\nB1 b 0 V={{{expr}}}\nR1 b 0 1\n").OperatingPoint();
        Assert.True(Math.Abs(op.V("b") - ngspice) <= 1e-12 * Math.Max(1, Math.Abs(ngspice)), $"{expr}: {op.V("b")} vs {ngspice}");
    }

    [Theory]
    [InlineData("atan2(1,-1)", 2.356194490192345)]        // 3π/4 (extension: ngspice 39 has no atan2)
    [InlineData("if(2>1, 5, 6)", 5)]                      // extension: same as 2>1 ? 5 : 6
    [InlineData("limit(5,0,2)", 2)]
    [InlineData("limit(-5,0,2)", 0)]
    [InlineData("pwr(-2,3)", -8)]
    [InlineData("uramp(-1)+u(3)", 1)]
    public void ExtensionsAndDocumentedDifferences(string expr, double expected)
    {
        var n = T.Read($"V1 a 0 {{{expr}}}\nR1 a 0 1\n");
        T.Near(expected, n.El("v1").Val());
    }

    [Fact]
    public void SubcircuitFunctionsAreLocalAndSeeLocalParameters()
    {
        var n = T.Read(".func f(x) {x+1}\n.subckt s a params: k=10\n.func f(x) {x*k}\nR1 a 0 {f(2)}\n.ends\nX1 n s k=3\nR2 n 0 {f(2)}\n");
        T.Near(6, n.El("x1.r1").Val());
        T.Near(3, n.El("r2").Val());
    }

    [Fact]
    public void FunctionInsideBSourceIsExpandedWithProbeArguments()
    {
        var op = BSim.Of(".func sq(x) {x*x}\nV1 a 0 3\nB1 b 0 V={sq(v(a))+sq(2)}\nR1 b 0 1\n").OperatingPoint();
        Assert.Equal(13, op.V("b"), 12);
    }

    [Fact]
    public void WrongArgumentCountIsLocatedAtTheCall() =>
        Assert.Equal("t.cir:3:11: error: function 'f' takes 1 argument, found 2", T.Error(".func f(x) {x}\nR1 a 0 {1+f(1,2)}\n"));

    [Fact]
    public void UnknownFunctionIsLocated() =>
        Assert.Equal("t.cir:2:11: error: unknown function 'nosuch'", T.Error("R1 a 0 {2*nosuch(1)}\n"));

    [Fact]
    public void ErrorInsideAFunctionBodyIsReportedAtTheCall() =>
        Assert.Equal("t.cir:3:9: error: in function 'f': unknown parameter 'zz'", T.Error(".func f(x) {x+zz}\nR1 a 0 {f(1)}\n"));

    [Fact]
    public void RecursiveFunctionIsAnErrorNotACrash() =>
        Assert.Contains("nested more than", T.Error(".func f(x) {f(x)+1}\nR1 a 0 {f(1)}\n"));

    [Fact]
    public void FuncWithoutBracesAndWithEquals()
    {
        var n = T.Read(".func a(x) x*2\n.func b(x,y) = x-y\nR1 n 0 {a(b(5,2))}\n");
        T.Near(6, n.El("r1").Val());
    }

    [Fact]
    public void RedefiningABuiltinIsAnError() =>
        Assert.Contains("built-in function 'sin'", T.Error(".func sin(x) {x}\nR1 a 0 1\n"));

    [Fact]
    public void TernaryWithoutColonIsLocated()
    {
        string e = T.Error("R1 a 0 {1 ? 2 }\n");
        Assert.StartsWith("t.cir:2:15: error:", e);
        Assert.Contains("':'", e);
    }

    [Fact]
    public void UnusedBranchOutsideItsDomainIsNotAnError()
    {
        var op = BSim.Of("V1 a 0 -4\nB1 b 0 V={v(a) > 0 ? ln(v(a)) : -v(a)}\nR1 b 0 1\n").OperatingPoint();
        Assert.Equal(4, op.V("b"), 12);
    }

    [Fact]
    public void TemperFollowsDotTemp()
    {
        var op = BSim.Of(".temp 50\nB1 b 0 V={temper}\nR1 b 0 1\n").OperatingPoint();
        Assert.Equal(50, op.V("b"), 12);
    }

    [Fact]
    public void RkmNotationGetsAHint() =>
        Assert.Contains("write 4.7k", T.Error("R1 a 0 4k7\n"));
}

/// <summary>Pathological inputs for the new operators and user functions: errors, never a crash or a hang.</summary>
public class ExpressionLimitTests
{
    [Fact]
    public void LongNotRunIsFine() => T.Near(1, T.Read("R1 a 0 {" + new string('!', 90_001) + "0}\n").El("r1").Val());

    [Fact]
    public void VeryLongTernaryChainIsAnError() =>
        Assert.Contains("1000 chained", T.Error("R1 a 0 {" + string.Concat(Enumerable.Repeat("0 ? 1 : ", 10_000)) + "2}\n"));

    [Fact]
    public void ModerateTernaryChainWorks() =>
        T.Near(2, T.Read("R1 a 0 {" + string.Concat(Enumerable.Repeat("0 ? 1 : ", 500)) + "2}\n").El("r1").Val());

    [Fact]
    public void ExponentialFunctionExpansionIsStopped()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(".func f0(x) {x+x}\n");
        for (int k = 1; k < 40; k++) sb.Append($".func f{k}(x) {{f{k - 1}(x)+f{k - 1}(x)}}\n");
        Assert.Contains("user-function calls", T.Error(sb + "R1 a 0 {f39(1)}\n"));
        Assert.Contains("after expanding user functions", T.Error(sb + "V1 a 0 1\nB1 b 0 V={f39(v(a))}\nR1 b 0 1\n"));
    }
}
