using System.Numerics;
using Perovspice.Engine.Sparse;
using Xunit;
using static Perovspice.Engine.Tests.SparseTestSupport;

namespace Perovspice.Engine.Tests;

// The solver's own exception (Perovspice.Engine.SingularMatrixException is the analyses' typed failure).
using SingularMatrixException = Perovspice.Engine.Sparse.SingularMatrixException;

public class SparseComplexSolverTests
{
    private const double Tol = 1e-12;

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(500)]
    public void MatchesDenseOnDiagonallyDominant(int n)
    {
        var r = new Random(5000 + n);
        var c = DiagonallyDominant(n, 3, r, RandComplex);
        var p = c.Pattern();
        Assert.InRange(CompareWithDense(new ComplexSparseSolver(p), c, p, r, RandComplex), 0, Tol);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(500)]
    public void MatchesDenseWhenRowsArePermuted(int n)
    {
        var r = new Random(6000 + n);
        var c = DiagonallyDominant(n, 3, r, RandComplex).PermuteRows(Permutation(n, r));
        var p = c.Pattern(withDiagonal: true);
        Assert.InRange(CompareWithDense(new ComplexSparseSolver(p), c, p, r, RandComplex), 0, Tol);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(15, 5)]
    [InlineData(90, 10)]
    [InlineData(470, 30)]
    public void MatchesDenseOnAcMnaWithVoltageSources(int nodes, int sources)
    {
        // Admittances g + jωC: what an ac sweep hands the solver.
        var r = new Random(7000 + nodes);
        var c = Mna(nodes, sources, r, PositiveComplex);
        var p = c.Pattern(withDiagonal: true);
        Assert.InRange(CompareWithDense(new ComplexSparseSolver(p), c, p, r, RandComplex), 0, Tol);
    }

    [Fact]
    public void FrequencySweepReusesTheOrder()
    {
        // Same circuit at many frequencies: y = g + jωc per element.
        var r = new Random(8);
        int nodes = 200, sources = 6;
        var g = Mna(nodes, sources, new Random(80), _ => PositiveReal(r));
        var cap = Mna(nodes, sources, new Random(80), _ => PositiveReal(r));
        var p = g.Pattern(withDiagonal: true);
        var s = new ComplexSparseSolver(p);
        foreach (double w in new[] { 1e-3, 1e-1, 1, 10, 1e3 })
        {
            var c = new SparseCase<Complex>(g.N);
            foreach (var (key, gv) in g.Entries)
            {
                bool branch = key.Row > nodes || key.Col > nodes; // source incidence entries are ±1
                c.Add(key.Row, key.Col, branch ? gv : new Complex(gv, w * cap.Entries[key]));
            }
            Assert.InRange(CompareWithDense(s, c, p, r, RandComplex), 0, Tol);
        }
        Assert.True(s.ReorderCount <= 2, $"reordered {s.ReorderCount} times");
    }

    [Fact]
    public void RepivotsWhenAPivotCollapses()
    {
        var r = new Random(9);
        int n = 40;
        var a = DiagonallyDominant(n, 3, r, RandComplex);
        var pa = a.PermuteRows(Permutation(n, r));
        var union = new SparseCase<Complex>(n);
        foreach (var key in a.Entries.Keys.Concat(pa.Entries.Keys)) union.Add(key.Row, key.Col, 0);
        var p = union.Pattern(withDiagonal: true);
        var s = new ComplexSparseSolver(p);
        Assert.InRange(CompareWithDense(s, a, p, r, RandComplex), 0, Tol);
        Assert.InRange(CompareWithDense(s, pa, p, r, RandComplex), 0, Tol);
        Assert.Equal(2, s.ReorderCount);
    }

    [Fact]
    public void FloatingNodeIsReportedAsSingular()
    {
        var r = new Random(10);
        var c = Mna(10, 2, r, PositiveComplex);
        var p = c.Pattern(withDiagonal: true);
        var values = c.Values(p);
        for (int s = 1; s <= p.SlotCount; s++) if (p.RowOf(s) == 4 || p.ColOf(s) == 4) values[s] = Complex.Zero;
        var ex = Assert.Throws<SingularMatrixException>(() => new ComplexSparseSolver(p).Factor(values));
        Assert.Equal(4, ex.Unknown);
    }

    [Fact]
    public void TrashSlotIsIgnored()
    {
        var r = new Random(11);
        var c = Mna(30, 3, r, PositiveComplex);
        var p = c.Pattern(withDiagonal: true);
        Assert.Equal(0, p.GetSlot(0, 5));
        var s = new ComplexSparseSolver(p);
        s.Factor(c.Values(p, new Complex(double.NaN, 1e300)));
        Assert.InRange(CompareWithDense(s, c, p, r, RandComplex, factor: false), 0, Tol);
    }
}
