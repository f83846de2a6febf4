using System.Numerics;
using Perovspice.Engine.Sparse;
using Xunit;
using static Perovspice.Engine.Tests.SparseTestSupport;

namespace Perovspice.Engine.Tests;

using SingularMatrixException = Perovspice.Engine.Sparse.SingularMatrixException;

/// <summary>
/// The multifrontal (supernodal) numeric factorization against MathNet's dense LU and against the left-looking
/// factorization of the same pivot order: same answers, same re-pivoting and singularity reports.
/// </summary>
public class MultifrontalSolverTests
{
    private const double Tol = 1e-12;

    private static RealSparseSolver Real(SparsePattern p) => new(p) { Factorization = FactorizationKind.Multifrontal };

    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    [InlineData(500)]
    public void MatchesDenseOnDiagonallyDominant(int n)
    {
        var r = new Random(1000 + n);
        var c = DiagonallyDominant(n, 3, r, RandReal);
        var p = c.Pattern();
        var s = Real(p);
        Assert.InRange(CompareWithDense(s, c, p, r, RandReal), 0, Tol);
        Assert.True(s.UsesMultifrontal);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(500)]
    public void MatchesDenseWhenRowsArePermuted(int n)
    {
        var r = new Random(2000 + n);
        var c = DiagonallyDominant(n, 3, r, RandReal).PermuteRows(Permutation(n, r));
        var p = c.Pattern(withDiagonal: true);
        Assert.InRange(CompareWithDense(Real(p), c, p, r, RandReal), 0, Tol);
    }

    [Theory]
    [InlineData(15, 5)]
    [InlineData(470, 30)]
    public void MatchesDenseOnMnaWithVoltageSources(int nodes, int sources)
    {
        var r = new Random(3000 + nodes);
        var c = Mna(nodes, sources, r, PositiveReal);
        var p = c.Pattern(withDiagonal: true);
        Assert.InRange(CompareWithDense(Real(p), c, p, r, RandReal), 0, Tol);
    }

    [Fact]
    public void ComplexMatchesDense()
    {
        var r = new Random(31);
        var c = Mna(300, 12, r, PositiveComplex);
        var p = c.Pattern(withDiagonal: true);
        var s = new ComplexSparseSolver(p) { Factorization = FactorizationKind.Multifrontal };
        Assert.InRange(CompareWithDense(s, c, p, r, RandComplex), 0, Tol);
        Assert.True(s.UsesMultifrontal);
    }

    [Fact]
    public void AgreesWithLeftLookingOnManyRandomCircuits()
    {
        // Same pivot order, different arithmetic order: the solutions agree to round-off.
        for (int seed = 0; seed < 60; seed++)
        {
            var r = new Random(seed);
            int nodes = 4 + r.Next(250);
            var c = Mna(nodes, r.Next(nodes / 2 + 1), r, PositiveReal);
            var p = c.Pattern(withDiagonal: seed % 2 == 0);
            var values = c.Values(p);
            var left = new RealSparseSolver(p) { Factorization = FactorizationKind.LeftLooking };
            var multi = Real(p);
            left.Factor(values);
            multi.Factor(values);
            var b = new double[c.N + 1];
            for (int i = 1; i <= c.N; i++) b[i] = RandReal(r);
            var x1 = (double[])b.Clone();
            var x2 = (double[])b.Clone();
            left.Solve(x1);
            multi.Solve(x2);
            double scale = x1.Max(Math.Abs);
            for (int i = 0; i <= c.N; i++) Assert.True(Math.Abs(x1[i] - x2[i]) <= 1e-10 * scale, $"seed {seed}, unknown {i}: {x1[i]} vs {x2[i]}");
            Assert.InRange(Residual(c, x2, b), 0, 1e-13);
        }
    }

    [Fact]
    public void LargeGridIsFactoredBySupernodesByDefault()
    {
        // 80×80 resistor grid (6404 unknowns): above the size and work thresholds of Auto.
        var c = ResistorGrid(80);
        var p = c.Pattern(withDiagonal: true);
        var s = new RealSparseSolver(p);
        var r = new Random(11);
        s.Factor(c.Values(p));
        Assert.True(s.UsesMultifrontal);
        var b = new double[c.N + 1];
        for (int i = 1; i <= c.N; i++) b[i] = RandReal(r);
        var x = (double[])b.Clone();
        s.Solve(x);
        Assert.InRange(Residual(c, x, b), 0, 1e-14);
    }

