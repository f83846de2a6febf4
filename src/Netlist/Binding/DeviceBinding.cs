using Perovspice.Devices;
using Perovspice.Devices.Perovskite;
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
            if (CheckParameter(table, owner, name, value, pos)) values[name] = value;
            else ok = false;
        }
        return ok ? values : null;
    }

    /// <summary>Reports an unknown or invalid parameter at its position; true when it is fine.</summary>
    private bool CheckParameter(IReadOnlyList<ParameterInfo> table, string owner, string name, double value, SourcePosition at)
    {
        var info = table.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (info == null)
        {
            Error(at, $"unknown parameter '{name}' for {owner}");
            return false;
        }
        try
        {
            info.Validate(value);
            return true;
        }
        catch (ArgumentException ex)
        {
            Error(at, ex.Message);
            return false;
        }
    }

    private readonly Dictionary<string, PerovskiteModel?> _perovskiteModels = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>`Nname n+ n- model [param=value ...]`: instance parameters override the model card's.</summary>
    private Device BindPerovskite(FlatElement e)
    {
        var modelArg = e.Arguments.OfType<WordArg>().FirstOrDefault()
                       ?? throw Fail(e.Nodes[^1].Position, $"expected a model name for perovskite device '{e.Name}'");
        var def = FindModel(modelArg, "perovskite", "perovskite");
        if (!_perovskiteModels.TryGetValue(def.Name, out var model))
        {
            model = BindPerovskiteModel(def);
            _perovskiteModels[def.Name] = model;
        }
        foreach (var v in e.Arguments.OfType<ValueArg>())
            throw Fail(v.Position, $"unexpected value for '{e.Name}' (instance parameters are written name=value)");
        // Instance parameters are checked even when the model card has errors, so that all are listed.
        int level = model?.Level ?? (def.Parameters.TryGetValue("level", out var lv) && lv.value is 1 or 2 or 3 ? (int)lv.value : 1);
        var overrides = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        foreach (var a in e.Arguments.OfType<AssignArg>())
            ok &= CheckParameter(PerovskiteModel.Parameters(level), $"level={level}", a.Key, a.Value, a.Position) && overrides.TryAdd(a.Key, a.Value);
        if (!ok || model == null) throw new BindException();
        return new PerovskiteMemristor(e.Name, e.Nodes[0].Name, e.Nodes[1].Name, overrides.Count == 0 ? model : model.WithOverrides(overrides));
    }

    private PerovskiteModel? BindPerovskiteModel(ModelDefinition def)
    {
        int level = 1;
        if (def.Parameters.TryGetValue("level", out var lv))
        {
            if (lv.value is not (1 or 2 or 3))
            {
                Error(lv.pos, $"perovskite level must be 1, 2 or 3, not {lv.value}");
                return null;
            }
            level = (int)lv.value;
        }
        var given = ModelParameters(def, PerovskiteModel.Parameters(level), $"level={level}", "level");
        if (given == null) return null;
        try
        {
            return PerovskiteModel.Create(level, given);
        }
        catch (ArgumentException ex)
        {
            Error(def.Position, ex.Message);
            return null;
        }
    }
}
