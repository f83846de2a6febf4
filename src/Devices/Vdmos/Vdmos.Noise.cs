using Perovspice.Engine;

namespace Perovspice.Devices.Vdmos;

public sealed partial class Vdmos
{
    /// <summary>The oxide capacitance per area in ngspice 39's VDMOS flicker noise, F/m²: εox/100 nm.</summary>
    private const double FlickerCox = Mosfet.MosfetModel.EpsilonOxide / 1e-7;

    /// <summary>ngspice 39's VDMOS noise (its MOS1 generators), T the device temperature: thermal noise of rd (with
    /// quasi-saturation, the drain resistance at the operating point) and rs (generators <c>rd</c>, <c>rs</c>), the
    /// channel's thermal noise (8/3)·kT·|gm| between the internal drain and source (<c>id</c>) and the flicker noise
    /// kf·|Id|^af/(f·m·Cox²) beside it (<c>1overf</c>; ngspice 39's MOS1 form with w = l = 1 m and Cox = εox/100 nm,
    /// found by comparison), Id the dc drain current (channel, without the body diode). The gate resistance, the body
    /// diode and rb are noiseless, as in ngspice 39.</summary>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        double t = Temperature, k = Units.Boltzmann, m = _m;
        for (int i = 0; i < _v.Length; i++) _v[i] = operatingPoint.X[_block.Node(i)];
        int d = _block.Node(D), s = _block.Node(S), dp = _block.Node(_dp), sp = _block.Node(_sp);
        if (_dp != D)
        {
            DrainConductance(out double g, out _);
            yield return NoiseSource.Thermal("rd", d, dp, m * g, t, k);
        }
        if (_sp != S) yield return NoiseSource.Thermal("rs", s, sp, m / _t.Rs, t, k);
        double gm = ReadQuantity("gm", operatingPoint);
        double id = ReadQuantity("id", operatingPoint) - ReadQuantity("idio", operatingPoint);
        yield return NoiseSource.Thermal("id", dp, sp, 2.0 / 3.0 * gm, t, k);
        double kf = _model["kf"], af = _model["af"];
        yield return new NoiseSource("1overf", dp, sp, kf == 0 ? 0 : kf * Flicker.Power(id, af) / (m * FlickerCox * FlickerCox), 1);
    }
}
