using Perovspice.Engine;

namespace Perovspice.Devices;

public sealed partial class Jfet
{
    /// <summary>SPICE's JFET noise at the operating point, T the device temperature: thermal noise of rd and rs
    /// (generators <c>rd</c>, <c>rs</c>), the channel's thermal noise (8/3)·kT·|gm| between the internal drain and
    /// source (<c>id</c>) and the flicker noise m·kf·(|Id|/m)^af/f beside it (<c>1overf</c>), Id the dc drain
    /// current.</summary>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        double t = Temperature, k = Units.Boltzmann, m = Multiplier;
        int d = _block.Node(D), s = _block.Node(S), di = _block.Node(_di), si = _block.Node(_si);
        if (_di != D) yield return NoiseSource.Thermal("rd", d, di, _grd * m, t, k);
        if (_si != S) yield return NoiseSource.Thermal("rs", s, si, _grs * m, t, k);
        double id = ReadQuantity("id", operatingPoint), gm = ReadQuantity("gm", operatingPoint);
        yield return NoiseSource.Thermal("id", di, si, 2.0 / 3.0 * gm, t, k);
        double kf = Model["kf"], af = Model["af"];
        yield return new NoiseSource("1overf", di, si, kf == 0 ? 0 : m * kf * Flicker.Power(id / m, af), 1);
    }
}
