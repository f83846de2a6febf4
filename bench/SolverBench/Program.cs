// Cost of the linear algebra of a netlist's matrix at its operating point: the pivot order's size (nnz(L+U),
// multiply-adds per refactorization) with minimum-degree Markowitz alone and with the nested-dissection blocks,
// and the time of one numeric refactorization and of one solve (medians of repeated runs, after warm-up).
// Usage: dotnet run -c Release --project bench/SolverBench -- FILE.cir [FILE.cir ...]
using System.Diagnostics;
using System.Reflection;
using Perovspice.Engine;
using Perovspice.Engine.Sparse;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;

if (args.Length > 0 && args[0] == "--eig")
{
    // --eig FILE [count]: the eigenvalues nearest zero at the operating point, sparse (and dense up to 2000 unknowns).
    var job = StepBinder.Bind(NetlistReader.ReadFile(args[1]), args[1]).Cases[0].Job;
    var sim = new Simulator(job.Circuit, job.Options);
    var op = sim.OperatingPoint();
    int count = args.Length > 2 ? int.Parse(args[2]) : 12;
    var sw = Stopwatch.StartNew();
    var sparse = Perovspice.Engine.Analysis.SparsePencilEigenvalues.AtPoint(sim.System, op.X, count);
    Console.WriteLine($"n = {sim.System.Size}: sparse {sw.Elapsed.TotalSeconds:F2} s, {sparse.Length} eigenvalues, rightmost {Perovspice.Engine.Analysis.PencilEigenvalues.Rightmost(sparse)}");
    foreach (var l in sparse.OrderByDescending(l => l.Real).Take(count)) Console.WriteLine($"  {l}");
    if (sim.System.Size <= 2000)
    {
        var (g, c) = sim.System.DenseJacobians(op.X);
        var dense = Perovspice.Engine.Analysis.PencilEigenvalues.Finite(g, c);
        Console.WriteLine($"dense: {dense.Length} eigenvalues, rightmost {Perovspice.Engine.Analysis.PencilEigenvalues.Rightmost(dense)}");
        foreach (var l in sparse)
            Console.WriteLine($"  {l}: relative distance to the nearest dense {dense.Min(d => (d - l).Magnitude) / l.Magnitude:E2}");
    }
    return;
}

