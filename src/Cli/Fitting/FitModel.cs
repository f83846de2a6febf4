using System.Numerics;
using Perovspice.Cli.Running;
using Perovspice.Engine;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Fitting;

/// <summary>
/// The model of a fit: the netlist re-evaluated with the varied global parameters set to trial values (the
/// <c>.step</c> mechanism, <see cref="FlatNetlist.WithParameter"/>), bound, and simulated at exactly the data's
/// sweep points. Residual order: data file by data file, column by column, row by row; every value divided by its
/// sigma. Thread-safe: the Jacobian's evaluations run in parallel.
/// </summary>
internal sealed class FitModel
{
    private static readonly object NetlistLock = new();
    private readonly FlatNetlist _netlist;
    private readonly string _path;
    private readonly IReadOnlyList<FitVary> _vary;
    private long _evaluations;

    /// <summary>Matches the data to the netlist and checks every input; throws <see cref="FitInputException"/>.</summary>
    public FitModel(FlatNetlist netlist, string path, IReadOnlyList<FitVary> vary, IReadOnlyList<FitData> data, string? weight)
    {
        _netlist = netlist; _path = path; _vary = vary;
        if (netlist.Step is { } step) throw new FitInputException(step.Position, "'fit' does not take a netlist with .step (remove it)");
        Start = new double[vary.Count];
        for (int j = 0; j < vary.Count; j++)
        {
            var v = vary[j];
            if (!netlist.GlobalParameters.TryGetValue(v.Name, out var p))
                throw new FitInputException(new SourcePosition(path, 1, 1), $"--vary {v.Written}: '{v.Name}' is not a global .param of the netlist");
            string where = $"--vary {v.Written}";
            if (!(v.Lo < v.Hi)) throw new FitInputException(p.Position, $"{where}: the lower bound {v.Lo:G6} is not below the upper bound {v.Hi:G6}");
            if (v.Log && v.Lo <= 0) throw new FitInputException(p.Position, $"{where}: a :log parameter needs positive bounds");
            if (p.Value < v.Lo || p.Value > v.Hi)
                throw new FitInputException(p.Position, $"{where}: the start value {v.Name} = {p.Value:G6} (this .param) is outside the bounds [{v.Lo:G6}, {v.Hi:G6}]");
            Start[j] = p.Value;
        }
        var job = CircuitBinder.Bind(netlist, path);
        Targets = data.Select(d => Match(d, job, weight)).ToList();
        Observed = Targets.SelectMany(t => t.Columns.SelectMany(c => t.Data.Rows.Select((r, i) => r[c.DataIndex] / c.Sigma[i]))).ToArray();
        if (Observed.Length <= vary.Count)
            throw new FitInputException(new SourcePosition(data[0].Path, 1, 1), $"{Observed.Length} data values for {vary.Count} parameters: the fit needs more values than parameters");
    }

    /// <summary>The start values (the .param values of the netlist), in the order of the --vary options.</summary>
    public double[] Start { get; }

    /// <summary>The data files matched to analyses.</summary>
    public IReadOnlyList<FitTarget> Targets { get; }

    /// <summary>The data divided by sigma, in residual order.</summary>
    public double[] Observed { get; }

    /// <summary>How many times the model has been simulated.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>The model divided by sigma in residual order, for parameter values <paramref name="values"/>. Throws
    /// <see cref="SimulationException"/> or <see cref="NetlistException"/> when the model fails there.</summary>
    public double[] Evaluate(double[] values)
    {
        var raw = Simulate(values);
        var scaled = new double[Observed.Length];
        int k = 0;
        for (int t = 0; t < Targets.Count; t++)
            for (int c = 0; c < Targets[t].Columns.Count; c++)
            {
                var col = Targets[t].Columns[c];
                for (int i = 0; i < raw[t][c].Length; i++) scaled[k++] = raw[t][c][i] / col.Sigma[i];
            }
        return scaled;
    }

