using Perovspice.Devices.Vdmos;
using Perovspice.Netlist.Tests.Behavioural;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>ngspice's VDMOS card and three-terminal `M` element: flags, node counts and what is refused.</summary>
public class VdmosBindingTests
{
    private static Vdmos Device(string body) =>
        Assert.IsType<Vdmos>(BSim.Job(body).Circuit.Devices.Single(d => d.Name == "m1"));

    [Theory]
    [InlineData(".model q VDMOS pchan vto=-2", true)]
    [InlineData(".model q VDMOS(pchan vto=-2)", true)]
    [InlineData(".model q vdmos Pchan (vto=-2)", true)]
    [InlineData(".model q VDMOS nchan vto=2", false)]
    [InlineData(".model q VDMOS (vto=2 kp=3)", false)]
    public void ChannelTypeFlags(string card, bool pchan) =>
        Assert.Equal(pchan, Device($"V1 d 0 1\nM1 d d 0 q\n{card}\n.op\n").Model.IsPChannel);

    [Fact]
    public void ThermalNodesAreRefusedAtTheFirstExtraNode() =>
        Assert.Equal("t.cir:3:10: error: 'm1' takes 3 nodes with VDMOS model 'vd' (the thermal nodes tj tcase of " +
                     "ngspice's self-heating VDMOS are not supported)",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nM1 d d 0 tj tc vd\n.model vd vdmos vto=1\n.op\n")));

    [Fact]
    public void FourNodesWithAVdmosModelAreRefused() =>
        Assert.StartsWith("t.cir:3:10: error: 'm1' takes 3 nodes with VDMOS model 'vd'",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nM1 d d 0 0 vd\n.model vd vdmos vto=1\n.op\n")));

    [Fact]
    public void TheThermalFlagIsRefused() =>
        Assert.Contains("'thermal' (ngspice's self-heating VDMOS) is not supported",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nM1 d d 0 vd thermal\n.model vd vdmos vto=1\n.op\n")));

    [Fact]
    public void GeometryIsRefused() =>
        Assert.Contains("VDMOS 'm1' takes no 'w='",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nM1 d d 0 vd w=1u\n.model vd vdmos vto=1\n.op\n")));

    [Fact]
    public void AnNmosModelStillNeedsFourNodes() =>
        Assert.Equal("t.cir:3:10: error: 'nm' is a model, but 'm1' needs 4 nodes before its model name",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nM1 d d 0 nm\n.model nm nmos\n.op\n")));

    [Fact]
    public void AChannelFlagOnAnotherModelTypeIsNotAFlag() =>
        Assert.Equal("t.cir:2:13: error: expected name=value in '.model d3', found 'pchan'", T.Error(".model d3 d pchan\n"));

    [Fact]
    public void BothFlagsAreAnError() =>
        Assert.Contains("given both pchan and nchan",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nM1 d d 0 vd\n.model vd vdmos pchan nchan\n.op\n")));

    [Fact]
    public void InformationalParametersWarn()
    {
        var job = BSim.Job("V1 d 0 1\nM1 d d 0 vd\n.model vd vdmos vto=1 vds=200 ron=0.1 qg=70n\n.op\n");
        foreach (var name in new[] { "vds", "ron", "qg" })
            Assert.Contains(job.Warnings, w => w.ToString().Contains($"model parameter '{name}' is not used by perovspice; ignored"));
    }

    [Fact]
    public void UnknownParametersAreErrors() =>
        Assert.Contains("unknown parameter 'subslope' for VDMOS model",
            Assert.Single(BSim.BindErrors("V1 d 0 1\nM1 d d 0 vd\n.model vd vdmos subslope=0.1\n.op\n")));
}
