using Perovspice.Netlist.Tests.Behavioural;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>ngspice constructs perovspice does not simulate are located errors that name the construct.</summary>
public class UnsupportedConstructTests
{
    [Theory]
    [InlineData(14)]
    [InlineData(54)]
    public void Bsim4LevelsAreNamed(int level) =>
        Assert.Equal($"t.cir:4:17: error: MOSFET model level {level} is ngspice's BSIM4, which perovspice does not support (levels: 1, 2, 3, 8, 49)",
            Assert.Single(BSim.BindErrors($"V1 d 0 1\nM1 d d 0 0 nch l=1u w=1u\n.model nch nmos level={level}\n.op\n")));

    [Fact]
    public void XspiceElementsAreNamed() =>
        Assert.Equal("t.cir:4:1: error: 'a1' is an XSPICE code-model element ('a'): not supported",
            T.Error("V1 d 0 1\nR1 d 0 1k\na1 d 0 amod\n.model amod gain(gain=2)\n.op\n"));
}