    [Fact]
    public void TwoThreadFactorAndSolveAgreeWithLeftLooking()
    {
        // 130×130 grid: enough work for the two-lane split; repeated refactorizations and solves must give the
        // same answer every time (each supernode always computed by the same lane) and agree with left-looking.
        var c = ResistorGrid(130);
        var p = c.Pattern(withDiagonal: true);
        var values = c.Values(p);
        var left = new RealSparseSolver(p) { Factorization = FactorizationKind.LeftLooking };
        var multi = Real(p);
        left.Factor(values);
        multi.Factor(values);
        Assert.True(multi.UsesTwoThreads);
        var r = new Random(12);
        var b = new double[c.N + 1];
        for (int i = 1; i <= c.N; i++) b[i] = RandReal(r);
        var x1 = (double[])b.Clone();
        left.Solve(x1);
        double[]? first = null;
        for (int round = 0; round < 5; round++)
        {
            multi.Factor(values);
            var x2 = (double[])b.Clone();
            multi.Solve(x2);
            double scale = x1.Max(Math.Abs);
            for (int i = 0; i <= c.N; i++) Assert.True(Math.Abs(x1[i] - x2[i]) <= 1e-10 * scale, $"unknown {i}");
            if (first == null) first = x2;
            else Assert.Equal(first, x2);
        }
        Assert.InRange(Residual(c, first!, b), 0, 1e-14);
    }

    [Fact]
    public void TwoThreadFactorReportsASingularPivot()
    {
        // The same grid with one node cut loose (its row and column zero): whichever lane meets it names it.
        var c = ResistorGrid(130);
        var p = c.Pattern(withDiagonal: true);
        var s = Real(p);
        s.Factor(c.Values(p));
        Assert.True(s.UsesTwoThreads);
        int node = 40 * 130 + 17 + 1;
        var values = c.Values(p);
        for (int k = 1; k <= p.SlotCount; k++) if (p.RowOf(k) == node || p.ColOf(k) == node) values[k] = 0;
        var ex = Assert.Throws<SingularMatrixException>(() => s.Factor(values));
        Assert.Equal(node, ex.Unknown);
    }

    [Fact]
    public void ComplexTwoThreadFactorAgreesWithLeftLooking()
    {
        // An ac-like 130×130 grid of complex admittances with a capacitive shunt at every node.
        int m = 130;
        var c = new SparseCase<Complex>(m * m);
        int Id(int x, int y) => x * m + y + 1;
        var yl = new Complex(1, 0.3);
        void Y(int a, int b) { c.Add(a, a, yl); c.Add(b, b, yl); c.Add(a, b, -yl); c.Add(b, a, -yl); }
        for (int x = 0; x < m; x++)
            for (int y = 0; y < m; y++)
            {
                if (x + 1 < m) Y(Id(x, y), Id(x + 1, y));
                if (y + 1 < m) Y(Id(x, y), Id(x, y + 1));
                c.Add(Id(x, y), Id(x, y), new Complex(1e-3, 0.05));
            }
        var p = c.Pattern(withDiagonal: true);
        var values = c.Values(p);
        var left = new ComplexSparseSolver(p) { Factorization = FactorizationKind.LeftLooking };
        var multi = new ComplexSparseSolver(p) { Factorization = FactorizationKind.Multifrontal };
        left.Factor(values);
        multi.Factor(values);
        multi.Factor(values);
        Assert.True(multi.UsesTwoThreads);
        var r = new Random(13);
        var b = new Complex[c.N + 1];
        for (int i = 1; i <= c.N; i++) b[i] = RandComplex(r);
        var x1 = (Complex[])b.Clone();
        var x2 = (Complex[])b.Clone();
        left.Solve(x1);
        multi.Solve(x2);
        double scale = x1.Max(v => v.Magnitude);
        for (int i = 0; i <= c.N; i++) Assert.True((x1[i] - x2[i]).Magnitude <= 1e-10 * scale, $"unknown {i}");
    }

    [Fact]
    public void LadderStaysLeftLooking()
    {
        var c = RcLadder(5000);
        var p = c.Pattern(withDiagonal: true);
        var s = new RealSparseSolver(p);
        s.Factor(c.Values(p));
        Assert.False(s.UsesMultifrontal);
    }

