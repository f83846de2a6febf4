using Perovspice.Devices.Vdmos;
using Xunit;

namespace Perovspice.Devices.Tests;

/// <summary>The VDMOS channel and gate-drain charge laws (docs/models.md, V1–V6): derivatives against central
/// differences, the charge against the integral of the capacitance, and the capacitance's limits.</summary>
public class VdmosChannelTests
{
    private static double I(double vgs, double vds, double ksub = 0.1, double mtriode = 0.7)
    {
        VdmosChannel.Current(vgs, vds, 8, 3.5, ksub, 0.05, 0.02, 0.05, mtriode, out double i, out _, out _);
        return i;
    }

    [Theory]
    [InlineData(5.0, 0.5)]   // triode
    [InlineData(5.0, 4.0)]   // saturation
    [InlineData(3.2, 1.0)]   // subthreshold
    [InlineData(5.0, -0.7)]  // inverse mode, triode
    [InlineData(6.0, -4.0)]  // inverse mode, saturation
    public void DerivativesAreThoseOfTheCurrent(double vgs, double vds)
    {
        VdmosChannel.Current(vgs, vds, 8, 3.5, 0.1, 0.05, 0.02, 0.05, 0.7, out double i, out double gmg, out double gmd);
        const double h = 1e-6;
        double dg = (I(vgs + h, vds) - I(vgs - h, vds)) / (2 * h);
        double dd = (I(vgs, vds + h) - I(vgs, vds - h)) / (2 * h);
        Assert.True(Math.Abs(gmg - dg) <= 1e-6 * Math.Max(1e-9, Math.Abs(dg)) + 1e-12, $"gm {gmg} vs {dg}");
        Assert.True(Math.Abs(gmd - dd) <= 1e-6 * Math.Max(1e-9, Math.Abs(dd)) + 1e-12, $"gds {gmd} vs {dd}");
        Assert.Equal(Math.Sign(vds), Math.Sign(i));
    }

    [Fact]
    public void WithoutSubthresholdSlopeTheSquareLawIsCutOff()
    {
        Assert.Equal(0, I(3.5, 2, ksub: 0));
        // saturation: kp/2·u²·(1 + λ·vds)/(1 + θ·vgs), u = 5 − 3.5 − 0.05
        Assert.Equal(8 * 1.45 * 1.45 / 2 * (1 + 0.02 * 6) / (1 + 0.05 * 5), I(5, 6, ksub: 0), 12);
    }

    [Fact]
    public void GateDrainChargeIsTheIntegralOfTheCapacitance()
    {
        const double cmin = 100e-12, cmax = 2e-9, a = 0.3;
        for (double v = -40; v <= 40; v += 2.5)
        {
            VdmosChannel.GateDrain(v, cmin, cmax, a, out double q, out double c);
            // Simpson's rule from 0 to v
            int n = 2000;
            double hh = v / n, sum = 0;
            for (int k = 0; k <= n; k++)
            {
                VdmosChannel.GateDrain(k * hh, cmin, cmax, a, out _, out double ck);
                sum += ck * (k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2);
            }
            Assert.Equal(sum * hh / 3, q, 1e-16);
            Assert.InRange(c, cmin, cmax);
        }
        VdmosChannel.GateDrain(-1e6, cmin, cmax, a, out _, out double low);
        VdmosChannel.GateDrain(1e3, cmin, cmax, a, out double qHigh, out double high);
        Assert.Equal(cmin, low, 1e-4 * cmin); // atan approaches −π/2 as 1/x
        Assert.Equal(cmax, high, 1e-12 * cmax);
        Assert.True(double.IsFinite(qHigh));
    }
}
