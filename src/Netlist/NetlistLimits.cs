namespace Perovspice.Netlist;

/// <summary>
/// Sizes the netlist front end refuses before allocating anything, so that no input can exhaust the machine. Every count
/// that comes from the input is computed in floating point and compared with these; a netlist over a limit gets a
/// located error naming the limit and the command-line option that raises it (see docs/robustness.md).
/// </summary>
/// <param name="MaxPoints">Most points of one sweep (<c>.dc</c>, both sources together; <c>.ac</c>; <c>.hopf</c>) or one
/// transient (its stop time over the print step and over the maximum step). Option <c>--max-points</c>.</param>
/// <param name="MaxDevices">Most elements and subcircuit instances after expansion, estimated from the definitions before anything is
/// expanded. Option <c>--max-devices</c>.</param>
/// <param name="MaxValues">Most values one analysis stores: its points times its output columns, over all
/// <c>.step</c> values together (a run is stopped when it gets there; each value costs about 20 bytes while the
/// run lasts, so the default is about 0.6 GB). Option <c>--max-values</c>.</param>
/// <param name="MaxStall">Most accepted transient time points in which time advances by less than one maximum step
/// (tmax: the print step, or the stop time over 50): a circuit whose step has collapsed stops with an error instead of
/// crawling for hours. Option <c>--max-stall</c>.</param>
/// <param name="MaxStepValues">Most values of a <c>.step</c>. Option <c>--max-steps</c>.</param>
/// <param name="MaxFileBytes">Largest netlist or <c>.include</c>d file, in bytes (only regular files are read).
/// Option <c>--max-file-bytes</c>.</param>
public sealed record NetlistLimits(double MaxPoints = 1e8, double MaxDevices = 1e6, double MaxStepValues = 1e5,
    long MaxFileBytes = 256L << 20, double MaxValues = 3e7, double MaxStall = 1e5)
{
    /// <summary>The defaults.</summary>
    public static NetlistLimits Default { get; } = new();
}
