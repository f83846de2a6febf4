using System.Text;
using Perovspice.Netlist.Flattening;
using Perovspice.Netlist.Syntax;

namespace Perovspice.Netlist;

/// <summary>
/// Entry point of the netlist front end: text in, <see cref="FlatNetlist"/> out. Every problem is
/// reported as a <see cref="NetlistDiagnostic"/>; when there is at least one error a
/// <see cref="NetlistException"/> carrying all of them (sorted by position) is thrown. No other
/// exception escapes, whatever the input.
/// </summary>
public static class NetlistReader
{
    /// <summary>Reads and flattens the netlist file at <paramref name="path"/> (UTF-8; positions use the path as given).</summary>
    /// <param name="path">The netlist file: a regular file of at most <see cref="NetlistLimits.MaxFileBytes"/>.</param>
    /// <param name="limits">Sizes refused with a located error; <see cref="NetlistLimits.Default"/> when null.</param>
    public static FlatNetlist ReadFile(string path, NetlistLimits? limits = null)
    {
        limits ??= NetlistLimits.Default;
        string text;
        try
        {
            text = InputFile.ReadText(path, limits.MaxFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new NetlistException(new[] { new NetlistDiagnostic(new SourcePosition(path, 1, 1), $"cannot read netlist file: {e.Message}") });
        }
        return ReadText(text, path, limits);
    }

    /// <summary>
    /// Reads and flattens netlist <paramref name="text"/>; <paramref name="fileName"/> is used in
    /// positions and as the base for relative <c>.include</c> paths.
    /// </summary>
    /// <param name="text">The netlist text (its first line is the title).</param>
    /// <param name="fileName">The name used in positions and for relative includes.</param>
    /// <param name="limits">Sizes refused with a located error; <see cref="NetlistLimits.Default"/> when null.</param>
    public static FlatNetlist ReadText(string text, string fileName, NetlistLimits? limits = null) =>
        Read(text ?? "", fileName ?? "", limits ?? NetlistLimits.Default);

    private static FlatNetlist Read(string text, string fileName, NetlistLimits limits)
    {
        var diags = new DiagnosticBag();
        SourcePosition best = new(fileName, 1, 1);
        try
        {
            if (text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0)
            {
                diags.Error(best, "empty netlist: expected a title line followed by statements");
                throw new NetlistException(diags.Items);
            }
            var phase = System.Diagnostics.Stopwatch.StartNew();
            bool timing = Environment.GetEnvironmentVariable("PEROVSPICE_NETLIST_TIMING") == "1";
            var reader = new LineReader(diags, file => InputFile.ReadText(file, limits.MaxFileBytes));
            reader.ReadTop(text, fileName);

            if (timing) Console.Error.WriteLine($"netlist: lex {phase.ElapsedMilliseconds} ms");
            var statements = new List<Statement>();
            foreach (var line in reader.Lines)
            {
                if (diags.TooMany) break;
                best = line.At(0);
                var s = StatementParser.Parse(line, diags) ?? Placeholder(line);
                if (s is not null) statements.Add(s);
            }
            AddControlAnalyses(reader, statements, diags);
            if (timing) Console.Error.WriteLine($"netlist: parse {phase.ElapsedMilliseconds} ms");
            if (diags.TooMany) diags.Error(best, "too many errors");   // recorded as the final "stopping" note
            statements = ConditionalFilter.Apply(statements, diags);
            var root = DefinitionTreeBuilder.Build(statements, diags);
            var step = statements.OfType<StepSyntax>().FirstOrDefault();
            foreach (var extra in statements.OfType<StepSyntax>().Skip(1))
                diags.Error(extra.Position, $"only one '.step' is allowed (first at {step!.Position})");
            var result = Evaluate(reader.Title, root, step, diags, new Dictionary<string, double>(), limits, null, null);
            if (timing) Console.Error.WriteLine($"netlist: flatten {phase.ElapsedMilliseconds} ms");
            return result;
        }
        catch (NetlistException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diags.Error(best, $"internal error while reading the netlist: {e.GetType().Name}: {e.Message}");
            throw new NetlistException(diags.Items);
        }
    }

    /// <summary>The evaluated top-level .param definitions (overrides included).</summary>
    private static Dictionary<string, GlobalParameter> GlobalParameterTable(SubcktDefinition root, Flattener flattener)
    {
        var table = new Dictionary<string, GlobalParameter>();
        foreach (var p in root.Params)
            if (flattener.Global.Params.TryGetValue(p.Name.Text, out var slot) && slot.State == ParamSlot.SlotState.Done)
                table[p.Name.Text] = new GlobalParameter(p.Name.Text, slot.Value, p.Name.Position);
        return table;
    }

    /// <summary>
    /// Analyses written as commands in <c>.control</c> blocks run as their dot forms when the netlist has no dot
    /// analysis (ngspice runs both; a netlist written for ngspice's interactive mode often has only these). When it
    /// has dot analyses, the commands are ignored with a warning.
    /// </summary>
    private static void AddControlAnalyses(LineReader reader, List<Statement> statements, DiagnosticBag diags)
    {
        if (reader.ControlAnalyses.Count == 0) return;
        bool hasDot = statements.Any(s => s is OpSyntax or DcSyntax or TranSyntax or AcSyntax or HopfSyntax
            or TransferFunctionSyntax or PoleZeroSyntax or NoiseSyntax);
        if (hasDot)
        {
            var first = reader.ControlAnalyses[0];
            diags.Warning(first.At(1), $"analysis command '{LineReader.FirstWord(first.Lower, 1)}' in '.control' ignored: the netlist has dot analyses" +
                (reader.ControlAnalyses.Count > 1 ? $" ({reader.ControlAnalyses.Count} commands)" : ""));
            return;
        }
        foreach (var line in reader.ControlAnalyses)
            if (StatementParser.Parse(line, diags) is { } s) statements.Add(s);
    }

    /// <summary>Keeps .subckt/.ends nesting intact when such a line itself has a syntax error.</summary>
    private static Statement? Placeholder(LogicalLine line)
    {
        string word = LineReader.FirstWord(line.Lower, LineReader.SkipBlank(line.Lower, 0));
        var pos = line.At(LineReader.SkipBlank(line.Lower, 0));
        return word switch
        {
            ".subckt" => new SubcktStatement(new NameSyntax("", "", pos), new List<NameSyntax>(), new List<ParamAssignment>(), pos),
            ".ends" => new EndsStatement(null, pos),
            ".if" or ".elseif" or ".else" or ".endif" => new ConditionalSyntax(word, null, pos),
            _ => null,
        };
    }

    // stepValues: the .step of the first evaluation, reused when re-evaluating for one of its values
    // (so binding N step values costs O(N), not O(N²)); null the first time.
    // temperature: the circuit temperature (°C) replacing `.temp` / `.options temp=` (a `.dc temp` sweep), or null
    private static FlatNetlist Evaluate(string title, SubcktDefinition root, StepSyntax? step, DiagnosticBag diags,
        IReadOnlyDictionary<string, double> overrides, NetlistLimits limits, StepStatement? stepValues, double? temperature)
    {
        var flattener = new Flattener(root, diags, overrides, limits) { TemperatureOverride = temperature };
        flattener.Run(step);
        var control = new ControlEvaluator(flattener, diags, limits);
        control.Run(root.Body, stepValues is null ? step : null);
        if (stepValues is not null) control.Step = stepValues;
        if (temperature is { } celsius)
            control.Options["temp"] = (celsius, control.Options.TryGetValue("temp", out var old) ? old.pos : new SourcePosition(title, 1, 1));
        if (control.Step is not null && step is not null && flattener.ImplicitStepSlot is { Referenced: false, State: not ParamSlot.SlotState.Failed }
            && step.Parameter.Text != "run")   // `.step param run 1 N 1`: the Monte-Carlo loop (as in LTspice)
            diags.Error(step.Parameter.Position, $"unknown parameter '{step.Parameter.Written}' in '.step': " +
                "no global .param defines it and no expression uses it");
        if (diags.HasErrors) throw new NetlistException(diags.Items);
        var warnings = diags.Items.Where(d => d.IsWarning).OrderBy(d => d.Position).ToList();
        FlatNetlist Again(IReadOnlyDictionary<string, double> o, double? celsius)
        {
            try
            {
                var bag = new DiagnosticBag();
                foreach (var w in warnings) bag.Add(w);
                return Evaluate(title, root, step, bag, o, limits, control.Step, celsius);
            }
            catch (NetlistException) { throw; }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new NetlistException(new[] { new NetlistDiagnostic(step?.Position ?? new SourcePosition("", 1, 1),
                    $"internal error while re-evaluating the netlist: {e.Message}") });
            }
        }
        return new FlatNetlist(title, flattener.Elements, flattener.Models, control.Analyses, control.Prints,
            control.Options, control.TextOptions, flattener.InitialConditions, warnings, control.Step,
            (name, value) => Again(new Dictionary<string, double>(overrides) { [name] = value }, temperature))
        {
            Measures = control.Measures, Fourier = control.Fourier, GlobalParameters = GlobalParameterTable(root, flattener),
            AtTemperature = celsius => Again(overrides, celsius),
        };
    }
}
