using Perovspice.Cli.Results;
using Perovspice.Cli.Running;
using Perovspice.Engine;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Sharding;

/// <summary>
/// <c>perovspice run NETLIST --shard K/N -o DIR</c>: runs the step values whose 0-based index i has
/// i mod N = K − 1, each with its own simulator (so its numbers are those of the unsharded run), and writes the same
/// files as <c>run</c> with only those steps' rows, plus <see cref="ShardManifest.FileName"/> and the lossless
/// <see cref="ShardManifest.PartsName"/> that <c>merge</c> joins. Nothing is written when a step fails.
/// </summary>
internal static class ShardRunner
{
    /// <summary>Runs the shard; returns the exit code (0, or 2 when a simulation fails).</summary>
    public static int Run(SteppedJob job, CommandLine line, ShardSpec spec)
    {
        string netlist = line.Netlist!;
        string outDir = line.OutputDir ?? Path.Combine(Directory.GetCurrentDirectory(), Path.GetFileNameWithoutExtension(netlist) + ".out");
        var parts = new List<StepPart>();
        for (int index = 0; index < job.Cases.Count; index++)
        {
            if (!spec.Holds(index)) continue;
            var single = new SteppedJob(job.Parameter, new[] { job.Cases[index] }, job.Warnings);
            var runner = new StepRunner(single, null);
            var analyses = new List<(List<ResultTable>, List<TextTable>)>();
            for (int i = 0; i < runner.Analyses.Count; i++)
            {
                try
                {
                    var tables = runner.Run(i).ToList();
                    analyses.Add((tables, runner.TextOutputs.ToList()));
                }
                catch (SimulationException e)
                {
                    var p = runner.Analyses[i].Statement.Position;
                    Console.Error.WriteLine($"{p.File}:{p.Line}:{p.Column}: error: simulation failed: {e.Message}");
                    return 2;
                }
            }
            parts.Add(new StepPart(index, analyses));
        }
        var manifest = new ShardManifest(NetlistHash.Of(netlist), spec.Index, spec.Count, job.Cases.Count, job.Parameter,
            line.Format, line.Plot, parts.Select(p => (p.Index, job.Cases[p.Index].Value ?? 0)).ToList());
        using var staging = new OutputStaging(outDir);
        StepAssembler.Write(parts, job.Parameter is not null, staging.StagingDirectory, line.Format, line.Plot, line.Quiet);
        StepParts.Write(Path.Combine(staging.StagingDirectory, ShardManifest.PartsName), parts);
        manifest.Write(staging.StagingDirectory);
        staging.Commit();
        if (!line.Quiet)
            Console.Error.WriteLine($"shard {spec}: {parts.Count} of {job.Cases.Count} step{(job.Cases.Count == 1 ? "" : "s")} -> {staging.Target}");
        return 0;
    }
}
