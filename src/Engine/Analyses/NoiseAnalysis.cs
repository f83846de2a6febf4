using System.Numerics;
using Perovspice.Engine.Analysis;
using Perovspice.Engine.Sparse;
using SparseSingular = Perovspice.Engine.Sparse.SingularMatrixException;

namespace Perovspice.Engine;

/// <summary>What <c>.noise</c> computes: the output node pair, the input source and the frequency sweep.</summary>
/// <param name="Output">The output node (v(out)).</param>
/// <param name="Reference">The reference node of the output (v(out,ref)); "0" for ground.</param>
/// <param name="Source">The independent voltage or current source the input noise is referred to (its value and ac
/// value do not matter: a unit input is used).</param>
/// <param name="Sweep">The frequencies (dec, oct or lin; every frequency must be greater than zero).</param>
/// <param name="PointsPerSummary">ngspice's <c>pts_per_summary</c>: when above 0, <see cref="NoiseAnalysis.Tabulate"/>
/// writes every generator's and device's output spectrum and integrated noise, and the spectra only at every
/// PointsPerSummary-th frequency (the first included), as ngspice 39 does; the totals still cover every frequency.
/// 0 (the default): the two spectra at every frequency and the two totals.</param>
public sealed record NoiseSpec(string Output, string Reference, string Source, AcSpec Sweep, int PointsPerSummary = 0);

/// <summary>One column of the noise table: a spectrum, named as written.</summary>
/// <param name="Name">The column's name (ngspice's vector names are <c>onoise_spectrum</c> and
/// <c>inoise_spectrum</c>).</param>
/// <param name="Input">True for the input-referred spectrum, false for the output spectrum.</param>
public sealed record NoiseColumn(string Name, bool Input);

/// <summary>A noise generator of the circuit: the device it belongs to and its <see cref="NoiseSource"/>.</summary>
/// <param name="Device">The device's name.</param>
/// <param name="Source">The generator.</param>
public sealed record NoiseGenerator(string Device, NoiseSource Source);

/// <summary>One frequency of a noise analysis. The object and its arrays are reused between points: copy what you
/// keep.</summary>
public sealed class NoisePoint
{
    internal NoisePoint(IReadOnlyList<NoiseGenerator> generators)
    {
        Generators = generators;
        OutputDensities = new double[generators.Count];
    }

    /// <summary>The frequency, Hz.</summary>
    public double Frequency { get; internal set; }

    /// <summary>The small-signal gain from the unit input (1 V or 1 A of the source) to v(out, ref).</summary>
    public Complex Gain { get; internal set; }

    /// <summary>The output noise density, V²/Hz: Σ over the generators of |transfer|²·S(f).</summary>
    public double OutputDensity { get; internal set; }

    /// <summary>√<see cref="OutputDensity"/>, V/√Hz (ngspice's <c>onoise_spectrum</c>).</summary>
    public double OutputNoise => Math.Sqrt(OutputDensity);

    /// <summary>The output noise referred to the input, V/√Hz or A/√Hz (ngspice's <c>inoise_spectrum</c>):
    /// √(<see cref="OutputDensity"/>/max(|gain|², 1e-20)), ngspice's floor of the gain.</summary>
    public double InputNoise => Math.Sqrt(OutputDensity * NoiseAnalysis.GainSquaredInverse(Gain));

    /// <summary>The circuit's generators, in device order.</summary>
    public IReadOnlyList<NoiseGenerator> Generators { get; }

    /// <summary>Each generator's contribution to <see cref="OutputDensity"/>, V²/Hz, in the order of
    /// <see cref="Generators"/>.</summary>
    public double[] OutputDensities { get; }
}

/// <summary>The noise integrated over the swept frequencies.</summary>
/// <param name="OutputNoise">The rms output noise, V (ngspice's <c>onoise_total</c>).</param>
/// <param name="InputNoise">The rms input-referred noise, V or A (ngspice's <c>inoise_total</c>).</param>
/// <param name="Points">The frequencies computed.</param>
/// <param name="Generators">The circuit's generators, in device order.</param>
/// <param name="GeneratorOutputSquared">Each generator's output noise integrated over the sweep, V² (the square of
/// its rms contribution; the contributions add as squares).</param>
/// <param name="GeneratorInputSquared">Each generator's input-referred noise integrated over the sweep, V² or A².</param>
public sealed record NoiseTotals(double OutputNoise, double InputNoise, int Points, IReadOnlyList<NoiseGenerator> Generators,
    IReadOnlyList<double> GeneratorOutputSquared, IReadOnlyList<double> GeneratorInputSquared);

