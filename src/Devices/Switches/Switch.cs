using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>
/// Base of the S and W switches: a resistance ron or roff between the two terminals, chosen by a two-valued
/// state that follows a control value with hysteresis (<see cref="SwitchModel.Next"/>).
/// </summary>
/// <remarks>
/// In a dc-type solve (operating point, dc sweep, the transient's starting point) the state is re-decided from
/// the control at every Newton iterate, starting from the initial state (the on/off flag, else off) on a fresh
/// solve (whose first iterate, x = 0, is not used to decide); a change counts as a limited step so that the solve does not stop on it, and after
/// <see cref="MaxFlipsPerSolve"/> changes the state is frozen so that a circuit that has no consistent state
/// still ends. During a transient the state changes only at accepted time points
/// (<see cref="AcceptTimePoint"/>), and <see cref="FindEvent"/> makes the integration place a point just after
/// each threshold crossing.
/// </remarks>
public abstract class Switch : Device
{
    private TerminalBlock? _block;
    private int _flips;

    /// <summary>Creates the switch between the first two of <paramref name="nodes"/>.</summary>
    protected Switch(string name, SwitchModel model, bool? initiallyOn, params string[] nodes) : base(name, nodes)
    {
        Model = model ?? throw new ArgumentException($"switch '{name}' needs a model");
        InitiallyOn = initiallyOn;
        On = initiallyOn ?? false;
    }

    /// <summary>Most state changes within one dc-type solve before the state is frozen.</summary>
    public const int MaxFlipsPerSolve = 20;

    /// <summary>The model.</summary>
    public SwitchModel Model { get; }
    /// <summary>The initial state given by the on/off flag, or null.</summary>
    public bool? InitiallyOn { get; }
    /// <summary>The present state (true: on).</summary>
    public bool On { get; private set; }

    /// <inheritdoc />
    public override bool IsLinear => false; // piecewise linear: the matrix changes when the state does

    /// <summary>The control value (V or A) in solution <paramref name="x"/>.</summary>
    protected abstract double Control(double[] x);

    /// <summary>Looks up the two switch terminals; subclasses add their control.</summary>
    public override void Setup(SetupContext c)
    {
        _block = TerminalBlock.Reserve(c, c.Node(Nodes[0]), c.Node(Nodes[1]));
    }

    /// <inheritdoc />
    public override IEnumerable<(string A, string B)> DcPaths() => new[] { (Nodes[0], Nodes[1]) };

    /// <summary>The temperature of the switch's thermal noise, K (the circuit's; default 27 °C).</summary>
    public double Temperature { get; init; } = Units.NominalTemperature;

    /// <summary>The thermal noise 4kT/R of the resistance of the present state (ron or roff, as at the operating
    /// point), generator <c>thermal</c>, as ngspice 39.</summary>
    public override IEnumerable<NoiseSource> NoiseSources(Solution operatingPoint)
    {
        double r = On ? Model.OnResistance : Model.OffResistance;
        yield return NoiseSource.Thermal("thermal", _block!.Node(0), _block.Node(1), 1 / r, Temperature, Units.Boltzmann);
    }

    /// <inheritdoc />
    public override void Load(LoadContext c)
    {
        if (!c.TimeStepping)
        {
            // A fresh solve starts from the initial state (x = 0 says nothing about the control yet).
            if (c.InitJunctions) On = InitiallyOn ?? false;
            if (c.FirstIteration) _flips = 0;
            bool next = c.InitJunctions ? On : Model.Next(On, Control(c.X));
            if (next != On && _flips < MaxFlipsPerSolve)
            {
                On = next;
                _flips++;
                c.SignalLimited();
            }
        }
        double g = 1 / (On ? Model.OnResistance : Model.OffResistance);
        _block!.Branch(c, 0, 1, g * _block.Voltage(c, 0, 1), g);
    }

    /// <summary>A transient starts from the initial state (with uic there is no operating point to decide it;
    /// the control at t = 0 then decides in <see cref="AcceptTimePoint"/>).</summary>
    public override void BeginTransient(TransientSpec spec, List<double> breakpoints) => On = InitiallyOn ?? false;

    /// <inheritdoc />
    public override double FindEvent(double t0, double[] x0, double t1, double[] x1)
    {
        double c1 = Control(x1);
        if (Model.Next(On, c1) == On) return double.PositiveInfinity;
        double level = On ? Model.OffLevel : Model.OnLevel;
        double c0 = Control(x0);
        if (Model.Next(On, c0) != On || c1 == c0) return t0;
        double frac = Math.Clamp((level - c0) / (c1 - c0), 0, 1);
        return t0 + frac * (t1 - t0);
    }

    /// <summary>States lasting a single accepted point (with no state lasting 50 points in between) after which
    /// the transient stops with an error: the switch chatters, its own action moving its control back across a
    /// threshold at once (a switch without hysteresis in a feedback loop; ngspice stops with "timestep too
    /// small" there).</summary>
    public const int MaxChatter = 1000;

    private long _points, _lastFlipPoint = -10;
    private int _chatter;

    /// <inheritdoc />
    public override void AcceptTimePoint(TimePointContext context)
    {
        if (context.Time == 0) { _points = 0; _lastFlipPoint = -10; _chatter = 0; }
        _points++;
        bool next = Model.Next(On, Control(context.X));
        if (next == On) return;
        On = next;
        context.SignalDiscontinuity();
        // A state that lasted a single point counts towards chattering; one that lasted 50 points clears it.
        long lasted = _points - _lastFlipPoint;
        if (lasted <= 1) _chatter++;
        else if (lasted >= 50) _chatter = 0;
        _lastFlipPoint = _points;
        if (_chatter >= MaxChatter)
            throw new SimulationException($"transient at t={context.Time:G6}: switch '{Name}' changes state at every time step (its control sits at its threshold); give its model a hysteresis (vh or ih > 0)");
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => new[] { "i", "state" };

    /// <inheritdoc />
    public override double ReadQuantity(string name, Solution s) => name switch
    {
        "i" => _block!.Voltage(s.X, 0, 1) / (On ? Model.OnResistance : Model.OffResistance),
        "state" => On ? 1 : 0,
        _ => base.ReadQuantity(name, s),
    };
}
