using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>How an element line is written after its name (the netlist layer has one reader per form).</summary>
public enum ElementForm
{
    /// <summary><c>NAME nodes… [model] [values…] [flags…] [key=value…]</c>: R C L D N M Q J S T. With
    /// <see cref="ElementKind.MaxNodes"/> &gt; <see cref="ElementKind.MinNodes"/> the optional nodes end at the first
    /// word that names a model (as SPICE reads a BJT's substrate node).</summary>
    Standard,
    /// <summary><c>NAME nodes… SOURCE [model] [values…] [flags…] [key=value…]</c>: the element names
    /// <see cref="ElementKind.References"/> other elements (voltage sources) after its nodes: W, F, H.</summary>
    Referencing,
    /// <summary><c>NAME L1 L2 [L3 …] value</c>: elements named instead of nodes (K).</summary>
    Coupling,
    /// <summary>Independent sources (V, I): dc/ac values and waveforms.</summary>
    Source,
    /// <summary>Voltage-controlled sources (E, G): four nodes and a gain, or a behavioural form (VALUE, POLY, TABLE)
    /// whose compiled function is the payload.</summary>
    VoltageControlled,
    /// <summary>Current-controlled sources (F, H): two nodes, a controlling voltage source and a gain, or POLY(n)
    /// (a behavioural payload).</summary>
    CurrentControlled,
    /// <summary>Behavioural sources (B): <c>V={expr}</c> or <c>I={expr}</c>.</summary>
    Behavioural,
    /// <summary>XSPICE code models (A): <c>NAME port… model</c>, each port a node, <c>%type node</c>,
    /// <c>%type(n1 n2)</c> or a vector <c>[…]</c>; the port list is the payload.</summary>
    CodeModel,
}

/// <summary>
/// One element kind: its letter, how its line is written, which `.model` families it takes, its instance
/// parameter table and its factory. Adding a device is its own files plus one line in the registry
/// (<c>src/Devices/Registry/DeviceCatalog.cs</c>).
/// </summary>
public sealed class ElementKind
{
    /// <summary>Lower-case first letter of the element name ('m').</summary>
    public required char Letter { get; init; }

    /// <summary>One-line description ("MOSFET").</summary>
    public required string Description { get; init; }

    /// <summary>How the line is written.</summary>
    public ElementForm Form { get; init; } = ElementForm.Standard;

    /// <summary>Fewest terminal nodes.</summary>
    public required int MinNodes { get; init; }

    /// <summary>Most terminal nodes (defaults to <see cref="MinNodes"/>).</summary>
    public int MaxNodes
    {
        get => _maxNodes ?? MinNodes;
        init => _maxNodes = value;
    }
    private readonly int? _maxNodes;

    /// <summary>The `.model` families the element accepts (empty: it takes no model).</summary>
    public IReadOnlyList<ModelFamily> Models { get; init; } = Array.Empty<ModelFamily>();

    /// <summary>True when a model name must be given (D, M, Q); false when it is optional (R, C, L).</summary>
    public bool ModelRequired { get; init; }

    /// <summary>Instance parameters written name=value (aliases allowed). `m` (multiplier) belongs here when
    /// the device supports it.</summary>
    public IReadOnlyList<ParameterInfo> InstanceParameters { get; init; } = Array.Empty<ParameterInfo>();

    /// <summary>True when the instance accepts every parameter of its model's level as an override (a perovskite
    /// device); the level's table then replaces <see cref="InstanceParameters"/>.</summary>
    public bool InstanceOverridesModel { get; init; }

    /// <summary>Instance parameters that take a comma-separated list of values (<c>ic=0.6,5</c>).</summary>
    public IReadOnlyList<string> ListParameters { get; init; } = Array.Empty<string>();

    /// <summary>Names of the positional values in order (a diode's "area"); their count is the most allowed.
    /// A positional value and the instance parameter of the same name are the same thing.</summary>
    public IReadOnlyList<string> Values { get; init; } = Array.Empty<string>();

    /// <summary>True when a line ending right after its nodes is an error (R, C, L: the value is missing).</summary>
    public bool ValueRequired { get; init; }

    /// <summary>Bare keywords accepted ("off", "on").</summary>
    public IReadOnlyList<string> Flags { get; init; } = Array.Empty<string>();

    /// <summary>How many element names follow the nodes (<see cref="ElementForm.Referencing"/>) or replace them
    /// (<see cref="ElementForm.Coupling"/>: the least number).</summary>
    public int References { get; init; }

    /// <summary>Builds the device. Throws <see cref="ArgumentException"/> with a message for invalid
    /// combinations (reported at the element).</summary>
    public required Func<DeviceRequest, Device> Create { get; init; }
}
