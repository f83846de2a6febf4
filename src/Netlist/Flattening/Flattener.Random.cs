using Perovspice.Netlist.Expressions;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist.Flattening;

/// <summary>The Monte-Carlo side of flattening: the seed and step value that key the random functions' draws.</summary>
internal sealed partial class Flattener
{
    /// <summary>
    /// Keys this thread's random draws (see <see cref="RandomFunctions"/>) with <c>.options seed=N</c> (default
    /// <see cref="RandomFunctions.DefaultSeed"/>) and the value of the stepped parameter (0 without <c>.step</c>).
    /// The seed must be a non-negative integer.
    /// </summary>
    private void BeginDraws(StepSyntax? step)
    {
        double stepValue = step is not null && _overrides.TryGetValue(step.Parameter.Text, out var sv) ? sv : 0;
        RandomFunctions.Begin(RandomFunctions.DefaultSeed, stepValue);
        foreach (var s in _root.Body)
        {
            if (s is not OptionsSyntax o) continue;
            foreach (var opt in o.Options)
            {
                if (opt.Key.Text != "seed" || opt.Value is null) continue;
                if (_eval.Evaluate(opt.Value, Global) is not { } seed) continue;
                if (seed < 0 || seed != Math.Floor(seed) || seed > 9.0e15)
                {
                    _diags.Error(opt.Value.Position, $"seed must be a non-negative integer, found {seed}");
                    continue;
                }
                RandomFunctions.Begin((ulong)seed, stepValue);
            }
        }
    }

    /// <summary>
    /// The circuit temperature in °C for <c>temper</c> in parameter, model and element expressions: the last
    /// <c>.temp</c> / <c>.options temp=</c> of the top level, 27 without one. Its expression is evaluated quietly
    /// here (the options pass reports its errors); one that fails, or itself reads <c>temper</c>, leaves 27.
    /// </summary>
    private double CircuitTemperature()
    {
        double celsius = 27;
        foreach (var s in _root.Body)
        {
            if (s is not OptionsSyntax o) continue;
            foreach (var opt in o.Options)
            {
                if (opt.Key.Text != "temp" || opt.Value is null) continue;
                try { celsius = Perovspice.Netlist.Expressions.Evaluator.Evaluate(opt.Value.Expression, Global); }
                catch (Exception e) when (e is ExpressionException or PoisonedValueException) { }
            }
        }
        return celsius;
    }

    /// <summary>The name a random draw of an element argument is keyed by: the keyword, or <c>#k</c> for the k-th
    /// positional value.</summary>
    private static string DrawName(ArgSyntax a, int index) => a switch
    {
        AssignArgSyntax asg => asg.Key,
        ListArgSyntax list => list.Key,
        FunctionArgSyntax f => f.Name,
        _ => "#" + index,
    };
}