    [Fact]
    public void RepivotsWhenAPivotCollapses()
    {
        var r = new Random(5);
        int n = 60;
        var a = DiagonallyDominant(n, 3, r, RandReal);
        var pa = a.PermuteRows(Permutation(n, r));
        var union = new SparseCase<double>(n);
        foreach (var key in a.Entries.Keys.Concat(pa.Entries.Keys)) union.Add(key.Row, key.Col, 0);
        var p = union.Pattern(withDiagonal: true);
        var s = Real(p);
        Assert.InRange(CompareWithDense(s, a, p, r, RandReal), 0, Tol);
        Assert.Equal(1, s.ReorderCount);
        Assert.InRange(CompareWithDense(s, pa, p, r, RandReal), 0, Tol);
        Assert.Equal(2, s.ReorderCount);
        Assert.InRange(CompareWithDense(s, pa, p, r, RandReal), 0, Tol);
        Assert.Equal(2, s.ReorderCount);
    }

    [Fact]
    public void RepivotsWhenAPivotFallsBelowThreshold()
    {
        var c = new SparseCase<double>(2);
        c.Add(1, 1, 4); c.Add(1, 2, 1); c.Add(2, 1, 1); c.Add(2, 2, 1);
        var p = c.Pattern();
        var s = Real(p);
        var r = new Random(6);
        Assert.InRange(CompareWithDense(s, c, p, r, RandReal), 0, Tol);
        c.Entries[(1, 1)] = 1e-2;
        Assert.InRange(CompareWithDense(s, c, p, r, RandReal), 0, Tol);
        Assert.Equal(1, s.ReorderCount);
        c.Entries[(1, 1)] = 1e-5;
        Assert.InRange(CompareWithDense(s, c, p, r, RandReal), 0, Tol);
        Assert.Equal(2, s.ReorderCount);
    }

    [Fact]
    public void FloatingNodeIsReportedAsSingular()
    {
        var r = new Random(7);
        var c = Mna(12, 2, r, PositiveReal);
        var p = c.Pattern(withDiagonal: true);
        var values = c.Values(p);
        for (int s = 1; s <= p.SlotCount; s++) if (p.RowOf(s) == 7 || p.ColOf(s) == 7) values[s] = 0;
        var solver = Real(p);
        var ex = Assert.Throws<SingularMatrixException>(() => solver.Factor(values));
        Assert.Equal(7, ex.Unknown);
        Assert.Throws<InvalidOperationException>(() => solver.Solve(new double[13 + 2]));
        Assert.InRange(CompareWithDense(solver, c, p, r, RandReal), 0, Tol);
    }

    [Fact]
    public void SingularOnRefactorIsDetected()
    {
        var c = new SparseCase<double>(3);
        c.Add(1, 1, 1); c.Add(2, 2, 1); c.Add(3, 3, 1); c.Add(1, 2, 0.5); c.Add(2, 1, 0.5);
        var p = c.Pattern();
        var s = Real(p);
        s.Factor(c.Values(p));
        c.Entries[(2, 2)] = 0.25;
        var ex = Assert.Throws<SingularMatrixException>(() => s.Factor(c.Values(p)));
        Assert.Contains(ex.Unknown, new[] { 1, 2 });
    }

    [Fact]
    public void TrashSlotIsIgnored()
    {
        var p = new SparsePattern(3);
        var c = new SparseCase<double>(3);
        void Conductance(int a, int b, double g)
        {
            p.GetSlot(a, a); p.GetSlot(b, b); p.GetSlot(a, b); p.GetSlot(b, a);
            c.Add(a, a, g); c.Add(b, b, g); c.Add(a, b, -g); c.Add(b, a, -g);
        }
        Conductance(1, 0, 1); Conductance(1, 2, 2); Conductance(2, 3, 3); Conductance(3, 0, 4);
        var s = Real(p);
        var r = new Random(8);
        foreach (double junk in new[] { 0.0, 1e300, double.NaN })
        {
            s.Factor(c.Values(p, junk));
            Assert.InRange(CompareWithDense(s, c, p, r, RandReal, factor: false), 0, Tol);
        }
    }

    [Fact]
    public void RefactorAndSolveDoNotAllocate()
    {
        var r = new Random(9);
        var c = Mna(300, 10, r, PositiveReal);
        var p = c.Pattern(withDiagonal: true);
        var s = Real(p);
        var values = c.Values(p);
        var rhs = new double[c.N + 1];
        s.Factor(values);
        for (int k = 0; k < 50; k++) { s.Factor(values); s.Solve(rhs); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 200; k++)
        {
            values[1 + k % p.SlotCount] *= 1.0001;
            s.Factor(values);
            s.Solve(rhs);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(1, s.ReorderCount);
    }
}
