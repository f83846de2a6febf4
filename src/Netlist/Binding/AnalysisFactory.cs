using Perovspice.Engine;
using Perovspice.Engine.Analysis;

namespace Perovspice.Netlist.Binding;

/// <summary>
/// Turns an analysis statement into the engine's analysis object. Adding an analysis is its engine class
/// (a <see cref="SimulationAnalysis"/>), its statement and parser, and one line in <see cref="Factories"/>; the
/// command line runs and writes every analysis through <see cref="SimulationAnalysis.Tabulate"/>.
/// </summary>
public static class AnalysisFactory
{
    private static readonly Dictionary<Type, Func<AnalysisStatement, Inputs, SimulationAnalysis?>> Factories = new()
    {
        [typeof(OpStatement)] = (_, _) => new OperatingPointAnalysis(),
        [typeof(DcStatement)] = (s, i) => Dc((DcStatement)s, i.CircuitAtTemperature, i.CircuitWithResistance),
        [typeof(TranStatement)] = (s, i) => Tran((TranStatement)s, i.InitialConditions),
        [typeof(AcStatement)] = (s, _) => Ac((AcStatement)s),
        [typeof(HopfStatement)] = (s, _) => Hopf((HopfStatement)s),
        [typeof(TransferFunctionStatement)] = (s, _) => TransferFunction((TransferFunctionStatement)s),
        [typeof(PoleZeroStatement)] = (s, _) => PoleZero((PoleZeroStatement)s),
        [typeof(NoiseStatement)] = (s, _) => Noise((NoiseStatement)s),
    };

    private sealed record Inputs(IReadOnlyDictionary<string, double> InitialConditions, Func<double, Circuit>? CircuitAtTemperature,
        Func<string, double, Circuit>? CircuitWithResistance);

    /// <summary>The engine analysis of <paramref name="statement"/>, or null when none is registered for its type.</summary>
    /// <param name="statement">The evaluated statement.</param>
    /// <param name="initialConditions">The netlist's <c>.ic</c> node voltages (used by tran).</param>
    /// <param name="circuitAtTemperature">Binds the netlist's circuit at a temperature in °C (used by a
    /// <c>.dc temp</c> sweep; one without it is not supported).</param>
    /// <param name="circuitWithResistance">Binds the netlist's circuit with a resistor's value replaced (used by a
    /// <c>.dc R1 …</c> sweep; one without it is not supported).</param>
    public static SimulationAnalysis? Create(AnalysisStatement statement, IReadOnlyDictionary<string, double> initialConditions,
        Func<double, Circuit>? circuitAtTemperature = null, Func<string, double, Circuit>? circuitWithResistance = null) =>
        Factories.TryGetValue(statement.GetType(), out var make)
            ? make(statement, new Inputs(initialConditions, circuitAtTemperature, circuitWithResistance)) : null;

    private static DcAnalysis? Dc(DcStatement dc, Func<double, Circuit>? circuitAtTemperature,
        Func<string, double, Circuit>? circuitWithResistance)
    {
        var sweeps = dc.Sweeps.Select(s => new DcSweepSpec(s.Source, s.Start, s.Stop, s.Step)).ToList();
        int resistor = dc.Sweeps.ToList().FindIndex(s => s.ElementValue);
        if (resistor >= 0)
        {
            if (circuitWithResistance is null) return null;
            string name = dc.Sweeps[resistor].Source;
            return new DcAnalysis(sweeps, resistor, ohms => circuitWithResistance(name, ohms));
        }
        bool temperature = sweeps.Any(DcAnalysis.IsTemperature);
        if (temperature && circuitAtTemperature is null) return null;
        return new DcAnalysis(sweeps, temperature ? circuitAtTemperature : null);
    }

    private static TransientAnalysis Tran(TranStatement tran, IReadOnlyDictionary<string, double> initialConditions)
    {
        var a = new TransientAnalysis(new TransientSpec(tran.Step, tran.Stop, tran.Start, tran.MaxStep, tran.Uic));
        foreach (var (node, v) in initialConditions) a.InitialConditions[node] = v;
        return a;
    }

    private static AcAnalysis Ac(AcStatement ac) => new(new AcSpec(ac.Sweep, ac.Points, ac.Start, ac.Stop));

    private static HopfAnalysis Hopf(HopfStatement hopf) => new(new DcSweepSpec(hopf.Source, hopf.Start, hopf.Stop, hopf.Step));

    private static TransferFunctionAnalysis TransferFunction(TransferFunctionStatement tf)
    {
        var o = tf.Output;
        var spec = o.Kind == PrintItemKind.Current
            ? new TransferFunctionSpec(tf.Input, null, null, o.Names[0])
            : new TransferFunctionSpec(tf.Input, o.Names[0], o.Names.Count > 1 ? o.Names[1] : "0", null);
        return new TransferFunctionAnalysis(spec, o.Text);
    }

    private static NoiseAnalysis Noise(NoiseStatement noise) =>
        new(new NoiseSpec(noise.Output, noise.Reference, noise.Source, new AcSpec(noise.Sweep, noise.Points, noise.Start, noise.Stop),
                noise.PointsPerSummary),
            noise.Columns);

    private static PoleZeroAnalysis PoleZero(PoleZeroStatement pz) =>
        new(new PoleZeroSpec(pz.InPositive, pz.InNegative, pz.OutPositive, pz.OutNegative, pz.CurrentInput, pz.Poles, pz.Zeros));
}
