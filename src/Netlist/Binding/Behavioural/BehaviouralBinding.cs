using Perovspice.Devices;
using Perovspice.Devices.Behavioral;
using Perovspice.Engine;
using Perovspice.Netlist.Binding.Behavioural;
using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Binding;

internal sealed partial class ElementBinder
{
    private readonly List<(FlatElement Element, ExpressionArg Expression, IReadOnlyList<ProbeName> Probes)> _behavioural = new();

    /// <summary><c>Bname n+ n- V={expr}</c> or <c>I={expr}</c>: compiles the expression; the names it probes are
    /// checked once every element is bound (<see cref="CheckBehaviouralProbes"/>).</summary>
    private (BehavioralSourceKind, IBehavioralFunction) BindBehavioural(FlatElement e)
    {
        var arg = e.Arguments.OfType<ExpressionArg>().FirstOrDefault()
                  ?? throw Fail(e.Position, $"expected V={{expression}} or I={{expression}} for '{e.Name}'");
        CompiledExpression function;
        IReadOnlyList<ProbeName> probes;
        try
        {
            double temper = _netlist.Options.TryGetValue("temp", out var t) ? t.value : 27;
            function = ExpressionCompiler.Compile(arg.Text, temper, out probes);
        }
        catch (ExpressionException ex)
        {
            throw Fail(arg.Position, $"in the expression of '{e.Name}': {ex.Message}");
        }
        _behavioural.Add((e, arg, probes));
        var kind = arg.Key == "v" ? BehavioralSourceKind.Voltage : BehavioralSourceKind.Current;
        return (kind, function);
    }

    /// <summary>Every <c>v(node)</c> of a B expression must name a node some element connects, and every
    /// <c>i(name)</c> a device with a branch current: an independent voltage source, E, H, an inductor or a
    /// <c>V=</c> B source (ngspice documents voltage sources only; the others carry the same kind of unknown).</summary>
    private void CheckBehaviouralProbes(Circuit circuit)
    {
        if (_behavioural.Count == 0) return;
        var nodes = new HashSet<string>(circuit.Devices.SelectMany(d => d.Nodes), StringComparer.OrdinalIgnoreCase);
        foreach (var (e, arg, probes) in _behavioural)
        {
            for (int k = 0; k < probes.Count; k++)
            {
                var at = k < arg.ProbePositions.Count && arg.ProbePositions.Count == probes.Count ? arg.ProbePositions[k] : arg.Position;
                var (kind, name) = (probes[k].Kind, probes[k].Name);
                if (kind == 'v')
                {
                    if (!Circuit.IsGround(name) && !nodes.Contains(name))
                        Error(at, $"unknown node '{name}' in v(...) of '{e.Name}'");
                    continue;
                }
                var d = circuit.Find(name);
                if (d == null) Error(at, $"unknown source '{name}' in i(...) of '{e.Name}'");
                else if (!HasBranchCurrent(d))
                    Error(at, $"'{name}' in i(...) of '{e.Name}' has no branch current (use a voltage source, E, H, L or a V= B source)");
            }
        }
    }

    private static bool HasBranchCurrent(Device d) => d is VoltageSource or VoltageControlledVoltageSource
        or CurrentControlledVoltageSource or Inductor or BehavioralSource { Kind: BehavioralSourceKind.Voltage };
}
