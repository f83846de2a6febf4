using System.Numerics;
using Perovspice.Engine;

namespace Perovspice.Devices.Perovskite;

/// <summary>
/// The halide-perovskite memristor `Nname nplus nminus model`, levels 1–3 (see docs/models.md and the shared
/// spec). The device current flows from nplus through the device to nminus. Every level is written in the
/// DAE form F(x) + dQ(x)/dt = 0 with analytic Jacobians; its states are ordinary unknowns:
/// level 1: ic (A); level 2: ic (A) and f (dimensionless); level 3: the interface node x (V) and w (A).
/// </summary>
public sealed partial class PerovskiteMemristor : Device
{
    private int _p, _n;

    /// <summary>Creates a memristor between <paramref name="plus"/> and <paramref name="minus"/>.</summary>
    public PerovskiteMemristor(string name, string plus, string minus, PerovskiteModel model) : base(name, plus, minus)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        var m = model;
        switch (model.Level)
        {
            case 1:
            case 2:
                _cm = m["cm"]; _rb = m["rb"]; _ic0 = m["ic0"]; _vt = m["vt"]; _vm = m["vm"]; _taud = m["taud"]; _rs = m["rs"];
                _tauk = model.Level == 2 ? m["tauk"] : double.NaN;
                break;
            case 3:
                _i0 = m["i0"]; _ir0 = m["ir0"]; _il0 = m["il0"]; _vs = m["vs"]; _vb = m["vb"]; _tault = m["tault"];
                _cm0 = m["cm0"]; _von = m["von"]; _vw = m["vw"]; _tret = m["tret"];
                break;
            default:
                throw new ArgumentException($"perovskite model level must be 1, 2 or 3 (got {model.Level})");
        }
    }

    /// <summary>The model (level and parameter values, instance overrides applied).</summary>
    public PerovskiteModel Model { get; }

    /// <summary>Model level (1, 2 or 3).</summary>
    public int Level => Model.Level;

    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        _p = context.Node(Nodes[0]);
        _n = context.Node(Nodes[1]);
        _haveOld = false;
        if (Level == 3) SetupLevel3(context);
        else SetupLevel12(context);
    }

    /// <inheritdoc />
    public override void Load(LoadContext context)
    {
        if (context.FirstIteration) _haveOld = false;
        if (Level == 3) LoadLevel3(context);
        else
        {
            LoadLevel12Linear(context);
            LoadLevel12(context);
        }
    }

    /// <summary>Levels 1 and 2: the linear part (series and bulk resistance, cm, the state rows' relaxation) is
    /// cached; only the exponential branch is loaded at each iteration.</summary>
    public override bool HasInvariantPart => Level != 3;

    /// <inheritdoc />
    public override void LoadInvariant(LoadContext context)
    {
        if (Level != 3) LoadLevel12Linear(context);
    }

    /// <inheritdoc />
    public override void LoadVarying(LoadContext context)
    {
        if (Level == 3) { Load(context); return; }
        if (context.FirstIteration) _haveOld = false;
        LoadLevel12(context);
    }

    /// <summary>Internal quantities printable as @name[q]: levels 1–2 "u", "ic", ("f" at level 2), "i";
    /// level 3 "v", "w", "il", "i".</summary>
    public override IReadOnlyList<string> QuantityNames => Level switch
    {
        1 => new[] { "u", "ic", "i" },
        2 => new[] { "u", "ic", "f", "i" },
        _ => new[] { "v", "w", "il", "i" },
    };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution solution) =>
        (Level == 3 ? ReadLevel3(name, solution) : ReadLevel12(name, solution))
        ?? base.ReadQuantity(name, solution);

    /// <inheritdoc />
    public override Complex? ReadAcQuantity(string name, AcSolution solution) =>
        Level == 3 ? ReadAcLevel3(name, solution) : ReadAcLevel12(name, solution);

    // Limiting memory: the exponent arguments at which the previous Newton iteration evaluated the device.
    private bool _haveOld;

    /// <summary>Limits <paramref name="z"/> against <paramref name="old"/> (unless there is no previous
    /// iteration), signals the limiting to Newton and remembers the value used.</summary>
    private static double LimitArgument(LoadContext c, double z, ref double old, bool haveOld)
    {
        if (haveOld)
        {
            z = PerovskiteMath.Limit(z, old, out bool limited);
            if (limited) c.SignalLimited();
        }
        old = z;
        return z;
    }
}
