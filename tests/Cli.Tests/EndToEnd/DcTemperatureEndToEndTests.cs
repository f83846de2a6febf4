using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// <c>.dc temp</c> through the command line: the table's sweep column is <c>temp</c>, and a <c>.meas</c> reads the
/// devices bound at each temperature (i(r1) follows the resistor's tc1/tc2). Reference: ngspice 39 `.op` at
/// `.temp 100` of the same circuit (`printf 'x\nV1 1 0 1\nR1 1 2 1k tc1=0.01 tc2=1e-4\nD1 2 0 dmod\n.model dmod d
/// is=1e-14 n=1.5\n.temp 100\n.control\nset numdgt=12\nop\nprint i(v1)\n.endc\n.end\n' &gt; d.cir; ngspice -b d.cir`:
/// i(v1) = -8.35341665951e-05).
/// </summary>
public class DcTemperatureEndToEndTests
{
    [Fact]
    public void TableAndMeasureFollowTheTemperature()
    {
        string dir = Repo.TempDir();
        string netlist = Path.Combine(dir, "t.cir");
        File.WriteAllText(netlist, "temp sweep\nV1 1 0 1\nR1 1 2 1k tc1=0.01 tc2=1e-4\nD1 2 0 dmod\n.model dmod d is=1e-14 n=1.5\n" +
            ".dc temp -50 150 50\n.print dc v(2) i(r1)\n.meas dc ir find i(r1) at=100\n.end\n");
        var (code, errors) = Repo.Run("run", netlist, "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        var dc = Repo.ReadCsv(Path.Combine(dir, "dc.csv"));
        Assert.Equal(new[] { -50.0, 0, 50, 100, 150 }, dc["temp"]);
        Assert.True(Math.Abs(dc["i(r1)"][3] - 8.35341665951e-05) < 1e-5 * 8.35e-5, $"i(r1) at 100 °C: {dc["i(r1)"][3]}");
        string meas = File.ReadAllText(Path.Combine(dir, "meas.csv"));
        var value = double.Parse(meas.Split('\n')[1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(dc["i(r1)"][3], value, 15);
    }
}
