namespace Perovspice.Devices.Behavioral;

/// <summary>What a behavioural expression reads from the circuit.</summary>
public enum ControlInputKind
{
    /// <summary>A node voltage <c>v(a)</c>, or a voltage difference <c>v(a,b)</c>.</summary>
    Voltage,
    /// <summary>The branch current <c>i(name)</c> of a device that has one (a voltage source, E, H, L, or a
    /// <c>V=</c> behavioural source).</summary>
    Current,
    /// <summary>The value of one of the expression's own <see cref="TimeTerm"/>s (<c>ddt(...)</c> or <c>idt(...)</c>):
    /// an internal unknown of the source; <see cref="ControlInput.Name"/> is the term's index.</summary>
    State,
}

/// <summary>One input of a <see cref="IBehavioralFunction"/>, named as in the netlist (hierarchical, lower case).
/// The <see cref="BehavioralSource"/> resolves it to unknowns at setup.</summary>
/// <param name="Kind">Voltage or branch current.</param>
/// <param name="Name">The node (voltage) or the device (current).</param>
/// <param name="Reference">For <c>v(a,b)</c> the second node; null for a voltage to ground and for currents.</param>
public sealed record ControlInput(ControlInputKind Kind, string Name, string? Reference = null)
{
    /// <summary><c>v(node)</c>, or <c>v(node, reference)</c> when a reference node is given.</summary>
    public static ControlInput NodeVoltage(string node, string? reference = null) => new(ControlInputKind.Voltage, node, reference);

    /// <summary><c>i(device)</c>: the branch current of a device.</summary>
    public static ControlInput BranchCurrent(string device) => new(ControlInputKind.Current, device);

    /// <summary>The value of time term <paramref name="index"/> of the same function.</summary>
    public static ControlInput TermValue(int index) => new(ControlInputKind.State, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>As written in an expression: <c>v(a)</c>, <c>v(a,b)</c>, <c>i(v1)</c>.</summary>
    public override string ToString() =>
        Kind == ControlInputKind.Current ? $"i({Name})" : Kind == ControlInputKind.State ? $"term{Name}" : Reference is null ? $"v({Name})" : $"v({Name},{Reference})";
}