/// <summary>
/// The small-signal noise analysis (<c>.noise v(out[,ref]) src dec|oct|lin n fstart fstop</c>), as SPICE defines it
/// (docs/measure.md, "Noise analysis"): at the operating point the circuit is linearized as in <see cref="AcAnalysis"/>
/// (J = G + jωC plus the devices' <see cref="Device.LoadAc"/> terms); at each frequency one solve of the adjoint system
/// Jᵀz = e_out − e_ref gives the transfer z_a − z_b from a current generator between unknowns a and b to the output, so
/// the output density is Σ |z_a − z_b|²·S(f) over the devices' uncorrelated generators
/// (<see cref="Device.NoiseSources"/>), and the gain from the input source is zᵀb, b the unit excitation of the source.
/// The totals integrate each generator's output (and input-referred) density over the sweep as a power law between
/// adjacent frequencies, as ngspice does.
/// </summary>
public sealed class NoiseAnalysis : SimulationAnalysis
{
    /// <summary>ngspice's floor of |gain|² (N_MINGAIN) when referring the noise to the input.</summary>
    public const double MinimumGainSquared = 1e-20;

    /// <summary>ngspice's floor of a density before its logarithm is taken in the integration (N_MINLOG).</summary>
    public const double MinimumDensity = 1e-38;

    /// <summary>The integration's slope threshold: a power-law exponent within 1e-10 of 0 (or of −1) is taken as
    /// exactly 0 (−1), as ngspice does (N_INTFTHRESH); the general formula would cancel there.</summary>
    public const double FlatSlope = 1e-10;

    private const string AnalysisName = "noise analysis";

    /// <summary>Creates the analysis.</summary>
    /// <param name="spec">The output, the input source and the sweep.</param>
    /// <param name="columns">The spectra to tabulate, in order; null or empty for <c>onoise_spectrum</c> and
    /// <c>inoise_spectrum</c>.</param>
    public NoiseAnalysis(NoiseSpec spec, IReadOnlyList<NoiseColumn>? columns = null)
    {
        if (spec.PointsPerSummary < 0) throw new ArgumentOutOfRangeException(nameof(spec), "PointsPerSummary must not be negative");
        Spec = spec;
        _defaultColumns = columns is not { Count: > 0 };
        Columns = columns is { Count: > 0 } ? columns
            : new[] { new NoiseColumn("onoise_spectrum", false), new NoiseColumn("inoise_spectrum", true) };
    }

    private readonly bool _defaultColumns;

    /// <summary>The output, the input source and the sweep.</summary>
    public NoiseSpec Spec { get; }

    /// <summary>The spectra <see cref="Tabulate"/> writes after the frequency, in order.</summary>
    public IReadOnlyList<NoiseColumn> Columns { get; }

    /// <inheritdoc/>
    public override string Kind => "noise";

    /// <summary>1/max(|gain|², 1e-20): ngspice refers noise to the input through a gain no smaller than 1e-10.</summary>
    internal static double GainSquaredInverse(Complex gain)
    {
        double g2 = gain.Real * gain.Real + gain.Imaginary * gain.Imaginary;
        return 1 / Math.Max(g2, MinimumGainSquared);
    }

