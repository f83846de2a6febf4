namespace Perovspice.Devices.CodeModels;

/// <summary>How an XSPICE port connection is read or driven (the <c>%v</c>, <c>%vd</c>, <c>%i</c>, <c>%id</c>
/// prefixes of an <c>A</c> element's connections).</summary>
public enum PortType
{
    /// <summary><c>%v</c>: the voltage of one node to ground (input), or a voltage source from the node to ground
    /// (output).</summary>
    Voltage,
    /// <summary><c>%vd</c>: the voltage between two nodes (input), or a voltage source between them (output).</summary>
    DifferentialVoltage,
    /// <summary><c>%i</c>: the current through a zero-volt source from the node to ground (input), or a current
    /// flowing from the node into the element and to ground (output).</summary>
    Current,
    /// <summary><c>%id</c>: as <see cref="Current"/> between two nodes (from the first to the second).</summary>
    DifferentialCurrent,
}

/// <summary>One port of a code model as the manual's port table describes it.</summary>
/// <param name="Name">Port name ("in", "out", "num").</param>
/// <param name="IsOutput">True for an output port.</param>
/// <param name="IsVector">True for a vector port written <c>[n1 n2 …]</c> (summer, mult inputs).</param>
public sealed record CodePortSpec(string Name, bool IsOutput, bool IsVector = false)
{
    /// <summary>The port type used when a connection has no <c>%</c> prefix.</summary>
    public PortType Default { get; init; } = PortType.Voltage;
}

/// <summary>One connection of an instance port: its type and its node (and reference node; "0" for single-ended
/// types).</summary>
public sealed record CodeConnection(PortType Type, string Plus, string Minus);

/// <summary>The connections of one port of an instance (one for a scalar port, one or more for a vector port).</summary>
public sealed record CodePort(CodePortSpec Spec, IReadOnlyList<CodeConnection> Connections);

/// <summary>The port types perovspice reads, by their netlist prefix (without <c>%</c>); the
/// other prefixes of the manual (<c>g gd h hd d vnam</c>) are refused by the netlist.</summary>
public static class PortTypes
{
    /// <summary>The type written <paramref name="prefix"/> (lower case, no <c>%</c>), or null when perovspice does
    /// not support it.</summary>
    public static PortType? Find(string prefix) => prefix switch
    {
        "v" => PortType.Voltage,
        "vd" => PortType.DifferentialVoltage,
        "i" => PortType.Current,
        "id" => PortType.DifferentialCurrent,
        _ => null,
    };

    /// <summary>True for the types that connect two nodes.</summary>
    public static bool IsDifferential(PortType t) => t is PortType.DifferentialVoltage or PortType.DifferentialCurrent;

    /// <summary>Every prefix the XSPICE manual defines, for telling "unsupported" from "unknown".</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string> { "v", "vd", "i", "id", "g", "gd", "h", "hd", "d", "vnam" };
}
