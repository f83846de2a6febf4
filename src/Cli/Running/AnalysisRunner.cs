using System.Numerics;
using Perovspice.Cli.Results;
using Perovspice.Engine;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Running;

/// <summary>Runs the analyses of a job in netlist order, producing one <see cref="ResultTable"/> each.</summary>
internal sealed class AnalysisRunner
{
    private readonly SimulationJob _job;
    private readonly Simulator _sim;
    private readonly Dictionary<string, int> _countByKind = new();

    public AnalysisRunner(SimulationJob job)
    {
        _job = job;
        _sim = new Simulator(job.Circuit, job.Options);
        foreach (var (node, v) in job.InitialConditions) _sim.InitialConditions[node] = v;
    }

    /// <summary>Reports progress of long analyses: (analysis, value, total, count).</summary>
    public Action<string, double, double, long>? Progress { get; init; }

    /// <summary>Runs one analysis; throws <see cref="SimulationException"/> when it fails.</summary>
    public ResultTable Run(AnalysisJob analysis)
    {
        string kind = analysis.Kind;
        int n = _countByKind[kind] = _countByKind.GetValueOrDefault(kind) + 1;
        string stem = n == 1 ? kind : $"{kind}-{n}";
        return analysis.Statement switch
        {
            OpStatement => RunOp(analysis, stem),
            DcStatement dc => RunDc(analysis, dc, stem),
            TranStatement tran => RunTran(analysis, tran, stem),
            AcStatement ac => RunAc(analysis, ac, stem),
            _ => throw new SimulationException($"{kind}: analysis not supported"),
        };
    }

    private ResultTable NewTable(string kind, string stem, string plot) => new(kind, stem, plot, _job.Title);

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
        });
        return t;
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
