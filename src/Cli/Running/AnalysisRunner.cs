using System.Numerics;
using Perovspice.Cli.Results;
using Perovspice.Engine;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Running;

/// <summary>Runs the analyses of a job in netlist order, producing one <see cref="ResultTable"/> each (two for hopf:
/// the sweep and its Hopf points).</summary>
internal sealed class AnalysisRunner
{
    private readonly SimulationJob _job;
    private readonly Simulator _sim;
    private readonly Dictionary<string, int> _countByKind = new();
    private readonly Dictionary<string, double?> _measured = new();
    private MeasureRecorder? _recorder;

    public AnalysisRunner(SimulationJob job)
    {
        _job = job;
        _sim = new Simulator(job.Circuit, job.Options);
        foreach (var (node, v) in job.InitialConditions) _sim.InitialConditions[node] = v;
    }

    /// <summary>The simulator (for analyses registered in <see cref="AnalysisRegistry"/>).</summary>
    internal Simulator Simulator => _sim;

    /// <summary>The text tables of the last <see cref="Run"/>: its .meas results (<c>meas</c>), .four (<c>four</c>),
    /// and those of text-valued analyses (<c>pz</c>).</summary>
    public List<TextTable> TextOutputs { get; } = new();

    /// <summary>Reports progress of long analyses: (analysis, value, total, count).</summary>
    public Action<string, double, double, long>? Progress { get; init; }

    /// <summary>Runs one analysis; throws <see cref="SimulationException"/> when it fails. One table per analysis,
    /// except hopf: the sweep (<c>hopf</c>) and its crossings (<c>hopf-points</c>).</summary>
    public IReadOnlyList<ResultTable> Run(AnalysisJob analysis)
    {
        string kind = analysis.Kind;
        int n = _countByKind[kind] = _countByKind.GetValueOrDefault(kind) + 1;
        string stem = n == 1 ? kind : $"{kind}-{n}";
        TextOutputs.Clear();
        _recorder = analysis.Measures.IsEmpty ? null : new MeasureRecorder(analysis.Measures, _sim.System);
        var tables = analysis.Statement switch
        {
            OpStatement => new[] { RunOp(analysis, stem) },
            DcStatement dc => new[] { RunDc(analysis, dc, stem) },
            TranStatement tran => new[] { RunTran(analysis, tran, stem) },
            AcStatement ac => new[] { RunAc(analysis, ac, stem) },
            HopfStatement hopf => RunHopf(analysis, hopf, stem),
            _ => AnalysisRegistry.Find(analysis.Statement)?.Invoke(this, analysis, stem)
                 ?? throw new SimulationException($"{kind}: analysis not supported"),
        };
        if (_recorder?.Measures(stem, _measured) is { } meas) TextOutputs.Add(meas);
        if (_recorder?.Fourier(stem) is { } four) TextOutputs.Add(four);
        _recorder = null;
        return tables;
    }

    internal ResultTable NewTable(string kind, string stem, string plot) => new(kind, stem, plot, _job.Title);

    private List<(ResultColumn Col, RawVector Vec, Func<Solution, double> Read)> RealColumns(AnalysisJob a, ResultTable t)
    {
        var list = new List<(ResultColumn, RawVector, Func<Solution, double>)>();
        foreach (var probe in a.Outputs)
        {
            var col = new ResultColumn(probe.Item.Text);
            var (name, type) = probe.Item.Function is "v" or "i" || probe.Item.Kind == PrintItemKind.Device
                ? ColumnPlan.RawName(probe.Item) : (probe.Item.Text, VectorType.NoType);
            var vec = new RawVector(name, type, false);
            t.Columns.Add(col);
            t.Vectors.Add(vec);
            list.Add((col, vec, ColumnPlan.RealReader(probe, _sim.System)));
        }
        return list;
    }

    private static void AddRow(List<(ResultColumn Col, RawVector Vec, Func<Solution, double> Read)> cols, Solution s)
    {
        foreach (var (col, vec, read) in cols)
        {
            double v = read(s);
            if (!double.IsFinite(v)) throw new SimulationException($"non-finite value of '{col.Name}'");
            col.Values.Add(v);
            vec.Real.Add(v);
        }
    }

    private ResultTable RunOp(AnalysisJob a, string stem)
    {
        var t = NewTable("op", stem, "Operating Point");
        var cols = RealColumns(a, t);
        AddRow(cols, _sim.OperatingPoint());
        return t;
    }

    private ResultTable RunDc(AnalysisJob a, DcStatement dc, string stem)
    {
        var t = NewTable("dc", stem, "DC transfer characteristic");
        var sweepCols = new List<(ResultColumn, RawVector)>();
        foreach (var s in dc.Sweeps)
        {
            var type = _job.Circuit.Find(s.Source) is Devices.CurrentSource ? VectorType.Current : VectorType.Voltage;
            var pair = (new ResultColumn(s.Source.ToLowerInvariant()), new RawVector(s.Source.ToLowerInvariant(), type, false));
            sweepCols.Add(pair);
            t.Columns.Add(pair.Item1);
            t.Vectors.Add(pair.Item2);
        }
        var cols = RealColumns(a, t);
        var specs = dc.Sweeps.Select(s => new DcSweepSpec(s.Source, s.Start, s.Stop, s.Step)).ToList();
        _sim.DcSweep(specs, (values, sol) =>
        {
            for (int k = 0; k < values.Length; k++)
            {
                sweepCols[k].Item1.Values.Add(values[k]);
                sweepCols[k].Item2.Real.Add(values[k]);
            }
            AddRow(cols, sol);
            _recorder?.Add(values[0], sol);
        });
        return t;
    }

