using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>.step values run in parallel; the files must be byte-identical to a one-at-a-time run.</summary>
public class ParallelStepTests
{
    private const string Netlist = "stepped memristor\n.param cm=10m\nV1 a 0 PULSE(0 1.2 1m 1u 1u 20m 50m)\nR1 a b 10\n" +
                                   "N1 b 0 PM\n.model PM PEROVSKITE level=2 rb=1 ic0=10 vt=1 vm=0.05 cm={cm} taud=10m tauk=5m\n" +
                                   ".step param cm list 1m 2m 4m 8m 16m 32m 64m 128m\n.op\n.tran 0.1m 40m\n.ac dec 5 1 1k\n" +
                                   ".print tran v(b) @n1[ic]\n.print ac v(b)\n.meas tran imax max @n1[ic]\n";

    [Fact]
    public void ParallelStepFilesEqualSequentialOnes()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "s.cir");
        File.WriteAllText(path, Netlist);
        string seq = Path.Combine(dir, "seq"), par = Path.Combine(dir, "par");
        string? old = Environment.GetEnvironmentVariable("PEROVSPICE_THREADS");
        try
        {
            Environment.SetEnvironmentVariable("PEROVSPICE_THREADS", "1");
            var (c1, e1) = Repo.Run("run", path, "-o", seq, "--quiet");
            Assert.True(c1 == 0, e1);
            Environment.SetEnvironmentVariable("PEROVSPICE_THREADS", "4");
            var (c2, e2) = Repo.Run("run", path, "-o", par, "--quiet");
            Assert.True(c2 == 0, e2);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PEROVSPICE_THREADS", old);
        }
        var files = Directory.GetFiles(seq).Select(Path.GetFileName).OrderBy(f => f).ToArray();
        Assert.Contains("tran.csv", files);
        Assert.Contains("meas.csv", files);
        Assert.Equal(files, Directory.GetFiles(par).Select(Path.GetFileName).OrderBy(f => f).ToArray());
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(seq, f!)).SequenceEqual(File.ReadAllBytes(Path.Combine(par, f!))), f);
    }

    [Fact]
    public void AFailingValueIsNamedEvenWhenOthersRunAtTheSameTime()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "s.cir");
        // the b-source takes the logarithm of |v(a)·(r − 3)|: outside its domain only at the fourth value (a division
        // by zero would not do: it divides by 1e-32, as ngspice does)
        File.WriteAllText(path, "t\n.param r=1\nV1 a 0 1\nB1 b 0 V={ln(abs(v(a)*(r-3)))}\nR1 b 0 1k\n.step param r list 1 2 4 3 5 6\n.op\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("at .step r = 3", errors);
    }
}
