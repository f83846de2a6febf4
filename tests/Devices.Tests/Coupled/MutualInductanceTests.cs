using System.Numerics;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests;

/// <summary>The K element against the closed form and ngspice 39 (References/coupled/transformer.cir).</summary>
public class MutualInductanceTests(ITestOutputHelper output)
{
    private static Circuit Transformer(double k = 0.99) => new Circuit().Add(
        new VoltageSource("v1", "in", "0", new SourceValue { AcMagnitude = 1, Waveform = new SineWaveform(new[] { 0, 1.0, 10e3 }) }),
        new Resistor("rs", "in", "a", 10),
        new Inductor("l1", "a", "0", 1e-3),
        new Inductor("l2", "b", "0", 4e-3),
        new MutualInductance("k1", "l1", "l2", k),
        new Resistor("rl", "b", "0", 1e3));

    [Fact]
    public void AcMatchesClosedFormAndNgspice()
    {
        var tab = Reference.Table("coupled", "transformer.ac.txt");
        var got = new List<(double F, Complex V)>();
        new Simulator(Transformer()).Ac(new AcSpec(AcSweepKind.Decade, 10, 100, 1e6), s => got.Add((s.Frequency, s.V("b"))));
        Assert.Equal(tab[0].Length, got.Count);
        double m = 0.99 * Math.Sqrt(1e-3 * 4e-3), worstRef = 0, worstExact = 0;
        for (int k = 0; k < got.Count; k++)
        {
            var (f, v) = got[k];
            Assert.True(Math.Abs(f / tab[0][k] - 1) < 1e-12);
            // Mesh equations: 1 = (10 + jωL1) i1 − jωM i2, 0 = −jωM i1 + (jωL2 + 1000) i2, v(b) = 1000·i2
            // with i2 the current into rl (signs from the dot convention of two grounded windings).
            var jw = new Complex(0, 2 * Math.PI * f);
            var z11 = 10 + jw * 1e-3;
            var z22 = 1000 + jw * 4e-3;
            var i2 = jw * m / (z11 * z22 - jw * m * jw * m);
            var exact = 1000 * i2;
            var ng = new Complex(tab[1][k], tab[2][k]);
            worstRef = Math.Max(worstRef, (v - ng).Magnitude / ng.Magnitude);
            worstExact = Math.Max(worstExact, (v - exact).Magnitude / exact.Magnitude);
        }
        output.WriteLine($"transformer ac: vs closed form {worstExact:E3}, vs ngspice {worstRef:E3} (relative)");
        Assert.True(worstExact < 1e-9, $"vs closed form {worstExact:E2}");
        Assert.True(worstRef < 1e-4, $"vs ngspice {worstRef:E2}");
    }

    [Fact]
    public void TransientMatchesNgspice()
    {
        var tab = Reference.Table("coupled", "transformer.tran.txt");
        var ts = new List<double>();
        var vb = new List<double>();
        var iv = new List<double>();
        new Simulator(Transformer()).Transient(new TransientSpec(1e-6, 0.5e-3), s =>
        {
            ts.Add(s.Time);
            vb.Add(s.V("b"));
            iv.Add(s.X[s.System.Circuit.Find("v1")!.BranchIndex]);
        });
        double range = tab[1].Max() - tab[1].Min(), irange = tab[2].Max() - tab[2].Min();
        double worst = 0, worstI = 0;
        for (int k = 0; k < tab[0].Length; k++)
        {
            worst = Math.Max(worst, Math.Abs(Reference.Interpolate(ts, vb, tab[0][k]) - tab[1][k]));
            worstI = Math.Max(worstI, Math.Abs(Reference.Interpolate(ts, iv, tab[0][k]) - tab[2][k]));
        }
        output.WriteLine($"transformer tran vs ngspice: v(b) {worst / range:E3}, i(v1) {worstI / irange:E3} of range");
        Assert.True(worst < 0.01 * range, $"v(b) differs by {worst / range:P3} of its range");
        Assert.True(worstI < 0.01 * irange, $"i(v1) differs by {worstI / irange:P3} of its range");
    }

