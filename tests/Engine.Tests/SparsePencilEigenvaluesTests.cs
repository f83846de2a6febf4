using System.Numerics;
using Perovspice.Engine.Analysis;
using Perovspice.Engine.Sparse;
using Xunit;

namespace Perovspice.Engine.Tests;

/// <summary>Sparse shift-invert Arnoldi against closed forms and against the dense pencil eigenvalues.</summary>
public class SparsePencilEigenvaluesTests
{
    private static (SparsePattern P, double[] G, double[] C) Build(int n, IEnumerable<(int R, int Col, double G, double C)> entries)
    {
        var p = new SparsePattern(n);
        var list = entries.ToList();
        foreach (var e in list) p.GetSlot(e.R, e.Col);
        var g = new double[p.SlotCount + 1];
        var c = new double[p.SlotCount + 1];
        foreach (var e in list)
        {
            int s = p.FindSlot(e.R, e.Col);
            g[s] += e.G;
            c[s] += e.C;
        }
        return (p, g, c);
    }

    private static (double[,] G, double[,] C) Dense(SparsePattern p, double[] g, double[] c)
    {
        var gd = new double[p.Size, p.Size];
        var cd = new double[p.Size, p.Size];
        for (int s = 1; s <= p.SlotCount; s++)
        {
            gd[p.RowOf(s) - 1, p.ColOf(s) - 1] += g[s];
            cd[p.RowOf(s) - 1, p.ColOf(s) - 1] += c[s];
        }
        return (gd, cd);
    }

    [Fact]
    public void RcNodeHasItsTimeConstant()
    {
        var (p, g, c) = Build(1, new[] { (1, 1, 1e-3, 1e-9) });
        var l = SparsePencilEigenvalues.NearShift(p, g, c);
        Assert.Single(l);
        Assert.Equal(-1e6, l[0].Real, 1e-6 * 1e6);
        Assert.Equal(0, l[0].Imaginary);
    }

    [Fact]
    public void ParallelRlcHasItsComplexPair()
    {
        // Node v (R ‖ C ‖ L to ground), inductor current i: λ² + λ/(RC) + 1/(LC) = 0.
        double r = 1e3, cap = 1e-9, ind = 1e-3;
        var (p, g, c) = Build(2, new[] { (1, 1, 1 / r, cap), (1, 2, 1.0, 0), (2, 1, 1.0, 0), (2, 2, 0, -ind) });
        var l = SparsePencilEigenvalues.NearShift(p, g, c);
        Assert.Equal(2, l.Length);
        double re = -1 / (2 * r * cap), im = Math.Sqrt(1 / (ind * cap) - re * re);
        foreach (var x in l)
        {
            Assert.True(Math.Abs(x.Real - re) <= 1e-9 * Math.Abs(im), $"{x}");
            Assert.True(Math.Abs(Math.Abs(x.Imaginary) - im) <= 1e-9 * im, $"{x}");
        }
        Assert.NotEqual(l[0].Imaginary, l[1].Imaginary);
    }

    [Fact]
    public void RcLadderMatchesClosedForm()
    {
        // N sections R–C, the first driven from ground (v0 = 0), the far end open: the pencil is −(1/RC)·T with T
        // tridiagonal (2 on the diagonal, 1 at the open end), whose eigenvalues are 2 − 2cos((2k − 1)π/(2N + 1)).
        int n = 300;
        double r = 1e3, cap = 1e-9;
        var e = new List<(int, int, double, double)>();
        for (int k = 1; k <= n; k++)
        {
            e.Add((k, k, (k < n ? 2 : 1) / r, cap));
            if (k > 1) { e.Add((k, k - 1, -1 / r, 0)); e.Add((k - 1, k, -1 / r, 0)); }
        }
        var (p, g, c) = Build(n, e);
        var l = SparsePencilEigenvalues.NearShift(p, g, c, count: 8);
        Assert.True(l.Length >= 8);
        var exact = Enumerable.Range(1, n).Select(k => -(2 - 2 * Math.Cos((2 * k - 1) * Math.PI / (2 * n + 1))) / (r * cap)).ToArray();
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal(0, l[k].Imaginary, 1e-12 * Math.Abs(l[k].Real));
            Assert.True(Math.Abs(l[k].Real - exact[k]) <= 1e-8 * Math.Abs(exact[k]), $"{k}: {l[k].Real} vs {exact[k]}");
        }
    }

    [Fact]
    public void AgreesWithTheDenseSolverOnANonsymmetricPencil()
    {
        // A chain of damped oscillators with one-way coupling and an algebraic (C-free) unknown per stage.
        int stages = 60, n = 3 * stages;
        var e = new List<(int, int, double, double)>();
        var rng = new Random(7);
        for (int s = 0; s < stages; s++)
        {
            int v = 3 * s + 1, i = v + 1, a = v + 2;
            double gv = 1e-3 * (1 + rng.NextDouble()), cv = 1e-9 * (1 + rng.NextDouble()), lv = 1e-3 * (1 + rng.NextDouble());
            e.Add((v, v, gv, cv)); e.Add((v, i, 1, 0)); e.Add((i, v, 1, 0)); e.Add((i, i, 0, -lv));
            e.Add((a, a, 1, 0)); e.Add((a, v, -2, 0));                      // a = 2 v (algebraic)
            if (s > 0) e.Add((v, a - 3, -1e-4 * rng.NextDouble(), 0));   // driven by the previous stage
        }
        var (p, g, c) = Build(n, e);
        var sparse = SparsePencilEigenvalues.NearShift(p, g, c, count: 20);
        var (gd, cd) = Dense(p, g, c);
        var dense = PencilEigenvalues.Finite(gd, cd);
        Assert.True(sparse.Length >= 20);
        foreach (var l in sparse)
        {
            double err = dense.Min(d => (d - l).Magnitude);
            Assert.True(err <= 1e-8 * l.Magnitude, $"{l}: nearest dense eigenvalue {err / l.Magnitude:E2} away (relative)");
        }
        // A shift up the imaginary axis finds the eigenvalues nearest it, also to 1e-8 of the dense ones.
        double top = dense.Max(d => Math.Abs(d.Imaginary));
        var shift = new Complex(0, 0.5 * top);
        var near = SparsePencilEigenvalues.NearShift(p, g, c, 10, shift);
        Assert.True(near.Length >= 10);
        foreach (var l in near)
        {
            double err = dense.Min(d => (d - l).Magnitude);
            Assert.True(err <= 1e-8 * l.Magnitude, $"{l}: nearest dense eigenvalue {err / l.Magnitude:E2} away (relative)");
        }
        double reach = near.Max(x => (x - shift).Magnitude);
        Assert.True(dense.Count(d => (d - shift).Magnitude < reach * (1 - 1e-9)) <= near.Length);
        // They are the eigenvalues nearest zero.
        double far = sparse.Max(x => x.Magnitude);
        int closer = dense.Count(d => d.Magnitude < far * (1 - 1e-9));
        Assert.True(closer <= sparse.Length, $"{closer} dense eigenvalues are nearer zero than the {sparse.Length} found");
    }
}
