using Perovspice.Engine;

namespace Perovspice.Netlist.Binding;

/// <summary>
/// Binds a <see cref="FlatNetlist"/> to devices and analyses, and validates what can only be checked on the
/// whole circuit (floating nodes, voltage-source loops, print items naming things that exist). Every problem is
/// reported with its position; a netlist with errors binds nothing.
/// </summary>
public static class CircuitBinder
{
    /// <summary>
    /// Binds the netlist as evaluated (a <c>.step</c> statement is not expanded here: <see cref="StepBinder"/> binds
    /// one job per step value); throws <see cref="NetlistException"/> listing every error.
    /// </summary>
    /// <param name="netlist">The flattened netlist.</param>
    /// <param name="sourceFile">The file name errors without a better position are reported against.</param>
    public static SimulationJob Bind(FlatNetlist netlist, string sourceFile = "netlist")
    {
        var errors = new List<NetlistDiagnostic>();
        var warnings = new List<NetlistDiagnostic>(netlist.Warnings);
        var circuit = new Circuit();
        var binder = new ElementBinder(netlist, errors, warnings);
        var positions = new Dictionary<string, FlatElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in netlist.Elements)
        {
            var device = binder.Bind(e);
            if (device == null) continue;
            if (positions.ContainsKey(device.Name))
            {
                errors.Add(new NetlistDiagnostic(e.Position, $"duplicate element name '{e.Name}'"));
                continue;
            }
            positions[device.Name] = e;
            circuit.Add(device);
        }
        binder.ResolveControls(circuit, positions);
        AddShunts(netlist, circuit, positions);
        if (errors.Count == 0)
            foreach (var d in circuit.Devices)
            {
                // Checks that need the whole circuit (a K element's inductance matrix), located at the element.
                try { d.Validate(circuit); }
                catch (ArgumentException ex) { errors.Add(new NetlistDiagnostic(positions[d.Name].Position, ex.Message)); }
            }

        var options = OptionsBinder.Bind(netlist, errors, warnings);
        // only transients from initial conditions: no operating point, so no node needs a dc path
        bool needsDc = netlist.Analyses.Count == 0 || netlist.Analyses.Any(a => a is not TranStatement { Uic: true });
        // only transients: a node without a dc path (a current source charging a capacitor) is no reason to refuse,
        // as ngspice 39 runs such a netlist; those without uic then start from zero (warned)
        bool onlyTransients = netlist.Analyses.Count > 0 && netlist.Analyses.All(a => a is TranStatement);
        var policy = !needsDc ? TopologyCheck.FloatingNodes.AllowedByUic
            : onlyTransients ? TopologyCheck.FloatingNodes.TransientStartsFromZero : TopologyCheck.FloatingNodes.Error;
        bool startFromZero = errors.Count == 0 && TopologyCheck.Run(circuit, positions, errors, warnings, policy)
                             && policy == TopologyCheck.FloatingNodes.TransientStartsFromZero;
        if (netlist.Elements.Count == 0)
            errors.Add(new NetlistDiagnostic(new SourcePosition(sourceFile, 1, 1), "the netlist has no elements"));

