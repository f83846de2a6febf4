using Perovspice.Engine;

namespace Perovspice.Devices.Bsim3;

public sealed partial class Bsim3Mosfet
{
    /// <summary>BSIM3v3.3's noise with <c>noimod=1</c> (its default; the SPICE2 forms), T the device temperature:
    /// thermal noise of the drain and source resistances rsh·nrd, rsh·nrs (generators <c>rd</c>, <c>rs</c>), the
    /// channel's thermal noise (8/3)·kT·|gm + gds + gmbs| between the internal drain and source (<c>id</c>) and the
    /// flicker noise kf·|Id|^af/(f^ef·Cox·Leff²) beside it (<c>1overf</c>), Id the dc drain current.</summary>
    /// <exception cref="SimulationException">noimod 2, 3 or 4 (BSIM3's own thermal and flicker models), which are
    /// not implemented.</exception>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        double noimod = _m.Get("noimod");
        if (noimod != 1)
            throw new SimulationException($"noise analysis: BSIM3 '{Name}' has noimod={noimod:G6}; only noimod=1 is implemented");
        double t = _p.Temperature, k = Units.Boltzmann, m = _mult;
        int d = _block.Node(TD), s = _block.Node(TS), dp = _block.Node(TDP), sp = _block.Node(TSP);
        if (_gd > 0) yield return NoiseSource.Thermal("rd", d, dp, m * _gd, t, k);
        if (_gs > 0) yield return NoiseSource.Thermal("rs", s, sp, m * _gs, t, k);
        double gm = ReadQuantity("gm", operatingPoint), gds = ReadQuantity("gds", operatingPoint);
        double gmbs = ReadQuantity("gmbs", operatingPoint), id = ReadQuantity("id", operatingPoint);
        yield return NoiseSource.Thermal("id", dp, sp, 2.0 / 3.0 * (gm + gds + gmbs), t, k);
        double kf = _m.Get("kf"), af = _m.Get("af"), ef = _m.Get("ef"), leff = _p.Leff;
        yield return new NoiseSource("1overf", dp, sp, kf == 0 ? 0 : kf * Flicker.Power(id, af) / (leff * leff * _m.Cox), ef);
    }
}
