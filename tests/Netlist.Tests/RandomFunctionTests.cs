using System.Text;
using Perovspice.Netlist;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>Monte-Carlo functions: distributions (mean and standard deviation against their definitions, within 3
/// standard errors over 10⁴ draws), independence of instances, reproducibility by seed and step value.</summary>
public class RandomFunctionTests
{
    private const int N = 10_000;

    private static double[] Draws(string expr, string extra = "")
    {
        var sb = new StringBuilder(extra);
        for (int k = 0; k < N; k++) sb.Append($"r{k} a 0 {{{expr}}}\n");
        sb.Append("v1 a 0 1\n.op\n");
        var n = T.Read(sb.ToString());
        return Enumerable.Range(0, N).Select(k => n.El($"r{k}").Val()).ToArray();
    }

    /// <param name="kurtosis">The distribution's kurtosis (3 normal, 1.8 uniform), for the standard
    /// error of the sample standard deviation, sd·sqrt((kurtosis − 1)/(4n)).</param>
    private static void Moments(double[] x, double mean, double sd, double kurtosis = 3)
    {
        double m = x.Average();
        double s = Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
        double seMean = sd / Math.Sqrt(x.Length);
        Assert.True(Math.Abs(m - mean) <= 3 * seMean, $"mean {m}, want {mean} ± {3 * seMean}");
        double seSd = sd * Math.Sqrt((kurtosis - 1) / (4 * x.Length));
        Assert.True(Math.Abs(s - sd) <= 3 * seSd + 1e-12 * sd, $"sd {s}, want {sd} ± {3 * seSd}");
        Assert.True(x.Distinct().Count() > 1, "all draws equal");
    }

    [Fact]
    public void Agauss_HasMeanNominalAndSdAbsOverSigma() => Moments(Draws("agauss(1000, 300, 3)"), 1000, 100);

    [Fact]
    public void Gauss_HasSdRelTimesNominalOverSigma() => Moments(Draws("gauss(2000, 0.1, 2)"), 2000, 100);

    [Fact]
    public void Unif_IsUniformOnRelativeBand()
    {
        var x = Draws("unif(1000, 0.2)");
        Assert.All(x, v => Assert.InRange(v, 800, 1200));
        Moments(x, 1000, 200 / Math.Sqrt(3), 1.8);
    }

    [Fact]
    public void Aunif_IsUniformOnAbsoluteBand()
    {
        var x = Draws("aunif(1000, 50)");
        Assert.All(x, v => Assert.InRange(v, 950, 1050));
        Moments(x, 1000, 50 / Math.Sqrt(3), 1.8);
    }

    [Fact]
    public void Limit2_IsNominalPlusOrMinusAbs_Limit3_StaysTheClamp()
    {
        var x = Draws("limit(1000, 10)");
        Assert.All(x, v => Assert.True(v is 990 or 1010, $"{v}"));
        // two-point: the share of +abs draws is binomial(n, ½) (within 3 standard errors); the sd follows from it
        double plus = x.Count(v => v == 1010) / (double)x.Length;
        Assert.InRange(plus, 0.5 - 3 * 0.5 / Math.Sqrt(x.Length), 0.5 + 3 * 0.5 / Math.Sqrt(x.Length));
        var n = T.Read("r1 a 0 {limit(5, 1, 3)}\nv1 a 0 1\n.op\n");
        Assert.Equal(3, n.El("r1").Val());
    }

    private const string Crossbar = """
        .subckt cell a b
        .param rc={agauss(1000, 100, 1)}
        r1 a b {rc}
        r2 a b {agauss(1000, 100, 1)}
        .model dm d is={agauss(1e-14, 1e-15, 1)}
        d1 a b dm
        .ends
        x1 n1 0 cell
        x2 n1 0 cell
        x3 n1 0 cell
        v1 n1 0 1
        .op

        """;

    private static double[] Values(FlatNetlist n) => new[] { "x1", "x2", "x3" }
        .SelectMany(x => new[] { n.El(x + ".r1").Val(), n.El(x + ".r2").Val(), n.Models[x + ".dm"].Parameters["is"].value })
        .ToArray();

    [Fact]
    public void EveryInstanceDrawsItsOwnValue_AndTheSeedReproducesThem()
    {
        var a = Values(T.Read(Crossbar));
        Assert.Equal(a.Length, a.Distinct().Count());
        Assert.Equal(a, Values(T.Read(Crossbar)));                                   // default seed: reproducible
        Assert.Equal(a, Values(T.Read(Crossbar + ".options seed=1\n")));             // the default is seed 1
        var b = Values(T.Read(Crossbar + ".options seed=42\n"));
        Assert.Equal(b, Values(T.Read(".options seed=42\n" + Crossbar)));
        for (int k = 0; k < a.Length; k++) Assert.NotEqual(a[k], b[k]);             // another seed: other values
    }

    [Fact]
    public void StepRun_IsTheMonteCarloLoop_EachRunDrawsAgain()
    {
        var n = T.Read(Crossbar + ".step param run 1 3 1\n");
        Assert.Equal(new[] { 1.0, 2, 3 }, n.Step!.Values);
        var r1 = Values(n.WithParameter("run", 1));
        var r2 = Values(n.WithParameter("run", 2));
        Assert.Equal(r1, Values(n.WithParameter("run", 1)));
        for (int k = 0; k < r1.Length; k++) Assert.NotEqual(r1[k], r2[k]);
    }

    [Fact]
    public void UnusedStepParameterOtherThanRun_IsStillAnError() =>
        Assert.Contains("unknown parameter 'q' in '.step'", T.Error("r1 a 0 1\nv1 a 0 1\n.op\n.step param q 1 3 1\n"));

    [Fact]
    public void BadSeedAndRandomInBSource_AreLocatedErrors()
    {
        Assert.Contains("t.cir:5:15: error: seed must be a non-negative integer", T.Error("r1 a 0 1\nv1 a 0 1\n.op\n.options seed=-1\n"));
        Assert.Contains("random function 'agauss(...)' is not allowed in B-source", T.Error("b1 a 0 v={agauss(1,1,1)}\nr1 a 0 1\n.op\n"));
    }

    /// <summary>The draws follow the documented hash and generator exactly (so they are the same in every process and
    /// on every machine): values computed independently by References/random/reference_draws.py.</summary>
    [Theory]
    [InlineData("", 919.589821922554)]
    [InlineData(".options seed=9\n", 1069.0132544547428)]
    public void Draws_MatchTheIndependentReference(string options, double expected) =>
        T.Near(expected, T.Read(options + "r1 a 0 {aunif(1000, 100)}\nv1 a 0 1\n.op\n").El("r1").Val());

    [Fact]
    public void Draws_MatchTheIndependentReference_ForAStepValue() =>
        T.Near(946.7923258983268, T.Read("r1 a 0 {aunif(1000, 100)}\nv1 a 0 1\n.op\n.step param run 1 3 1\n")
            .WithParameter("run", 3).El("r1").Val());
}
