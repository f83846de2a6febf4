using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// Forms from the second triage of real ngspice netlists (References/triage2): braces inside an expression,
/// one-argument max/min, <c>temper</c> in parameter, model and instance values, MOS model-card l/w defaults,
/// <c>dc(v)</c> on a source, <c>.csparam</c> (control-language only), B-source <c>tc1 tc2 temp dtemp</c> and the
/// resistor model's <c>resistance=</c>, behavioural resistors (<c>r={expression of v()}</c>) and a lone ')' line. Numbers against ngspice 39.
/// </summary>
public class TriageNetlistTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "triage2", file);

    [Fact]
    public void NgspiceFormsFromRealNetlistsMatchNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Ref("triage2.cir"), "-o", dir);
        Assert.True(code == 0, errors);
        Assert.Contains("5:1: warning: '.csparam' only sets control-language vectors (not netlist parameters): used only by '$&name' in the analysis commands of a .control block; line 5", errors);
        var op = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var ngspice = Repo.ReadNgspice(Ref("triage2.ngspice.txt"));
        // v(3): B source with {…} groups (6 = 3·s); i(v4): R = 1k + 10·temper at .temp 50; v(5), v(6): diode is and
        // area chosen by temper; i(vs1), i(vs3): level-1 MOSFETs with W/L 3 from the card and 1 by default;
        // v(7), v(9), v(10): B sources scaled by tc1/tc2 at .temp, with dtemp and with temp; i(v11): r model resistance=;
        // i(v12): behavioural resistors r={…v(12)…}, one with tc1 (scales R); v(13): PWL( closed by a lone ')' line
        foreach (string name in new[] { "v(3)", "i(v4)", "v(5)", "v(6)", "i(vs1)", "i(vs3)", "v(7)", "v(9)", "v(10)", "i(v11)", "i(v12)", "v(13)" })
        {
            double expected = ngspice[name][0], actual = op[name][0];
            Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"{name}: {actual} vs ngspice {expected}");
        }
        Assert.Equal(3, op["v(1)"][0], 12);    // V1 dc({max(3)})
        Assert.Equal(-2, op["v(2)"][0], 12);   // min(-2)
    }
}
