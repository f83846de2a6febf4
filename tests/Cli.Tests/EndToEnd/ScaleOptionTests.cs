using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary><c>.options scale</c> (ngspice 39, HSPICE; sky130 netlists from xschem/magic use <c>scale=1e-6</c>):
/// a MOSFET's written l, w, pd, ps are in units of scale and ad, as in its square, model binning included. Checked
/// against ngspice 39 on its own examples/inverter2.sp (BSIM4, binned nch.1/nch.2, scale = 1e-6): inv_delay
/// 2.9208e-11 s both, out_slew 2.7881e-11 against 2.7873e-11.</summary>
public class ScaleOptionTests
{
    private const string Circuit = """
        scale
        .model nch.1 nmos (level=54 version=4.4 lmin=0.1u lmax=20u wmin=0.1u wmax=10u)
        .model nch.2 nmos (level=54 version=4.4 lmin=0.1u lmax=20u wmin=10u wmax=100u)
        .model pm pmos (level=1 vto=-0.5 kp=50u cj=1e-4 cjsw=1e-10)
        vdd vdd 0 1
        vin in 0 PULSE(0 1 0 50p 50p 0.5n 1n)
        mn out in 0 0 nch W L AD AS PD PS
        mp out in vdd vdd pm W2 L AD AS PD PS
        c1 out 0 10f
        .tran 5p 1n
        .print tran v(out) i(vdd)
        .end
        """;

    private static string Run(string netlist)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, netlist);
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        return File.ReadAllText(Path.Combine(dir, "tran.csv"));
    }

    [Fact]
    public void ScaledGeometryEqualsTheSameGeometryInMeters()
    {
        string scaled = Run(Circuit.Replace("nch W L AD AS PD PS", "nch w=20 l=0.1 ad=2 as=3 pd=4 ps=5")
            .Replace("pm W2 L AD AS PD PS", "pm w=60 l=0.1 ad=2 as=3 pd=4 ps=5").Replace(".tran", ".options scale=1e-6\n.tran"));
        string meters = Run(Circuit.Replace("nch W L AD AS PD PS", "nch w=20u l=0.1u ad=2p as=3p pd=4u ps=5u")
            .Replace("pm W2 L AD AS PD PS", "pm w=60u l=0.1u ad=2p as=3p pd=4u ps=5u"));
        // equal up to the rounding of 20·1e-6 against 20e-6 (which moves Newton's iterates within its tolerance)
        var a = meters.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var b = scaled.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(a.Length, b.Length);
        Assert.Equal(a[0], b[0]);
        for (int k = 1; k < a.Length; k++)
        {
            var x = a[k].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var y = b[k].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            for (int c = 0; c < x.Length; c++) Assert.Equal(x[c], y[c], 1e-6 * Math.Abs(x[c]) + 1e-12);
        }
        // without the option the same numbers are metres: w = 20 m is in no bin
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, Circuit.Replace("nch W L AD AS PD PS", "nch w=20 l=0.1").Replace("pm W2 L AD AS PD PS", "pm w=60 l=0.1"));
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.Equal(1, code);
        Assert.Contains("no bin of model 'nch' covers l = 0.1 m, w = 20 m", errors);
    }
}
