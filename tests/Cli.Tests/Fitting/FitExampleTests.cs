using Xunit;
using static Perovspice.Cli.Tests.Fitting.FitHelpers;

namespace Perovspice.Cli.Tests.Fitting;

/// <summary>The documented example (docs/fit.md): the noisy Fig. 1d spectrum gives back the Fig. 1d parameters.</summary>
public sealed class FitExampleTests
{
    [Fact]
    public void Fig1dExampleRecoversItsParameters()
    {
        string dir = TempDir();
        string ex = Path.Combine(Repo.Root, "examples", "fit");
        var (code, errors) = Repo.Run("fit", Path.Combine(ex, "paper1_fig1d_fit.cir"), "--data", Path.Combine(ex, "paper1_fig1d_measured.csv"),
            "--vary", "cm=1m..100m:log", "--vary", "taud=0.01..100:log", "--vary", "rb=0.1..10", "--vary", "ic0=1..100:log",
            "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        var fit = ReadFit(dir);
        Recovered(fit, "cm", 0.01);
        Recovered(fit, "taud", 1);
        Recovered(fit, "rb", 1);
        Recovered(fit, "ic0", 10);
    }
}
