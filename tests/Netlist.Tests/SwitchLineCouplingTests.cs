using Perovspice.Devices;
using Perovspice.Netlist.Tests.Behavioural;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>S, W, K and T element lines: what they bind to and the located errors of bad lines.</summary>
public class SwitchLineCouplingTests
{
    [Fact]
    public void SwitchesBindWithModelsAndFlags()
    {
        var job = BSim.Job("v1 c 0 1\nvs a 0 0\nr1 a b 1k\ns1 b 0 c 0 sm on\nw1 b 0 vs cm off\n" +
                           ".model sm sw vt=1 vh=0.2 ron=2\n.model cm csw it=1m\n.op\n");
        var s = Assert.IsType<VoltageSwitch>(job.Circuit.Find("s1"));
        Assert.Equal((1.0, 0.2, 2.0, 1e12), (s.Model.Threshold, s.Model.Hysteresis, s.Model.OnResistance, s.Model.OffResistance));
        Assert.True(s.InitiallyOn);
        var w = Assert.IsType<CurrentSwitch>(job.Circuit.Find("w1"));
        Assert.Equal("vs", w.ControllingSource);
        Assert.False(w.InitiallyOn);
        Assert.Equal(1e-3, w.Model.Threshold);
    }

    [Fact]
    public void SwitchErrors()
    {
        Assert.Contains(BSim.BindErrors("r1 a 0 1\ns1 a 0 a 0 cm\n.model cm csw\n.op\n"), e => e.Contains("takes a SW model"));
        Assert.Contains(BSim.BindErrors("r1 a 0 1\nw1 a 0 r1 cm\n.model cm csw\n.op\n"), e => e.StartsWith("t.cir:3:8:") && e.Contains("must be a voltage source"));
        Assert.Contains(BSim.BindErrors("r1 a 0 1\ns1 a 0 a 0 sm\n.model sm sw ron=0\n.op\n"), e => e.Contains("t.cir:4:") && e.Contains("'ron'"));
    }

    [Fact]
    public void CouplingBindsAndChecksItsInductors()
    {
        var job = BSim.Job("v1 s 0 1\nrs s a 1\nl1 a 0 1m\nl2 b 0 4m\nr1 b 0 1k\nk1 l1 l2 0.5\n.op\n");
        var k = Assert.IsType<MutualInductance>(job.Circuit.Find("k1"));
        Assert.Equal(("l1", "l2", 0.5), (k.Inductor1, k.Inductor2, k.Coupling));
        const string body = "v1 s 0 1\nrs s a 1\nl1 a 0 1m\nl2 b 0 1m\nl3 c 0 1m\nr1 b 0 1k\nr2 c 0 1k\n";
        Assert.Contains(BSim.BindErrors(body + "k1 l1 l2 1.5\n.op\n"), e => e.StartsWith("t.cir:9:10:") && e.Contains("'k' must be between -1 and 1"));
        Assert.Contains(BSim.BindErrors(body + "k1 l1 r1 0.5\n.op\n"), e => e.StartsWith("t.cir:9:7:") && e.Contains("must be an inductor"));
        Assert.Contains(BSim.BindErrors(body + "k1 l1 l9 0.5\n.op\n"), e => e.Contains("unknown inductor 'l9'"));
        var indefinite = BSim.BindErrors(body + "ka l1 l2 0.9\nkb l1 l3 0.9\nkc l2 l3 -0.9\n.op\n");
        Assert.Contains(indefinite, e => e.StartsWith("t.cir:11:1:") && e.Contains("'kc'") && e.Contains("not positive definite"));
        _ = BSim.Job(body + "ka l1 l2 0.9\nkb l1 l3 0.9\nkc l2 l3 0.9\n.op\n");
    }

    [Fact]
    public void TransmissionLineParameters()
    {
        var job = BSim.Job("v1 a 0 1\nt1 a 0 b 0 zo=75 f=10meg\nr1 b 0 75\nt2 a 0 c 0 z0=50 td=3n\nr2 c 0 50\n.op\n");
        var t1 = Assert.IsType<TransmissionLine>(job.Circuit.Find("t1"));
        Assert.Equal(75, t1.Impedance);
        T.Near(0.25 / 10e6, t1.Delay);
        T.Near(3e-9, Assert.IsType<TransmissionLine>(job.Circuit.Find("t2")).Delay);
        Assert.Contains(BSim.BindErrors("v1 a 0 1\nt1 a 0 b 0 td=1n\nr1 b 0 1\n.op\n"), e => e.StartsWith("t.cir:3:1:") && e.Contains("needs z0"));
        Assert.Contains(BSim.BindErrors("v1 a 0 1\nt1 a 0 b 0 z0=50\nr1 b 0 1\n.op\n"), e => e.Contains("needs td, or f"));
        Assert.Contains(BSim.BindErrors("v1 a 0 1\nt1 a 0 b 0 z0=-5 td=1n\nr1 b 0 1\n.op\n"), e => e.Contains("'z0' must be > 0"));
    }
}
