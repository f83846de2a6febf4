using Xunit;
using static Perovspice.Cli.Tests.Fitting.FitHelpers;

namespace Perovspice.Cli.Tests.Fitting;

/// <summary>Every bad input of `perovspice fit` gives a located message and its exit code (1 input, 2 model, 64 usage).</summary>
public sealed class FitInputErrorTests
{
    private const string Netlist =
        "rc fit\n" +                  // 1
        ".param r=1k c=1u\n" +        // 2: r at column 8, c at column 13
        "V1 in 0 DC 0 AC 1\n" +       // 3
        "R1 in out {r}\n" +           // 4
        "C1 out 0 {c}\n" +            // 5
        ".ac dec 5 10 10k\n" +        // 6
        ".dc v1 0 1 0.5\n" +          // 7
        ".print ac v(out)\n" +        // 8
        ".print dc v(out) i(v1)\n" +  // 9
        ".end\n";

    private static readonly string Ac =
        "frequency,vr(out),vi(out)\n10,0.99,-0.06\n100,0.7,-0.45\n1000,0.02,-0.15\n";

    private static (string Dir, string Cir, string Csv) Files(string netlist = Netlist, string data = "")
    {
        string dir = TempDir();
        string cir = Path.Combine(dir, "rc.cir"), csv = Path.Combine(dir, "data.csv");
        File.WriteAllText(cir, netlist);
        File.WriteAllText(csv, data.Length > 0 ? data : Ac);
        return (dir, cir, csv);
    }

    private static (int Code, string Errors) Fit(string cir, string csv, string dir, params string[] extra) =>
        Repo.Run(new[] { "fit", cir, "--data", csv, "-o", Path.Combine(dir, "out") }.Concat(extra).ToArray());

    [Fact]
    public void DataColumnTheNetlistDoesNotPrint()
    {
        var (dir, cir, csv) = Files(data: "frequency,vr(out),vi(in)\n10,1,0\n100,1,0\n1000,1,0\n");
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{csv}:1:19: error: column 'vi(in)' is not an output of the netlist's .ac at {cir}:6:1 (it writes: vr(out), vi(out))", errors);
    }

    [Fact]
    public void SweepColumnMatchingNoAnalysis()
    {
        var (dir, cir, csv) = Files(data: "time,v(out)\n0,1\n1,1\n2,1\n");
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{csv}:1:1: error: sweep column 'time' matches no analysis of the netlist", errors);
    }

    [Fact]
    public void DcDataColumnNotPrinted()
    {
        var (dir, cir, csv) = Files(data: "v1,v(in)\n0,0\n0.5,0.5\n1,1\n");
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{csv}:1:4: error: column 'v(in)' is not an output of the netlist's .dc at {cir}:7:1 (it writes: v(out), i(v1))", errors);
    }

    [Fact]
    public void NameThatIsNotAGlobalParam()
    {
        var (dir, cir, csv) = Files();
        var (code, errors) = Fit(cir, csv, dir, "--vary", "l=1..2");
        Assert.Equal(1, code);
        Assert.Contains($"{cir}:1:1: error: --vary l=1..2: 'l' is not a global .param of the netlist", errors);
    }

    [Fact]
    public void LowerBoundNotBelowUpper()
    {
        var (dir, cir, csv) = Files();
        var (code, errors) = Fit(cir, csv, dir, "--vary", "c=2u..1u");
        Assert.Equal(1, code);
        Assert.Contains($"{cir}:2:13: error: --vary c=2u..1u: the lower bound 2E-06 is not below the upper bound 1E-06", errors);
    }

    [Fact]
    public void StartOutsideItsBounds()
    {
        var (dir, cir, csv) = Files();
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=2k..5k");
        Assert.Equal(1, code);
        Assert.Contains($"{cir}:2:8: error: --vary r=2k..5k: the start value r = 1000 (this .param) is outside the bounds [2000, 5000]", errors);
    }

    [Fact]
    public void LogParameterNeedsPositiveBounds()
    {
        var (dir, cir, csv) = Files();
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=0..5k:log");
        Assert.Equal(1, code);
        Assert.Contains($"{cir}:2:8: error: --vary r=0..5k:log: a :log parameter needs positive bounds", errors);
    }

