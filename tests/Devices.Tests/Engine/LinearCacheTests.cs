using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Xunit;

namespace Perovspice.Devices.Tests.EngineCache;

/// <summary>The linear time-invariant cache of <see cref="CircuitSystem"/>: an evaluation that starts from the cached
/// G and C of the resistors, capacitors, inductors, couplings and controlled sources (F += G·x, Q += C·x) equals one
/// that loads every device, in every load mode; a large resistor hierarchy beside a memristor runs.</summary>
public class LinearCacheTests
{
    /// <summary>The mixed circuit; <paramref name="splitMemristors"/> adds level-1 and level-2 memristors, whose linear
    /// part is cached (<see cref="Device.HasInvariantPart"/>).</summary>
    private static Circuit Mixed(bool splitMemristors = true)
    {
        var c = Base();
        if (splitMemristors)
            c.Add(
                new PerovskiteMemristor("n2", "b", "e", PerovskiteModel.Create(1, new Dictionary<string, double>())),
                new PerovskiteMemristor("n3", "e", "0", PerovskiteModel.Create(2, new Dictionary<string, double> { ["rs"] = 20 })),
                new PerovskiteMemristor("n4", "c", "f", PerovskiteModel.Create(1, new Dictionary<string, double> { ["rs"] = 5, ["vm"] = 0.1 })));
        return c;
    }

