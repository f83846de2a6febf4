// Times NetlistReader.ReadFile on the given netlist files (after one warm-up read).
// Usage: dotnet run -c Release --project bench/NetlistBench -- FILE [FILE...]
using System.Diagnostics;
using Perovspice.Netlist;

foreach (var path in args)
{
    for (int run = 0; run < 3; run++)
    {
        long alloc0 = GC.GetTotalAllocatedBytes(true);
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        var pause0 = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        string summary;
        try
        {
            var n = NetlistReader.ReadFile(path);
            summary = $"{n.Elements.Count} elements, {n.Models.Count} models, {n.Analyses.Count} analyses";
        }
        catch (NetlistException e)
        {
            summary = $"{e.Diagnostics.Count} diagnostics, first: {e.Diagnostics[0]}";
        }
        sw.Stop();
        Console.WriteLine($"{path} run {run + 1}: {sw.Elapsed.TotalMilliseconds:F0} ms ({summary}); " +
            $"allocated {(GC.GetTotalAllocatedBytes(true) - alloc0) / 1e6:F0} MB, GCs {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, " +
            $"GC pause {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F0} ms, CPU {Environment.ProcessorCount}");
    }
}