    /// <summary>hopf: swept value, re/im of the rightmost eigenvalue, the print items; and the Hopf points table
    /// (swept value, frequency, omega, direction).</summary>
    private ResultTable[] RunHopf(AnalysisJob a, HopfStatement hopf, string stem)
    {
        var t = NewTable("hopf", stem, "Stability (Hopf) sweep");
        string src = hopf.Source.ToLowerInvariant();
        var type = _job.Circuit.Find(hopf.Source) is Devices.CurrentSource ? VectorType.Current : VectorType.Voltage;
        var sweep = AddRealColumn(t, src, type);
        var re = AddRealColumn(t, "re(lambda)", VectorType.NoType);
        var im = AddRealColumn(t, "im(lambda)", VectorType.NoType);
        var cols = RealColumns(a, t);
        var tracker = new Engine.Analysis.HopfTracker();
        var values = new DcSweepSpec(hopf.Source, hopf.Start, hopf.Stop, hopf.Step);
        double total = values.Values().Length;
        long count = 0;
        _sim.Hopf(values, (value, sol, eigenvalues) =>
        {
            if (eigenvalues.Count == 0)
                throw new SimulationException($"hopf analysis at {hopf.Source}={value:G6}: the linearized circuit has no finite natural frequencies (no capacitor or inductor state): nothing to analyse");
            var right = Engine.Analysis.PencilEigenvalues.Rightmost(eigenvalues);
            sweep(value);
            re(right.Real);
            im(right.Imaginary);
            AddRow(cols, sol);
            tracker.Add(value, eigenvalues);
            if ((++count & 63) == 0) Progress?.Invoke("hopf", count, total, count);
        });
        var points = NewTable("hopf-points", stem + "-points", "Hopf points");
        var pSweep = AddRealColumn(points, src, type);
        var pFreq = AddRealColumn(points, "frequency", VectorType.Frequency);
        var pOmega = AddRealColumn(points, "omega", VectorType.NoType);
        var pDir = AddRealColumn(points, "direction", VectorType.NoType);
        foreach (var p in tracker.Points)
        {
            pSweep(p.Value);
            pFreq(p.Frequency);
            pOmega(p.Omega);
            pDir(p.Direction);
        }
        return new[] { t, points };
    }

    /// <summary>Adds a real column and its raw vector; returns the function that appends a value to both.</summary>
    private static Action<double> AddRealColumn(ResultTable t, string name, VectorType type)
    {
        var col = new ResultColumn(name);
        var vec = new RawVector(name, type, false);
        t.Columns.Add(col);
        t.Vectors.Add(vec);
        return v =>
        {
            col.Values.Add(v);
            vec.Real.Add(v);
        };
    }

    private ResultTable RunTran(AnalysisJob a, TranStatement tran, string stem)
    {
        var t = NewTable("tran", stem, "Transient Analysis");
        var timeCol = new ResultColumn("time");
        var timeVec = new RawVector("time", VectorType.Time, false);
        t.Columns.Add(timeCol);
        t.Vectors.Add(timeVec);
        var cols = RealColumns(a, t);
        var spec = new TransientSpec(tran.Step, tran.Stop, tran.Start, tran.MaxStep, tran.Uic);
        long count = 0;
        _sim.Transient(spec, s =>
        {
            timeCol.Values.Add(s.Time);
            timeVec.Real.Add(s.Time);
            AddRow(cols, s);
            _recorder?.Add(s.Time, s);
            if ((++count & 255) == 0) Progress?.Invoke("tran", s.Time, tran.Stop, count);
        });
        return t;
    }

    private ResultTable RunAc(AnalysisJob a, AcStatement ac, string stem)
    {
        var t = NewTable("ac", stem, "AC Analysis");
        var fCol = new ResultColumn("frequency");
        var fVec = new RawVector("frequency", VectorType.Frequency, true);
        t.Columns.Add(fCol);
        t.Vectors.Add(fVec);
        var readers = new List<(Func<AcSolution, Complex> Read, List<(ResultColumn Col, Func<Complex, double> Part)> Cols, RawVector? Vec)>();
        var rawNames = new HashSet<string>();
        foreach (var probe in a.Outputs)
        {
            var cols = new List<(ResultColumn, Func<Complex, double>)>();
            foreach (var (name, part) in ColumnPlan.AcColumns(probe.Item))
            {
                var col = new ResultColumn(name);
                t.Columns.Add(col);
                cols.Add((col, part));
            }
            var (rawName, type) = ColumnPlan.RawName(probe.Item);
            RawVector? vec = null;
            if (rawNames.Add(rawName))
            {
                vec = new RawVector(rawName, type, true);
                t.Vectors.Add(vec);
            }
            readers.Add((ColumnPlan.AcReader(probe, _sim.System), cols, vec));
        }
        var kind = ac.Sweep switch { Netlist.AcSweepKind.Dec => Engine.AcSweepKind.Decade, Netlist.AcSweepKind.Oct => Engine.AcSweepKind.Octave, _ => Engine.AcSweepKind.Linear };
        _sim.Ac(new AcSpec(kind, ac.Points, ac.Start, ac.Stop), s =>
        {
            fCol.Values.Add(s.Frequency);
            fVec.Real.Add(s.Frequency);
            fVec.Imag.Add(0);
            _recorder?.Add(s);
            foreach (var (read, cols, vec) in readers)
            {
                var z = read(s);
                foreach (var (col, part) in cols)
                {
                    double v = part(z);
                    if (!double.IsFinite(v)) throw new SimulationException($"ac analysis at {s.Frequency:G6} Hz: non-finite value of '{col.Name}'");
                    col.Values.Add(v);
                }
                if (vec != null) { vec.Real.Add(z.Real); vec.Imag.Add(z.Imaginary); }
            }
        });
        return t;
    }
}
