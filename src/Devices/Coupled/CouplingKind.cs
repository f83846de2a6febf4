namespace Perovspice.Devices;

/// <summary>The K element kind: <c>Kname L1 L2 k</c> (mutual inductance, |k| ≤ 1).</summary>
public static class CouplingKind
{
    /// <summary>The K kind.</summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 'k',
        Description = "mutual inductance (coupled inductors)",
        Form = ElementForm.Coupling,
        MinNodes = 0,
        References = 2,
        Values = new[] { "k" },
        InstanceParameters = new[]
        {
            new ParameterInfo("k", "", 0, "coupling coefficient", v => Math.Abs(v) <= 1, "between -1 and 1"),
        },
        Create = r =>
        {
            if (r.References.Count != 2)
                throw new ArgumentException($"coupling '{r.Name}' takes two inductors (got {r.References.Count})");
            if (r.Values.Count != 1) throw new ArgumentException($"coupling '{r.Name}' needs its coefficient k");
            return new MutualInductance(r.Name, r.References[0], r.References[1], r.Values[0]);
        },
    };
}
