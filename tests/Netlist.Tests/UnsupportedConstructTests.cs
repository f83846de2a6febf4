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
    public void DigitalXspiceModelsAreNamed() =>
        Assert.Equal("t.cir:4:12: error: XSPICE code model 'd_and' (model 'amod') is not supported by perovspice (analog models: gain, summer, mult, divide, limit, pwl, int, d_dt, s_xfer, hyst, slew, climit)",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nR1 d 0 1k\na1 [d d] e amod\n.model amod d_and(rise_delay=1n)\nR2 e 0 1k\n.op\n")));
}
