using Perovspice.Engine;

namespace Perovspice.Devices.Mosfet;

public abstract partial class MosfetDevice
{
    /// <summary>SPICE's MOSFET noise (levels 1–3, as ngspice 39's MOS1/2/3), T the device temperature: thermal noise
    /// of rd and rs (generators <c>rd</c>, <c>rs</c>), the channel's thermal noise (8/3)·kT·|gm| between the internal
    /// drain and source (<c>id</c>) and the flicker noise kf·|Id|^af/(f·m·w·Leff·Cox²) beside it (<c>1overf</c>;
    /// Cox = εox/tox per area, Leff = l − 2·ld, Id the dc drain current; ngspice 39's form, found by varying w, l, ld
    /// and tox against it: not the kf·Id^af/(f·Cox·Leff²) of the SPICE2 manual); no flicker noise without tox.</summary>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        double t = Temp.Kelvin, k = Units.Boltzmann;
        if (_gDrain > 0) yield return NoiseSource.Thermal("rd", _d, _dp, _gDrain, t, k);
        if (_gSource > 0) yield return NoiseSource.Thermal("rs", _s, _sp, _gSource, t, k);
        double gm = ReadQuantity("gm", operatingPoint), id = ReadQuantity("id", operatingPoint);
        yield return NoiseSource.Thermal("id", _dp, _sp, 2.0 / 3.0 * gm, t, k);
        double cox = Model.OxideCapacitance, leff = FlickerLength;
        yield return new NoiseSource("1overf", _dp, _sp,
            Model.Kf == 0 || cox == 0 ? 0 : Model.Kf * Flicker.Power(id, Model.Af) / (Multiplier * W * leff * cox * cox), 1);
    }

    /// <summary>The channel length in the flicker noise, m: l − 2·ld.</summary>
    protected virtual double FlickerLength => L - 2 * Model.Ld;
}
