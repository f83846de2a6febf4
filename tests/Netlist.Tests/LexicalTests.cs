using Xunit;

namespace Perovspice.Netlist.Tests;

public class LexicalTests
{
    [Fact]
    public void TitleIsNeverParsed()
    {
        var n = NetlistReader.ReadText(".tran this is a title\nR1 a 0 1\n", "t.cir");
        Assert.Equal(".tran this is a title", n.Title);
        Assert.Empty(n.Analyses);
    }

    [Fact]
    public void CommentsAndBlankLines()
    {
        var n = T.Read("* comment\n\n   \nR1 a 0 1k ; trailing\nR2 a 0 2k $ also trailing\n  * indented comment\n");
        Assert.Equal(new[] { "r1", "r2" }, n.Elements.Select(e => e.Name));
    }

    [Fact]
    public void CaseInsensitive()
    {
        var n = T.Read("RLOAD OUT Gnd 1K\n");
        var r = n.El("rload");
        Assert.Equal(new[] { "out", "0" }, r.Nodes.Select(x => x.Name));
    }

    [Fact]
    public void EndStopsReading()
    {
        var n = T.Read("R1 a 0 1\n.end\nthis is garbage\n");
        Assert.Single(n.Elements);
    }

    [Fact]
    public void ContinuationJoinsAndKeepsPositions()
    {
        var n = T.Read("V1 a 0\n+ PULSE(0 1\n+   1m 1u) \nR1 a 0 1\n");
        var v = n.El("v1");
        var f = v.Arguments.OfType<FunctionArg>().Single();
        Assert.Equal(new[] { 0.0, 1, 1e-3, 1e-6 }, f.Values);
        Assert.Equal(new SourcePosition("t.cir", 3, 3), f.Position);
    }

    [Fact]
    public void ErrorOnContinuationLinePointsToItsPhysicalLine()
    {
        // line 2: R1 a, line 3: + b {1+}, the error is on line 3
        var e = T.Error("R1 a\n+ b {1+}\n");
        Assert.StartsWith("t.cir:3:8: error:", e);
    }

    [Fact]
    public void MissingValueAfterContinuationPointsPastLastToken()
    {
        var e = T.Error("R1 a\n+    b\n");
        Assert.Equal("t.cir:3:7: error: expected a value after 'b'", e);
    }

    [Fact]
    public void ContinuationWithoutStatementIsError() =>
        Assert.Equal("t.cir:2:1: error: continuation line '+' without a preceding statement", T.Error("+ R1 a 0 1\n"));

    [Fact]
    public void ControlBlockSkippedWithWarning()
    {
        var n = T.Read("R1 a 0 1\n.control\nrun\nplot v(a)\n.endc\n.op\n");
        var w = Assert.Single(n.Warnings);
        Assert.Equal("t.cir:3:1: warning: '.control' block (lines 3-6): commands not supported, skipped: run, plot", w.ToString());
        Assert.Single(n.Analyses);
    }

    [Theory]
    [InlineData(".save v(a)")]
    [InlineData(".probe v(a)")]
    [InlineData(".width out=80")]
    [InlineData(".plot tran v(a)")]
    public void OutputStatementsSkippedWithWarning(string line)
    {
        var n = T.Read("R1 a 0 1\n" + line + "\n");
        var w = Assert.Single(n.Warnings);
        string word = line.Split(' ')[0];
        Assert.Equal($"t.cir:3:1: warning: '{word}' is not supported; statement on line 3 skipped", w.ToString());
    }

    [Fact]
    public void UnknownElementLetterAtColumnOne() =>
        Assert.StartsWith("t.cir:2:1: error: unknown element type 'Y' in 'Y1' (expected R C L V I ",
            T.Error("Y1 c b e qmod\n"));

    [Fact]
    public void UnknownDotStatement() =>
        Assert.Equal("t.cir:2:1: error: unknown dot statement '.foo'", T.Error(".foo bar\n"));

    private static readonly string ElementLetters =
        string.Join(" ", Perovspice.Devices.DeviceCatalog.All.Select(k => char.ToUpperInvariant(k.Letter)).Append('X'));

    [Fact]
    public void AllLineErrorsAreReported()
    {
        var errors = T.Errors("R1 a\nY1 x\nC1 a 0\n.tran 0 1\n");
        Assert.Equal(new[]
        {
            "t.cir:2:5: error: expected a node name after 'a'",
            "t.cir:3:1: error: unknown element type 'Y' in 'Y1' (expected " + ElementLetters + ")",
            "t.cir:4:7: error: expected a value after '0'",
            "t.cir:5:7: error: the time step of '.tran' must be greater than zero",
        }, errors);
    }

    [Fact]
    public void ContractErrorLine()
    {
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile("/work/shared/contract/error_line.cir"));
        Assert.Equal("/work/shared/contract/error_line.cir:3:5: error: expected a node name after 'a'", ex.Diagnostics.Single().ToString());
    }
}