    [Fact]
    public void NonNumericData()
    {
        var (dir, cir, csv) = Files(data: "frequency,vr(out),vi(out)\n10,0.99,-0.06\n100,abc,-0.45\n");
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{csv}:3:5: error: 'abc' is not a finite number (column 'vr(out)')", errors);
    }

    [Fact]
    public void RowWithTheWrongNumberOfValues()
    {
        var (dir, cir, csv) = Files(data: "frequency,vr(out),vi(out)\n10,0.99,-0.06\n100,0.7\n");
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{csv}:3:1: error: 2 values, but the header has 3 columns", errors);
    }

    [Fact]
    public void SigmaMustBePositiveAndNameAColumn()
    {
        var (dir, cir, csv) = Files(data: "frequency,vr(out),sigma(vr(out))\n10,0.99,0.01\n100,0.7,0\n1000,0.02,0.01\n");
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{csv}:3:1: error: 'sigma(vr(out))' must be positive (is 0)", errors);
        (dir, cir, csv) = Files(data: "frequency,vr(out),sigma(vi(out))\n10,0.99,0.01\n100,0.7,0.01\n");
        (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{csv}:1:19: error: 'sigma(vi(out))': the file has no column 'vi(out)'", errors);
    }

    [Fact]
    public void MissingDataFile()
    {
        var (dir, cir, _) = Files();
        string missing = Path.Combine(dir, "none.csv");
        var (code, errors) = Fit(cir, missing, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{missing}:1:1: error: cannot read data file", errors);
    }

    [Fact]
    public void NetlistErrorIsLocated()
    {
        var (dir, cir, csv) = Files(Netlist.Replace("R1 in out {r}", "R1 in out {r+}"));
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg");
        Assert.Equal(1, code);
        Assert.Contains($"{cir}:4:", errors);
    }

    [Fact]
    public void ModelFailingAtTheStartExits2()
    {
        const string failing = "failing\n.param p=1 k=1e5\nV1 in 0 DC 1 AC 1\nR1 in a {p}\nB1 a 0 I={k*sqrt(v(a)-2)}\n.ac dec 5 1 100\n.print ac v(a)\n.end\n";
        var (dir, cir, csv) = Files(failing, "frequency,vr(a),vi(a)\n1,1,0\n10,1,0\n100,1,0\n");
        var (code, errors) = Fit(cir, csv, dir, "--vary", "p=0.1..10");
        Assert.Equal(2, code);
        Assert.Contains($"{cir}: error: fit: the model fails at the start point: operating point: behavioural source 'b1'", errors);
    }

    [Fact]
    public void IterationLimitStillWritesFilesAndExits0()
    {
        var (dir, cir, csv) = Files();
        var (code, errors) = Fit(cir, csv, dir, "--vary", "r=1..1meg:log", "--vary", "c=1n..1m:log", "--max-iter", "1");
        Assert.Equal(0, code);
        Assert.Contains("perovspice: fit: warning: stopped at the iteration limit (1)", errors);
        string summary = File.ReadAllText(Path.Combine(dir, "out", "fit-summary.txt"));
        Assert.Contains("stopped: iteration limit (1) reached", summary);
        Assert.True(File.Exists(Path.Combine(dir, "out", "fit.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "out", "data.fit.csv")));
    }

    [Theory]
    [InlineData("'fit' needs at least one --data FILE.csv", "fit", "x.cir", "--vary", "r=1..2")]
    [InlineData("'fit' needs at least one --vary NAME=LO..HI", "fit", "x.cir", "--data", "d.csv")]
    [InlineData("bad --vary 'r=1-2': expected NAME=LO..HI or NAME=LO..HI:log", "fit", "x.cir", "--data", "d.csv", "--vary", "r=1-2")]
    [InlineData("--weight needs unit, modulus or proportional", "fit", "x.cir", "--weight", "x")]
    [InlineData("--starts needs a whole number >= 1", "fit", "x.cir", "--starts", "0")]
    [InlineData("unknown option '--bogus'", "fit", "x.cir", "--bogus")]
    [InlineData("'fit' needs a netlist file", "fit")]
    public void UsageErrorsExit64(string message, params string[] args)
    {
        var (code, errors) = Repo.Run(args);
        Assert.Equal(64, code);
        Assert.Contains($"perovspice: {message}", errors);
    }
}