    /// <summary>Runs the sweep.</summary>
    /// <param name="simulator">The simulator of the circuit.</param>
    /// <param name="onPoint">Receives each frequency's densities (reused between points: copy what you keep);
    /// returns false to stop the sweep there (the totals then cover the points computed).</param>
    /// <param name="cancellation">Stops the run with <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Receives (noise, frequency, last frequency, points) after each point.</param>
    /// <returns>The integrated output and input noise (0 with a single frequency).</returns>
    /// <exception cref="SimulationException">No operating point, or a singular matrix or non-finite value at a
    /// frequency (<see cref="SimulationException.SweepValue"/>), or too many points.</exception>
    /// <exception cref="ArgumentException">An unknown node or source, or a frequency that is not above zero.</exception>
    public NoiseTotals Run(Simulator simulator, Func<NoisePoint, bool> onPoint, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        var options = simulator.Options;
        var system = simulator.System;
        if (Spec.Sweep.PointCount() > options.MaxPoints)
            throw new SimulationLimitException($"noise analysis: {Spec.Sweep.PointCount():G3} points, more than the limit of {options.MaxPoints}", AnalysisName);
        int outPlus = system.NodeIndex(Spec.Output), outMinus = system.NodeIndex(Spec.Reference);
        var source = simulator.FindSource(Spec.Source);
        var frequencies = Spec.Sweep.Frequencies();
        foreach (double f in frequencies)
            if (!(f > 0) || !double.IsFinite(f))
                throw new ArgumentException($"noise analysis: the frequencies must be greater than zero (found {f:G6} Hz)");
        using var linked = new LinkedCancellation(options.Cancellation, cancellation);
        var token = linked.Token;
        var opSolution = new OperatingPointAnalysis().Run(simulator, token);
        var op = (double[])opSolution.X.Clone();

        // the unit input: b = −∂F/∂u (1 V on a voltage source's branch row, 1 A through a current source)
        var excitation = TransferFunction.SourceDerivative(system, op, source);
        system.Load.Static = false;
        system.Evaluate(op);
        var ctx = system.Load;
        var g = (double[])ctx.G.Clone();
        var c = (double[])ctx.C.Clone();

        var generators = new List<NoiseGenerator>();
        foreach (var d in system.Circuit.Devices)
            foreach (var s in d.NoiseSources(opSolution))
            {
                if (!(s.Coefficient >= 0) || !double.IsFinite(s.Coefficient) || !double.IsFinite(s.Exponent))
                    throw new SimulationException($"noise analysis: device '{d.Name}' gives a noise density of {s.Coefficient:G6} ({s.Name})",
                        AnalysisName);
                generators.Add(new NoiseGenerator(d.Name, s));
            }

        // Jᵀ on a transposed pattern: slot s of J (row r, column c) is slot tslot[s] (row c, column r) of Jᵀ
        var pattern = system.Pattern;
        var transposed = new SparsePattern(pattern.Size);
        var tslot = new int[pattern.SlotCount + 1];
        for (int s = 1; s <= pattern.SlotCount; s++) tslot[s] = transposed.GetSlot(pattern.ColOf(s), pattern.RowOf(s));
        transposed.EnsureDiagonal();
        var lu = LinearSolverFactory.CreateComplex(transposed);
        var jt = new Complex[transposed.SlotCount + 1];
        var j = new Complex[g.Length];
        var z = new Complex[system.Size + 1];

        var point = new NoisePoint(generators);
        var integrator = new NoiseIntegrator(generators.Count);
        double last = frequencies.Length > 0 ? frequencies[^1] : 0;
        int count = 0;
        foreach (double f in frequencies)
        {
            token.ThrowIfCancellationRequested();
            double w = 2 * Math.PI * f;
            for (int s = 0; s < j.Length; s++) j[s] = new Complex(g[s], w * c[s]);
            foreach (var d in system.Circuit.Devices) d.LoadAc(w, j);
            Array.Clear(jt);
            for (int s = 1; s < j.Length; s++) jt[tslot[s]] = j[s];
            try
            {
                lu.Factor(jt);
            }
            catch (SparseSingular e)
            {
                throw new SingularMatrixException($"noise analysis at {f:G6} Hz: singular matrix at {simulator.Newton.Describe(e.Unknown)}",
                    AnalysisName, null, f, simulator.Newton.NameOf(e.Unknown));
            }
            Array.Clear(z);
            z[outPlus] += 1;
            z[outMinus] -= 1;
            z[0] = 0;
            lu.Solve(z);
            for (int i = 1; i <= system.Size; i++)
                if (!double.IsFinite(z[i].Real) || !double.IsFinite(z[i].Imaginary))
                    throw new NonFiniteValueException($"noise analysis at {f:G6} Hz: non-finite value at {simulator.Newton.Describe(i)}",
                        AnalysisName, null, f, simulator.Newton.NameOf(i));
            // gain = cᵀ J⁻¹ b = zᵀ b with b = −∂F/∂u
            Complex gain = 0;
            for (int i = 1; i <= system.Size; i++)
                if (excitation[i] != 0) gain -= z[i] * excitation[i];
            double total = 0;
            for (int k = 0; k < generators.Count; k++)
            {
                var s = generators[k].Source;
                var h = z[s.Plus] - z[s.Minus];   // z[0] = 0 (ground)
                double density = (h.Real * h.Real + h.Imaginary * h.Imaginary) * s.Density(f);
                if (!double.IsFinite(density))
                    throw new NonFiniteValueException($"noise analysis at {f:G6} Hz: non-finite noise of '{generators[k].Device}' ({s.Name})",
                        AnalysisName, null, f, generators[k].Device);
                point.OutputDensities[k] = density;
                total += density;
            }
            point.Frequency = f;
            point.Gain = gain;
            point.OutputDensity = total;
            integrator.Add(f, point.OutputDensities, GainSquaredInverse(gain));
            count++;
            bool go = onPoint(point);
            progress?.Report(new AnalysisProgress(Kind, f, last, count));
            if (!go) break;
        }
        if (!double.IsFinite(integrator.Output) || !double.IsFinite(integrator.Input))
            throw new NonFiniteValueException($"noise analysis: the integrated noise is not finite (output {integrator.Output:G6} V², input {integrator.Input:G6})",
                AnalysisName, null, last, null);
        return new NoiseTotals(Math.Sqrt(integrator.Output), Math.Sqrt(integrator.Input), count, generators,
            integrator.OutputByGenerator, integrator.InputByGenerator);
    }

