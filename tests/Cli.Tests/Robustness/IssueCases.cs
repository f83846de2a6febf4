using System.Diagnostics;
using System.Text;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// The inputs that used to crash, hang or exhaust the machine (issue 13): each is now a located error (exit 1) or a
/// bounded run, quickly and without an internal error. Netlists use the header <c>t / V1 a 0 1 / R1 a 0 1k</c>.
/// </summary>
public class IssueCases
{
    private const string Header = "t\nV1 a 0 1\nR1 a 0 1k\n";

    internal static (int Code, string Errors, string Dir) RunText(string text, params string[] extra)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "case.cir");
        File.WriteAllText(path, text);
        var r = Repo.Run(new[] { "run", path, "-o", Path.Combine(dir, "out"), "--quiet" }.Concat(extra).ToArray());
        return (r.Code, r.Errors, dir);
    }

    /// <summary>Runs <paramref name="f"/> holding the console lock (re-entered by <see cref="Repo.Run"/>), so that the
    /// time measured does not include waiting for other tests (the fuzz test holds it for minutes).</summary>
    private static (T Result, double Seconds) Timed<T>(Func<T> f)
    {
        lock (Repo.ConsoleLock)
        {
            var sw = Stopwatch.StartNew();
            var r = f();
            return (r, sw.Elapsed.TotalSeconds);
        }
    }

    private static void AssertLocated((int Code, string Errors, string Dir) r, int line, string contains)
    {
        Assert.True(r.Code == 1, $"exit {r.Code}: {r.Errors}");
        Assert.Matches($@"case\.cir:{line}:\d+: error: ", r.Errors);
        Assert.Contains(contains, r.Errors);
        Assert.DoesNotContain("internal error", r.Errors);
    }

    [Fact]
    public void ReverseParameterChainOf20000IsEvaluatedWithoutRecursion()
    {
        var sb = new StringBuilder(Header);
        for (int i = 19999; i >= 1; i--) sb.Append($".param p{i}={{p{i - 1}*1}}\n");
        sb.Append(".param p0=1\nR2 a 0 {p19999+1}\n.op\n");
        var r = RunText(sb.ToString());
        Assert.True(r.Code == 0, r.Errors);
    }

    [Fact]
    public void ParameterCycleOf20000IsOneShortError()
    {
        var sb = new StringBuilder(Header);
        for (int i = 19999; i >= 1; i--) sb.Append($".param p{i}={{p{i - 1}*1}}\n");
        sb.Append(".param p0={p19999}\nR2 a 0 {p19999+1}\n.op\n");
        var r = RunText(sb.ToString());
        AssertLocated(r, 4, "parameter cycle: p19999 -> p19998");
        Assert.True(r.Errors.Length < 2000, "the cycle is abbreviated");
    }

    [Theory]
    [InlineData(".dc V1 0 1e10 1")]
    [InlineData(".hopf I1 0 1e9 1e-3")]
    [InlineData(".hopf I1 0 1e-300 1e-310")]
    [InlineData(".ac dec 1e9 1 1e9")]
    [InlineData(".ac oct 1e9 1 1e6")]
    [InlineData(".ac dec 3e8 1 1e7")]
    [InlineData(".dc V1 0 1 1e-9")]
    [InlineData(".tran 1m 1e30")]
    [InlineData(".tran 1m 1 0 1e-300")]
    [InlineData(".tran 0.002 6 0 1f")]
    [InlineData(".dc V1 0 1e5 1 I1 0 1e5 1")]
    [InlineData(".dc V1 -1e308 1e308 1e-300")]
    public void HugePointCountsAreLocatedErrors(string analysis)
    {
        var (r, seconds) = Timed(() => RunText(Header + "I1 0 a 1m\nC1 a 0 1u\n" + analysis + "\n"));
        AssertLocated(r, 6, "--max-points");
        Assert.True(seconds < 5, $"took {seconds} s");
    }

    /// <summary>Found by the fuzz test: a tmax far beyond a tiny stop time left no breakpoint (index out of range).</summary>
    [Fact]
    public void TinyStopTimeWithALargeMaximumStepIsNoInternalError()
    {
        var r = RunText("t\nV1 a 0 SIN(0 1 1k)\nR1 a b 1k\nC1 b 0 1u\n.tran 1u 1e-308 0 0.1u\n");
        Assert.True(r.Code is 0 or 2, $"exit {r.Code}: {r.Errors}");
        Assert.DoesNotContain("internal error", r.Errors);
    }

    /// <summary>Found by the fuzz test: '.four 1e308' wrote NaN and infinite harmonics.</summary>
    [Fact]
    public void HugeFourierFrequencyIsALocatedError()
    {
        var r = RunText("t\nV1 a 0 SIN(0 1 1k)\nR1 a 0 1k\n.tran 10u 2m\n.four 1e308 v(a)\n");
        AssertLocated(r, 5, "at most 1e300");
    }

    /// <summary>Found by the fuzz test: thousands of POLY coefficients took seconds per hundred (quadratic).</summary>
    [Fact]
    public void ThousandsOfPolyCoefficientsAreRefusedQuickly()
    {
        string coefficients = string.Concat(Enumerable.Repeat("+ 1\n", 3000));
        var (r, seconds) = Timed(() => RunText($"t\nV1 a 0 1\nR1 b 0 1k\nE1 b 0 POLY(1) a 0 0 1\n{coefficients}.op\n"));
        AssertLocated(r, 4, "POLY coefficients, more than 200");
        Assert.True(seconds < 5, $"took {seconds} s");
    }

    /// <summary>Found by the fuzz test (case seed 430332202): the pencil's eigenvalue solver did not converge and its
    /// exception escaped as an internal error.</summary>
    [Fact]
    public void EigenvalueNonConvergenceIsASimulationFailure()
    {
        string path = Path.Combine(Repo.Root, "tests", "Cli.Tests", "Robustness", "Cases", "pz_eigen_nonconvergence.cir");
        var r = Repo.Run("run", path, "-o", Path.Combine(Repo.TempDir(), "out"), "--quiet");
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Errors}");
        Assert.Contains("did not converge", r.Errors);
    }

    /// <summary>Found by the fuzz test (seed 207599753): a linear transient whose matrix G + a0·C is singular to the
    /// pivot tolerance (1e30 Ω feeding coupled inductors) let the sparse solver's exception escape as an internal
    /// error; the linear solver now falls back to Newton (with its gmin steps) as intended.</summary>
    [Fact]
    public void SingularLinearTransientFallsBackToNewton()
    {
        var r = RunText("t\nv1 in 0 dc 0 sin(0 1 10k)\nrs in a 1e30\nl1 a x 1m\nl2 b 0 4m\nk1 l1 l2 0.99\nrl b 0 1k\n.tran 0.1u 0.5m\n");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Errors}");
        var rows = File.ReadAllLines(Path.Combine(r.Dir, "out", "tran.csv"));
        Assert.True(rows.Length > 5000, "the whole transient is written");
        // no current flows through 1e30 ohm: the secondary stays at zero
        foreach (var row in rows.Skip(1))
            Assert.True(Math.Abs(double.Parse(row.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)) < 1e-20, row);
    }

    /// <summary>Found by the long campaign (case seed 2 044 925, a mangled RTL ring oscillator with floating junction
    /// nodes and a 10 kF capacitor): the step collapsed to ~2 fs and the 20 µs transient would have crawled for hours
    /// (ngspice gives up with "timestep too small"). 10⁵ points without advancing one maximum step now end it.</summary>
    [Fact]
    public void CollapsedStepEndsWithTimestepTooSmall()
    {
        string path = Path.Combine(Repo.Root, "tests", "Cli.Tests", "Robustness", "Cases", "collapsed_step_ring.cir");
        var ((code, errors), seconds) = Timed(() => Repo.Run("run", path, "-o", Path.Combine(Repo.TempDir(), "out"), "--quiet"));
        Assert.True(code == 2, $"exit {code}: {errors}");
        Assert.Contains("time step too small", errors);
        Assert.Contains("without advancing", errors);
        Assert.Contains("--max-stall", errors);
        Assert.True(seconds < 30, $"took {seconds:F1} s");
    }

    /// <summary>Found by the long campaign (case seed 2 072 238): an RTL ring oscillator with a 1 fΩ base link took
    /// 389 608 time points of round-off noise (11 s). Resistances below 1e-12 Ω are raised to it, as in ngspice 44.</summary>
    [Fact]
    public void FemtoOhmResistorIsRaisedToThePicoOhmMinimum()
    {
        string ring = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "bjt_vendor", "ring_oscillator.cir"));
        Assert.Contains("rb1 c5 b1 10k", ring);
        var r = RunText(ring.Replace("rb1 c5 b1 10k", "rb1 c5 b1 1f"));
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Errors}");
        int rows = File.ReadAllLines(Path.Combine(r.Dir, "out", "tran.csv")).Length - 1;
        Assert.True(rows < 20_000, $"{rows} time points (11 483 expected, as with 1e-12 ohm)");
    }

    /// <summary>A current source charging a capacitor has no operating point, but a transient from initial conditions
    /// needs none: ngspice 39 runs it, so with only '.tran … uic' analyses the floating node is a warning, and the
    /// ramp is the closed form v = I·t/C. Without uic (ngspice 39 runs that too, from a point of its pseudo-transient:
    /// ngspice's integrate1.cir example) the transient starts from zero with a warning when every analysis is a
    /// transient; with an operating-point analysis beside it it stays a located error that says what to do.</summary>
    [Fact]
    public void CurrentIntoACapacitorRunsUnderUic()
    {
        var r = RunText("t\nI1 0 a 1m\nC1 a 0 1u\n.tran 10u 1m uic\n.print tran v(a)\n");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Errors}");
        var check = Repo.Run("check", Path.Combine(r.Dir, "case.cir"));
        Assert.True(check.Code == 0, check.Errors);
        Assert.Contains("warning: node 'a' has no dc path to ground", check.Errors);
        foreach (var row in File.ReadAllLines(Path.Combine(r.Dir, "out", "tran.csv")).Skip(1))
        {
            var f = row.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1e-3 * f[0] / 1e-6, f[1], 1e-9);
        }
        var noUic = RunText("t\nI1 0 a 1m\nC1 a 0 1u\n.tran 10u 1m\n.print tran v(a)\n");
        Assert.True(noUic.Code == 0, $"exit {noUic.Code}: {noUic.Errors}");
        var checkNoUic = Repo.Run("check", Path.Combine(noUic.Dir, "case.cir"));
        Assert.Contains("the transient starts from zero as with 'uic'", checkNoUic.Errors);
        foreach (var row in File.ReadAllLines(Path.Combine(noUic.Dir, "out", "tran.csv")).Skip(1))
        {
            var f = row.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1e-3 * f[0] / 1e-6, f[1], 1e-9);
        }
        var op = RunText("t\nI1 0 a 1m\nC1 a 0 1u\n.tran 10u 1m\n.op\n");
        AssertLocated(op, 2, "node 'a' has no dc path to ground; give it one");
        Assert.Contains("'.tran ... uic'", op.Errors);
    }

    /// <summary>TRNOISE (ngspice's transient noise) on top of the dc value: the same statistics as ngspice 39 gives for
    /// this netlist (mean 0.5005, standard deviation 0.0882 over its 44 514 time points); the divider halves it exactly.
    /// Reference made with the netlist below with <c>.save v(a)</c> instead of <c>.print</c>, run as
    /// <c>ngspice -b -r tn.raw tn.cir</c> (ngspice 39.3, Debian), mean and population standard deviation of v(a) over
    /// the raw file's points (bench/spicecmp.py read_raw). The draws differ from ngspice's; the statistics agree.</summary>
    [Fact]
    public void TrnoiseSourceRunsWithItsDcOffset()
    {
        var r = RunText("t\nV1 a 0 dc 0.5 trnoise(0.1 1u 0 0)\nR1 a b 1k\nR2 b 0 1k\n.tran 1u 10m\n.print tran v(a) v(b)\n");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Errors}");
        var rows = File.ReadAllLines(Path.Combine(r.Dir, "out", "tran.csv")).Skip(1)
            .Select(l => l.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(0.5, rows[0][1]);
        double mean = rows.Average(f => f[1]);
        double sd = Math.Sqrt(rows.Average(f => (f[1] - mean) * (f[1] - mean)));
        Assert.Equal(0.5, mean, 0.005);
        Assert.Equal(0.088, sd, 0.005);
        foreach (var f in rows) Assert.True(Math.Abs(f[1] / 2 - f[2]) < 1e-12, $"t={f[0]}: {f[1]} / 2 vs {f[2]}");
    }

    /// <summary>TRRANDOM (ngspice's random source): the operating point sees the dc value, or param2 without one, as in
    /// ngspice 39 (<c>ngspice -b</c> on this netlist with <c>.op</c> and <c>print v(a) v(b)</c>: v(a) = 5, v(b) = 2); in
    /// the transient the values are held for ts from td on, param2 before, the dc value added; a type other than 1–4
    /// is an error at the waveform.</summary>
    [Fact]
    public void TrrandomSourceRunsAsNgspiceDoes()
    {
        var op = RunText("t\nV1 a 0 trrandom(1 1m 0 3 5)\nV2 b 0 dc 2 trrandom(2 1m 0 1 7)\nR1 a 0 1k\nR2 b 0 1k\n.op\n");
        Assert.True(op.Code == 0, $"exit {op.Code}: {op.Errors}");
        var opRows = File.ReadAllLines(Path.Combine(op.Dir, "out", "op.csv"));
        var head = opRows[0].Split(',');
        var vals = opRows[1].Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(5, vals[Array.IndexOf(head, "v(a)")]);
        Assert.Equal(2, vals[Array.IndexOf(head, "v(b)")]);

        var r = RunText("t\nV1 a 0 dc 0 trrandom(1 1m 2m 3 5)\nV5 e 0 dc 2 trrandom(1 1m 0 1 0)\nR1 a 0 1k\nR5 e 0 1k\n" +
                        ".tran 0.1m 10m\n.print tran v(a) v(e)\n");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Errors}");
        var rows = File.ReadAllLines(Path.Combine(r.Dir, "out", "tran.csv")).Skip(1)
            .Select(l => l.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(2, rows[0][2]);
        foreach (var f in rows)
        {
            if (f[0] <= 2e-3) Assert.Equal(5, f[1]);
            else Assert.InRange(f[1], 2, 8);
            if (f[0] > 0) Assert.InRange(f[2], 1, 3);
        }
        Assert.True(rows.Select(f => f[1]).Distinct().Count() >= 6, "a new value every millisecond after 2 ms");

        var bad = RunText("t\nV1 a 0 trrandom(7 1m)\nR1 a 0 1k\n.tran 1m 10m\n");
        Assert.Equal(1, bad.Code);
        Assert.Contains("case.cir:2:", bad.Errors);
        Assert.Contains("type must be 1 (uniform), 2 (Gaussian), 3 (exponential) or 4 (Poisson)", bad.Errors);
    }

    /// <summary>A maximum step that cannot reach the stop time within the point limit (fuzz seed 3106682: `.tran 1e-15
    /// 80n`, 8e7 points) fails at once with the count, instead of after filling the limit (38 s before).</summary>
    [Fact]
    public void TransientThatCannotFitThePointLimitFailsAtOnce()
    {
        var (r, seconds) = Timed(() => RunText("t\nV1 a 0 pulse(0 5 1n 1n 1n 20n 40n)\nR1 a b 1k\nC1 b 0 100f\n.tran 1e-15 80n\n"));
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Errors}");
        Assert.Contains("needs at least 8E+07 time points", r.Errors);
        Assert.Contains("--max-points", r.Errors);
        Assert.True(seconds < 5, $"took {seconds:F1} s");
    }

    /// <summary>ngspice's memristor example runs its transient as <c>tran $&amp;deltime $&amp;stime uic</c> after
    /// <c>.csparam stime={stime}</c> and <c>let deltime = stime/100</c>: the control block's scalar vectors and
    /// variables are substituted into its analysis commands (<c>set</c> and <c>$name</c> too).</summary>
    [Fact]
    public void ControlVariablesAreSubstitutedIntoAnalysisCommands()
    {
        var r = RunText("t\n.param stime=10n\n.csparam stime={stime}\nV1 a 0 sin(0 1 '1/stime')\nR1 a b 1k\nC1 b 0 1p\n" +
                        ".control\nlet deltime = stime/100\nset half = 0.5\ntran $&deltime {$half*2*$&stime}\nplot v(b)\n.endc\n");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Errors}");
        var times = File.ReadAllLines(Path.Combine(r.Dir, "out", "tran.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(10e-9, times[^1], 15);
        Assert.True(times.Count >= 100, $"{times.Count} points for a 0.1 ns step over 10 ns");
        var unknown = RunText("t\nV1 a 0 1\nR1 a 0 1k\n.control\ntran $&nothere 1u\n.endc\n");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("$&nothere", unknown.Errors);
    }

    /// <summary>ngspice's memristor example (examples/memristor/memristor.sp of ngspice, abridged): `.csparam`,
    /// `let` and `tran $&amp;deltime $&amp;stime uic` in the control block, a behavioural resistance r={V(x)} that is 0 at
    /// the uic start (ngspice divides by 1e-32 there, as perovspice now does). Reference: ngspice 39 with
    /// `wrdata mem.txt v(xmem.x1)` instead of `plot` (111 rows): the state falls to 1118.4 at 4.20 ns and returns to
    /// 7000.0 at 10 ns; perovspice within 1 % (its grid is finer).</summary>
    [Fact]
    public void NgspiceMemristorExampleRuns()
    {
        var r = RunText("Memristor with threshold\n.param stime=10n\n.param vmax = 3\n.csparam stime={stime}\n.csparam vmax={vmax}\n" +
            "Xmem 1 0 memristor\nV1 0 1 DC 0 sin(0 'vmax' '1/stime')\n" +
            ".subckt memristor plus minus PARAMS: Ron=1K Roff=10K Rinit=7.0K alpha=0 beta=20e3/stime Vt=1.6\n" +
            "Bx 0 x I='((f1(V(plus)-V(minus))> 0) && (V(x) < Roff)) ? {f1(V(plus)-V(minus))}: ((((f1(V(plus)-V(minus)) < 0) && (V(x)>Ron)) ? {f1(V(plus)-V(minus))}: 0)) '\n" +
            "Vx x x1 dc 0\nCx x1 0 1 IC={Rinit}\nRmem plus minus r={V(x)}\n" +
            ".func f1(y)={beta*y+0.5*(alpha-beta)*(abs(y+Vt)-abs(y-Vt))}\n.ends\n" +
            ".control\nlet deltime = stime/100\ntran $&deltime $&stime uic\nplot i(v1) vs v(1)\n.endc\n");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Errors}");
        var rows = File.ReadAllLines(Path.Combine(r.Dir, "out", "tran.csv"));
        int col = Array.IndexOf(rows[0].Split(','), "v(xmem.x1)");
        var x1 = rows.Skip(2).Select(l => double.Parse(l.Split(',')[col], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(x1.Min(), 1118.4 * 0.99, 1118.4 * 1.01);
        Assert.InRange(x1[^1], 7000 * 0.99, 7000 * 1.01);
    }

    /// <summary>TRNOISE draws are keyed by <c>.options seed</c> (as the random functions are) and the element name: the
    /// same seed repeats the noise, another seed changes it; the seed option no longer warns that it is unused.</summary>
    [Fact]
    public void TrnoiseFollowsTheSeedOption()
    {
        static string[] Noise(string seedLine)
        {
            var r = RunText($"t\n{seedLine}V1 a 0 trnoise(0.1 1u)\nR1 a 0 1k\n.tran 1u 20u\n.print tran v(a)\n");
            Assert.True(r.Code == 0, r.Errors);
            return File.ReadAllLines(Path.Combine(r.Dir, "out", "tran.csv"));
        }
        Assert.Equal(Noise(""), Noise(""));
        Assert.Equal(Noise(".options seed=1\n"), Noise(""));   // 1 is the default seed
        Assert.NotEqual(Noise(".options seed=2\n"), Noise(""));
        var withSeed = RunText("t\n.options seed=2\nV1 a 0 1\nR1 a 0 1k\n.op\n");
        var check = Repo.Run("check", Path.Combine(withSeed.Dir, "case.cir"));   // check prints warnings (run --quiet does not)
        Assert.True(check.Code == 0, check.Errors);
        Assert.DoesNotContain("seed", check.Errors);
    }

    /// <summary>TRNOISE with a tiny sample step asks for more samples than the point limit: refused before anything is
    /// allocated (10¹¹ samples would be 800 GB), quickly.</summary>
    [Fact]
    public void TrnoiseSamplesOverThePointLimitAreRefused()
    {
        var (r, seconds) = Timed(() => RunText("t\nV1 a 0 trnoise(0.1 10p)\nR1 a 0 1k\n.tran 1u 1\n"));
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Errors}");
        Assert.Contains("TRNOISE with nt = 1E-11 s needs 1E+11 samples", r.Errors);
        Assert.Contains("--max-points", r.Errors);
        Assert.True(seconds < 5, $"took {seconds:F1} s");
        // a telegraph signal of femtosecond dwell times: stopped at the limit, not left to switch 10^15 times
        var (rts, rtsSeconds) = Timed(() => RunText("t\nV1 a 0 trnoise(0 0 0 0 1 1f 1f)\nR1 a 0 1k\n.tran 1u 1\n"));
        Assert.True(rts.Code == 2, $"exit {rts.Code}: {rts.Errors}");
        Assert.Contains("telegraph signal switches more than", rts.Errors);
        Assert.True(rtsSeconds < 10, $"took {rtsSeconds:F1} s");
    }

    [Fact]
    public void StallLimitIsAnOption()
    {
        // a 1 MHz pulse train under a 40 µs maximum step: ~2800 points per maximum step, legitimately
        const string text = "t\nV1 a 0 PULSE(0 1 0 1n 1n 0.5u 1u)\nR1 a b 1k\nC1 b 0 100p\n.tran 1m 2m\n";
        var r = RunText(text, "--max-stall", "100");
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Errors}");
        Assert.Contains("100 time points without advancing", r.Errors);
        Assert.Equal(0, RunText(text).Code);
    }

    [Fact]
    public void PointLimitIsAnOption()
    {
        var r = RunText(Header + ".dc V1 0 1 0.01\n", "--max-points", "50");
        AssertLocated(r, 4, "more than the limit of 50");
        Assert.Equal(0, RunText(Header + ".dc V1 0 1 0.01\n", "--max-points", "101").Code);
    }

    [Fact]
    public void TransientThatTakesMorePointsThanTheLimitStopsAtTheLimit()
    {
        // 200 print steps, but the 1 kHz sine needs far more internal points than 300
        var r = RunText("t\nV1 a 0 SIN(0 1 1k)\nR1 a b 1k\nC1 b 0 1u\n.tran 0.1m 20m\n", "--max-points", "300");
        Assert.Equal(2, r.Code);
        Assert.Contains("more than 300 time points", r.Errors);
        Assert.False(File.Exists(Path.Combine(r.Dir, "out", "tran.csv")));
    }

    [Fact]
    public void ThousandsOfColumnsOverALongTransientStopAtTheValueLimit()
    {
        string items = string.Join(' ', Enumerable.Repeat("v(b)", 2000));
        var r = RunText($"t\nV1 a 0 SIN(0 1 1k)\nR1 a b 1k\nC1 b 0 1u\n.tran 10u 1\n.print tran {items}\n", "--max-values", "1e6");
        Assert.Equal(2, r.Code);
        Assert.Contains("the limit for this analysis", r.Errors);
        Assert.Contains("--max-values", r.Errors);
    }

    [Fact]
    public void HierarchyOf1e8LeavesIsRefusedBeforeExpansion()
    {
        var sb = new StringBuilder("t\nV1 a 0 1\n.subckt s0 a\nR1 a 0 1k\n.ends\n");
        for (int k = 1; k <= 8; k++)
        {
            sb.Append($".subckt s{k} a\n");
            for (int j = 1; j <= 10; j++) sb.Append($"X{j} a s{k - 1}\n");
            sb.Append(".ends\n");
        }
        sb.Append("X1 a s8\n.op\n");
        var (r, seconds) = Timed(() => RunText(sb.ToString()));
        AssertLocated(r, 102, "flatten to 2.111e8 elements and instances");
        Assert.Contains("--max-devices", r.Errors);
        Assert.True(seconds < 2, $"took {seconds} s");
        // and under check too
        string path = Path.Combine(r.Dir, "case.cir");
        var c = Repo.Run("check", path);
        Assert.Equal(1, c.Code);
    }

    [Fact]
    public void DeviceLimitIsAnOption()
    {
        var r = RunText(Header + "R2 a 0 1k\n.op\n", "--max-devices", "2");
        AssertLocated(r, 4, "flatten to 3 elements and instances, more than the limit of 2");
    }

    [Fact]
    public void StepWith100000ValuesIsLinear()
    {
        string text(int n) => $"t\nV1 a 0 1\nR1 a 0 {{r}}\n.param r=1\n.step param r 1 {n} 1\n.op\n";
        // timed inside the console lock (re-entered by Repo.Run), so that waiting for other tests is not counted
        (int Code, string Errors, string Dir) small, big;
        double tSmall, tBig;
        lock (Repo.ConsoleLock)
        {
            var sw = Stopwatch.StartNew();
            small = RunText(text(10_000));
            tSmall = sw.Elapsed.TotalSeconds;
            sw.Restart();
            big = RunText(text(40_000));
            tBig = sw.Elapsed.TotalSeconds;
        }
        Assert.Equal(0, small.Code);
        Assert.Equal(0, big.Code);
        Assert.Equal(40_001, File.ReadLines(Path.Combine(big.Dir, "out", "op.csv")).Count());
        Assert.True(tBig < 8 * tSmall + 1, $"10^4 steps {tSmall:F2} s, 4·10^4 steps {tBig:F2} s: not linear");
    }

    [Fact]
    public void StepLimitIsAnOption()
    {
        var r = RunText("t\nV1 a 0 1\nR1 a 0 {r}\n.param r=1\n.step param r 1 100 1\n.op\n", "--max-steps", "10");
        AssertLocated(r, 5, "--max-steps");
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/full")]
    [InlineData("/dev/urandom")]
    public void DeviceFilesAreNotRead(string device)
    {
        if (!File.Exists(device)) return;
        var r = RunText(Header + $".include {device}\n.op\n");
        AssertLocated(r, 4, "not a regular file");
        var direct = Repo.Run("run", device, "-o", Path.Combine(r.Dir, "o2"), "--quiet");
        Assert.Equal(1, direct.Code);
        Assert.Contains("not a regular file", direct.Errors);
    }

    [Fact]
    public async Task FifoAsNetlistDoesNotBlock()
    {
        if (!OperatingSystem.IsLinux()) return;
        string dir = Repo.TempDir();
        string fifo = Path.Combine(dir, "f.cir");
        using (var p = Process.Start("mkfifo", fifo)) p.WaitForExit();
        if (!File.Exists(fifo)) return;
        var run = Task.Run(() => Repo.Run("check", fifo));
        // generous: Repo.Run may first wait minutes for the console lock (the fuzz test holds it)
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(5))) == run, "blocked on the FIFO");
        var (code, errors) = await run;
        Assert.Equal(1, code);
        Assert.Contains("not a regular file", errors);
    }

    [Fact]
    public void DirectoryAsNetlistSaysSo()
    {
        string dir = Repo.TempDir();
        var r = Repo.Run("check", dir);
        Assert.Equal(1, r.Code);
        Assert.Contains("is a directory", r.Errors);
    }

    [Fact]
    public void OversizedIncludeIsRefused()
    {
        string dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "big.inc"), new string('*', 5000) + "\n");
        string path = Path.Combine(dir, "case.cir");
        File.WriteAllText(path, Header + ".include big.inc\n.op\n");
        var r = Repo.Run("check", path, "--max-file-bytes", "4096");
        Assert.Equal(1, r.Code);
        Assert.Matches(@"case\.cir:4:\d+: error: .*larger than 4096 bytes", r.Errors);
    }

    /// <summary>Fuzz seed 1067215 (long campaign, 2026-11-30): a level-2 MOSFET with its bulk at -1e308 V made the
    /// saturation cubic's cube root see NaN and Math.Sign threw (exit 70). Now the sweep fails as a simulation (exit 2),
    /// and the error of an analysis from a .control block is located at column 1, not 0.</summary>
    [Fact]
    public void Level2MosfetWithAnAbsurdBulkVoltageIsASimulationFailure()
    {
        var r = RunText("t\n.model pm pmos level=2 tox=20n nsub=1e16 u0=250 vto=-0.8 vmax=3e4 neff=1.5 xj=0.3u nfs=1e11 delta=0.4\n" +
                        "m1 d g s b pm l=4u w=20u\nvd d 0 0\nvg g 0 0\nvs s 0 0\nvb b 0 -1e308\n.control\ndc vd 1 -5 -0.25 vg -1 -5 -1\n.endc\n.end\n");
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Errors}");
        Assert.Contains("case.cir:9:1: error: simulation failed: dc sweep at vd=1, vg=-1", r.Errors);
    }

    /// <summary>Fuzz case 390356032 (in-suite fuzz test): a denormal .four fundamental (4.9e-324 Hz) has an infinite
    /// period, which slipped past the "shorter than one period" check and wrote NaN harmonics with exit 0.</summary>
    [Fact]
    public void DenormalFourierFundamentalIsRefused()
    {
        var r = RunText(Header + ".tran 1u 3m\n.four 4.9e-324 v(a)\n.end\n");
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Errors}");
        Assert.Contains("shorter than one period", r.Errors);
        Assert.False(File.Exists(Path.Combine(r.Dir, "out", "four.csv")));
    }

    /// <summary>Long fuzz campaign seed 1075979: '.tran 1u 4.9e-324' (a denormal stop time) made every step round to
    /// zero, and the transient looped for ever without advancing. Now it fails at once (exit 2).</summary>
    [Fact]
    public void DenormalStopTimeFailsInsteadOfLoopingForEver()
    {
        var (r, seconds) = Timed(() => RunText(Header + ".tran 1u 4.9e-324 0 1u\n.end\n"));
        Assert.True(r.Code == 2, $"exit {r.Code}: {r.Errors}");
        Assert.Contains("time does not advance", r.Errors);
        Assert.True(seconds < 30, $"{seconds} s");
    }
}
