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
    private double CircuitTemperature() => TemperatureOverride ?? TopOption("temp", 27);

    /// <summary>The circuit temperature (°C) replacing the netlist's own (a <c>.dc temp</c> sweep), or null.</summary>
    public double? TemperatureOverride { get; init; }

    /// <summary>The value of the last top-level <c>.options key=</c> (evaluated quietly), or <paramref name="fallback"/>.</summary>
    private double TopOption(string key, double fallback)
    {
        double value = fallback;
        foreach (var s in _root.Body)
        {
            if (s is not OptionsSyntax o) continue;
            foreach (var opt in o.Options)
            {
                if (opt.Key.Text != key || opt.Value is null) continue;
                try { value = Perovspice.Netlist.Expressions.Evaluator.Evaluate(opt.Value.Expression, Global); }
                catch (Exception e) when (e is ExpressionException or PoisonedValueException) { }
            }
        }
        return value;
    }

    /// <summary>
    /// ngspice's temperature keywords on a B source (<c>tc1= tc2= temp= dtemp=</c>): the source's value is scaled by
    /// 1 + tc1·ΔT + tc2·ΔT², ΔT = T − tnom with T = temp, or the circuit temperature + dtemp (ngspice 39's
    /// regression test asrc-tc-1: v=v(1) tc1=0.001 at .temp 127 gives 1.1·v(1), in dc and ac). The keywords are
    /// consumed here: the binder sees the scaled expression only. For a behavioural resistor (<paramref name="resistance"/>)
    /// they scale the resistance, as ngspice 39 does (checked), so the current is divided by the factor.
    /// </summary>
    private static void ApplyBehaviouralTemperature(List<ElementArgument> args, double circuit, double tnom, bool resistance = false)
    {
        double tc1 = 0, tc2 = 0, dtemp = 0;
        double? temp = null;
        bool any = false;
        for (int k = args.Count - 1; k >= 0; k--)
        {
            if (args[k] is not AssignArg { Key: "tc1" or "tc2" or "temp" or "dtemp" } a) continue;
            any = true;
            switch (a.Key)
            {
                case "tc1": tc1 = a.Value; break;
                case "tc2": tc2 = a.Value; break;
                case "temp": temp = a.Value; break;
                default: dtemp = a.Value; break;
            }
            args.RemoveAt(k);
        }
        if (!any) return;
        double dt = (temp ?? circuit + dtemp) - tnom;
        double factor = 1 + tc1 * dt + tc2 * dt * dt;
        if (resistance) factor = 1 / factor;   // a behavioural resistor: tc scales R, so its current by 1/factor
        if (factor == 1) return;
        for (int k = 0; k < args.Count; k++)
            if (args[k] is ExpressionArg x)
                args[k] = x with { Text = "(" + x.Text + ")*" + factor.ToString("R", System.Globalization.CultureInfo.InvariantCulture) };
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