    /// <summary>Two tables: <c>noise</c> (frequency, then <see cref="Columns"/>) and <c>noise-total</c> (one row:
    /// <c>onoise_total</c>, <c>inoise_total</c>). With <see cref="NoiseSpec.PointsPerSummary"/> k &gt; 0 the spectra
    /// are written at every k-th frequency, and without a <c>.print noise</c> both tables add, device by device (in
    /// circuit order, names in lower case as ngspice 39 names its vectors): <c>onoise_DEV</c> (the device's output
    /// density, its generators' root-sum-square) and <c>onoise_DEV_GEN</c> per generator, and in the totals
    /// <c>onoise_total_DEV</c>, <c>onoise_total_DEV_GEN</c>…, <c>inoise_total_DEV</c>, <c>inoise_total_DEV_GEN</c>….</summary>
    public override void Tabulate(Simulator simulator, IAnalysisOutput output, CancellationToken cancellation = default,
        IProgress<AnalysisProgress>? progress = null)
    {
        bool currentInput = simulator.System.Circuit.Find(Spec.Source) is { BranchIndex: 0 };
        int every = Spec.PointsPerSummary;
        bool perGenerator = every > 0 && _defaultColumns;
        var table = output.AddTable(Kind, "", "Noise Spectral Density Curves");
        var frequency = table.AddColumn("frequency", QuantityType.Frequency);
        var columns = Columns.Select(col => (col.Input, Append: table.AddColumn(col.Name,
            col.Input && currentInput ? QuantityType.CurrentDensity : QuantityType.VoltageDensity))).ToList();
        List<(int[] Members, Action<double> Device, Action<double>[] Each)>? devices = null;
        int index = 0;
        var totals = Run(simulator, p =>
        {
            if (perGenerator && devices == null)
                devices = GroupByDevice(p.Generators).Select(g => (g.Members,
                    table.AddColumn($"onoise_{g.Device}", QuantityType.VoltageDensity),
                    g.Members.Select(k => table.AddColumn($"onoise_{g.Device}_{p.Generators[k].Source.Name}", QuantityType.VoltageDensity)).ToArray())).ToList();
            bool write = every == 0 || index % every == 0;
            index++;
            if (!write) return true;
            frequency(p.Frequency);
            foreach (var (input, append) in columns) append(input ? p.InputNoise : p.OutputNoise);
            if (devices != null)
                foreach (var (members, device, each) in devices)
                {
                    double sum = 0;
                    for (int m = 0; m < members.Length; m++)
                    {
                        double d = p.OutputDensities[members[m]];
                        sum += d;
                        each[m](Math.Sqrt(d));
                    }
                    device(Math.Sqrt(sum));
                }
            return true;
        }, cancellation, progress);
        var integrated = output.AddTable("noise-total", "-total", "Integrated Noise");
        var inputType = currentInput ? QuantityType.Current : QuantityType.Voltage;
        integrated.AddColumn("onoise_total", QuantityType.Voltage)(totals.OutputNoise);
        integrated.AddColumn("inoise_total", inputType)(totals.InputNoise);
        if (!perGenerator) return;
        foreach (var (name, members) in GroupByDevice(totals.Generators))
            foreach (var (prefix, squares, type) in new[] { ("onoise_total", totals.GeneratorOutputSquared, QuantityType.Voltage),
                         ("inoise_total", totals.GeneratorInputSquared, inputType) })
            {
                integrated.AddColumn($"{prefix}_{name}", type)(Math.Sqrt(members.Sum(k => squares[k])));
                foreach (int k in members)
                    integrated.AddColumn($"{prefix}_{name}_{totals.Generators[k].Source.Name}", type)(Math.Sqrt(squares[k]));
            }
    }

