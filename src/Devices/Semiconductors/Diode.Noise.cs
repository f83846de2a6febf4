using Perovspice.Engine;

namespace Perovspice.Devices;

public sealed partial class Diode
{
    /// <summary>SPICE's diode noise at the operating point: thermal noise 4kT/rs of the series resistance
    /// (generator <c>rs</c>, anode to the internal node), shot noise 2q|Id| of the junction current
    /// (<c>id</c>) and flicker noise m·kf·(|Id|/m)^af/f (<c>1overf</c>) across the junction; T the device temperature,
    /// Id the junction current with gmin.</summary>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        int p = _gs > 0 ? Internal : Anode;
        int junction = _block.Node(p), cathode = _block.Node(Cathode);
        if (_gs > 0) yield return NoiseSource.Thermal("rs", _block.Node(Anode), junction, _gs, _temperature, Units.Boltzmann);
        Evaluate(_block.Voltage(operatingPoint.X, p, Cathode), _gmin, out double id, out _, out _, out _);
        yield return NoiseSource.White("id", junction, cathode, 2 * Units.ElementaryCharge * Math.Abs(id));
        double m = Multiplier;
        yield return new NoiseSource("1overf", junction, cathode,
            Model.Kf == 0 ? 0 : m * Model.Kf * Flicker.Power(id / m, Model.Af), 1);
    }
}
