namespace Perovspice.Devices;

/// <summary>Helpers of the devices' noise generators (<see cref="Engine.Device.NoiseSources"/>).</summary>
internal static class Flicker
{
    /// <summary>ngspice's floor of a current before its logarithm (N_MINLOG).</summary>
    public const double MinimumLog = 1e-38;

    /// <summary>|x|^exponent as ngspice computes it for flicker noise: exp(exponent·ln(max(|x|, 1e-38))).</summary>
    public static double Power(double x, double exponent) => Math.Exp(exponent * Math.Log(Math.Max(Math.Abs(x), MinimumLog)));
}
