using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>The switch examples through the command: the relaxation oscillator against its closed form (ngspice
/// 39 agreement is in Devices.Tests/Switches), and the integrate-and-fire neuron's periodic spiking.</summary>
public class SwitchExampleTests
{
    private static Dictionary<string, double[]> Run(string example)
    {
        string dir = Repo.TempDir();
        var (code, errors) = Repo.Run("run", Repo.Example(example), "-o", dir, "--quiet");
        Assert.True(code == 0, $"{example}: exit {code}: {errors}");
        return Repo.ReadCsv(Path.Combine(dir, "tran.csv"));
    }

    private static List<double> Edges(double[] t, double[] y, double level, bool rising)
    {
        var list = new List<double>();
        for (int k = 1; k < t.Length; k++)
            if (rising ? y[k - 1] <= level && y[k] > level : y[k - 1] >= level && y[k] < level)
                list.Add(t[k - 1] + (level - y[k - 1]) / (y[k] - y[k - 1]) * (t[k] - t[k - 1]));
        return list;
    }

    [Fact]
    public void RelaxationOscillatorSwitchesAtTheClosedFormTimes()
    {
        var r = Run("switch_relaxation");
        double tau = 10e-3, vlow = 5 * 100 / 10100.0, tau2 = 1e-6 * 10e3 * 100 / 10100;
        double firstOn = tau * Math.Log(5 / 1.5);
        double period = tau * Math.Log(3.5 / 1.5) + tau2 * Math.Log((3.5 - vlow) / (1.5 - vlow));
        var ons = Edges(r["time"], r["@s1[state]"], 0.5, rising: true);
        Assert.Equal(5, ons.Count);
        for (int k = 0; k < ons.Count; k++)
            Assert.True(Math.Abs(ons[k] - (firstOn + k * period)) < 0.01 * period, $"switch-on {k} at {ons[k]}");
        Assert.True(r["v(c)"].Max() < 3.5 + 0.01 && r["v(c)"].Where((v, k) => r["time"][k] > 13e-3).Min() > 1.5 - 0.01);
    }

    [Fact]
    public void NeuronSpikesPeriodicallyWhileStimulated()
    {
        var r = Run("neuron_reset_switch");
        var t = r["time"];
        var ons = Edges(t, r["@s1[state]"], 0.5, rising: true);
        // The stimulus runs from 1 ms to 40 ms; every spike is inside it and there are many.
        Assert.True(ons.Count >= 50, $"{ons.Count} spikes");
        Assert.True(ons[0] > 1e-3 && ons[^1] < 40.1e-3, $"spikes from {ons[0]} to {ons[^1]}");
        var isi = ons.Zip(ons.Skip(1), (a, b) => b - a).ToArray();
        double mean = isi.Average();
        Assert.All(isi, d => Assert.True(Math.Abs(d / mean - 1) < 0.01, $"interval {d} vs mean {mean}"));
        // Charging 1 nF by 2 µA to the 0.7 V threshold alone takes 0.35 ms; the reset and the leak add to it.
        Assert.InRange(mean, 0.35e-3, 1e-3);
        // Each reset empties the membrane, and it never runs away.
        var vm = r["v(m)"];
        foreach (double on in ons.Take(ons.Count - 1))
        {
            double min = double.PositiveInfinity;
            for (int k = 0; k < t.Length; k++)
                if (t[k] > on && t[k] < on + 0.5 * mean) min = Math.Min(min, vm[k]);
            Assert.True(min < 0.05, $"membrane after the spike at {on}: {min} V");
        }
        Assert.True(vm.Max() < 1.0);
    }
}
