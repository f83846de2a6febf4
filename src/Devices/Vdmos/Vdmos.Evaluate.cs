using Perovspice.Devices.Mosfet;

namespace Perovspice.Devices.Vdmos;

public sealed partial class Vdmos
{
    /// <summary>Currents, charges and their derivatives at one set of n-frame voltages (per device, before m).</summary>
    private readonly record struct State(double Id, double Gmg, double Gmd, double Idio, double Gdio,
        double Qgd, double Cgd, double Qdio, double Cdio);

    /// <summary>SPICE's Newton limiting: fetlim/limvds on the channel voltages as level 1 does, pnjlim on the body
    /// diode (on the breakdown side below the knee). Returns true when any voltage changed.</summary>
    private bool Limit(ref double vgs, ref double vds, ref double vd)
    {
        bool l1, l2, l3;
        double vgd = vgs - vds, vgdOld = _vgsOld - _vdsOld;
        if (_vdsOld >= 0)
        {
            vgs = MosfetLimiting.Gate(vgs, _vgsOld, _t.Von, out l1);
            if (l1) vds = vgs - vgd;
            vds = MosfetLimiting.DrainSource(vds, _vdsOld, out l2);
        }
        else
        {
            vgd = MosfetLimiting.Gate(vgd, vgdOld, _t.Von, out l1);
            if (l1) vds = vgs - vgd;
            vds = -MosfetLimiting.DrainSource(-vds, -_vdsOld, out l2);
            if (l1 || l2) vgs = vgd + vds;
        }
        double knee = _t.Knee;
        if (double.IsFinite(knee) && vd < Math.Min(0, -knee + 10 * _t.VtBreakdown))
        {
            double vb = Junction.Limit(-(vd + knee), -(_vdOld + knee), _t.VtBreakdown, _t.Vcrit, out l3);
            vd = -(vb + knee);
        }
        else vd = Junction.Limit(vd, _vdOld, _t.Vte, _t.Vcrit, out l3);
        return l1 || l2 || l3;
    }

    private State Evaluate(double vgs, double vds, double vd, double gmin)
    {
        var p = _model;
        VdmosChannel.Current(vgs, vds, _t.Beta, _t.Von, _t.Ksub, p["subshift"], p["lambda"], p["theta"], p["mtriode"],
            out double id, out double gmg, out double gmd);
        VdmosChannel.GateDrain(vgs - vds, p["cgdmin"], p["cgdmax"], p["a"], out double qgd, out double cgd);
        BodyDiode(vd, out double idio, out double gdio);
        double qd = 0, cd = 0;
        Depletion.Add(vd, _t.Cj, _t.Vj, p["m"], p["fc"], ref qd, ref cd);
        qd += p["tt"] * idio;
        cd += p["tt"] * gdio;
        return new State(id, gmg, gmd, idio + gmin * vd, gdio + gmin, qgd, cgd, qd, cd);
    }

    /// <summary>Body diode current and conductance (eq. V8), without gmin.</summary>
    private void BodyDiode(double vd, out double i, out double g)
    {
        double isat = _t.Is, vte = _t.Vte;
        if (vd >= -3 * vte)
        {
            double e = Junction.SafeExp(vd / vte, out double de);
            i = isat * (e - 1);
            g = isat * de / vte;
        }
        else if (vd >= -_t.Knee)
        {
            double arg = 3 * vte / (vd * Math.E);
            double arg3 = arg * arg * arg;
            i = -isat * (1 + arg3);
            g = isat * 3 * arg3 / vd;
        }
        else
        {
            double e = Junction.SafeExp(-(_t.Knee + vd) / _t.VtBreakdown, out double de);
            i = -isat * e;
            g = isat * de / _t.VtBreakdown;
        }
    }
}
