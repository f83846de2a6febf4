using Perovspice.Engine;

namespace Perovspice.Devices;

public sealed partial class Bjt
{
    /// <summary>SPICE's Gummel–Poon noise at the operating point, T the device temperature: thermal noise of rc
    /// (generator <c>rc</c>), of the bias-dependent base resistance (<c>rb</c>, its conductance gx) and of re
    /// (<c>re</c>); shot noise 2q|Ic| from the internal collector to the internal emitter (<c>ic</c>) and 2q|Ib| from the
    /// internal base to the internal emitter (<c>ib</c>); flicker noise m·kf·(|Ib|/m)^af/f beside the latter
    /// (<c>1overf</c>). Ic and Ib are the dc terminal currents (m included).</summary>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        double t = Temperature, k = Units.Boltzmann, m = Multiplier;
        int c = _block.Node(C), b = _block.Node(B), e = _block.Node(E);
        int ci = _block.Node(_ci), bi = _block.Node(_bi), ei = _block.Node(_ei);
        double ic = ReadQuantity("ic", operatingPoint), ib = ReadQuantity("ib", operatingPoint);
        double gx = ReadQuantity("gx", operatingPoint);
        if (_ci != C) yield return NoiseSource.Thermal("rc", c, ci, _grc * m, t, k);
        if (_bi != B) yield return NoiseSource.Thermal("rb", b, bi, gx, t, k);
        if (_ei != E) yield return NoiseSource.Thermal("re", e, ei, _gre * m, t, k);
        double q2 = 2 * Units.ElementaryCharge;
        yield return NoiseSource.White("ic", ci, ei, q2 * Math.Abs(ic));
        yield return NoiseSource.White("ib", bi, ei, q2 * Math.Abs(ib));
        yield return new NoiseSource("1overf", bi, ei, Model.Kf == 0 ? 0 : m * Model.Kf * Flicker.Power(ib / m, Model.Af), 1);
    }
}
