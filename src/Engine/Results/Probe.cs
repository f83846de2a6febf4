using System.Numerics;

namespace Perovspice.Engine;

/// <summary>What a probe measures.</summary>
public enum ProbeKind
{
    /// <summary>A node voltage or the difference of two (<c>v(a)</c>, <c>v(a,b)</c>, <c>vm(a)</c>, …).</summary>
    Voltage,
    /// <summary>A device's current (<c>i(v1)</c>, <c>im(r1)</c>, …).</summary>
    Current,
    /// <summary>A device's internal quantity (<c>@n1[ic]</c>, <c>@d1[id]</c>).</summary>
    DeviceQuantity,
}

/// <summary>The physical type of a result vector (as ngspice's raw files type them).</summary>
public enum QuantityType
{
    /// <summary>Time in s.</summary>
    Time,
    /// <summary>Frequency in Hz.</summary>
    Frequency,
    /// <summary>Voltage in V.</summary>
    Voltage,
    /// <summary>Current in A.</summary>
    Current,
    /// <summary>Anything else (sweep values of other kinds, device states, eigenvalues).</summary>
    None,
    /// <summary>A noise spectrum in V/√Hz.</summary>
    VoltageDensity,
    /// <summary>A noise spectrum in A/√Hz.</summary>
    CurrentDensity,
}

/// <summary>
/// One quantity to read from a solution, as SPICE's <c>.print</c> writes it: <c>v(a)</c>, <c>v(a,b)</c>,
/// <c>i(v1)</c>, a bare node name <c>a</c>, <c>@n1[ic]</c>, and in ac the parts <c>vr vi vm vp vdb</c> (and
/// <c>ir ii im ip idb</c>). Make one with <see cref="Parse"/> or the factory methods; read it with
/// <see cref="Read(Solution)"/> (dc, tran) or <see cref="ReadAc"/> (the complex value, ac).
/// </summary>
public sealed class Probe
{
    private Probe(string text, ProbeKind kind, string function, IReadOnlyList<string> names, string? quantity)
    {
        Text = text;
        Kind = kind;
        Function = function;
        Names = names;
        Quantity = quantity;
    }

    /// <summary>The probe as written (lower case), e.g. "v(out)", "vm(out)", "@n1[ic]"; results are named so.</summary>
    public string Text { get; }
    /// <summary>What it measures.</summary>
    public ProbeKind Kind { get; }
    /// <summary>The print function: "v", "vr", "vi", "vm", "vp", "vdb", "i", "ir", … ("" for a device quantity).</summary>
    public string Function { get; }
    /// <summary>The node names (voltage: one or two) or the device name (current, device quantity).</summary>
    public IReadOnlyList<string> Names { get; }
    /// <summary>The device quantity's name (e.g. "ic"), else null.</summary>
    public string? Quantity { get; }

    /// <summary>A voltage probe: v(node) or v(node, reference), with an ac part function (vm, vdb, …).</summary>
    /// <param name="node">The node.</param>
    /// <param name="reference">The reference node, or null for ground.</param>
    /// <param name="function">v, vr, vi, vm, vp or vdb.</param>
    /// <param name="text">The name as written; by default <c>function(node[,reference])</c>.</param>
    public static Probe Voltage(string node, string? reference = null, string function = "v", string? text = null)
    {
        CheckFunction(function, 'v');
        var names = reference is null ? new[] { node } : new[] { node, reference };
        return new Probe(text ?? $"{function}({string.Join(",", names)})".ToLowerInvariant(), ProbeKind.Voltage,
            function, names, null);
    }

    /// <summary>A current probe: i(device) (the branch current of a source or inductor, or the current through a
    /// two-terminal device), with an ac part function (im, idb, …).</summary>
    /// <param name="device">The device name.</param>
    /// <param name="function">i, ir, ii, im, ip or idb.</param>
    /// <param name="text">The name as written; by default <c>function(device)</c>.</param>
    public static Probe Current(string device, string function = "i", string? text = null)
    {
        CheckFunction(function, 'i');
        return new Probe(text ?? $"{function}({device})".ToLowerInvariant(), ProbeKind.Current, function, new[] { device }, null);
    }