foreach (var path in args)
{
    var job = StepBinder.Bind(NetlistReader.ReadFile(path), path).Cases[0].Job;
    var sim = new Simulator(job.Circuit, job.Options);
    var sys = sim.System;
    var op = sim.OperatingPoint();
    // J = G (+ C/1ns, a transient step's matrix) at the operating point, through the engine's internal load buffers.
    var flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
    typeof(CircuitSystem).GetMethod("Evaluate", flags)!.Invoke(sys, new object[] { op.X });
    var load = typeof(CircuitSystem).GetProperty("Load", flags)!.GetValue(sys)!;
    var g = (double[])load.GetType().GetProperty("G")!.GetValue(load)!;
    var c = (double[])load.GetType().GetProperty("C")!.GetValue(load)!;
    var j = new double[g.Length];
    for (int s = 0; s < j.Length; s++) j[s] = g[s] + 1e9 * c[s];
    double[]? reference = null;
    RealSparseSolver lu = null!;
    foreach (var (kind, parallel) in new[] { (FactorizationKind.LeftLooking, false), (FactorizationKind.Multifrontal, false), (FactorizationKind.Multifrontal, true) })
    {
        SparseLU<double, RealOps>.AllowParallel = parallel;
        lu = new RealSparseSolver(sys.Pattern) { Factorization = kind };
        var sw = Stopwatch.StartNew();
        lu.Factor(j);
        double orderMs = sw.Elapsed.TotalMilliseconds;
        var rhs = new double[sys.Size + 1];
        var times = new List<double>();
        int reps = Math.Max(7, (int)Math.Min(2000, 2e8 / Math.Max(1, lu.RefactorMultiplyAdds * 3.0)));
        for (int r = 0; r < reps; r++) { sw.Restart(); lu.Factor(j); times.Add(sw.Elapsed.TotalMicroseconds); }
        times.Sort();
        var solves = new List<double>();
        for (int r = 0; r < reps; r++)
        {
            for (int i = 1; i <= sys.Size; i++) rhs[i] = 1e-3 * (i % 7);
            sw.Restart(); lu.Solve(rhs); solves.Add(sw.Elapsed.TotalMicroseconds);
        }
        solves.Sort();
        string diff = "";
        if (reference == null) reference = (double[])rhs.Clone();
        else
        {
            double maxd = 0, maxv = 0;
            for (int i = 1; i <= sys.Size; i++) { maxd = Math.Max(maxd, Math.Abs(rhs[i] - reference[i])); maxv = Math.Max(maxv, Math.Abs(reference[i])); }
            diff = $", max |x - x_leftlooking| / max |x| = {maxd / maxv:E2}";
        }
        string sn = "";
        if (lu.UsesMultifrontal)
        {
            var core0 = typeof(SparseSolver<double>).GetField("_lu", flags)!.GetValue(lu)!;
            var mf = core0.GetType().GetField("_mf", flags)!.GetValue(core0)!;
            var sym = (SupernodalSymbolic)mf.GetType().GetField("_s", flags)!.GetValue(mf)!;
            sn = $" [{sym.Count} supernodes, largest front {sym.MaxFront}, {sym.FactorValues} factor values, {sym.Flops} multiply-adds, stack {sym.StackTotal}, split {sym.Split}: lanes {sym.LaneOrder[0].Length}/{sym.LaneOrder[1].Length}/{sym.LaneOrder[2].Length} supernodes, serial columns {sym.SerialCols.Length}]";
        }
        Console.WriteLine($"{Path.GetFileName(path)} {kind}{(parallel ? " parallel" : "")}: n = {sys.Size}, nnz(A) = {lu.MatrixNonZeros}, nnz(L+U) = {lu.FactorNonZeros}, " +
                          $"multiply-adds {lu.RefactorMultiplyAdds}, " +
                          $"ordering {orderMs:F1} ms, refactor {times[reps / 2]:F1} us (min {times[0]:F1}), solve {solves[reps / 2]:F1} us (min {solves[0]:F1}) (median of {reps}){diff}{sn}");
    }
    if (Environment.GetEnvironmentVariable("SOLVERBENCH_TAIL") == "1")
    {
        var core = typeof(SparseSolver<double>).GetField("_lu", flags)!.GetValue(lu)!;
        var sym = (SymbolicLU)core.GetType().GetProperty("Symbolic")!.GetValue(core)!;
        int n = sym.N;
        long total = sym.Flops();
        foreach (double frac in new[] { 0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99 })
        {
            int s = (int)(n * frac), m = n - s;
            long sparse = 0, schur = 0, inTail = 0;
            for (int k = 0; k < n; k++)
            {
                long fk = sym.LStart[k + 1] - sym.LStart[k];
                for (int t = sym.UStart[k]; t < sym.UStart[k + 1]; t++)
                {
                    int jj = sym.UIdx[t];
                    long lj = sym.LStart[jj + 1] - sym.LStart[jj];
                    if (k < s) fk += lj;
                    else if (jj < s) schur += lj;
                    else inTail++;
                }
                if (k < s) sparse += fk;
                else for (int t = sym.LStart[k]; t < sym.LStart[k + 1]; t++) inTail++;
            }
            Console.WriteLine($"  split {frac:F2}: m = {m}, tail density {(inTail + m) / (double)m / m:P1}, sparse part {sparse / 1e6:F2} M, schur updates {schur / 1e6:F2} M, dense m^3/3 {m * (double)m * m / 3e6:F2} M, total now {total / 1e6:F2} M");
        }
    }
}
