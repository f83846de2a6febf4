using Perovspice.Devices;
using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

internal sealed partial class ElementBinder
{
    private readonly Dictionary<string, DiodeModel?> _diodeModels = new(StringComparer.OrdinalIgnoreCase);

    private Device BindControlled(FlatElement e)
    {
        string p = e.Nodes[0].Name, m = e.Nodes[1].Name;
        switch (char.ToLowerInvariant(e.Kind))
        {
            case 'e':
                return new VoltageControlledVoltageSource(e.Name, p, m, e.Nodes[2].Name, e.Nodes[3].Name, RequireValue(e, 0, "a gain"));
            case 'g':
                return new VoltageControlledCurrentSource(e.Name, p, m, e.Nodes[2].Name, e.Nodes[3].Name, RequireValue(e, 0, "a transconductance"));
            default:
            {
                var control = e.Arguments.OfType<WordArg>().FirstOrDefault()
                              ?? throw Fail(e.Nodes[^1].Position, $"expected a controlling voltage source name for '{e.Name}'");
                double gain = RequireValue(e, 0, char.ToLowerInvariant(e.Kind) == 'f' ? "a gain" : "a transresistance");
                _controls.Add((e, control.Word));
                return char.ToLowerInvariant(e.Kind) == 'f'
                    ? new CurrentControlledCurrentSource(e.Name, p, m, control.Word, gain)
                    : new CurrentControlledVoltageSource(e.Name, p, m, control.Word, gain);
            }
        }
    }

    private Device BindDiode(FlatElement e)
    {
        var modelArg = e.Arguments.OfType<WordArg>().FirstOrDefault()
                       ?? throw Fail(e.Nodes[^1].Position, $"expected a model name for diode '{e.Name}'");
        var def = FindModel(modelArg, "d", "diode");
        if (!_diodeModels.TryGetValue(def.Name, out var model))
        {
            var values = ModelParameters(def, DiodeModel.Parameters, "diode model");
            model = values == null ? null : new DiodeModel(values, def.Name);
            _diodeModels[def.Name] = model;
        }
        if (model == null) throw new BindException();
        double area = e.Arguments.OfType<ValueArg>().FirstOrDefault()?.Value ?? e.Arguments.OfType<AssignArg>().FirstOrDefault(a => a.Key == "area")?.Value ?? 1;
        foreach (var a in e.Arguments.OfType<AssignArg>())
            if (a.Key != "area") throw Fail(a.Position, $"unknown parameter '{a.Key}' for diode '{e.Name}'");
        if (!(area > 0)) throw Fail(e.Position, $"area of '{e.Name}' must be > 0");
        return new Diode(e.Name, e.Nodes[0].Name, e.Nodes[1].Name, model, area);
    }

    /// <summary>Finds the model an element names and checks its type.</summary>
    private ModelDefinition FindModel(WordArg name, string type, string what)
    {
        if (!_netlist.Models.TryGetValue(name.Word, out var def))
            throw Fail(name.Position, $"unknown model '{name.Word}'");
        if (!def.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            throw Fail(name.Position, $"model '{name.Word}' is a {def.Type} model, not a {what} model");
        return def;
    }

    /// <summary>Checks a model card against a parameter table, reporting each bad parameter at its key;
    /// returns the given values, or null when any was bad.</summary>
    private Dictionary<string, double>? ModelParameters(ModelDefinition def, IReadOnlyList<ParameterInfo> table, string owner,
        params string[] ignored)
    {
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        foreach (var (name, (value, pos)) in def.Parameters)
        {
            if (ignored.Contains(name)) continue;
            var info = table.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (info == null)
            {
                Error(pos, $"unknown parameter '{name}' for {owner}");
                ok = false;
                continue;
            }
            if (info.IsValid != null && !info.IsValid(value))
            {
                Error(pos, $"parameter '{name}' must be {info.ValidityText ?? "valid"}");
                ok = false;
                continue;
            }
            values[info.Name] = value;
        }
        return ok ? values : null;
    }

    private Device BindPerovskite(FlatElement e) =>
        throw Fail(e.Position, $"perovskite devices are not bound yet ('{e.Name}')");
}
