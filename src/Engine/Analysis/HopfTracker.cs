using System.Numerics;

namespace Perovspice.Engine.Analysis;

/// <summary>A Hopf bifurcation located between two sweep points: a complex pair crossing the imaginary axis.</summary>
/// <param name="Value">The swept source's value at the crossing (linear interpolation in the pair's real part).</param>
/// <param name="Omega">|Im λ| at the crossing, rad/s (the imaginary part interpolated at the same fraction).</param>
/// <param name="Direction">+1 when the pair becomes unstable (Re λ turns positive) as the swept value increases,
/// −1 when it becomes stable.</param>
public sealed record HopfPoint(double Value, double Omega, int Direction)
{
    /// <summary>Frequency of the oscillation that starts there, Hz: ω/(2π).</summary>
    public double Frequency => Omega / (2 * Math.PI);
}

/// <summary>
/// Finds Hopf points along a sweep. At each point it keeps the rightmost complex pair (the eigenvalue with
/// |Im λ| &gt; 1e-8·|λ| of largest real part, taken with Im λ &gt; 0); between two consecutive points that both have one,
/// a sign change of its real part is a crossing. Its location is the zero of the straight line through the two real
/// parts, and ω the imaginary part interpolated linearly at that same fraction of the step (errors O(step²)). A real
/// eigenvalue crossing zero (a saddle-node or fold) is not a Hopf point and is ignored; so is a pair that turns real
/// between two points. With a coarse step two crossings inside one step cancel and are missed.
/// </summary>
public sealed class HopfTracker
{
    private const double ComplexThreshold = 1e-8;
    private bool _hasPrevious;
    private double _previousValue;
    private Complex? _previousPair;
    private readonly List<HopfPoint> _points = new();

    /// <summary>The crossings found so far, in sweep order.</summary>
    public IReadOnlyList<HopfPoint> Points => _points;

    /// <summary>The rightmost complex pair of a set of eigenvalues (the member with Im λ &gt; 0), or null if none.</summary>
    public static Complex? RightmostPair(IReadOnlyList<Complex> eigenvalues)
    {
        Complex? best = null;
        foreach (var l in eigenvalues)
        {
            if (!(Math.Abs(l.Imaginary) > ComplexThreshold * l.Magnitude)) continue;
            var upper = new Complex(l.Real, Math.Abs(l.Imaginary));
            if (best == null || upper.Real > best.Value.Real) best = upper;
        }
        return best;
    }

    /// <summary>Adds the next sweep point; returns the Hopf point found between it and the previous one, if any.</summary>
    /// <param name="value">The swept value.</param>
    /// <param name="eigenvalues">The finite eigenvalues at that point.</param>
    public HopfPoint? Add(double value, IReadOnlyList<Complex> eigenvalues)
    {
        var pair = RightmostPair(eigenvalues);
        HopfPoint? found = null;
        if (_hasPrevious && _previousPair is { } p && pair is { } q && (p.Real < 0) != (q.Real < 0))
        {
            double t = p.Real / (p.Real - q.Real);
            double at = _previousValue + t * (value - _previousValue);
            double omega = p.Imaginary + t * (q.Imaginary - p.Imaginary);
            int direction = Math.Sign(q.Real - p.Real) * Math.Sign(value - _previousValue);
            found = new HopfPoint(at, omega, direction);
            _points.Add(found);
        }
        _hasPrevious = true;
        _previousValue = value;
        _previousPair = pair;
        return found;
    }
}
