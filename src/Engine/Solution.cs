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
}