    [Fact]
    public void CouplingAboveOneIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new MutualInductance("k1", "l1", "l2", 1.5));
        Assert.Contains("|k| <= 1", e.Message);
    }

    [Fact]
    public void CouplingANonInductorIsRejected()
    {
        var ckt = new Circuit().Add(
            new VoltageSource("v1", "a", "0", 1),
            new Inductor("l1", "a", "0", 1e-3),
            new Resistor("r1", "a", "0", 1e3),
            new MutualInductance("k1", "l1", "r1", 0.5));
        var e = Assert.Throws<ArgumentException>(() => new Simulator(ckt));
        Assert.Contains("'r1' is not an inductor", e.Message);
        var missing = new Circuit().Add(new Inductor("l1", "a", "0", 1e-3), new MutualInductance("k1", "l1", "l9", 0.5));
        Assert.Contains("unknown inductor 'l9'", Assert.Throws<ArgumentException>(() => new Simulator(missing)).Message);
    }

    private static Circuit Three(double k12, double k13, double k23)
    {
        var c = new Circuit().Add(new VoltageSource("v1", "a", "0", new SourceValue { AcMagnitude = 1 }), new Resistor("r1", "a", "p", 10));
        c.Add(new Inductor("l1", "p", "0", 1e-3), new Inductor("l2", "q", "0", 2e-3), new Inductor("l3", "r", "0", 3e-3));
        c.Add(new Resistor("rq", "q", "0", 100), new Resistor("rr", "r", "0", 100));
        c.Add(new MutualInductance("ka", "l1", "l2", k12), new MutualInductance("kb", "l1", "l3", k13),
              new MutualInductance("kc", "l2", "l3", k23));
        return c;
    }

    [Fact]
    public void SeveralCouplingsOnSharedInductorsMustBeConsistent()
    {
        // 0.9 everywhere: eigenvalues 2.8, 0.1, 0.1 of the normalised matrix, fine.
        _ = new Simulator(Three(0.9, 0.9, 0.9));
        // (ka and kb alone would be indefinite: only the whole group counts.)
        // k23 = −0.9 with k12 = k13 = 0.9 is indefinite: the group's last element, kc, reports it.
        var e = Assert.Throws<ArgumentException>(() => new Simulator(Three(0.9, 0.9, -0.9)));
        Assert.StartsWith("coupling 'kc'", e.Message);
        Assert.Contains("not positive definite", e.Message);
    }

    [Fact]
    public void ThreeCoupledWindingsMatchTheirInductanceMatrix()
    {
        // ac against the 3×3 mesh equations with the full inductance matrix.
        double[] l = { 1e-3, 2e-3, 3e-3 };
        double[,] k = { { 1, 0.5, 0.3 }, { 0.5, 1, 0.2 }, { 0.3, 0.2, 1 } };
        new Simulator(Three(0.5, 0.3, 0.2)).Ac(new AcSpec(AcSweepKind.Decade, 3, 1e3, 1e5), s =>
        {
            var jw = new Complex(0, 2 * Math.PI * s.Frequency);
            var z = new Complex[3, 3];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    z[i, j] = jw * k[i, j] * Math.Sqrt(l[i] * l[j]);
            z[0, 0] += 10; z[1, 1] += 100; z[2, 2] += 100;
            // Currents into the dotted terminals: [z] i = [1, 0, 0]; v(q) = −100·i_q, v(r) = −100·i_r.
            var i3 = Solve3(z, new Complex[] { 1, 0, 0 });
            Assert.True((s.V("q") - (-100 * i3[1])).Magnitude < 1e-9 * (1 + s.V("q").Magnitude));
            Assert.True((s.V("r") - (-100 * i3[2])).Magnitude < 1e-9 * (1 + s.V("r").Magnitude));
        });
    }

    private static Complex[] Solve3(Complex[,] a, Complex[] b)
    {
        var m = (Complex[,])a.Clone();
        var x = (Complex[])b.Clone();
        for (int c = 0; c < 3; c++)
            for (int r = c + 1; r < 3; r++)
            {
                var f = m[r, c] / m[c, c];
                for (int j = c; j < 3; j++) m[r, j] -= f * m[c, j];
                x[r] -= f * x[c];
            }
        for (int r = 2; r >= 0; r--)
        {
            for (int j = r + 1; j < 3; j++) x[r] -= m[r, j] * x[j];
            x[r] /= m[r, r];
        }
        return x;
    }
}
