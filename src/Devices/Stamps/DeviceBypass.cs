using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// The tests of SPICE's device bypass (docs/engine.md, "Device bypass"), shared by the devices that use it: a device
/// may restamp its last evaluation, linearised to the new voltages, when this is a transient time step with bypass on,
/// its controlling voltages moved less than reltol·max(|v|, |v_last|) + vntol, and its currents, linearised, less
/// than reltol·max(|i|, |i_last|) + abstol.
/// </summary>
public static class DeviceBypass
{
    /// <summary>Whether this load may bypass at all: a transient time step with bypass on, a last evaluation to reuse
    /// and the same gmin as then.</summary>
    public static bool Allowed(LoadContext c, bool hasLast, double lastGmin) =>
        hasLast && c.Bypass && c.TimeStepping && c.Mode == AnalysisMode.Transient && c.Gmin == lastGmin;

    /// <summary>Whether one controlling voltage moved less than the tolerance from <paramref name="last"/>.</summary>
    public static bool VoltageClose(LoadContext c, double now, double last) =>
        Math.Abs(now - last) < c.BypassRelTol * Math.Max(Math.Abs(now), Math.Abs(last)) + c.BypassVoltTol;

    /// <summary>
    /// The three terminal voltages of a MOSFET-like device (vgs, vds, vbs): each close, and vds on the same side of 0
    /// (its sign picks source and drain, so a bypass never crosses it).
    /// </summary>
    public static bool VoltagesClose(LoadContext c, double vgs, double vds, double vbs, (double Vgs, double Vds, double Vbs) last) =>
        VoltageClose(c, vgs, last.Vgs) && VoltageClose(c, vds, last.Vds) && VoltageClose(c, vbs, last.Vbs)
        && (vds >= 0) == (last.Vds >= 0);

    /// <summary>Whether a current <paramref name="value"/> changed by its linearised <paramref name="delta"/> less than the tolerance.</summary>
    public static bool CurrentClose(LoadContext c, double value, double delta)
    {
        double hat = value + delta;
        return Math.Abs(delta) < c.BypassRelTol * Math.Max(Math.Abs(hat), Math.Abs(value)) + c.BypassCurrentTol;
    }

    /// <summary>
    /// A MOSFET-like device's last evaluation kept for the bypass: what it computed (<typeparamref name="T"/>), at which
    /// vgs, vds, vbs and gmin, and whether it may be reused (not after limiting or at initial conditions).
    /// </summary>
    public struct Point<T>
    {
        /// <summary>The evaluation.</summary>
        public T Value;
        /// <summary>The voltages it was evaluated at.</summary>
        public (double Vgs, double Vds, double Vbs) At;
        private double _gmin;
        private bool _valid;

        /// <summary>Keeps an evaluation (reusable only when <paramref name="reusable"/>).</summary>
        public void Keep(T value, double vgs, double vds, double vbs, double gmin, bool reusable)
        {
            Value = value;
            At = (vgs, vds, vbs);
            _gmin = gmin;
            _valid = reusable;
        }

        /// <summary>Forgets it (a new setup).</summary>
        public void Forget() => _valid = false;

        /// <summary>
        /// Whether this load may reuse it as far as the voltages go (<see cref="Allowed"/> and
        /// <see cref="VoltagesClose"/>), with the offsets from its voltages to the new ones.
        /// </summary>
        public readonly bool Near(LoadContext c, double vgs, double vds, double vbs, out double dgs, out double dds, out double dbs)
        {
            dgs = vgs - At.Vgs;
            dds = vds - At.Vds;
            dbs = vbs - At.Vbs;
            return Allowed(c, _valid, _gmin) && VoltagesClose(c, vgs, vds, vbs, At);
        }
    }
}