    /// <summary>The model's values per target and column at the data points (not scaled).</summary>
    public double[][][] Simulate(double[] values)
    {
        Interlocked.Increment(ref _evaluations);
        SimulationJob job;
        lock (NetlistLock)
        {
            var flat = _netlist;
            for (int j = 0; j < _vary.Count; j++) flat = flat.WithParameter(_vary[j].Name, values[j]);
            job = CircuitBinder.Bind(flat, _path);
        }
        var times = Targets.Where(t => t.Kind == "tran").SelectMany(t => t.Sweep).Distinct().ToList();
        if (times.Count > 0) job.Circuit.Add(new TimeBreakpoints("fit#times", times));
        var sim = new Simulator(job.Circuit, job.Options);
        foreach (var (node, v) in job.InitialConditions) sim.InitialConditions[node] = v;
        var result = new double[Targets.Count][][];
        for (int t = 0; t < Targets.Count; t++)
        {
            var target = Targets[t];
            var analysis = job.Analyses[target.Analysis];
            result[t] = target.Kind switch
            {
                "ac" => RunAc(sim, analysis, target),
                "dc" => RunDc(sim, analysis, target),
                _ => RunTran(sim, analysis, target),
            };
            foreach (var col in result[t])
                foreach (double v in col)
                    if (!double.IsFinite(v)) throw new SimulationException($"{target.Data.Path}: the model gives a non-finite value");
        }
        return result;
    }

    private static double[][] NewColumns(FitTarget t) => t.Columns.Select(_ => new double[t.Data.Rows.Count]).ToArray();

    private static double[][] RunAc(Simulator sim, AnalysisJob analysis, FitTarget t)
    {
        var cols = NewColumns(t);
        var readers = t.Columns.Select(c => (Read: analysis.Probes[c.Probe].AcReader(sim.System), c.Part!)).ToArray();
        int row = 0;
        sim.Ac(new AcSpec(Engine.AcSweepKind.Linear, t.Sweep.Length, t.Sweep[0], t.Sweep[^1]) { List = t.Sweep }, s =>
        {
            for (int c = 0; c < readers.Length; c++) cols[c][row] = readers[c].Item2(readers[c].Read(s));
            row++;
        });
        return cols;
    }

    private static double[][] RunDc(Simulator sim, AnalysisJob analysis, FitTarget t)
    {
        var cols = NewColumns(t);
        var readers = t.Columns.Select(c => analysis.Probes[c.Probe].RealReader(sim.System)).ToArray();
        var dc = (DcStatement)t.Statement;
        int row = 0;
        sim.DcSweep(new[] { new DcSweepSpec(dc.Sweeps[0].Source, 0, 0, 0) { Points = t.Sweep } }, (_, s) =>
        {
            for (int c = 0; c < readers.Length; c++) cols[c][row] = readers[c](s);
            row++;
        });
        return cols;
    }

    /// <summary>The simulation's own points (with the data times as breakpoints) interpolated linearly at the data times.</summary>
    private static double[][] RunTran(Simulator sim, AnalysisJob analysis, FitTarget t)
    {
        var tran = (TranStatement)t.Statement;
        var readers = t.Columns.Select(c => analysis.Probes[c.Probe].RealReader(sim.System)).ToArray();
        var time = new List<double>();
        var values = readers.Select(_ => new List<double>()).ToArray();
        sim.Transient(new TransientSpec(tran.Step, tran.Stop, tran.Start, tran.MaxStep, tran.Uic), s =>
        {
            time.Add(s.Time);
            for (int c = 0; c < readers.Length; c++) values[c].Add(readers[c](s));
        });
        var cols = NewColumns(t);
        for (int i = 0; i < t.Sweep.Length; i++)
        {
            double x = t.Sweep[i];
            int k = time.BinarySearch(x);
            if (k < 0) k = Math.Clamp(~k, 1, time.Count - 1);
            else
            {
                for (int c = 0; c < cols.Length; c++) cols[c][i] = values[c][k];
                continue;
            }
            double t0 = time[k - 1], t1 = time[k], w = t1 > t0 ? (x - t0) / (t1 - t0) : 0;
            for (int c = 0; c < cols.Length; c++) cols[c][i] = values[c][k - 1] + w * (values[c][k] - values[c][k - 1]);
        }
        return cols;
    }

