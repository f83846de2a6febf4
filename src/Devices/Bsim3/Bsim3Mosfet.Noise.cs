using Perovspice.Engine;

namespace Perovspice.Devices.Bsim3;

public sealed partial class Bsim3Mosfet
{
    /// <summary>
    /// BSIM3v3.3's noise, T the device temperature, m the multiplier, as ngspice 39 computes it: thermal noise of the
    /// drain and source resistances rsh·nrd, rsh·nrs (generators <c>rd</c>, <c>rs</c>); the channel's thermal noise
    /// between the internal drain and source (<c>id</c>): noimod 1 and 3 the SPICE2 form (8/3)·kT·|gm + gds + gmbs|,
    /// noimod 2 and 4 BSIM3's 4kT·m·µeff·|Qinv|/(Leff² + µeff·|Qinv|·Rds); and the flicker noise beside it
    /// (<c>1overf</c>): noimod 1 and 4 the SPICE2 form m·kf·|Ids|^af/(f^ef·Cox·Leff²), noimod 2 and 3 BSIM3's unified
    /// model (<see cref="Bsim3Noise.UnifiedFlicker"/>) times m; Ids the channel current of one device.
    /// </summary>
    /// <exception cref="SimulationException">noimod is not 1, 2, 3 or 4.</exception>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        double noimod = _m.Get("noimod");
        if (noimod is not (1 or 2 or 3 or 4))
            throw new SimulationException($"noise analysis: BSIM3 '{Name}' has noimod={noimod:G6}; it must be 1, 2, 3 or 4");
        double t = _p.Temperature, k = Units.Boltzmann, m = _mult;
        int d = _block.Node(TD), s = _block.Node(TS), dp = _block.Node(TDP), sp = _block.Node(TSP);
        if (_gd > 0) yield return NoiseSource.Thermal("rd", d, dp, m * _gd, t, k);
        if (_gs > 0) yield return NoiseSource.Thermal("rs", s, sp, m * _gs, t, k);

        var x = operatingPoint.X;
        double vgs = _type * _block.Voltage(x, TG, TSP), vds = _type * _block.Voltage(x, TDP, TSP);
        double vbs = _type * _block.Voltage(x, TB, TSP);
        var bias = Evaluate(vgs, vds, vbs, _gmin, false).Bias;
        if (noimod is 1 or 3)
        {
            double gm = ReadQuantity("gm", operatingPoint), gds = ReadQuantity("gds", operatingPoint);
            double gmbs = ReadQuantity("gmbs", operatingPoint);
            yield return NoiseSource.Thermal("id", dp, sp, 2.0 / 3.0 * (gm + gds + gmbs), t, k);
        }
        else yield return NoiseSource.Thermal("id", dp, sp, m * Bsim3Noise.ThermalConductance(_m, _p, bias), t, k);

        double ef = _m.Get("ef");
        if (noimod is 2 or 3)
            yield return new NoiseSource("1overf", dp, sp, m * Bsim3Noise.UnifiedFlicker(_m, _p, bias, t), ef);
        else
        {
            double kf = _m.Get("kf"), af = _m.Get("af"), leff = _p.Leff;
            yield return new NoiseSource("1overf", dp, sp,
                kf == 0 ? 0 : m * kf * Flicker.Power(bias.Ids.V, af) / (leff * leff * _m.Cox), ef);
        }
    }
}
