using Perovspice.Engine;
using Perovspice.Netlist;

namespace Perovspice.Cli.Fitting;

/// <summary>
/// <c>perovspice fit</c>: least-squares fit of global parameters of a netlist to measured data (docs/fit.md).
/// Exit 0 success (also when the fit stops at the iteration limit: files written, warning on stderr), 1 netlist or
/// data errors, 2 when the model fails at the start point, 64 usage errors.
/// </summary>
internal static class FitCommand
{
    private const int Ok = 0, InputErrors = 1, ModelFailed = 2;

    /// <summary>Runs the verb on its parsed arguments (usage errors, exit 64, are found by <see cref="FitOptions.Command"/>).</summary>
    public static int Execute(FitOptions options)
    {
        FitModel model;
        try
        {
            var flat = NetlistReader.ReadFile(options.Netlist);
            if (!options.Quiet) foreach (var w in flat.Warnings) Console.Error.WriteLine(w);
            var data = options.Data.Select(FitData.Read).ToList();
            model = new FitModel(flat, options.Netlist, options.Vary, data, options.Weight);
        }
        catch (NetlistException e)
        {
            foreach (var d in e.Diagnostics)
                if (!d.IsWarning || !options.Quiet) Console.Error.WriteLine(d);
            return InputErrors;
        }
        catch (FitInputException e)
        {
            Console.Error.WriteLine(e.ToString());
            return InputErrors;
        }
        var solver = new FitSolver(model, options.Vary, options.MaxIterations)
        {
            Warn = options.Quiet ? null : m => Console.Error.WriteLine($"perovspice: fit: {m}"),
        };
        FitResult result;
        double[][][] fitted;
        try
        {
            result = solver.Fit(options.Starts, options.Seed);
            fitted = model.Simulate(result.Values);
        }
        catch (Exception e) when (e is SimulationException or NetlistException)
        {
            string why = e is NetlistException ne ? string.Join("; ", ne.Errors.Select(d => d.ToString())) : e.Message;
            Console.Error.WriteLine($"{options.Netlist}: error: fit: the model fails at the start point: {why}");
            return ModelFailed;
        }
        string stem = Path.GetFileNameWithoutExtension(options.Netlist);
        string dir = options.OutputDir ?? Path.Combine(Directory.GetCurrentDirectory(), stem + ".fit");
        var files = FitReport.Write(dir, options.Vary, model, result, fitted, options.Netlist);
        if (options.Plot) files.AddRange(FitPlots.Write(dir, model, fitted));
        if (result.HitIterationLimit)
            Console.Error.WriteLine($"perovspice: fit: warning: stopped at the iteration limit ({options.MaxIterations}); the values may not be the minimum");
        if (!options.Quiet)
        {
            Console.Write(FitReport.Table(options.Vary, result));
            Console.Error.WriteLine($"fit: {files.Count} files -> {dir}");
        }
        return Ok;
    }
}