    /// <summary>Finds the analysis a data file belongs to and the print item of each of its columns; sets the sigmas.</summary>
    private static FitTarget Match(FitData data, SimulationJob job, string? weight)
    {
        string sweep = data.Sweep;
        int index = -1;
        for (int a = 0; a < job.Analyses.Count && index < 0; a++)
        {
            var s = job.Analyses[a].Statement;
            if (sweep == "frequency" && s is AcStatement || sweep == "time" && s is TranStatement
                || s is DcStatement dc && dc.Sweeps[0].Source.Equals(sweep, StringComparison.OrdinalIgnoreCase))
                index = a;
        }
        if (index < 0)
            throw new FitInputException(data.HeaderPosition(0), $"sweep column '{data.Header[0]}' matches no analysis of the netlist " +
                "(frequency needs an .ac, time a .tran, a source name a .dc sweeping that source)");
        var analysis = job.Analyses[index];
        var statement = analysis.Statement;
        if (statement is DcStatement { Sweeps.Count: > 1 })
            throw new FitInputException(data.HeaderPosition(0), $"the .dc at {statement.Position} sweeps two sources: 'fit' takes a .dc of one source");
        if (statement is DcStatement temp && temp.Sweeps[0].Source == DcAnalysis.Temperature)
            throw new FitInputException(data.HeaderPosition(0), $"the .dc at {statement.Position} sweeps the temperature: 'fit' takes a .dc of one source");
        // Column names the analysis writes -> (print item, part).
        var names = new Dictionary<string, (int Probe, Func<Complex, double>? Part)>(StringComparer.OrdinalIgnoreCase);
        for (int p = 0; p < analysis.Outputs.Count; p++)
        {
            var item = analysis.Outputs[p].Item;
            if (statement is AcStatement)
                foreach (var (name, part) in analysis.Probes[p].AcColumns()) names.TryAdd(name, (p, part));
            else names.TryAdd(item.Text, (p, null));
        }
        var columns = new List<(string Name, int Index, int Probe, Func<Complex, double>? Part)>();
        var sigmaOf = new Dictionary<int, int>();
        for (int c = 1; c < data.Header.Count; c++)
        {
            string h = data.Header[c];
            if (h.StartsWith("sigma(", StringComparison.OrdinalIgnoreCase) && h.EndsWith(')'))
            {
                string of = h[6..^1];
                int target = data.IndexOf(of);
                if (target <= 0) throw new FitInputException(data.HeaderPosition(c), $"'{h}': the file has no column '{of}'");
                sigmaOf[target] = c;
                continue;
            }
            if (!names.TryGetValue(h, out var m))
                throw new FitInputException(data.HeaderPosition(c), $"column '{h}' is not an output of the netlist's .{statement.Kind} at " +
                    $"{statement.Position} (it writes: {string.Join(", ", names.Keys)})");
            columns.Add((h, c, m.Probe, m.Part));
        }
        foreach (var (col, sc) in sigmaOf)
            for (int r = 0; r < data.Rows.Count; r++)
                if (!(data.Rows[r][sc] > 0))
                    throw new FitInputException(new SourcePosition(data.Path, data.Lines[r], 1), $"'{data.Header[sc]}' must be positive (is {data.Rows[r][sc]:G6})");
        CheckSweep(data, statement);
        var fitted = columns.Select(c => new FitColumn(c.Name, c.Index, c.Probe, c.Part,
            sigmaOf.TryGetValue(c.Index, out int s) ? data.Column(s) : Weights.Sigma(data, c.Index, c.Probe, columns.Select(x => (x.Index, x.Probe, x.Name)).ToList(),
                weight ?? (statement is AcStatement ? "modulus" : "unit")))).ToList();
        return new FitTarget(data, index, statement, fitted);
    }

    private static void CheckSweep(FitData data, AnalysisStatement statement)
    {
        for (int r = 0; r < data.Rows.Count; r++)
        {
            double x = data.Rows[r][0];
            var at = new SourcePosition(data.Path, data.Lines[r], 1);
            if (statement is AcStatement && !(x > 0)) throw new FitInputException(at, $"frequency {x:G6} must be positive");
            if (statement is TranStatement tran)
            {
                if (x < tran.Start || x > tran.Stop)
                    throw new FitInputException(at, $"time {x:G6} is outside the .tran at {tran.Position} ({tran.Start:G6} .. {tran.Stop:G6} s)");
                if (r > 0 && !(x > data.Rows[r - 1][0])) throw new FitInputException(at, "the times must increase from row to row");
            }
        }
    }
}
