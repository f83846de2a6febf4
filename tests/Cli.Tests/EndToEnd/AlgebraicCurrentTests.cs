using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>A capacitor straight across a PULSE source: the source current C·dv/dt jumps at every corner. Only the
/// differential unknowns carry truncation error, so the run completes and the current is exact.</summary>
public class AlgebraicCurrentTests
{
    [Theory]
    [InlineData("PULSE(0 1 1m 1u 1u 1m 2m)", 1e-6)]
    [InlineData("PULSE(0 1 1m 0 0 1m 2m)", 10e-6)] // tr = tf = 0 take tstep (10 µs), as in SPICE
    public void CapacitorAcrossAPulseSourceCarriesCTimesTheSlope(string pulse, double rise)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "t.cir");
        File.WriteAllText(path, $"t\nV1 in 0 {pulse}\nC1 in 0 1u\n.tran 10u 5m\n.print tran v(in) i(v1)\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var t = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        double mid = 1e-3 + rise / 2; // middle of the first rise: i = −C·(1 V / rise) (the source delivers it)
        Assert.Equal(-1e-6 / rise, Repo.Interpolate(t["time"], t["i(v1)"], mid), 1e-9 / rise);
        Assert.Equal(0.5, Repo.Interpolate(t["time"], t["v(in)"], mid), 1e-9);
        double flat = 1.5e-3; // on the top: no current
        Assert.Equal(0, Repo.Interpolate(t["time"], t["i(v1)"], flat), 1e-9);
    }
}