        var nodes = new HashSet<string>(circuit.Devices.SelectMany(d => d.Nodes), StringComparer.OrdinalIgnoreCase) { "0" };
        var ics = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var nodeSets = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var ic in netlist.InitialConditions)
        {
            string statement = ic.NodeSet ? ".nodeset" : ".ic";
            if (!nodes.Contains(ic.Node)) errors.Add(new NetlistDiagnostic(ic.Position, $"unknown node '{ic.Node}' in {statement}"));
            else if (Circuit.IsGround(ic.Node)) errors.Add(new NetlistDiagnostic(ic.Position, ic.NodeSet ? "cannot set a nodeset on ground" : "cannot set an initial condition on ground"));
            else (ic.NodeSet ? nodeSets : ics)[ic.Node] = ic.Value;
        }
        options.NodeSets = nodeSets;

        CheckDcOnlyDevices(netlist, circuit, positions, errors);
        var analyses = new List<AnalysisJob>();
        var measures = MeasureBinder.Bind(netlist, circuit, nodes, errors);
        foreach (var a in netlist.Analyses)
        {
            CheckSweptSources(a, circuit, errors);
            analyses.Add(new AnalysisJob(a, OutputBinder.Bind(a.Kind, netlist, circuit, nodes, errors))
            {
                Measures = measures.For(a),
                Analysis = AnalysisFactory.Create(startFromZero && a is TranStatement t ? t with { Uic = true } : a, ics,
                    celsius => CircuitAt(netlist, celsius, sourceFile),
                    (resistor, ohms) => CircuitWith(netlist, resistor, ohms, sourceFile)),
            });
        }
        if (errors.Count > 0) throw new NetlistException(errors.Concat(warnings));
        return new SimulationJob(netlist.Title, circuit, options, ics, analyses, warnings);
    }

    /// <summary>The circuit of <paramref name="netlist"/> bound again at <paramref name="celsius"/> (a <c>.dc temp</c>
    /// point); a netlist that does not bind there fails the analysis with its first error.</summary>
    private static Circuit CircuitAt(FlatNetlist netlist, double celsius, string sourceFile)
    {
        try { return Bind(netlist.WithTemperature(celsius), sourceFile).Circuit; }
        catch (NetlistException e)
        {
            var first = e.Errors.FirstOrDefault(d => !d.IsWarning);
            throw new SimulationException(first is null ? e.Message : $"{first.Position}: {first.Message}");
        }
    }

    /// <summary>The circuit of <paramref name="netlist"/> with resistor <paramref name="resistor"/> set to
    /// <paramref name="ohms"/> (a <c>.dc R1 …</c> point).</summary>
    private static Circuit CircuitWith(FlatNetlist netlist, string resistor, double ohms, string sourceFile)
    {
        try { return Bind(netlist.WithResistance(resistor, ohms), sourceFile).Circuit; }
        catch (NetlistException e)
        {
            var first = e.Errors.FirstOrDefault(d => !d.IsWarning);
            throw new SimulationException(first is null ? e.Message : $"{first.Position}: {first.Message}");
        }
    }

    /// <summary><c>.options rshunt=R cshunt=C</c> (ngspice 39): a resistor R and a capacitor C from every node of the
    /// netlist to ground (device-internal nodes excepted), noiseless, named <c>rshunt#node</c>/<c>cshunt#node</c> (no
    /// element name can hold '#'). ngspice adds them for convergence of floating nodes; they change the results by
    /// what they conduct. Invalid values are reported by <see cref="OptionsBinder"/>.</summary>
    private static void AddShunts(FlatNetlist netlist, Circuit circuit, Dictionary<string, FlatElement> positions)
    {
        double r = netlist.Options.TryGetValue("rshunt", out var rs) && rs.value > 0 && double.IsFinite(rs.value) ? rs.value : 0;
        double c = netlist.Options.TryGetValue("cshunt", out var cs) && cs.value > 0 && double.IsFinite(cs.value) ? cs.value : 0;
        if (r == 0 && c == 0) return;
        var nodes = circuit.Devices.SelectMany(d => d.Nodes).Where(n => !Circuit.IsGround(n))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        void Add(Device d, char kind, string node, SourcePosition at)
        {
            circuit.Add(d);
            // located at the option: a message about the shunt (none expected) points there
            positions[d.Name] = new FlatElement(d.Name, kind, new[] { new NodeRef(node, at), new NodeRef("0", at) },
                Array.Empty<ElementArgument>(), at);
        }
        foreach (var n in nodes)
        {
            if (r > 0) Add(new Devices.Resistor("rshunt#" + n, n, "0", r) { Noisy = false }, 'r', n, rs.pos);
            if (c > 0) Add(new Devices.Capacitor("cshunt#" + n, n, "0", c), 'c', n, cs.pos);
        }
    }

    /// <summary>BSIM4 devices whose charges are not implemented (versions after 4.5, capmod 0): an analysis that needs
    /// capacitances (transient, ac, noise, hopf, pole-zero) is an error located at the first such element, never a
    /// silent capacitance-free answer. BSIM4 noise exists for tnoimod 0/1 with fnoimod 0/1: a noise analysis with another BSIM4
    /// device is refused the same way.</summary>
    private static void CheckDcOnlyDevices(FlatNetlist netlist, Circuit circuit, Dictionary<string, FlatElement> positions,
        List<NetlistDiagnostic> errors)
    {
        var noise = netlist.Analyses.OfType<NoiseStatement>().FirstOrDefault();
        var noisy = noise == null ? null : circuit.Devices.OfType<Devices.Bsim4.Bsim4Mosfet>().FirstOrDefault(d => d.NoiseMissing != null);
        if (noisy != null && positions.TryGetValue(noisy.Name, out var ne))
            errors.Add(new NetlistDiagnostic(ne.Position,
                $"'{ne.Name}' is a BSIM4 MOSFET whose noise is not implemented ({noisy.NoiseMissing}): not the noise analysis at {noise!.Position}"));
        var needsCharges = netlist.Analyses.FirstOrDefault(a => a is not OpStatement and not DcStatement);
        if (needsCharges == null) return;
        var bsim4 = circuit.Devices.OfType<Devices.Bsim4.Bsim4Mosfet>().FirstOrDefault(d => d.ChargesMissing != null);
        if (bsim4 == null || !positions.TryGetValue(bsim4.Name, out var e)) return;
        errors.Add(new NetlistDiagnostic(e.Position,
            $"'{e.Name}' is a BSIM4 MOSFET whose charges and capacitances are not implemented ({bsim4.ChargesMissing}): "
            + $"only .op and .dc can run it, not the {needsCharges.Kind} analysis at {needsCharges.Position}"));
    }

    private static void CheckSweptSources(AnalysisStatement a, Circuit circuit, List<NetlistDiagnostic> errors)
    {
        var sweeps = a switch
        {
            DcStatement dc => dc.Sweeps.Where(s => s.Source != DcAnalysis.Temperature && !s.ElementValue).Select(s => (s.Source, s.Position)),
            HopfStatement hopf => new[] { (hopf.Source, hopf.Position) },
            _ => Enumerable.Empty<(string, SourcePosition)>(),
        };
        foreach (var (source, position) in sweeps)
            if (circuit.Find(source) is not IDcSource)
                errors.Add(new NetlistDiagnostic(position, $"'{source}' is not an independent voltage or current source"));
    }
}
