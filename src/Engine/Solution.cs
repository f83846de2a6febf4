using System.Numerics;

namespace Perovspice.Engine;

/// <summary>A solution point of a dc or transient analysis. The arrays are owned by the analysis and reused
/// between points: read them in the callback, copy what you keep.</summary>
public sealed class Solution
{
    internal Solution(CircuitSystem system)
    {
        System = system;
        X = new double[system.Size + 1];
        Xdot = new double[system.Size + 1];
    }

    /// <summary>The compiled circuit the solution belongs to.</summary>
    public CircuitSystem System { get; }
    /// <summary>Simulated time (0 in dc).</summary>
    public double Time { get; internal set; }
    /// <summary>Unknowns by index (0 = ground = 0).</summary>
    public double[] X { get; }
    /// <summary>Time derivatives of the unknowns as the integration formula sees them (0 in dc).</summary>
    public double[] Xdot { get; }

    /// <summary>Voltage of a node by name.</summary>
    public double V(string node) => X[System.NodeIndex(node)];

    /// <summary>Voltage between two nodes.</summary>
    public double V(string node1, string node2) => V(node1) - V(node2);

    /// <summary>The current of a device by name: a source's or inductor's branch current, or the current through a
    /// two-terminal device (as <c>i(name)</c> prints it).</summary>
    /// <exception cref="ArgumentException">No such device, or one without a current.</exception>
    public double I(string device) => Device(device).ReadQuantity("i", this);

    /// <summary>A device's internal quantity, as <c>@device[quantity]</c> prints it (e.g. a memristor's state).</summary>
    /// <exception cref="ArgumentException">No such device or quantity.</exception>
    public double Quantity(string device, string quantity) => Device(device).ReadQuantity(quantity, this);

    /// <summary>Reads probe text: <c>v(a)</c>, <c>v(a,b)</c>, <c>i(v1)</c>, <c>@n1[ic]</c>, a node name
    /// (<see cref="Probe.Parse"/>).</summary>
    /// <exception cref="FormatException">Text that is not a probe.</exception>
    /// <exception cref="ArgumentException">An unknown node, device or quantity.</exception>
    public double Read(string probe) => Probe.Parse(probe).Read(this);

    private Device Device(string name) =>
        System.Circuit.Find(name) ?? throw new ArgumentException($"no device '{name}'");
}

/// <summary>A small-signal solution at one frequency.</summary>
public sealed class AcSolution
{
    internal AcSolution(CircuitSystem system, double[] operatingPoint)
    {
        System = system;
        X = new Complex[system.Size + 1];
        OperatingPoint = operatingPoint;
    }

    /// <summary>The compiled circuit.</summary>
    public CircuitSystem System { get; }
    /// <summary>Frequency in Hz.</summary>
    public double Frequency { get; internal set; }
    /// <summary>Complex unknowns by index (0 = ground).</summary>
    public Complex[] X { get; }
    /// <summary>The dc operating point the circuit was linearized at.</summary>
    public double[] OperatingPoint { get; }

    /// <summary>Complex voltage of a node by name.</summary>
    public Complex V(string node) => X[System.NodeIndex(node)];

    /// <summary>Complex voltage between two nodes.</summary>
    public Complex V(string node1, string node2) => V(node1) - V(node2);

    /// <summary>The complex current of a device by name (as <c>i(name)</c> in ac).</summary>
    /// <exception cref="ArgumentException">No such device.</exception>
    public Complex I(string device) => Probe.Current(device).ReadAc(this);

    /// <summary>Reads probe text as a complex value: <c>v(a)</c>, <c>v(a,b)</c>, <c>i(v1)</c>, <c>@d1[id]</c>
    /// (the part function of <c>vm(a)</c>, <c>vdb(a)</c> … is not applied: see <see cref="Probe.AcColumns"/>).</summary>
    /// <exception cref="FormatException">Text that is not a probe.</exception>
    public Complex Read(string probe) => Probe.Parse(probe).ReadAc(this);
}