    /// <summary>The generators' indices grouped by device, devices in order of first appearance; names in lower case.</summary>
    private static List<(string Device, int[] Members)> GroupByDevice(IReadOnlyList<NoiseGenerator> generators)
    {
        var order = new List<string>();
        var members = new Dictionary<string, List<int>>();
        for (int k = 0; k < generators.Count; k++)
        {
            string name = generators[k].Device.ToLowerInvariant();
            if (!members.TryGetValue(name, out var list)) { members[name] = list = new List<int>(); order.Add(name); }
            list.Add(k);
        }
        return order.Select(n => (n, members[n].ToArray())).ToList();
    }
}

/// <summary>
/// The integrated noise, generator by generator, as ngspice integrates it: between adjacent frequencies f₁ &lt; f₂ a
/// density is taken as the power law S(f) = S₂·(f/f₂)^e through its two values, e = ln(S₂/S₁)/ln(f₂/f₁) (densities
/// floored at 1e-38 before the logarithm), integrated exactly: S₂·(f₂ − f₁) when |e| &lt; 1e-10, S₂·f₂·ln(f₂/f₁) when
/// |e + 1| &lt; 1e-10, otherwise S₂·f₂·(1 − (f₁/f₂)^(e+1))/(e + 1). The input-referred density at f₂ is the output one
/// times 1/|gain(f₂)|² (floored as <see cref="NoiseAnalysis.GainSquaredInverse"/>), integrated with the exponent of the
/// output density: ngspice divides both ends of the segment by the gain at f₂, so a gain that changes along the segment
/// is not followed (the input total then differs from the integral of the tabulated input spectrum).
/// </summary>
internal sealed class NoiseIntegrator
{
    private readonly double[] _lastLog;
    private double _lastFrequency;
    private bool _started;

    public NoiseIntegrator(int generators)
    {
        _lastLog = new double[generators];
        OutputByGenerator = new double[generators];
        InputByGenerator = new double[generators];
    }

    /// <summary>Each generator's ∫ of its output density, V².</summary>
    public double[] OutputByGenerator { get; }

    /// <summary>Each generator's ∫ of its input-referred density, V² or A².</summary>
    public double[] InputByGenerator { get; }

    /// <summary>∫ of the output densities, V².</summary>
    public double Output { get; private set; }

    /// <summary>∫ of the input-referred densities, V² or A².</summary>
    public double Input { get; private set; }

    public void Add(double frequency, double[] densities, double gainSquaredInverse)
    {
        double lnGainInverse = Math.Log(gainSquaredInverse);
        double lnF = Math.Log(frequency);
        double lnLastF = _started ? Math.Log(_lastFrequency) : 0;
        for (int k = 0; k < densities.Length; k++)
        {
            double n = densities[k];
            double ln = Math.Log(Math.Max(n, NoiseAnalysis.MinimumDensity));
            if (_started && frequency != _lastFrequency)
            {
                double o = Segment(n, ln, _lastLog[k], frequency, _lastFrequency, lnF, lnLastF);
                double i = Segment(n * gainSquaredInverse, ln + lnGainInverse, _lastLog[k] + lnGainInverse, frequency,
                    _lastFrequency, lnF, lnLastF);
                Output += o; Input += i;
                OutputByGenerator[k] += o; InputByGenerator[k] += i;
            }
            _lastLog[k] = ln;
        }
        _lastFrequency = frequency;
        _started = true;
    }

    /// <summary>∫ from f₁ to f₂ of the power law through (f₁, e^lnS₁) and (f₂, e^lnS₂); s2 is the density at f₂.</summary>
    internal static double Segment(double s2, double lnS2, double lnS1, double f2, double f1, double lnF2, double lnF1)
    {
        double e = (lnS2 - lnS1) / (lnF2 - lnF1);
        if (Math.Abs(e) < NoiseAnalysis.FlatSlope) return s2 * (f2 - f1);
        double a = Math.Exp(lnS2 - e * lnF2);   // S(f) = a·f^e
        double e1 = e + 1;
        if (Math.Abs(e1) < NoiseAnalysis.FlatSlope) return a * (lnF2 - lnF1);
        double integral = a * (Math.Exp(e1 * lnF2) - Math.Exp(e1 * lnF1)) / e1;   // ngspice's form (its rounding)
        // a steep slope (a density rising from the 1e-38 floor) overflows a or the powers: the same integral from the
        // two end values, (S₂f₂ − S₁f₁)/(e + 1), has no large intermediate
        return double.IsFinite(integral) ? integral : (Math.Exp(lnS2) * f2 - Math.Exp(lnS1) * f1) / e1;
    }
}
