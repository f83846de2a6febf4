using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// SPICE K element: <c>K1 L1 L2 k</c>, the magnetic coupling of two inductors with mutual inductance
/// M = k·√(L1·L2), |k| ≤ 1. Each inductor's flux gains M times the other's current, so the branch equations
/// become v1 = L1·di1/dt + M·di2/dt and v2 = M·di1/dt + L2·di2/dt (in the engine's DAE form the charges of the
/// two branch rows gain −M·i2 and −M·i1).
/// </summary>
/// <remarks>
/// Several K elements may share inductors; the inductance matrix of every group of coupled inductors must be
/// positive semidefinite (k = ±1 gives a singular but valid matrix, an ideal coupling), else the energy ½·iᵀLi
/// could be negative (a subset of the couplings may be indefinite while the whole set is not). The last K element
/// of a group (in circuit order) checks the group's matrix in <see cref="SetupLate"/> and is the one reported.
/// </remarks>
public sealed class MutualInductance : Device
{
    private Inductor? _l1, _l2;
    private int _b1, _b2, _s12, _s21;

    /// <summary>Creates the coupling of inductors <paramref name="inductor1"/> and <paramref name="inductor2"/>
    /// with coupling coefficient <paramref name="coupling"/>.</summary>
    public MutualInductance(string name, string inductor1, string inductor2, double coupling) : base(name)
    {
        if (!double.IsFinite(coupling) || Math.Abs(coupling) > 1)
            throw new ArgumentException($"coupling '{name}': the coupling coefficient must satisfy |k| <= 1 (got {coupling:G6})");
        if (string.Equals(inductor1, inductor2, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"coupling '{name}': an inductor cannot be coupled to itself");
        Inductor1 = inductor1;
        Inductor2 = inductor2;
        Coupling = coupling;
    }

    /// <summary>Name of the first inductor.</summary>
    public string Inductor1 { get; }
    /// <summary>Name of the second inductor.</summary>
    public string Inductor2 { get; }
    /// <summary>The coupling coefficient k.</summary>
    public double Coupling { get; }
    /// <summary>M = k·√(L1·L2) in H (known after setup).</summary>
    public double Mutual { get; private set; }

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => Array.Empty<(string, string)>();

    /// <inheritdoc />
    public override void Setup(SetupContext c) { }

    /// <inheritdoc />
    public override void SetupLate(SetupContext c)
    {
        _l1 = Resolve(c, Inductor1);
        _l2 = Resolve(c, Inductor2);
        if (!(_l1.Inductance > 0) || !(_l2.Inductance > 0))
            throw new ArgumentException($"coupling '{Name}': coupled inductances must be > 0");
        Mutual = Coupling * Math.Sqrt(_l1.Inductance * _l2.Inductance);
        _b1 = _l1.BranchIndex;
        _b2 = _l2.BranchIndex;
        _s12 = c.Slot(_b1, _b2);
        _s21 = c.Slot(_b2, _b1);
        CheckDefinite(c.Devices);
    }

    /// <summary>Checks the named inductors and, when this is the last K element of its group, the group's
    /// inductance matrix (see the remarks); throws <see cref="ArgumentException"/>.</summary>
    public override void Validate(Circuit circuit)
    {
        foreach (var name in new[] { Inductor1, Inductor2 })
        {
            var d = circuit.Find(name) ?? throw new ArgumentException($"coupling '{Name}': unknown inductor '{name}'");
            if (d is not Inductor l) throw new ArgumentException($"coupling '{Name}': '{name}' is not an inductor");
            if (!(l.Inductance > 0)) throw new ArgumentException($"coupling '{Name}': coupled inductances must be > 0");
        }
        CheckDefinite(circuit.Devices);
    }

    private Inductor Resolve(SetupContext c, string name)
    {
        var d = c.FindDevice(name) ?? throw new ArgumentException($"coupling '{Name}': unknown inductor '{name}'");
        return d as Inductor ?? throw new ArgumentException($"coupling '{Name}': '{name}' is not an inductor");
    }

    /// <summary>Checks the normalised inductance matrix (ones on the diagonal, k off it; same definiteness as
    /// the inductance matrix) of the group of inductors coupled to this element's, when this element is the
    /// group's last.</summary>
    private void CheckDefinite(IReadOnlyList<Device> devices)
    {
        var couplings = new List<MutualInductance>();
        foreach (var d in devices)
            if (d is MutualInductance m) couplings.Add(m);
        // The group: inductors reachable from this element's through the couplings.
        var group = new List<string> { Inductor1.ToLowerInvariant(), Inductor2.ToLowerInvariant() };
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (var m in couplings)
            {
                string a = m.Inductor1.ToLowerInvariant(), b = m.Inductor2.ToLowerInvariant();
                bool ha = group.Contains(a), hb = group.Contains(b);
                if (ha == hb) continue;
                group.Add(ha ? b : a);
                grew = true;
            }
        }
        // Only the group's last coupling (in circuit order) checks it, so that one element reports a bad group.
        for (int j = couplings.Count - 1; j >= 0; j--)
        {
            var m = couplings[j];
            if (!group.Contains(m.Inductor1.ToLowerInvariant())) continue;
            if (!ReferenceEquals(m, this)) return;
            break;
        }
        int n = group.Count;
        var k = new double[n, n];
        for (int i = 0; i < n; i++) k[i, i] = 1;
        foreach (var m in couplings)
        {
            int a = group.IndexOf(m.Inductor1.ToLowerInvariant()), b = group.IndexOf(m.Inductor2.ToLowerInvariant());
            if (a < 0 || b < 0) continue;
            k[a, b] += m.Coupling;
            k[b, a] += m.Coupling;
        }
        if (!IsPositiveSemidefinite(k))
            throw new ArgumentException($"coupling '{Name}': the inductance matrix of {string.Join(", ", group)} is not positive definite (the coupling coefficients are inconsistent)");
    }

    /// <summary>Symmetric LDLᵀ without pivoting, accepting zero pivots (within rounding) whose column is zero.</summary>
    internal static bool IsPositiveSemidefinite(double[,] a)
    {
        const double tol = 1e-10;
        int n = a.GetLength(0);
        var m = (double[,])a.Clone();
        for (int j = 0; j < n; j++)
        {
            double d = m[j, j];
            if (d < -tol) return false;
            if (d <= tol)
            {
                for (int i = j + 1; i < n; i++)
                    if (Math.Abs(m[i, j]) > 1e-7) return false;
                continue;
            }
            for (int i = j + 1; i < n; i++)
            {
                double f = m[i, j] / d;
                for (int l = j + 1; l < n; l++) m[i, l] -= f * m[j, l];
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool IsTimeInvariant => true;

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        double i1 = c.X[_b1], i2 = c.X[_b2];
        if (c.UseInitialConditions)
        {
            if (_l1!.InitialCurrent is double ic1) i1 = ic1;
            if (_l2!.InitialCurrent is double ic2) i2 = ic2;
        }
        c.Q[_b1] -= Mutual * i2;
        c.Q[_b2] -= Mutual * i1;
        c.C[_s12] -= Mutual;
        c.C[_s21] -= Mutual;
    }
}
