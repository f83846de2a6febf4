using Perovspice.Netlist.Tests.Behavioural;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>ngspice constructs perovspice does not simulate are located errors that name the construct.</summary>
public class UnsupportedConstructTests
{
    [Theory]
    [InlineData(9, "MOS9")]
    [InlineData(58, "BSIM-SOI (B4SOI)")]
    public void MissingMosfetLevelsAreNamed(int level, string model) =>
        Assert.Equal($"t.cir:4:17: error: MOSFET model level {level} is ngspice's {model}, which perovspice does not support (levels: 1, 2, 3, 8, 14, 49, 54)",
            Assert.Single(BSim.BindErrors($"V1 d 0 1\nM1 d d 0 0 nch l=1u w=1u\n.model nch nmos level={level}\n.op\n")));

    [Theory]
    [InlineData(".tran 1n 10n")]
    [InlineData(".ac dec 10 1 1e6")]
    public void Bsim4BindsTransientAndAc(string analysis) =>
        Assert.NotNull(BSim.Job($"V1 d 0 1 ac 1\nM1 d d 0 0 nch l=1u w=1u\n.model nch nmos level=54 capmod=0\n{analysis}\n"));

    [Theory]
    [InlineData("tnoimod=2", "tnoimod=2 is not implemented (only 0 and 1)")]
    [InlineData("version=4.7 tnoimod=3", "tnoimod=3 is not implemented (only 0 and 1)")]
    [InlineData("version=4.0 fnoimod=2", "fnoimod=2 is not implemented (only 0 and 1)")]
    public void Bsim4NoiseOutsideTheImplementedFormsIsRefused(string card, string why)
    {
        var error = Assert.Single(BSim.BindErrors($"V1 d 0 1 ac 1\nR1 d o 1k\nM1 o d 0 0 nch l=1u w=1u\n.model nch nmos level=54 {card}\n.noise v(o) V1 dec 2 1k 1meg\n"));
        Assert.Equal($"t.cir:4:1: error: 'm1' is a BSIM4 MOSFET whose noise is not implemented ({why}): not the noise analysis at t.cir:6:1", error);
    }

    [Theory]
    [InlineData("version=4.5 fnoimod=0")]
    [InlineData("tnoimod=1")]
    [InlineData("")]
    public void Bsim4NoiseBinds(string card) =>
        Assert.NotNull(BSim.Job($"V1 d 0 1 ac 1\nR1 d o 1k\nM1 o d 0 0 nch l=1u w=1u\n.model nch nmos level=54 {card}\n.noise v(o) V1 dec 2 1k 1meg\n"));

    [Theory]
    [InlineData(14)]
    [InlineData(54)]
    public void Bsim4RunsInDc(int level) =>
        Assert.NotNull(BSim.Job($"V1 d 0 1\nM1 d d 0 0 nch l=1u w=1u\n.model nch nmos level={level}\n.op\n"));

    [Fact]
    public void DigitalXspiceModelsAreNamed() =>
        Assert.Equal("t.cir:4:12: error: XSPICE code model 'd_and' (model 'amod') is not supported by perovspice (analog models: gain, summer, mult, divide, limit, pwl, int, d_dt, s_xfer, hyst, slew, climit)",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nR1 d 0 1k\na1 [d d] e amod\n.model amod d_and(rise_delay=1n)\nR2 e 0 1k\n.op\n")));
}
