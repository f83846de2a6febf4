using Perovspice.Netlist.Expressions;
using Xunit;

namespace Perovspice.Netlist.Tests;

public class NumberTests
{
    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("1meg", 1e6)]
    [InlineData("1MEG", 1e6)]
    [InlineData("1m", 1e-3)]
    [InlineData("1M", 1e-3)]
    [InlineData("1mil", 25.4e-6)]
    [InlineData("10uF", 1e-5)]
    [InlineData("1kOhm", 1e3)]
    [InlineData("5V", 5.0)]
    [InlineData("1e-3", 1e-3)]
    [InlineData(".5", 0.5)]
    [InlineData("-2.5E+3", -2500.0)]
    [InlineData("2t", 2e12)]
    [InlineData("3g", 3e9)]
    [InlineData("4n", 4e-9)]
    [InlineData("5p", 5e-12)]
    [InlineData("6f", 6e-15)]
    [InlineData("7u", 7e-6)]
    [InlineData("1.5k", 1500.0)]
    [InlineData("2.", 2.0)]
    [InlineData("1e3k", 1e6)]
    [InlineData("1ms", 1e-3)]
    public void SuffixTable(string text, double expected)
    {
        Assert.True(NumberGrammar.TryParseToken(text.ToLowerInvariant(), out double v), text);
        T.Near(expected, v);
    }

    [Theory]
    [InlineData("1meg")] [InlineData("1mil")] [InlineData("10uf")] [InlineData("1kohm")] [InlineData("1e3k")]
    [InlineData(".5")] [InlineData("2.5e+3")] [InlineData("1.e-2u")] [InlineData("7")] [InlineData("3ms")] [InlineData("1e")]
    [InlineData("4f")] [InlineData("9t")] [InlineData("1e999")] [InlineData("123456789012345678901234567890")]
    public void FastScannerAgreesWithGrammar(string text)
    {
        var a = NumberGrammar.Unsigned(new Perovspice.Netlist.Syntax.LineInput(text, 0));
        var b = NumberGrammar.UnsignedFast(new Perovspice.Netlist.Syntax.LineInput(text, 0));
        Assert.True(a.WasSuccessful && b.WasSuccessful);
        Assert.Equal(a.Value, b.Value);
        Assert.Equal(a.Remainder.Position, b.Remainder.Position);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1k5")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    public void NotNumbers(string text) => Assert.False(NumberGrammar.TryParseToken(text, out _));

    [Fact]
    public void ResistorValueWithUnits()
    {
        var n = T.Read("R1 a 0 1kOhm\nC1 a 0 10uF\n");
        T.Near(1e3, n.El("r1").Val());
        T.Near(1e-5, n.El("c1").Val());
    }
}
