// perovspice as a library: a 4×4 crossbar of level-1 perovskite memristors built in code, run through a
// transient and an ac sweep, then the same circuit read from netlist text and run again; the two routes
// must agree to 1e-12 (relative). Exit code 0 when they do, 1 when they do not.
using System.Globalization;
using System.Numerics;
using System.Text;
using Perovspice.Devices;
using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using CircuitBinder = Perovspice.Netlist.Binding.CircuitBinder;
using NetlistReader = Perovspice.Netlist.NetlistReader;

const int N = 4;                         // rows × columns
double[] load = { 0.05, 0.1, 0.2, 0.4 }; // column load resistors to ground (Ω)
double[] bias = { 0.6, 0.8, 1.0, 1.2 };  // row dc bias (V); row 1 also carries the ac excitation
const double Swing = 0.3, Hz = 1;        // each row: SIN(bias, 0.3 V, 1 Hz) in the transient

// Level 1 model in the paper's normalized units (Bisquert & Guerrero 2022); unnamed parameters take defaults.
var modelParameters = new Dictionary<string, double> { ["cm"] = 0.1, ["rb"] = 1, ["ic0"] = 10, ["vt"] = 1, ["vm"] = 0.05, ["taud"] = 1 };
var tran = new TransientSpec(Step: 0.01, Stop: 3);
var ac = new AcSpec(AcSweepKind.Decade, Points: 10, FStart: 1e-3, FStop: 1e3);

// 1. The circuit in code: V{i} drives row r{i}; memristor N{i}{j} joins r{i} to column c{j};
//    load resistor RL{j} from c{j} to ground.
var circuit = new Circuit();
var model = PerovskiteModel.Create(1, modelParameters);
for (int i = 1; i <= N; i++)
{
    var value = new SourceValue
    {
        Dc = bias[i - 1],
        AcMagnitude = i == 1 ? 1 : 0,
        Waveform = new SineWaveform(new[] { bias[i - 1], Swing, Hz }),
    };
    circuit.Add(new VoltageSource($"v{i}", $"r{i}", "0", value));
}
for (int i = 1; i <= N; i++)
    for (int j = 1; j <= N; j++)
        circuit.Add(new PerovskiteMemristor($"n{i}{j}", $"r{i}", $"c{j}", model));
for (int j = 1; j <= N; j++)
    circuit.Add(new Resistor($"rl{j}", $"c{j}", "0", load[j - 1]));

// 2. The same circuit as a netlist (the text `perovspice run` would read), through the netlist layer.
string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);
var text = new StringBuilder("4x4 crossbar of level-1 perovskite memristors\n");
text.AppendLine(".model mem perovskite level=1 " + string.Join(" ", modelParameters.Select(p => $"{p.Key}={Num(p.Value)}")));
for (int i = 1; i <= N; i++)
    text.AppendLine($"V{i} r{i} 0 DC {Num(bias[i - 1])} AC {(i == 1 ? 1 : 0)} SIN({Num(bias[i - 1])} {Num(Swing)} {Num(Hz)})");
for (int i = 1; i <= N; i++)
    for (int j = 1; j <= N; j++)
        text.AppendLine($"N{i}{j} r{i} c{j} mem");
for (int j = 1; j <= N; j++)
    text.AppendLine($"RL{j} c{j} 0 {Num(load[j - 1])}");
text.AppendLine($".tran {Num(tran.Step)} {Num(tran.Stop)}").AppendLine($".ac dec {ac.Points} {Num(ac.FStart)} {Num(ac.FStop)}").AppendLine(".end");
var job = CircuitBinder.Bind(NetlistReader.ReadText(text.ToString(), "crossbar.cir"));

// 3. Run both, keeping what we compare: column voltages and the slow currents @nij[ic] (tran), v(cj) (ac).
var fromCode = Run(circuit, options: null, tran, ac);
var fromNetlist = Run(job.Circuit, job.Options, tran, ac);

double worst = 0;
if (fromCode.Tran.Count != fromNetlist.Tran.Count || fromCode.Ac.Count != fromNetlist.Ac.Count)
    worst = double.PositiveInfinity;
else
{
    foreach (var (a, b) in fromCode.Tran.Zip(fromNetlist.Tran))
        for (int k = 0; k < a.Length; k++) worst = Math.Max(worst, Relative(a[k], b[k]));
    foreach (var (a, b) in fromCode.Ac.Zip(fromNetlist.Ac))
        for (int k = 0; k < a.Length; k++) worst = Math.Max(worst, Relative(a[k], b[k]));
}

var last = fromCode.Tran[^1];
Console.WriteLine($"transient: {fromCode.Tran.Count} time points; at t = {last[0]} s: " +
                  string.Join(" ", Enumerable.Range(1, N).Select(j => $"v(c{j}) = {last[j]:G6} V")));
var first = fromCode.Ac[0];
Console.WriteLine($"ac: {fromCode.Ac.Count} frequencies; at f = {first[0].Real} Hz: |v(c1)| = {first[1].Magnitude:G6} V");
Console.WriteLine($"max relative difference, code vs netlist: {worst:G3}");
return worst <= 1e-12 ? 0 : 1;

// One transient and one ac sweep (a fresh Simulator each). Rows: tran [t, v(c1..cN), @n11[ic] .. @nNN[ic]],
// ac [f, v(c1..cN)].
static (List<double[]> Tran, List<Complex[]> Ac) Run(Circuit circuit, SimulationOptions? options, TransientSpec tran, AcSpec ac)
{
    var memristors = circuit.Devices.OfType<PerovskiteMemristor>().ToList();
    var tranRows = new List<double[]>();
    new Simulator(circuit, options).Transient(tran, s =>
    {
        var row = new List<double> { s.Time };
        for (int j = 1; j <= N; j++) row.Add(s.V($"c{j}"));
        foreach (var m in memristors) row.Add(m.ReadQuantity("ic", s));
        tranRows.Add(row.ToArray());
    });
    var acRows = new List<Complex[]>();
    new Simulator(circuit, options).Ac(ac, s =>
        acRows.Add(new[] { new Complex(s.Frequency, 0) }.Concat(Enumerable.Range(1, N).Select(j => s.V($"c{j}"))).ToArray()));
    return (tranRows, acRows);
}

static double Relative(Complex a, Complex b)
{
    double scale = Math.Max(a.Magnitude, b.Magnitude);
    return scale == 0 ? 0 : (a - b).Magnitude / scale;
}
