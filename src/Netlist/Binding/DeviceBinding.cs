using Perovspice.Devices;
using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>The generic element binding: every registered kind's model, instance parameters, positional values,
/// flags and references are read here from the kind's tables, so a new device needs no binder code.</summary>
internal sealed partial class ElementBinder
{
    private readonly Dictionary<string, (object? Model, string Type, ModelLevel? Level)> _models = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Model-card parameters that vendor (PSpice) libraries carry and ngspice 39 reads with an "unrecognized
    /// parameter … ignored" warning: documentation and ratings, and PSpice-only physics (diode/JFET recombination
    /// current isr/nr, high-injection ikf of a diode, PSpice temperature coefficients). Accepted with a warning on
    /// any model; every other unknown name is an error.</summary>
    private static readonly HashSet<string> VendorParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "iave", "vpk", "mfg", "type", "icrating", "vceo", "vcbo", "vebo", "ibvo", "vbr", "ir", "vrrm", "pd", "ic",
        "isr", "nr", "alpha", "vk", "tikf", "tbv1", "tbv2", "trs1", "trs2", "tlev", "tlevc", "tbf1", "tbf2",
        "tbr1", "tbr2", "tre1", "tre2", "trb1", "trb2", "trc1", "trc2", "trm1", "trm2", "tvjs", "t_measured",
        "t_abs", "t_rel_global", "t_rel_local", "part", "manufacturer",
        // KiCad/vendor libraries: diode high-injection knee ikf (a BJT's ikf is a real parameter and is used),
        // breakdown ratings of a BJT as Diotec writes them
        "ikf", "bvcbo", "bvbe", "bvceo",
    };

    private DeviceRequest BindGeneric(FlatElement e, ElementKind kind)
    {
        object? model = null;
        ModelLevel? level = null;
        string modelType = "";
        var values = new List<double>();
        var valuePositions = new List<SourcePosition>();
        var flags = new HashSet<string>();
        var references = new List<string>();
        var lists = new Dictionary<string, IReadOnlyList<double>>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        foreach (var a in e.Arguments)
        {
            switch (a)
            {
                case WordArg { Role: WordArgKind.Model } w:
                    (model, modelType, level) = BindModel(e, w, kind);
                    if (model == null) ok = false;
                    break;
                case WordArg { Role: WordArgKind.Reference } w:
                    references.Add(w.Word);
                    _controls.Add((e, w.Word, w.Position, kind.Form == ElementForm.Coupling ? ControlKind.Inductor : ControlKind.VoltageSource));
                    break;
                case WordArg w:
                    if (!kind.Flags.Contains(w.Word)) throw Fail(w.Position, $"unexpected '{w.Word}' in '{e.Name}'");
                    flags.Add(w.Word);
                    break;
                case ValueArg v:
                    if (values.Count >= kind.Values.Count)
                        throw Fail(v.Position, kind.Values.Count == 0
                            ? $"unexpected value for '{e.Name}' (its parameters are written name=value)"
                            : $"unexpected value for '{e.Name}' (it takes {string.Join(", ", kind.Values)})");
                    values.Add(v.Value);
                    valuePositions.Add(v.Position);
                    break;
                case ListArg l:
                    lists[l.Key] = l.Values;
                    break;
            }
        }
        var table = kind.InstanceOverridesModel ? level?.Parameters ?? Array.Empty<ParameterInfo>() : kind.InstanceParameters;
        var given = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (int k = 0; k < values.Count; k++)
        {
            var info = ParameterTable.Find(table, kind.Values[k]);
            if (info == null) continue;
            if (!Check(info, values[k], valuePositions[k])) ok = false;
            given[info.Name] = values[k];
        }
        foreach (var a in e.Arguments)
        {
            if (a is not AssignArg asg) continue;
            var info = ParameterTable.Find(table, asg.Key);
            if (info == null)
            {
                if (kind.InstanceOverridesModel && level == null) { ok = false; continue; }
                Error(asg.Position, table.Count == 0
                    ? $"unknown parameter '{asg.Key}' for '{e.Name}' (it takes no parameters)"
                    : $"unknown parameter '{asg.Key}' for '{e.Name}'");
                ok = false;
                continue;
            }
            if (!Check(info, asg.Value, asg.Position)) { ok = false; continue; }
            given[info.Name] = asg.Value;
        }
        if (!ok) throw new BindException();
        if (kind.ModelRequired && model == null && level == null)
        {
            // every word was taken as a node: a missing node puts the model name among them
            var asNode = e.Nodes.FirstOrDefault(n => _netlist.Models.ContainsKey(n.Name));
            throw asNode != null
                ? Fail(asNode.Position, $"'{asNode.Name}' is a model, but '{e.Name}' needs {kind.MinNodes} nodes before its model name")
                : Fail(e.Position, $"expected a model name for '{e.Name}'");
        }
        if (model != null) CheckFamilyNodes(e, kind, modelType);
        if (given.TryGetValue("r", out double r) && r == 0 && kind.Letter == 'r')
            Warn(e.Position, $"resistance of '{e.Name}' is 0; set to 1 mΩ (as ngspice does)");
        return new DeviceRequest
        {
            Name = e.Name,
            Nodes = NodeNames(e),
            Model = model,
            ModelType = modelType,
            Parameters = given,
            ListParameters = lists,
            Values = values,
            Flags = flags,
            References = references,
            Temperature = _temperature,
        };
    }

    /// <summary>A model family that takes fewer nodes than its kind's most (VDMOS on an `M` element: 3): too few
    /// nodes is an error at the model name, too many at the first extra node.</summary>
    private void CheckFamilyNodes(FlatElement e, ElementKind kind, string modelType)
    {
        var family = kind.Models.FirstOrDefault(f => f.Types.Contains(modelType));
        if (family?.Nodes is not int n || e.Nodes.Count == n) return;
        var modelArg = e.Arguments.OfType<WordArg>().First(w => w.Role == WordArgKind.Model);
        if (e.Nodes.Count < n)
            throw Fail(modelArg.Position, $"'{modelArg.Word}' is a model, but '{e.Name}' needs {n} nodes before its model name");
        throw Fail(e.Nodes[n].Position, $"'{e.Name}' takes {n} nodes with {family.Description} model '{modelArg.Word}'{family.ExtraNodesNote}");
    }

    private bool Check(ParameterInfo info, double value, SourcePosition at)
    {
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

    /// <summary>Builds (once per card) the model an element names, checking that its type is one the element
    /// takes, its level exists and every parameter is in that level's table.</summary>
    private (object? Model, string Type, ModelLevel? Level) BindModel(FlatElement e, WordArg name, ElementKind kind)
    {
        if (!_netlist.Models.TryGetValue(name.Word, out var def))
            def = ChooseBin(e, name) ?? throw Fail(name.Position, $"unknown model '{name.Word}'");
        string type = def.Type.ToLowerInvariant();
        var family = kind.Models.FirstOrDefault(f => f.Types.Contains(type));
        if (family == null && kind.Form == ElementForm.CodeModel)
        {
            var supported = string.Join(", ", kind.Models.SelectMany(f => f.Types));
            throw Fail(name.Position, Devices.CodeModels.CodeModelKind.Unsupported.Contains(type)
                ? $"XSPICE code model '{type}' (model '{name.Word}') is not supported by perovspice (analog models: {supported})"
                : $"model '{name.Word}' is a {def.Type.ToUpperInvariant()} model, not an XSPICE code model perovspice knows ({supported})");
        }
        if (family == null)
        {
            var types = kind.Models.SelectMany(f => f.Types).Select(t => t.ToUpperInvariant());
            throw Fail(name.Position, $"model '{name.Word}' is a {def.Type.ToUpperInvariant()} model; '{e.Name}' takes a {string.Join(" or ", types)} model");
        }
        if (!_models.TryGetValue(def.Name, out var cached))
        {
            var model = CreateModel(def, family, type, out var level);
            _models[def.Name] = cached = (model, type, level);
        }
        return cached;
    }

    /// <summary>The ngspice model a MOSFET level perovspice lacks selects (BSIM-SOI for 10 and 58, …), or null.</summary>
    private static string? KnownElsewhere(string family, double level) =>
        family != "MOSFET" ? null : level switch
        {
            4 => "BSIM1",
            5 => "BSIM2",
            6 => "MOS6",
            9 => "MOS9",
            10 or 58 => "BSIM-SOI (B4SOI)",
            44 => "EKV",
            45 => "PSP",
            68 => "HiSIM2",
            73 => "HiSIM_HV",
            _ => null,
        };

    private object? CreateModel(ModelDefinition def, ModelFamily family, string type, out ModelLevel? chosen)
    {
        chosen = null;
        int levelNumber = family.DefaultLevel;
        if (def.Parameters.TryGetValue("level", out var lv))
        {
            levelNumber = (int)Math.Round(lv.value);
            if (levelNumber != lv.value || family.Find(levelNumber) == null)
            {
                var levels = family.Levels.SelectMany(l => l.Numbers).Order().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Error(lv.pos, KnownElsewhere(family.Description, lv.value) is { } other
                    ? $"{family.Description} model level {lv.value} is ngspice's {other}, which perovspice does not support (levels: {string.Join(", ", levels)})"
                    : $"{family.Description} model level {lv.value} does not exist (levels: {string.Join(", ", levels)})");
                return null;
            }
        }
        var level = chosen = family.Find(levelNumber)!;
        string owner = family.Levels.Count > 1 ? $"level={levelNumber}" : $"{family.Description} model";
        var given = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var text = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var scalarVectors = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        foreach (var (pname, (value, pos)) in def.Parameters)
        {
            if (pname == "level") continue;
            if (level.TextParameters.Contains(pname))
            {
                // version=3.3 reads as a number; the model takes it as text
                text[pname] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            var info = ParameterTable.Find(level.Parameters, pname);
            if (info == null && ParameterTable.Find(level.VectorParameters, pname) is { } vectorInfo)
            {
                // a vector parameter written without brackets: a one-value vector
                if (!Check(vectorInfo, value, pos)) ok = false;
                else scalarVectors[vectorInfo.Name] = new[] { value };
                continue;
            }
            if (info == null && level.Ignored.Contains(pname))
            {
                Warn(pos, $"model parameter '{pname}' is not used by perovspice; ignored");
                continue;
            }
            if (info == null)
            {
                if (VendorParameters.Contains(pname) || pname == "version")
                    Warn(pos, $"model parameter '{pname}' is not used by perovspice; ignored");
                else
                {
                    Error(pos, $"unknown parameter '{pname}' for {owner}");
                    ok = false;
                }
                continue;
            }
            if (!Check(info, value, pos)) { ok = false; continue; }
            given[info.Name] = value;
        }
        foreach (var (pname, (value, pos)) in def.TextParameters)
        {
            if (level.TextParameters.Contains(pname)) text[pname] = value;
            else if (VendorParameters.Contains(pname) || pname == "version")
                Warn(pos, $"model parameter '{pname}' is not used by perovspice; ignored");
            else
            {
                Error(pos, $"parameter '{pname}' of model '{def.Name}' must be a number, not '{value}'");
                ok = false;
            }
        }
        var vectors = new Dictionary<string, IReadOnlyList<double>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pname, (values, pos)) in def.VectorParameters)
        {
            var info = ParameterTable.Find(level.VectorParameters, pname);
            if (info == null)
            {
                Error(pos, ParameterTable.Find(level.Parameters, pname) != null
                    ? $"parameter '{pname}' of {owner} takes one value, not a vector"
                    : $"unknown parameter '{pname}' for {owner}");
                ok = false;
                continue;
            }
            if (values.Length == 0) { Error(pos, $"vector parameter '{pname}' is empty"); ok = false; continue; }
            if (!values.All(v => Check(info, v, pos))) { ok = false; continue; }
            vectors[info.Name] = values;
        }
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (flag, pos) in def.Flags)
        {
            if (level.Flags.Contains(flag)) flags.Add(flag);
            else
            {
                Error(pos, $"unexpected '{flag}' in '.model {def.Name}' ({owner})");
                ok = false;
            }
        }
        foreach (var (pname, values) in scalarVectors) vectors.TryAdd(pname, values);
        if (!ok) return null;
        try
        {
            var created = level.Create(new ModelRequest
            {
                Name = def.Name,
                Type = type,
                Level = levelNumber,
                Given = given,
                Text = text,
                Flags = flags,
                Vectors = vectors,
                Temperature = _temperature,
                NominalTemperature = _tnom,
            });
            if (created is Devices.IModelWarnings w)
                foreach (var message in w.Warnings) Warn(def.Position, message);
            return created;
        }
        catch (ArgumentException ex)
        {
            Error(def.Position, ex.Message);
            return null;
        }
    }

    /// <summary>E/G: four nodes and a gain.</summary>
    private DeviceRequest BindVoltageControlled(FlatElement e, ElementKind kind)
    {
        if (e.Nodes.Count != 4) throw Fail(e.Position, $"'{e.Name}' needs four nodes (n+ n- nc+ nc-)");
        var gain = e.Arguments.OfType<ValueArg>().FirstOrDefault()
                   ?? throw Fail(e.Nodes[^1].Position, $"expected a gain for '{e.Name}'");
        return new DeviceRequest
        {
            Name = e.Name,
            Nodes = NodeNames(e),
            Values = new[] { gain.Value },
            Temperature = _temperature,
        };
    }
}
