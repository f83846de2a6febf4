using Perovspice.Cli.Results;
using Perovspice.Netlist;
using Perovspice.Netlist.Binding;

namespace Perovspice.Cli.Running;

/// <summary>Runs one analysis of an <see cref="AnalysisRunner"/>: its numeric tables are returned (merged over
/// <c>.step</c> values by <see cref="StepRunner"/>); text tables go to <see cref="AnalysisRunner.TextOutputs"/>.</summary>
internal delegate IReadOnlyList<ResultTable> AnalysisHandler(AnalysisRunner runner, AnalysisJob job, string stem);

/// <summary>
/// The analyses added after op/dc/tran/ac/hopf, by statement type: adding an analysis is one line here (plus its
/// statement's parser and evaluation in the netlist layer).
/// </summary>
internal static class AnalysisRegistry
{
    private static readonly Dictionary<Type, AnalysisHandler> Handlers = new()
    {
        [typeof(TransferFunctionStatement)] = SmallSignalAnalyses.TransferFunction,
        [typeof(PoleZeroStatement)] = SmallSignalAnalyses.PoleZero,
    };

    /// <summary>The handler of <paramref name="statement"/>'s type, or null.</summary>
    public static AnalysisHandler? Find(AnalysisStatement statement) => Handlers.GetValueOrDefault(statement.GetType());
}
