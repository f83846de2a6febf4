using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>ngspice dialect statements: .global, .temp, .csparam, .if/.elseif/.else/.endif, .lib sections,
/// analyses inside .control.</summary>
public sealed class DialectStatementTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "perovspice-dialect-" + Guid.NewGuid().ToString("N"));

    public DialectStatementTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string rel, string text)
    {
        string p = Path.Combine(_dir, rel);
        File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void GlobalNodesKeepTheirNameInsideSubcircuits()
    {
        var n = T.Read(".global vdd\n.subckt s a\nR1 a vdd 1k\nR2 a mid 1k\n.ends\nX1 n s\nV1 vdd 0 1\n");
        Assert.Equal("vdd", n.El("x1.r1").Nodes[1].Name);
        Assert.Equal("x1.mid", n.El("x1.r2").Nodes[1].Name);
    }

    [Fact]
    public void GlobalInsideSubcircuitIsLocated() =>
        Assert.StartsWith("t.cir:4:1: error: '.global' is not allowed inside a subcircuit", T.Error(".subckt s a\nR1 a 0 1\n.global x\n.ends\n"));

    [Fact]
    public void TempIsStoredAsOption()
    {
        var n = T.Read(".param t0=25\n.temp {t0*2}\nR1 a 0 1\n");
        Assert.Equal(50, n.Options["temp"].value);
        Assert.Equal(3, n.Options["temp"].pos.Line);
    }

    [Fact]
    public void TranMaxstepIsIgnoredWithAWarningAsNgspiceDoes()
    {
        var n = T.Read("V1 a 0 1\nR1 a 0 1\n.tran 1u 1m 0 uic maxstep=4e-3\n");
        Assert.Single(n.Analyses);
        Assert.Contains(n.Warnings, w => w.ToString().StartsWith("t.cir:4:19: warning: 'maxstep=' on '.tran' is ignored"));
        var m = T.Read("V1 a 0 1\nR1 a 0 1\n.control\ntran 1u 1m 0 uic maxstep=4e-3\n.endc\n");
        Assert.Single(m.Analyses);
    }

    [Fact]
    public void LoneClosingParenthesisLineClosesAnOpenTableOrIsSkipped()
    {
        var n = T.Read("V1 a 0 PWL(\n+ 0 1\n+ 1 2\n)\nR1 a 0 1\n)\n");
        Assert.Equal(2, n.Elements.Count);
        var w = Assert.Single(n.Warnings);
        Assert.Equal("t.cir:7:1: warning: a line holding only ')' is not a statement; line 7 skipped (as ngspice 39)", w.ToString());
    }

    [Fact]
    public void CsparamIsSkippedWithAWarningAndDefinesNoNetlistParameter()
    {
        // ngspice 39: '.csparam s={s}' after '.param s=2' is fine, and a netlist use of a .csparam-only name is
        // 'Undefined parameter' (checked with ngspice -b)
        var n = T.Read(".param s=2\n.csparam s={s}\nR1 a 0 {s*3}\n");
        T.Near(6, n.El("r1").Val());
        Assert.Contains(n.Warnings, w => w.ToString().Contains("'.csparam' only sets control-language vectors"));
        var ex = Assert.Throws<NetlistException>(() => T.Read(".csparam k=3\nR1 a 0 {k*2}\n"));
        Assert.Contains(ex.Diagnostics, d => d.ToString().Contains("unknown parameter 'k'"));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 30)]
    public void IfElseIfElseChoosesOneBranch(int corner, double expected)
    {
        var n = T.Read($".param corner={corner}\n.if (corner == 1)\nR1 a 0 10\n.elseif (corner==2)\nR1 a 0 20\n.else\nR1 a 0 30\n.endif\n");
        T.Near(expected, n.El("r1").Val());
    }

    /// <summary>ngspice 39 reads a single '=' in a condition as equality: with x=2, '.if (x = 2)' takes the first
    /// branch and '.if (x = 3)' the else branch (checked with ngspice -b: i(v1) = -1e-3 and -5e-4 A for 1 V on 1k/2k).</summary>
    [Theory]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    public void SingleEqualsIsEqualityInConditions(int compared, double expected)
    {
        var n = T.Read($".param x=2\n.if (x = {compared})\nR1 a 0 1k\n.elseif (x <= 1)\nR1 a 0 5k\n.else\nR1 a 0 2k\n.endif\n");
        T.Near(expected, n.El("r1").Val());
    }

    [Fact]
    public void DoubledSingleEqualsIsLocatedAtTheSecond() =>
        Assert.StartsWith("t.cir:3:10: error: unexpected '='", T.Error(".param x=2\n.if (x = = 2)\n.endif\n"));

    [Fact]
    public void NestedIfAndParamsInBranches()
    {
        var n = T.Read(".param a=1 b=0\n.if (a)\n.if (b)\nR1 x 0 1\n.else\n.param k=7\n.endif\n.endif\nR2 x 0 {k}\n");
        Assert.DoesNotContain(n.Elements, e => e.Name == "r1");
        T.Near(7, n.El("r2").Val());
    }

    [Fact]
    public void MissingEndifIsLocated() =>
        Assert.Equal("t.cir:3:1: error: missing '.endif' for this '.if'", T.Error(".param a=1\n.if (a)\nR1 x 0 1\n"));

    [Fact]
    public void StrayElseIsLocated() =>
        Assert.Equal("t.cir:3:1: error: '.else' without '.if'", T.Error("R1 x 0 1\n.else\n"));

    [Fact]
    public void UnknownParameterInConditionIsLocated() =>
        Assert.StartsWith("t.cir:3:6: error: unknown parameter 'zz'", T.Error("R1 x 0 1\n.if (zz > 1)\n.endif\n"));

    [Fact]
    public void LibSectionIncludesOnlyThatSection()
    {
        Write("models.lib", "* library\n.lib fast\nR9 a 0 1\n.endl fast\n.lib slow\nR9 a 0 100\n.model dm d is=1e-14\n.endl\n");
        var n = NetlistReader.ReadFile(Write("top.cir", "t\n.lib 'models.lib' slow\nD1 a 0 dm\n"));
        T.Near(100, n.El("r9").Val());
        Assert.True(n.Models.ContainsKey("dm"));
        Assert.Equal(6, n.El("r9").Position.Line);
    }

    [Fact]
    public void LibSectionCanIncludeAnotherSectionOfTheSameFile()
    {
        Write("m.lib", ".lib common\n.param rr=5\n.endl\n.lib tt\n.lib m.lib common\nR1 a 0 {rr}\n.endl\n");
        var n = NetlistReader.ReadFile(Write("top.cir", "t\n.lib m.lib tt\n"));
        T.Near(5, n.El("r1").Val());
    }

    [Fact]
    public void LibBlockInTheNetlistItselfIsSkipped()
    {
        var n = T.Read(".lib unused\nR5 a 0 5\n.endl\nR1 a 0 1\n");
        Assert.Equal(new[] { "r1" }, n.Elements.Select(e => e.Name));
    }

    [Fact]
    public void MissingEndlIsLocated()
    {
        Write("bad.lib", ".lib tt\nR1 a 0 1\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(Write("top.cir", "t\n.lib bad.lib tt\n")));
        Assert.Contains(ex.Diagnostics, d => d.ToString() == Path.Combine(_dir, "bad.lib") + ":1:1: error: missing '.endl' for '.lib tt'");
    }

    [Fact]
    public void MissingSectionIsLocatedAtTheLibLine()
    {
        Write("m.lib", ".lib tt\nR1 a 0 1\n.endl\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(Write("top.cir", "t\nR2 a 0 1\n.lib m.lib ff\n")));
        var d = Assert.Single(ex.Diagnostics, d => !d.IsWarning);
        Assert.StartsWith(Path.Combine(_dir, "top.cir") + ":3:1: error: library section 'ff' not found", d.ToString());
    }

    [Fact]
    public void ControlAnalysesRunWhenThereIsNoDotAnalysis()
    {
        var n = T.Read("V1 a 0 1\nR1 a 0 1\n.control\nset wr_singlescale\ntran 1u 1m\nac dec 10 1 1k\nop\ndc v1 0 1 0.5\nrun\nwrdata x v(a)\n.endc\n");
        Assert.Equal(new[] { "tran", "ac", "op", "dc" }, n.Analyses.Select(a => a.Kind.ToString().ToLowerInvariant()));
        var w = Assert.Single(n.Warnings);
        Assert.Equal("t.cir:4:1: warning: '.control' block (lines 4-12): commands not supported, skipped: set, run, wrdata", w.ToString());
    }

    [Fact]
    public void ControlTfRunsAsDotTf()
    {
        var n = T.Read("V1 a 0 1\nR1 a b 1k\nR2 b 0 1k\n.control\ntf v(b) v1\n.endc\n");
        Assert.Contains(n.Analyses, a => a is TransferFunctionStatement);
        Assert.Empty(n.Warnings);
    }

    [Fact]
    public void ControlAnalysisErrorsAreLocated() =>
        Assert.Equal("t.cir:5:11: error: the stop time of '.tran' must be greater than zero", T.Error("V1 a 0 1\nR1 a 0 1\n.control\n  tran 1u 0\n.endc\n"));

    [Fact]
    public void ControlAnalysesAreIgnoredWhenDotAnalysesExist()
    {
        var n = T.Read("V1 a 0 1\nR1 a 0 1\n.op\n.control\ntran 1u 1m\n.endc\n");
        Assert.Single(n.Analyses);
        Assert.Contains(n.Warnings, w => w.ToString().Contains("'tran' in '.control' ignored"));
    }
}
