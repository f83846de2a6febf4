using System.Diagnostics;
using System.Text;
using Xunit;

namespace Perovspice.Netlist.Tests;

public class RobustnessTests
{
    private static NetlistException Fails(string text, string file = "r.cir") =>
        Assert.Throws<NetlistException>(() => NetlistReader.ReadText(text, file));

    [Fact]
    public void EmptyText() =>
        Assert.Equal("r.cir:1:1: error: empty netlist: expected a title line followed by statements", Fails("").Diagnostics.Single().ToString());

    [Fact]
    public void OnlyTitle()
    {
        var n = NetlistReader.ReadText("just a title", "r.cir");
        Assert.Equal("just a title", n.Title);
        Assert.Empty(n.Elements);
    }

    [Fact]
    public void NulBytes()
    {
        var d = Fails("title\nR1 a 0 1\nR2 a\0b 0 1\n").Diagnostics.Single();
        Assert.Equal("r.cir:3:5: error: unexpected control character U+0000; this does not look like a netlist line", d.ToString());
    }

    [Fact]
    public void BinaryGarbageGivesPositionedDiagnostics()
    {
        var rnd = new Random(42);
        var bytes = new byte[200_000];
        rnd.NextBytes(bytes);
        string text = new UTF8Encoding(false, false).GetString(bytes);
        var ex = Fails(text);
        Assert.NotEmpty(ex.Diagnostics);
        Assert.All(ex.Diagnostics, d => Assert.True(d.Position.Line >= 1 && d.Position.Column >= 1));
        Assert.True(ex.Diagnostics.Count <= 202);
    }

    [Theory]
    [InlineData("R1 a 0 {(1+2}", 13)]
    [InlineData("V1 a 0 PULSE(0 1 (2)", 21)]
    [InlineData("R1 a 0 {1+2))}", 12)]
    [InlineData("R1 a 0 1)", 9)]
    [InlineData("R1 a 0 }", 8)]
    public void UnbalancedParentheses(string line, int column)
    {
        var d = Fails("title\n" + line + "\n").Diagnostics.Single();
        Assert.Equal(2, d.Position.Line);
        Assert.Equal(column, d.Position.Column);
    }

    // An empty quoted word ("") where a value or a print item goes was an IndexOutOfRangeException reported as an
    // internal error (found by the fuzz test); it is an ordinary located syntax error.
    [Theory]
    [InlineData(".dc v1 0 2 \"\"", "r.cir:4:12: error: expected a step value after '2', found '\"\"'")]
    [InlineData(".tran 1u \"\"", "r.cir:4:10: error: expected a stop time after '1u', found '\"\"'")]
    [InlineData(".print tran \"\"", "r.cir:4:13: error: unknown print item '\"\"' (expected v(...), i(...) or @device[quantity])")]
    [InlineData(".control\ndc v1 0 2 \"\"\n.endc", "r.cir:5:11: error: expected a step value after '2', found '\"\"'")]
    public void EmptyQuotedWordIsALocatedError(string line, string expected)
    {
        var d = Fails("title\nv1 a 0 1\nr1 a 0 1k\n" + line + "\n.end\n").Diagnostics;
        Assert.Contains(expected, d.Select(x => x.ToString()));
        Assert.DoesNotContain(d, x => x.ToString().Contains("internal error", StringComparison.Ordinal));
    }

    [Fact]
    public void DeepNestingIsRefused()
    {
        var d = Fails("title\nR1 a 0 {" + new string('(', 5000) + "1" + new string(')', 5000) + "}\n").Diagnostics.Single();
        Assert.Equal("r.cir:2:108: error: parentheses nested more than 100 deep", d.ToString());
    }

    private static string TenMegabytes(string kind)
    {
        var sb = new StringBuilder("title\n");
        int size = 10 * 1024 * 1024;
        switch (kind)
        {
            case "words": sb.Append("R1 a 0 1k"); while (sb.Length < size) sb.Append(" 1k"); break;
            case "expression": sb.Append("R1 a 0 {1"); while (sb.Length < size) sb.Append("+1"); sb.Append('}'); break;
            case "pwl": sb.Append("V1 a 0 PWL("); for (int k = 0; sb.Length < size; k++) sb.Append(k).Append(" 1 "); sb.Append("0 0)"); break;
            case "continued": sb.Append("V1 a 0 PWL(0 0"); for (int k = 1; sb.Length < size; k++) sb.Append("\n+ ").Append(k).Append(" 1"); sb.Append(')'); break;
            case "binary": var rnd = new Random(1); while (sb.Length < size) sb.Append((char)rnd.Next(32, 0x3000)); break;
            default: sb.Append("R1 a 0 "); sb.Append('x', size); break;
        }
        sb.Append("\nR2 a 0 1\n");
        return sb.ToString();
    }

