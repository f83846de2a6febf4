namespace Perovspice.Engine;

/// <summary>One unknown of the circuit's system: a node voltage, a branch current or a device state.</summary>
/// <param name="Index">1-based position in the solution vector (0 is ground and never an unknown).</param>
/// <param name="Name">Display name: the node name, or "device#what" for branch currents and states.</param>
/// <param name="Kind">What it measures; sets its tolerances.</param>
public sealed record Unknown(int Index, string Name, UnknownKind Kind);