    /// <summary>A device quantity probe: <c>@device[quantity]</c>.</summary>
    /// <param name="device">The device name.</param>
    /// <param name="quantity">The quantity, one of the device's <see cref="Device.QuantityNames"/>.</param>
    /// <param name="text">The name as written; by default <c>@device[quantity]</c>.</param>
    public static Probe DeviceQuantity(string device, string quantity, string? text = null) =>
        new(text ?? $"@{device}[{quantity}]".ToLowerInvariant(), ProbeKind.DeviceQuantity, "", new[] { device }, quantity);

    /// <summary>Parses probe text: <c>v(a)</c>, <c>v(a,b)</c>, <c>vm(a)</c>, <c>i(v1)</c>, <c>idb(v1)</c>,
    /// <c>@n1[ic]</c> or a bare node name <c>a</c> (its voltage).</summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static Probe Parse(string text)
    {
        string t = text.Trim().ToLowerInvariant().Replace(" ", "");
        if (t.StartsWith('@'))
        {
            int open = t.IndexOf('['), close = t.LastIndexOf(']');
            if (open < 2 || close != t.Length - 1 || close <= open + 1) throw new FormatException($"'{text}' is not @device[quantity]");
            return DeviceQuantity(t[1..open], t[(open + 1)..close], t);
        }
        int paren = t.IndexOf('(');
        if (paren < 0)
        {
            if (t.Length == 0 || !(char.IsAsciiLetterOrDigit(t[0]) || t[0] == '_')) throw new FormatException($"'{text}' is not a probe");
            return Voltage(t, null, "v", t);
        }
        if (!t.EndsWith(')')) throw new FormatException($"'{text}' is not a probe");
        string f = t[..paren];
        var args = t[(paren + 1)..^1].Split(',');
        if (args.Any(a => a.Length == 0)) throw new FormatException($"'{text}' is not a probe");
        if (f.Length > 0 && f[0] == 'v' && IsPart(f[1..]) && args.Length is 1 or 2)
            return Voltage(args[0], args.Length == 2 ? args[1] : null, f, t);
        if (f.Length > 0 && f[0] == 'i' && IsPart(f[1..]) && args.Length == 1)
            return Current(args[0], f, t);
        throw new FormatException($"'{text}' is not a probe (expected v(...), i(...), @device[quantity] or a node name)");
    }

    private static bool IsPart(string s) => s is "" or "r" or "i" or "m" or "p" or "db";

    private static void CheckFunction(string function, char letter)
    {
        if (function.Length == 0 || function[0] != letter || !IsPart(function[1..]))
            throw new ArgumentException($"'{function}' is not a {letter} function ({letter}, {letter}r, {letter}i, {letter}m, {letter}p, {letter}db)");
    }

    /// <summary>Reads the probe from a dc or transient solution (ac part functions apply to the real value:
    /// vm is |v|, vp is 0 or 180, vdb is 20·log10|v|, vi is 0).</summary>
    /// <exception cref="ArgumentException">An unknown node or device, or a quantity the device does not have.</exception>
    public double Read(Solution solution) => RealReader(solution.System)(solution);

    /// <summary>Reads the probe's complex value from an ac solution (the part function is not applied: use
    /// <see cref="AcColumns"/> for the parts).</summary>
    /// <exception cref="ArgumentException">An unknown node or device.</exception>
    /// <exception cref="SimulationException">A device quantity without a small-signal value.</exception>
    public Complex ReadAc(AcSolution solution) => AcReader(solution.System)(solution);

    /// <summary>A compiled reader of this probe for solutions of <paramref name="system"/> (names resolved once).</summary>
    public Func<Solution, double> RealReader(CircuitSystem system)
    {
        switch (Kind)
        {
            case ProbeKind.Voltage:
            {
                int a = system.NodeIndex(Names[0]);
                int b = Names.Count > 1 ? system.NodeIndex(Names[1]) : 0;
                var transform = RealTransform(Function);
                return s => transform(s.X[a] - s.X[b]);
            }
            case ProbeKind.Current:
            {
                var d = FindDevice(system);
                var transform = RealTransform(Function);
                return s => transform(d.ReadQuantity("i", s));
            }
            default:
            {
                var d = FindDevice(system);
                string q = Quantity!;
                return s => d.ReadQuantity(q, s);
            }
        }
    }

