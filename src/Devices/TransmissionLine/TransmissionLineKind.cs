namespace Perovspice.Devices;

/// <summary>The T element kind: <c>Tname p1 n1 p2 n2 z0=… td=…</c> or <c>… z0=… f=… [nl=0.25]</c> (lossless
/// line; td = nl/f).</summary>
public static class TransmissionLineKind
{
    /// <summary>The T kind.</summary>
    public static ElementKind Kind { get; } = new()
    {
        Letter = 't',
        Description = "lossless transmission line",
        MinNodes = 4,
        InstanceParameters = new[]
        {
            ParameterInfo.Positive("z0", "Ω", double.NaN, "characteristic impedance") with { Aliases = new[] { "zo" } },
            ParameterInfo.Positive("td", "s", double.NaN, "one-way delay"),
            ParameterInfo.Positive("f", "Hz", double.NaN, "frequency at which the line is nl wavelengths long"),
            ParameterInfo.Positive("nl", "", 0.25, "length in wavelengths at f"),
        },
        Create = r =>
        {
            if (!r.Has("z0")) throw new ArgumentException($"transmission line '{r.Name}' needs z0");
            double td;
            if (r.Has("td")) td = r.Get("td", 0);
            else if (r.Has("f")) td = r.Get("nl", 0.25) / r.Get("f", 1);
            else throw new ArgumentException($"transmission line '{r.Name}' needs td, or f (and nl)");
            return new TransmissionLine(r.Name, r.Nodes[0], r.Nodes[1], r.Nodes[2], r.Nodes[3], r.Get("z0", 50), td);
        },
    };
}
