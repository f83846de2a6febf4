using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>
/// BSIM4 (`level=54`) through the whole command — netlist reader, `.include`, model binning, binder, dc analyses,
/// output — against ngspice 39 (References/bsim4_netlist, README there): sky130-style binned cards (NAME.k, version
/// 4.5, binunit 2; l at a shared bin bound, nf = 2 with LOD) at the operating point, and a CMOS inverter of the PTM
/// 45 nm cards at 75 °C (dc transfer curve with its gate tunneling current), within 1e-6 relative + 1 pA (the output
/// voltage 1e-6·|v| + 5 µV).
/// </summary>
public class Bsim4NetlistTests
{
    private static string Folder => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "bsim4_netlist");

    [Theory]
    [InlineData("bins", "op", 5)]
    [InlineData("inverter", "dc", 3)]
    [InlineData("sky130", "dc", 3)]
    public void MatchesNgspice(string circuit, string kind, int columns)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Path.Combine(Folder, circuit + ".cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        var ours = Repo.ReadCsv(Path.Combine(dir, kind + ".csv"));
        var theirs = Repo.ReadNgspice(Path.Combine(Folder, circuit + ".ngspice.txt"));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (!ours.TryGetValue(name, out var mine) || name == "v-sweep") continue;
            Assert.Equal(values.Length, mine.Length);
            double floor = name.StartsWith("v(", StringComparison.Ordinal) ? 5e-6 : 1e-12;
            for (int k = 0; k < values.Length; k++)
                Assert.True(Math.Abs(mine[k] - values[k]) <= 1e-6 * Math.Abs(values[k]) + floor,
                    $"{circuit} {name}[{k}]: {mine[k]} vs ngspice {values[k]}");
            compared++;
        }
        Assert.Equal(columns, compared);
    }

    /// <summary>Small-signal currents of six independent devices with ac gate (and one bulk) drives, 1 MHz–1 GHz:
    /// capmod 2 and 1, xpart 0, 0.5, 1, NMOS/PMOS, reverse mode, subthreshold/accumulation, rgatemod 3, nf = 3 with
    /// given junctions, rbodymod 0 and 1 — the real and imaginary parts within 1e-6 relative + 1 fA; `ac` with the
    /// version 4.0 cards (BSIM4.5), `ac48` with version 4.8 (ados/bdos, cvchargemod 1 with minvcv/voffcvl).</summary>
    [Theory]
    [InlineData("ac")]
    [InlineData("ac48")]
    public void AcCurrentsMatchNgspice(string circuit)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Path.Combine(Folder, circuit + ".cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        var ours = Repo.ReadCsv(Path.Combine(dir, "ac.csv"));
        var theirs = Repo.ReadNgspice(Path.Combine(Folder, circuit + ".ngspice.txt"));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (name == "frequency") continue;
            // ngspice's real(i(vd1)) is our ir(vd1)
            string key = (name.StartsWith("real", StringComparison.Ordinal) ? "ir(" : "ii(") + name[(name.IndexOf("i(", StringComparison.Ordinal) + 2)..].TrimEnd(')') + ")";
            var mine = ours[key];
            for (int k = 0; k < values.Length; k++)
                Assert.True(Math.Abs(mine[k] - values[k]) <= 1e-6 * Math.Abs(values[k]) + 1e-15,
                    $"{key}[{k}]: {mine[k]} vs ngspice {values[k]}");
            compared++;
        }
        Assert.Equal(24, compared);
    }

    /// <summary>capmod 0 (cv0.lib: xpart 0, 0.5, 1, NMOS/PMOS, version 4.0 and 4.8; accumulation, depletion, linear and
    /// saturated inversion, reverse mode): the intrinsic charges at the operating points within 1e-6 relative
    /// (q0), and the ac currents where ngspice's analytic capacitances are the derivatives of its charges (ac0,
    /// devices 4–9: ngspice's BSIM4.5 capmod-0 ∂Q/∂Vg counts ∂Vgs_eff/∂Vg twice in the Vdsat term, so under poly
    /// depletion its inversion capacitances of devices 1–3 are off its own charges by up to 2e-3 relative; ours are
    /// the exact derivatives of the charges that match).</summary>
    [Fact]
    public void Capmod0ChargesAndAcMatchNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Path.Combine(Folder, "q0.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        var ours = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var theirs = Repo.ReadNgspice(Path.Combine(Folder, "q0.ngspice.txt"));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (!name.StartsWith('@')) continue;
            Assert.True(Math.Abs(ours[name][0] - values[0]) <= 1e-6 * Math.Abs(values[0]) + 1e-28,
                $"{name}: {ours[name][0]} vs ngspice {values[0]}");
            compared++;
        }
        Assert.Equal(26, compared);

        dir = Repo.TempDir();
        (code, errors) = Repo.Run("run", Path.Combine(Folder, "ac0.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        ours = Repo.ReadCsv(Path.Combine(dir, "ac.csv"));
        theirs = Repo.ReadNgspice(Path.Combine(Folder, "ac0.ngspice.txt"));
        compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (name == "frequency") continue;
            string key = (name.StartsWith("real", StringComparison.Ordinal) ? "ir(" : "ii(") + name[(name.IndexOf("i(", StringComparison.Ordinal) + 2)..].TrimEnd(')') + ")";
            if (key[^2] is '1' or '2' or '3') continue;
            var mine = ours[key];
            for (int k = 0; k < values.Length; k++)
                Assert.True(Math.Abs(mine[k] - values[k]) <= 1e-6 * Math.Abs(values[k]) + 1e-15,
                    $"{key}[{k}]: {mine[k]} vs ngspice {values[k]}");
            compared++;
        }
        Assert.Equal(24, compared);
    }

    /// <summary>A CMOS inverter of the PTM cards driving 2 fF through a 60 ps pulse (reltol 1e-4 in both): v(out)
    /// within 1 mV of ngspice's at every one of its time points (linear interpolation of ours).</summary>
    /// <summary>The operating-point quantities of seven PTM devices (saturation, linear with body bias, reverse mode,
    /// PMOS, nf = 3 with m = 2, subthreshold, GIDL) against ngspice 39 (opq): currents, vth, vdsat, gm and the biases
    /// within 1e-6; gds and gmbs within 5e-6, because ngspice's analytic gds/gmbs are approximate — ours are the
    /// exact derivatives: m1's gds equals the central difference of ngspice's own id at vd = 0.8 ± 1e-5
    /// (5.223460805587404e-4 and 5.223497802613708e-4 A at reltol 1e-12) within 1e-6, where ngspice reports
    /// 1.849848109e-4.</summary>
    [Fact]
    public void OperatingPointQuantitiesMatchNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Path.Combine(Folder, "opq.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        var ours = Repo.ReadCsv(Path.Combine(dir, "op.csv"));
        var theirs = Repo.ReadNgspice(Path.Combine(Folder, "opq.ngspice.txt"));
        int compared = 0;
        foreach (var (name, values) in theirs)
        {
            if (!name.StartsWith('@')) continue;
            double rel = name.EndsWith("[gds]", StringComparison.Ordinal) || name.EndsWith("[gmbs]", StringComparison.Ordinal) ? 5e-6 : 1e-6;
            Assert.True(Math.Abs(ours[name][0] - values[0]) <= rel * Math.Abs(values[0]) + 1e-18,
                $"{name}: {ours[name][0]} vs ngspice {values[0]}");
            compared++;
        }
        Assert.Equal(7 * 16 + 4, compared);
        double fd = (5.223497802613708e-4 - 5.223460805587404e-4) / 2e-5;
        Assert.True(Math.Abs(ours["@m1[gds]"][0] - fd) <= 1e-6 * fd, $"gds {ours["@m1[gds]"][0]} vs difference quotient {fd}");
    }

    [Fact]
    public void InverterTransientMatchesNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Path.Combine(Folder, "tran.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        var ours = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        var theirs = Repo.ReadNgspice(Path.Combine(Folder, "tran.ngspice.txt"));
        double[] t = ours["time"], v = ours["v(out)"];
        var tn = theirs["time"];
        var vn = theirs["v(out)"];
        double worst = 0;
        for (int k = 0; k < tn.Length; k++)
            worst = Math.Max(worst, Math.Abs(Repo.Interpolate(t, v, tn[k]) - vn[k]));
        Assert.True(worst < 1e-3, $"worst v(out) difference {worst:g3} V");
    }

    /// <summary>`uic` with ic=vds,vgs,vbs on a BSIM4 device (and ic= on the capacitor it discharges): v(d) within 1 mV
    /// of ngspice's at its time points (a 0.8 V fall over tens of ps).</summary>
    [Fact]
    public void UicStartMatchesNgspice()
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Path.Combine(Folder, "uic.cir"), "-o", dir, "--quiet");
        Assert.True(code == 0, $"exit {code}: {errors}");
        var ours = Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
        var theirs = Repo.ReadNgspice(Path.Combine(Folder, "uic.ngspice.txt"));
        double worst = 0;
        for (int k = 0; k < theirs["time"].Length; k++)
            worst = Math.Max(worst, Math.Abs(Repo.Interpolate(ours["time"], ours["v(d)"], theirs["time"][k]) - theirs["v(d)"][k]));
        Assert.True(worst < 1e-3, $"worst v(d) difference {worst:g3} V");
    }

    /// <summary>A BSIM4 card with a parameter its version lacks: run, with a warning naming it (as ngspice).</summary>
    [Fact]
    public void ParametersTheVersionLacksAreWarnedAndIgnored()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "v45.cir");
        File.WriteAllText(path, "version warning\nvd d 0 1\nm1 d d 0 0 nch l=1u w=1u\n.model nch nmos level=54 version=4.5 gidlmod=1 dvtp4=0.2\n.op\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.True(code == 0, errors);
        Assert.Contains("model parameter 'gidlmod' does not exist in BSIM4.5 (version 4.5)", errors);
        Assert.Contains("'dvtp4'", errors);
    }
}