    /// <summary>A compiled complex reader of this probe for ac solutions of <paramref name="system"/>.</summary>
    public Func<AcSolution, Complex> AcReader(CircuitSystem system)
    {
        switch (Kind)
        {
            case ProbeKind.Voltage:
            {
                int a = system.NodeIndex(Names[0]);
                int b = Names.Count > 1 ? system.NodeIndex(Names[1]) : 0;
                return s => s.X[a] - s.X[b];
            }
            case ProbeKind.Current:
            {
                var d = FindDevice(system);
                if (d.BranchIndex > 0) { int k = d.BranchIndex; return s => s.X[k]; }
                return s => d.ReadAcQuantity("i", s) ?? Complex.Zero;
            }
            default:
            {
                var d = FindDevice(system);
                string q = Quantity!;
                string text = Text;
                return s => d.ReadAcQuantity(q, s) ?? throw new SimulationException(
                    $"ac analysis: '{text}' has no small-signal value", "ac analysis", null, s.Frequency);
            }
        }
    }

    private Device FindDevice(CircuitSystem system) =>
        system.Circuit.Find(Names[0]) ?? throw new ArgumentException($"no device '{Names[0]}'");

    private static Func<double, double> RealTransform(string function) => function.Length < 2 ? (v => v) : function[1..] switch
    {
        "r" => v => v,
        "i" => _ => 0,
        "m" => Math.Abs,
        "p" => v => v < 0 ? 180 : 0,
        "db" => v => 20 * Math.Log10(Math.Max(Math.Abs(v), 1e-300)),
        _ => v => v,
    };

    /// <summary>The ac columns of this probe: names and how each is computed from the complex value. A bare v(a) or
    /// i(v) gives its real and imaginary parts (vr(a), vi(a)); a device quantity re(@d[q]) and im(@d[q]); a part
    /// function (vm, vdb, …) one column named as written.</summary>
    public IEnumerable<(string Name, Func<Complex, double> Part)> AcColumns()
    {
        string f = Function;
        if (Kind == ProbeKind.DeviceQuantity)
        {
            yield return ($"re({Text})", z => z.Real);
            yield return ($"im({Text})", z => z.Imaginary);
            yield break;
        }
        if (f is "v" or "i")
        {
            string args = Text[1..];
            yield return ($"{f}r{args}", z => z.Real);
            yield return ($"{f}i{args}", z => z.Imaginary);
            yield break;
        }
        Func<Complex, double> part = f[1..] switch
        {
            "r" => z => z.Real,
            "i" => z => z.Imaginary,
            "m" => z => z.Magnitude,
            "p" => z => z.Phase * 180 / Math.PI,
            _ => z => 20 * Math.Log10(Math.Max(z.Magnitude, 1e-300)),
        };
        yield return (Text, part);
    }

    /// <summary>The result vector's name and type as ngspice's raw files name it: v(...)/i(...) with the part
    /// suffix dropped; a device quantity as written.</summary>
    public (string Name, QuantityType Type) RawName => Kind switch
    {
        ProbeKind.Voltage => ("v" + Text[Function.Length..], QuantityType.Voltage),
        ProbeKind.Current => ("i" + Text[Function.Length..], QuantityType.Current),
        _ => (Text, QuantityType.None),
    };

    /// <summary>The raw name of a real-valued column: <see cref="RawName"/> for v, i and device quantities; the
    /// text itself, untyped, for part functions (vm, vdb, …).</summary>
    internal (string Name, QuantityType Type) RealRawName =>
        Function is "v" or "i" || Kind == ProbeKind.DeviceQuantity ? RawName : (Text, QuantityType.None);

    /// <inheritdoc/>
    public override string ToString() => Text;
}