    private static Circuit Base() => new Circuit().Add(
        new VoltageSource("v1", "in", "0", new SourceValue
        {
            Dc = 0.7,
            Waveform = new PulseWaveform(new[] { 0, 1.2, 0, 1e-4, 1e-4, 1e-3, 2e-3, 3 }),
        }),
        new Resistor("r1", "in", "a", 1e3),
        new Diode("d1", "a", "b", new DiodeModel(new Dictionary<string, double> { ["is"] = 1e-14, ["cjo"] = 2e-12 })),
        new Capacitor("c1", "b", "0", 1e-9),
        new Resistor("r2", "b", "0", 4.7e3),
        new Inductor("l1", "a", "c", 1e-3, initialCurrent: 1e-3),
        new Inductor("l2", "d", "0", 2e-3),
        new MutualInductance("k1", "l1", "l2", 0.8),
        new Resistor("r3", "c", "0", 50),
        new Resistor("r4", "d", "0", 75),
        new VoltageControlledVoltageSource("e1", "e", "0", "a", "b", 3),
        new Resistor("r5", "e", "f", 2e3),
        new VoltageControlledCurrentSource("g1", "f", "0", "b", "0", 1e-3),
        new PerovskiteMemristor("n1", "f", "0", PerovskiteModel.Create(3, new Dictionary<string, double>())),
        new VoltageSource("vs", "f", "g", 0),
        new Resistor("r6", "g", "0", 1e3),
        new CurrentControlledCurrentSource("f1", "h", "0", "vs", 2),
        new CurrentControlledVoltageSource("h1", "i", "0", "vs", 500),
        new Resistor("r7", "h", "0", 1e3),
        new Resistor("r8", "i", "h", 1e3),
        new Capacitor("c2", "i", "0", 1e-6, initialVoltage: 0.3),
        new CurrentSource("i1", "0", "h", 1e-3));

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 1; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1e-3, Math.Abs(expected[i])),
                $"{what}[{i}]: {expected[i]:R} vs {actual[i]:R}");
    }

    private static void SetMode(LoadContext ctx, AnalysisMode mode, bool isStatic, bool stepping, double sourceFactor,
        double gmin, double time, bool firstIteration)
    {
        ctx.Mode = mode;
        ctx.Static = isStatic;
        ctx.TimeStepping = stepping;
        ctx.SourceFactor = sourceFactor;
        ctx.Gmin = gmin;
        ctx.Time = time;
        ctx.FirstIteration = firstIteration;
    }

    public static IEnumerable<object[]> Modes() => new[]
    {
        new object[] { AnalysisMode.Dc, true, false, 1.0, 1e-12, 0.0 },
        new object[] { AnalysisMode.Dc, true, false, 0.35, 1e-12, 0.0 },   // source stepping
        new object[] { AnalysisMode.Dc, true, false, 1.0, 1e-3, 0.0 },     // gmin stepping
        new object[] { AnalysisMode.Transient, false, true, 1.0, 1e-12, 1.5e-4 },
        new object[] { AnalysisMode.Transient, false, true, 1.0, 1e-12, 2.05e-3 },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void CachedEvaluationEqualsFullLoad(AnalysisMode mode, bool isStatic, bool stepping, double sourceFactor,
        double gmin, double time)
    {
        var sys = new Simulator(Mixed()).System;
        var rng = new Random(1234);
        for (int trial = 0; trial < 5; trial++)
        {
            var x = new double[sys.Size + 1];
            for (int i = 1; i <= sys.Size; i++) x[i] = 0.4 * rng.NextDouble() - 0.2; // below the diode's critical voltage: no junction limiting
            var results = new List<double[][]>();
            foreach (bool cache in new[] { false, false, true })
            {
                sys.UseLinearCache = cache;
                var ctx = sys.Load;
                SetMode(ctx, mode, isStatic, stepping, sourceFactor, gmin, time, firstIteration: trial == 0);
                sys.Evaluate(x);
                results.Add(new[] { (double[])ctx.F.Clone(), (double[])ctx.Q.Clone(), (double[])ctx.G.Clone(), (double[])ctx.C.Clone() });
            }
            string[] names = { "F", "Q", "G", "C" };
            // The first pass only puts devices with a state (junction limiting) at x, as they are for the other two.
            for (int k = 0; k < 4; k++) AssertClose(results[1][k], results[2][k], names[k]);
            // Sanity: the circuit's linear part is really in play (non-trivial values).
            Assert.Contains(results[2][2], v => v != 0);
            Assert.Contains(results[2][3], v => v != 0);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void RepeatedCachedEvaluationsEqualFullLoads(AnalysisMode mode, bool isStatic, bool stepping, double sourceFactor,
        double gmin, double time)
    {
        // One system always cached (from its second evaluation on only the slots of the loaded devices are reset to
        // the cache), one never: the same iterates give the same F, Q, G and C.
        var cached = new Simulator(Mixed()).System;
        var full = new Simulator(Mixed()).System;
        full.UseLinearCache = false;
        var rng = new Random(99);
        for (int trial = 0; trial < 6; trial++)
        {
            var x = new double[cached.Size + 1];
            for (int i = 1; i <= cached.Size; i++) x[i] = 0.4 * rng.NextDouble() - 0.2;
            foreach (var sys in new[] { cached, full })
            {
                // first iteration: no limiting against the previous iterate, both see x itself
                SetMode(sys.Load, mode, isStatic, stepping, sourceFactor, gmin, time, firstIteration: true);
                sys.Evaluate(x);
            }
            AssertClose(full.Load.F, cached.Load.F, "F");
            AssertClose(full.Load.Q, cached.Load.Q, "Q");
            AssertClose(full.Load.G, cached.Load.G, "G");
            AssertClose(full.Load.C, cached.Load.C, "C");
        }
    }

    [Fact]
    public void UseInitialConditionsLoadsEveryDevice()
    {
        var sys = new Simulator(Mixed()).System;
        var x = new double[sys.Size + 1];
        for (int i = 1; i <= sys.Size; i++) x[i] = 0.1 * i;
        var expected = new List<double[]>();
        foreach (bool cache in new[] { false, true })
        {
            sys.UseLinearCache = cache;
            sys.Load.UseInitialConditions = false;
            sys.Evaluate(x); // builds the cache on the second pass
            sys.Load.UseInitialConditions = true;
            sys.Evaluate(x);
            expected.Add((double[])sys.Load.Q.Clone());
        }
        AssertClose(expected[0], expected[1], "Q");
        // The capacitor's ic= (0.3 V) replaces v(i): the charge on node i is not C·v(i) + other terms of x.
        sys.Load.UseInitialConditions = false;
        sys.Evaluate(x);
        Assert.NotEqual(expected[1][sys.NodeIndex("i")], sys.Load.Q[sys.NodeIndex("i")]);
    }

    [Fact]
    public void CachedAndUncachedTransientsAgree()
    {
        var runs = new List<List<double>>();
        foreach (bool cache in new[] { false, true })
        {
            var sim = new Simulator(Mixed(splitMemristors: false));
            sim.System.UseLinearCache = cache;
            var v = new List<double>();
            sim.Transient(new TransientSpec(1e-5, 3e-3), s => v.Add(s.V("f")));
            runs.Add(v);
        }
        Assert.Equal(runs[0].Count, runs[1].Count);
        int first = -1; double worst = 0;
        for (int i = 0; i < runs[0].Count; i++)
        {
            double d = Math.Abs(runs[0][i] - runs[1][i]);
            if (d > 1e-15 && first < 0) first = i;
            worst = Math.Max(worst, d);
        }
        // Not bit-identical: a different summation order changes the last bits of F, and through them where Newton
        // stops (loading the same devices in reverse order, without the cache, moves this waveform by 2.5e-9 V).
        Assert.True(worst < 1e-7, $"first difference at point {first} of {runs[0].Count}, worst {worst} V");
    }

    /// <summary>6^6 = 46,656 one-kilohm resistors on one node (the flattened subcircuit hierarchy of the fuzz case)
    /// beside a level-3 perovskite memristor under a 1.2 V pulse: the resistors are loaded once, not at every
    /// Newton iteration, so this short transient runs quickly. No timing assertion; the node follows the source.</summary>
    [Fact]
    public void ResistorHierarchyBesideMemristorRuns()
    {
        var ckt = new Circuit();
        for (int i = 0; i < 46656; i++) ckt.Add(new Resistor($"xh.r{i}", "a", "0", 1e3));
        ckt.Add(new VoltageSource("v1", "a", "0", new SourceValue
        {
            Waveform = new PulseWaveform(new[] { 0, 1.2, 0, 1e-4, 1e-4, 99.9e-3, 1 }),
        }));
        ckt.Add(new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(3, new Dictionary<string, double>())));
        var sim = new Simulator(ckt);
        int points = 0;
        double last = double.NaN, lastTime = 0;
        sim.Transient(new TransientSpec(1e-3, 2), s => { points++; last = s.V("a"); lastTime = s.Time; });
        Assert.True(points > 10);
        Assert.Equal(2, lastTime, 9);
        Assert.Equal(0, last, 9);
    }
}
