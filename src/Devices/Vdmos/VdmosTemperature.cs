namespace Perovspice.Devices.Vdmos;

/// <summary>
/// A VDMOS model's values at one device temperature (ngspice 39's temperature laws, docs/models.md, "VDMOS power
/// MOSFET", equations V9–V12), per device (the multiplier m is applied by the device, not here).
/// </summary>
public sealed class VdmosTemperature
{
    /// <summary>Evaluates <paramref name="model"/> at <paramref name="kelvin"/>.</summary>
    public VdmosTemperature(VdmosModel model, double kelvin)
    {
        double tnom = model.NominalTemperature, dt = kelvin - tnom, ratio = kelvin / tnom;
        double type = model.IsPChannel ? -1 : 1;
        Vt = Units.ThermalVoltage(kelvin);
        Beta = model["kp"] * Math.Pow(ratio, model["mu"]);
        // von in the n-channel frame: type·vto(T), vto(T) = vto − type·tcvth·dt
        Von = type * model["vto"] - model["tcvth"] * dt;
        Ksub = model["ksubthres"] * Quadratic(model, "tksubthres", dt);
        Rd = model.Has("texp0") ? model["rd"] * Math.Pow(ratio, model["texp0"]) : model["rd"] * Quadratic(model, "trd", dt);
        Rg = model["rg"] * Quadratic(model, "trg", dt);
        Rs = model["rs"] * Quadratic(model, "trs", dt);
        Rb = model["rb"] * Quadratic(model, "trb", dt);
        Rq = model.QuasiSaturation ? model["rq"] * Math.Pow(ratio, model["texp1"]) : 0;
        double n = model["n"];
        Vte = n * Vt;
        Is = model["is"] * Math.Exp((ratio - 1) * model["eg"] / Vte + model["xti"] / n * Math.Log(ratio));
        Vj = kelvin == tnom ? model["vj"] : Depletion.Potential(model["vj"], tnom, kelvin);
        Cj = Depletion.Capacitance(model["cjo"], model["vj"], model["m"], tnom, kelvin);
        VtBreakdown = model["nbv"] * Vt;
        Knee = model.HasBreakdown ? Diode.Knee(model["bv"], model["ibv"], Is, Vt, VtBreakdown) : double.PositiveInfinity;
        Vcrit = Junction.CriticalVoltage(Vte, Is);
    }

    private static double Quadratic(VdmosModel m, string prefix, double dt) =>
        1 + m[prefix + "1"] * dt + m[prefix + "2"] * dt * dt;

    /// <summary>kT/q (V).</summary>
    public double Vt { get; }
    /// <summary>Transconductance parameter kp·(T/Tnom)^mu (A/V²).</summary>
    public double Beta { get; }
    /// <summary>Threshold in the n-channel frame (V).</summary>
    public double Von { get; }
    /// <summary>Subthreshold slope ksubthres(T) (V).</summary>
    public double Ksub { get; }
    /// <summary>Drain, gate, source and body-diode resistances (Ω).</summary>
    public double Rd { get; }
    /// <inheritdoc cref="Rd"/>
    public double Rg { get; }
    /// <inheritdoc cref="Rd"/>
    public double Rs { get; }
    /// <inheritdoc cref="Rd"/>
    public double Rb { get; }
    /// <summary>Quasi-saturation resistance rq(T) (Ω), 0 when quasi-saturation is off.</summary>
    public double Rq { get; }
    /// <summary>Body diode n·kT/q (V).</summary>
    public double Vte { get; }
    /// <summary>Body diode saturation current (A).</summary>
    public double Is { get; }
    /// <summary>Body diode junction potential (V).</summary>
    public double Vj { get; }
    /// <summary>Body diode zero-bias capacitance (F).</summary>
    public double Cj { get; }
    /// <summary>nbv·kT/q (V).</summary>
    public double VtBreakdown { get; }
    /// <summary>Breakdown knee xbv (V); +∞ without bv.</summary>
    public double Knee { get; }
    /// <summary>Critical voltage of the body diode's limiting (V).</summary>
    public double Vcrit { get; }
}
