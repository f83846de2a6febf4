using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>R/C/L through the element registry: model cards, m=, scale=, r=, tc1/tc2 at .options temp, R = 0 —
/// against ngspice 39 (References/passive_models); and the registry's located errors.</summary>
public class PassiveModelTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "passive_models", file);

    [Fact]
    public void PassiveElementsWithModelsAndMultipliersMatchNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Ref("pas.cir"), "-o", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("warning: resistance of 'r6' is 0; set to 1 mΩ", errors);
        foreach (var kind in new[] { "op", "ac" })
        {
            var ours = Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
            var theirs = Repo.ReadNgspice(Ref(kind + ".txt"));
            int compared = 0;
            foreach (var (name, expected) in theirs)
            {
                if (!ours.TryGetValue(name, out var mine) || name is "frequency") continue;
                for (int k = 0; k < expected.Length; k++)
                    Assert.True(Math.Abs(mine[k] - expected[k]) <= 1e-9 * Math.Abs(expected[k]) + 1e-15,
                        $"{kind} {name}[{k}]: {mine[k]} vs ngspice {expected[k]}");
                compared++;
            }
            Assert.True(compared >= 4, $"{kind}: {compared} columns");
        }
    }

    [Theory]
    [InlineData("D1 a 0 dm\n.model dm d level=7", "t.cir:4:13: error: junction diode model level 7 does not exist (levels: 1)")]
    [InlineData("D1 a 0 dm\n.model dm d isx=1", "t.cir:4:13: error: unknown parameter 'isx' for junction diode model")]
    [InlineData("D1 a 0 dm\n.model dm d is=-1", "t.cir:4:13: error: parameter 'is' must be > 0")]
    [InlineData("D1 a 0 dm area=0", "t.cir:3:11: error: parameter 'area' must be > 0")]
    [InlineData("D1 a 0 dm foo=1", "t.cir:3:11: error: unknown parameter 'foo' for 'd1'")]
    [InlineData("D1 a 0 rm\n.model rm r rsh=1", "t.cir:3:8: error: model 'rm' is a R model; 'd1' takes a D model")]
    [InlineData("R2 a 0 rm l=1u\n.model rm r rsh=1 bogus=2", "t.cir:4:19: error: unknown parameter 'bogus' for semiconductor resistor model")]
    [InlineData("D1 a 0 dm\n.model dm d version=3.3.0 mfg=acme is=1e-14", null)]
    public void ModelAndInstanceErrorsAreLocated(string lines, string? expected)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        bool hasModel = lines.Contains(".model");
        File.WriteAllText(path, $"t\nV1 a 0 1\n{lines}\n{(hasModel ? "" : ".model dm d\n")}R1 a 0 1k\n.op\n");
        var (code, errors) = Repo.Run("check", path);
        errors = errors.Replace(dir + Path.DirectorySeparatorChar, "").Trim();
        if (expected == null)
        {
            Assert.True(code == 0, errors);
            Assert.Contains("warning: model parameter 'version' is not used by perovspice; ignored", errors);
            return;
        }
        Assert.Equal(1, code);
        Assert.Equal(expected, errors);
    }
}

/// <summary><c>m=</c> on a subcircuit instance: every element inside that takes <c>m</c> is multiplied.</summary>
public class InstanceMultiplierTests
{
    [Fact]
    public void InstanceMultiplierMatchesNgspice()
    {
        // ngspice 39 (same netlist with .control / op / print v(b) i(v1)): v(b) = 3.322596e-01, i(v1) = -3.32260e-03
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "t\nV1 a 0 1\nX1 a b cell m=4\nR9 b 0 100\n.subckt cell p n\nR1 p n 1k\nD1 p n dm\nC1 p n 1u\n" +
                                ".model dm d is=1e-15\n.ends\n.options reltol=1e-6\n.op\n.print op v(b) i(v1)\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        Assert.Equal(0.3322596, op["v(b)"][0], 5e-7);
        Assert.Equal(-3.32260e-3, op["i(v1)"][0], 1e-8); // printed to 6 digits
    }

    [Fact]
    public void OutermostInstanceMultiplierReplacesTheInnerOnes()
    {
        // ngspice 39 (same netlist, `op` / `print v(c)`): v(c) = 1.666667e-01 — the outer m=2 replaces the inner X's m=3
        // and the resistor's own m=5: 2 parallel 1 kΩ = 500 Ω against 100 Ω
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "t\nV1 a 0 1\nX2 a c outer m=2\nR10 c 0 100\n.subckt cell p n\nR1 p n 1k m=5\n.ends\n" +
                                ".subckt outer p n\nX3 p n cell m=3\n.ends\n.op\n.print op v(c)\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        Assert.Equal(100 / (100 + 1000.0 / 2), Repo.ReadCsv(Path.Combine(dir, "op.csv"))["v(c)"][0], 1e-12);
    }

    [Fact]
    public void InstanceMultiplierReplacesAnElementsOwnM()
    {
        // SpiceSharpParser's topological-sort example; ngspice 39: i(v1) = -1.33333 (R1 m=3 replaced by M=10: 30 Ω / 10)
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "t\nV1 IN 0 4.0\nXX IN 0 two M = 10\n.SUBCKT resistor input output params: R=1\n" +
                                "R1 input output {R} m = 3\n.ENDS resistor\n.SUBCKT two input output params: R1=10 R2=20\n" +
                                "X1 input 1 resistor R=R1\nX2 1 output resistor R=R2\n.ENDS two\n.OP\n.print op i(v1)\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        Assert.Equal(-4.0 / 3, Repo.ReadCsv(Path.Combine(dir, "op.csv"))["i(v1)"][0], 1e-12);
    }
}

/// <summary>A required model missing because a node is missing: located at the word that names the model.</summary>
public class MissingNodeTests
{
    [Fact]
    public void ModelNameTakenAsANodeIsLocated()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "t\nV1 d 0 1\nm1 d g 0 nm\n.model nm nmos\nR1 g 0 1k\n.op\n");
        var (code, errors) = Repo.Run("check", path);
        Assert.Equal(1, code);
        Assert.Equal("t.cir:3:10: error: 'nm' is a model, but 'm1' needs 4 nodes before its model name",
            errors.Replace(dir + Path.DirectorySeparatorChar, "").Trim());
    }
}

/// <summary><c>.print tran a b</c>: bare node names are voltages, as ngspice reads them (columns named as written).</summary>
public class BarePrintItemTests
{
    [Fact]
    public void BareNodeNamesPrintTheirVoltages()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, "t\nV1 a 0 2\nR1 a b 1k\nR2 b 0 3k\n.op\n.print op a b v(b)\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        Assert.Equal(2.0, op["a"][0], 1e-12);
        Assert.Equal(1.5, op["b"][0], 1e-12);
        Assert.Equal(1.5, op["v(b)"][0], 1e-12);
    }
}
