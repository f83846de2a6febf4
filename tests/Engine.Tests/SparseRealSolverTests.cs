using Perovspice.Engine.Sparse;
using Xunit;
using static Perovspice.Engine.Tests.SparseTestSupport;

namespace Perovspice.Engine.Tests;

// The solver's own exception (Perovspice.Engine.SingularMatrixException is the analyses' typed failure).
using SingularMatrixException = Perovspice.Engine.Sparse.SingularMatrixException;

public class SparseRealSolverTests
{
    private const double Tol = 1e-12;

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(500)]
    public void MatchesDenseOnDiagonallyDominant(int n)
    {
        var r = new Random(1000 + n);
        var c = DiagonallyDominant(n, 3, r, RandReal);
        var p = c.Pattern();
        Assert.InRange(CompareWithDense(new RealSparseSolver(p), c, p, r, RandReal), 0, Tol);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(500)]
    public void MatchesDenseWhenRowsArePermuted(int n)
    {
        // The dominant entries are off the diagonal; the (structurally present) diagonal is mostly zero.
        var r = new Random(2000 + n);
        var c = DiagonallyDominant(n, 3, r, RandReal).PermuteRows(Permutation(n, r));
        var p = c.Pattern(withDiagonal: true);
        var s = new RealSparseSolver(p);
        Assert.InRange(CompareWithDense(s, c, p, r, RandReal), 0, Tol);
        Assert.Equal(1, s.ReorderCount);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(15, 5)]
    [InlineData(90, 10)]
    [InlineData(470, 30)]
    public void MatchesDenseOnMnaWithVoltageSources(int nodes, int sources)
    {
        var r = new Random(3000 + nodes);
        var c = Mna(nodes, sources, r, PositiveReal);
        var p = c.Pattern(withDiagonal: true);
        Assert.InRange(CompareWithDense(new RealSparseSolver(p), c, p, r, RandReal), 0, Tol);
    }

    [Fact]
    public void RefactorsWithNewValuesWithoutReordering()
    {
        var r = new Random(4);
        var c = Mna(120, 8, new Random(4), _ => PositiveReal(r));
        var p = c.Pattern(withDiagonal: true);
        var s = new RealSparseSolver(p);
        for (int round = 0; round < 25; round++)
        {
            var next = Mna(120, 8, new Random(4), _ => PositiveReal(r)); // same structure, new conductances
            Assert.InRange(CompareWithDense(s, next, p, r, RandReal), 0, Tol);
        }
        Assert.Equal(1, s.ReorderCount);
    }

    [Fact]
    public void RepivotsWhenAPivotCollapses()
    {
        // One pattern holding both A and P·A: round 1 stamps A, round 2 stamps P·A (the old pivots become 0).
        var r = new Random(5);
        int n = 60;
        var a = DiagonallyDominant(n, 3, r, RandReal);
        var pa = a.PermuteRows(Permutation(n, r));
        var union = new SparseCase<double>(n);
        foreach (var key in a.Entries.Keys.Concat(pa.Entries.Keys)) union.Add(key.Row, key.Col, 0);
        var p = union.Pattern(withDiagonal: true);
        var s = new RealSparseSolver(p);

        Assert.InRange(CompareWithDense(s, a, p, r, RandReal), 0, Tol);
        int nnz = s.FactorNonZeros;
        Assert.Equal(1, s.ReorderCount);
        Assert.InRange(CompareWithDense(s, pa, p, r, RandReal), 0, Tol);
        Assert.Equal(2, s.ReorderCount);
        Assert.InRange(CompareWithDense(s, pa, p, r, RandReal), 0, Tol);
        Assert.Equal(2, s.ReorderCount);
        Assert.True(nnz > 0 && s.FactorNonZeros > 0);
    }

    [Fact]
    public void RepivotsWhenAPivotFallsBelowThreshold()
    {
        // 2x2 [[d, 1], [1, 1]]: with d = 4 the diagonal pivot is kept; d = 1e-5 < 1e-3 × 1 must re-pivot.
        var c = new SparseCase<double>(2);
        c.Add(1, 1, 4); c.Add(1, 2, 1); c.Add(2, 1, 1); c.Add(2, 2, 1);
        var p = c.Pattern();
        var s = new RealSparseSolver(p);
        var r = new Random(6);
        Assert.InRange(CompareWithDense(s, c, p, r, RandReal), 0, Tol);
        c.Entries[(1, 1)] = 1e-2; // still acceptable
        Assert.InRange(CompareWithDense(s, c, p, r, RandReal), 0, Tol);
        Assert.Equal(1, s.ReorderCount);
        c.Entries[(1, 1)] = 1e-5;
        Assert.InRange(CompareWithDense(s, c, p, r, RandReal), 0, Tol);
        Assert.Equal(2, s.ReorderCount);
    }

    [Fact]
    public void FloatingNodeIsReportedAsSingular()
    {
        // Node 7 only touches a capacitor (zero conductance at dc): its row and column are all zero.
        var r = new Random(7);
        var c = Mna(12, 2, r, PositiveReal);
        var p = c.Pattern(withDiagonal: true);
        var values = c.Values(p);
        for (int s = 1; s <= p.SlotCount; s++) if (p.RowOf(s) == 7 || p.ColOf(s) == 7) values[s] = 0;
        var solver = new RealSparseSolver(p);
        var ex = Assert.Throws<SingularMatrixException>(() => solver.Factor(values));
        Assert.Equal(7, ex.Unknown);
        Assert.Throws<InvalidOperationException>(() => solver.Solve(new double[13 + 2]));
        // The solver recovers once the matrix is regular again.
        Assert.InRange(CompareWithDense(solver, c, p, r, RandReal), 0, Tol);
    }

    [Fact]
    public void DependentRowsAreReportedAsSingular()
    {
        var c = new SparseCase<double>(4);
        c.Add(1, 1, 2); c.Add(1, 2, -1);
        c.Add(2, 1, -1); c.Add(2, 2, 2); c.Add(2, 3, -1);
        c.Add(3, 1, 2); c.Add(3, 2, -1); // row 3 = row 1
        c.Add(4, 4, 1); c.Add(4, 3, 1);
        var p = c.Pattern(withDiagonal: true);
        var s = new RealSparseSolver(p);
        var ex = Assert.Throws<SingularMatrixException>(() => s.Factor(c.Values(p)));
        Assert.Contains(ex.Unknown, new[] { 1, 2, 3 });
    }

    [Fact]
    public void SingularOnRefactorIsDetected()
    {
        var c = new SparseCase<double>(3);
        c.Add(1, 1, 1); c.Add(2, 2, 1); c.Add(3, 3, 1); c.Add(1, 2, 0.5); c.Add(2, 1, 0.5);
        var p = c.Pattern();
        var s = new RealSparseSolver(p);
        s.Factor(c.Values(p));
        c.Entries[(2, 2)] = 0.25; // 2x2 block [[1,.5],[.5,.25]] is singular
        var ex = Assert.Throws<SingularMatrixException>(() => s.Factor(c.Values(p)));
        Assert.Contains(ex.Unknown, new[] { 1, 2 });
    }

    [Fact]
    public void StructurallyEmptyRowIsSingular()
    {
        var p = new SparsePattern(3);
        p.GetSlot(1, 1); p.GetSlot(1, 3); p.GetSlot(3, 3); p.GetSlot(3, 2);
        var v = new double[p.SlotCount + 1];
        for (int i = 1; i < v.Length; i++) v[i] = 1 + i;
        var ex = Assert.Throws<SingularMatrixException>(() => new RealSparseSolver(p).Factor(v));
        Assert.Equal(2, ex.Unknown);
    }

    [Fact]
    public void TrashSlotIsIgnored()
    {
        // Stamping through ground: every (0,x) and (x,0) lands in slot 0 with junk that must not matter.
        var p = new SparsePattern(3);
        var c = new SparseCase<double>(3);
        void Conductance(int a, int b, double g)
        {
            p.GetSlot(a, a); p.GetSlot(b, b); p.GetSlot(a, b); p.GetSlot(b, a);
            c.Add(a, a, g); c.Add(b, b, g); c.Add(a, b, -g); c.Add(b, a, -g);
        }
        Conductance(1, 0, 1); Conductance(1, 2, 2); Conductance(2, 3, 3); Conductance(3, 0, 4);
        Assert.Equal(0, p.GetSlot(1, 0));
        Assert.Equal(0, p.GetSlot(0, 3));
        Assert.Equal(7, p.SlotCount);
        var s = new RealSparseSolver(p);
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
        var s = new RealSparseSolver(p);
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

    [Fact]
    public void FactoryReturnsSparseSolversAndKeepsDenseOnes()
    {
        var p = new SparsePattern(2);
        p.EnsureDiagonal();
        Assert.IsType<RealSparseSolver>(LinearSolverFactory.CreateReal(p));
        Assert.IsType<ComplexSparseSolver>(LinearSolverFactory.CreateComplex(p));
        Assert.IsType<DenseRealSolver>(LinearSolverFactory.CreateDenseReal(p));
        Assert.IsType<DenseComplexSolver>(LinearSolverFactory.CreateDenseComplex(p));
    }

    [Fact]
    public void EmptySystemIsTrivial()
    {
        var s = new RealSparseSolver(new SparsePattern(0));
        s.Factor(new double[1]);
        var rhs = new[] { 5.0 };
        s.Solve(rhs);
        Assert.Equal(0, rhs[0]);
    }
}