    [Theory]
    [InlineData("words", "r.cir:2:1: error: statement is too long (")]
    [InlineData("expression", "r.cir:2:1: error: statement is too long (")]
    [InlineData("pwl", "r.cir:2:1: error: statement is too long (")]
    [InlineData("continued", "r.cir:2:1: error: statement is too long")]
    [InlineData("binary", "r.cir:2:")]
    [InlineData("garbage", "r.cir:2:1: error: statement is too long (")]
    public void TenMegabyteLineIsFastWithPositionedError(string kind, string expectedStart)
    {
        string text = TenMegabytes(kind);
        var sw = Stopwatch.StartNew();
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadText(text, "r.cir"));
        sw.Stop();
        Assert.StartsWith(expectedStart, ex.Diagnostics[0].ToString());
    }

    [Fact]
    public void LongExpressionIsRefused()
    {
        var sb = new StringBuilder("title\nR1 a 0 {1");
        while (sb.Length < 300_000) sb.Append("+1");
        sb.Append("}\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadText(sb.ToString(), "r.cir"));
        Assert.Equal("r.cir:2:8: error: expression is too long (more than 100000 characters)", ex.Diagnostics.Single().ToString());
    }

    [Fact]
    public void MegabyteLineOfWordsIsFast()
    {
        var sb = new StringBuilder("title\nR1 a 0 1k");
        while (sb.Length < 3_000_000) sb.Append(" 1k");
        var sw = Stopwatch.StartNew();
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadText(sb.ToString(), "r.cir"));
        // R takes up to three bare words (value, model, the flag noiseless): the fourth is the first the parser refuses
        Assert.Equal("r.cir:2:17: error: unexpected '1k' in 'R1', expected name=value", ex.Diagnostics.Single().ToString());
    }

    [Fact]
    public void LargeButAcceptedPwlTable()
    {
        // 50k points (about 0.7 MB) on continuation lines: accepted
        var sb = new StringBuilder("title\nV1 a 0 PWL(0 0");
        for (int k = 1; k < 50_000; k++) sb.Append("\n+ ").Append(k).Append("u ").Append(k % 2);
        sb.Append(")\nR1 a 0 1\n");
        var sw = Stopwatch.StartNew();
        var n = NetlistReader.ReadText(sb.ToString(), "r.cir");
        sw.Stop();
        Assert.Equal(100_000, n.El("v1").Arguments.OfType<FunctionArg>().Single().Values.Count);
    }

    [Fact]
    public void ManyErrorsAreCapped()
    {
        var sb = new StringBuilder("title\n");
        for (int k = 0; k < 1000; k++) sb.Append("Q").Append(k).Append(" a b\n");
        var ex = Fails(sb.ToString());
        Assert.True(ex.Diagnostics.Count <= 201);
        Assert.Contains(ex.Diagnostics, d => d.Message.StartsWith("too many errors"));
    }

    [Theory]
    [InlineData("title\n.param")]
    [InlineData("title\n.param =")]
    [InlineData("title\nR1 a 0 {}")]
    [InlineData("title\nX1")]
    [InlineData("title\n.model")]
    [InlineData("title\n.print")]
    [InlineData("title\n.ic v(")]
    [InlineData("title\n.dc")]
    [InlineData("title\n.step param")]
    [InlineData("title\nB1 a b V=")]
    [InlineData("title\nV1 a b PULSE")]
    [InlineData("title\n.subckt\n.ends")]
    [InlineData("title\n\"\"\"")]
    [InlineData("title\nR1 a b 1e99999")]
    [InlineData("title\n.include")]
    [InlineData("title\n.include \"")]
    [InlineData("title\n@#$%^&")]
    public void OddInputsGiveDiagnosticsNotCrashes(string text)
    {
        var ex = Fails(text);
        Assert.NotEmpty(ex.Diagnostics);
        Assert.DoesNotContain(ex.Diagnostics, d => d.Message.StartsWith("internal error"));
    }
}
