using Xunit;

namespace Perovspice.Netlist.Tests;

public class SubcktTests
{
    private const string TwoLevel =
        ".subckt inner a b params: r=1k\n" +   // line 2
        "R1 a mid {r}\n" +                      // 3
        "R2 mid b {2*r}\n" +                    // 4
        ".ends inner\n" +                       // 5
        ".subckt outer p q params: k=1\n" +    // 6
        "X2 p n inner r={k*10}\n" +             // 7
        "R3 n q 5\n" +                          // 8
        "Vsense q 0 0\n" +                      // 9
        "F1 p 0 vsense 2\n" +                   // 10
        ".ends\n" +                             // 11
        "V1 in 0 1\n" +                         // 12
        "X1 in gnd outer k=3\n" +               // 13
        "X3 in 0 inner\n";                      // 14

    [Fact]
    public void TwoLevelFlatteningNamesAndParameters()
    {
        var n = T.Read(TwoLevel);
        Assert.Equal(new[] { "v1", "x1.x2.r1", "x1.x2.r2", "x1.r3", "x1.vsense", "x1.f1", "x3.r1", "x3.r2" },
            n.Elements.Select(e => e.Name));
        var r1 = n.El("x1.x2.r1");
        Assert.Equal(new[] { "in", "x1.x2.mid" }, r1.Nodes.Select(x => x.Name));
        Assert.Equal(30, r1.Val());                       // r = k*10 with k = 3 (instance override)
        Assert.Equal(60, n.El("x1.x2.r2").Val());
        Assert.Equal(new[] { "x1.x2.mid", "x1.n" }, n.El("x1.x2.r2").Nodes.Select(x => x.Name));
        Assert.Equal(new[] { "x1.n", "0" }, n.El("x1.r3").Nodes.Select(x => x.Name));
        Assert.Equal("x1.vsense", ((WordArg)n.El("x1.f1").Arguments[0]).Word);
        Assert.Equal(1000, n.El("x3.r1").Val());          // default
        Assert.Equal(new SourcePosition("t.cir", 3, 1), r1.Position);
        Assert.Equal(new SourcePosition("t.cir", 3, 6), r1.Nodes[1].Position);
    }

    [Fact]
    public void GlobalsVisibleInsideAndLocalsShadow()
    {
        var n = T.Read(".param g=7 r=1\n.subckt s a params: r=2\nR1 a 0 {g*r}\n.ends\nX1 n s\nV1 n 0 1\n");
        Assert.Equal(14, n.El("x1.r1").Val());
    }

    [Fact]
    public void LocalParamInsideSubckt()
    {
        var n = T.Read(".subckt s a params: w=2\n.param h={w*3}\nR1 a 0 {h}\n.ends\nX1 n s w=5\nV1 n 0 1\n");
        Assert.Equal(15, n.El("x1.r1").Val());
    }

    [Fact]
    public void LocalModelsAreInstantiatedPerInstance()
    {
        var n = T.Read(".subckt s a params: isat=1e-14\n.model dm d is={isat}\nD1 a 0 dm\n.ends\n.model dm d is=5\nX1 n s isat=2e-14\nX2 n s\nD9 n 0 dm\nV1 n 0 1\n");
        Assert.Equal("x1.dm", ((WordArg)n.El("x1.d1").Arguments[0]).Word);
        Assert.Equal(2e-14, n.Models["x1.dm"].Parameters["is"].value);
        Assert.Equal(1e-14, n.Models["x2.dm"].Parameters["is"].value);
        Assert.Equal("dm", ((WordArg)n.El("d9").Arguments[0]).Word);
        Assert.Equal(5, n.Models["dm"].Parameters["is"].value);
    }

    [Fact]
    public void NestedDefinitionIsLocal()
    {
        var n = T.Read(".subckt outer a\n.subckt leaf x\nR1 x 0 1\n.ends leaf\nXl a leaf\n.ends outer\nX1 n outer\nV1 n 0 1\n");
        Assert.Equal(new[] { "x1.xl.r1", "v1" }, n.Elements.Select(e => e.Name));
        Assert.Equal("t.cir:8:6: error: unknown subcircuit 'leaf'",
            T.Error(".subckt outer a\n.subckt leaf x\nR1 x 0 1\n.ends leaf\n.ends outer\nV1 n 0 1\nX1 n leaf\n"));
    }

    [Fact]
    public void UnknownSubckt() =>
        Assert.Equal("t.cir:2:8: error: unknown subcircuit 'nosuch'", T.Error("X1 a b nosuch\n"));

    [Fact]
    public void WrongPortCount() =>
        Assert.Equal("t.cir:5:6: error: subcircuit 's' has 2 ports, but 'X1' connects 1 node",
            T.Error(".subckt s a b\nR1 a b 1\n.ends\nX1 n s\n"));

    [Fact]
    public void UnknownInstanceParameter() =>
        Assert.Equal("t.cir:5:8: error: subcircuit 's' has no parameter 'zz'",
            T.Error(".subckt s a\nR1 a 0 1\n.ends\nX1 n s zz=1\n"));

    [Fact]
    public void RecursiveInstantiation() =>
        Assert.Equal("t.cir:3:6: error: recursive instantiation of subcircuit 'a'",
            T.Error(".subckt a p\nXa p a\n.ends\nX1 n a\n"));

    [Fact]
    public void MutualRecursion()
    {
        var errors = T.Errors(".subckt a p\nXb p b\n.ends\n.subckt b p\nXa p a\n.ends\nX1 n a\n");
        Assert.Equal(new[] { "t.cir:6:6: error: recursive instantiation of subcircuit 'a'" }, errors);
    }

    [Fact]
    public void EndsWithoutSubckt() =>
        Assert.Equal("t.cir:2:1: error: '.ends' without a matching '.subckt'", T.Error(".ends\n"));

    [Fact]
    public void MissingEnds() =>
        Assert.Equal("t.cir:2:1: error: missing '.ends' for '.subckt s'", T.Error(".subckt s a\nR1 a 0 1\n"));

    [Fact]
    public void EndsNameMismatch() =>
        Assert.Equal("t.cir:4:7: error: '.ends t' does not match '.subckt s'", T.Error(".subckt s a\nR1 a 0 1\n.ends t\n"));

    [Fact]
    public void DuplicateInsideSubcktReportedOnce() =>
        Assert.Equal(new[] { "t.cir:4:1: error: duplicate element name 'R1' (first defined at t.cir:3:1)" },
            T.Errors(".subckt s a\nR1 a 0 1\nR1 a 0 2\n.ends\nX1 n s\nX2 n s\n"));

    [Fact]
    public void ErrorInsideSubcktReportedOnceForManyInstances() =>
        Assert.Equal(new[] { "t.cir:3:11: error: unknown parameter 'q'" },
            T.Errors(".subckt s a\nR1 a 0 {2*q}\n.ends\nX1 n s\nX2 n s\nX3 n s\n"));

    [Fact]
    public void BehaviouralSourceInsideSubcktIsFlattened()
    {
        var n = T.Read(".subckt s a params: g=3\nVs a m 0\nB1 m 0 I={g*v(a,m)+i(vs)}\n.ends\nX1 n s\nV1 n 0 1\n");
        Assert.Equal("((3*v(n,x1.m))+i(x1.vs))", ((ExpressionArg)n.El("x1.b1").Arguments[0]).Text);
    }

    [Fact]
    public void PrintOfInternalNodeUsesHierarchicalName()
    {
        var n = T.Read(".subckt s a\nR1 a mid 1\nR2 mid 0 1\n.ends\nX1 n s\nV1 n 0 1\n.print op v(x1.mid) i(v1) @x1.r1[i]\n");
        Assert.Equal(new[] { "x1.mid" }, n.Prints[0].Items[0].Names);
        Assert.Equal(new[] { "x1.r1" }, n.Prints[0].Items[2].Names);
    }

    [Fact]
    public void IcInsideSubcktIsFlattened()
    {
        var n = T.Read(".subckt s a\nC1 a mid 1u\nR1 mid 0 1\n.ic v(mid)=0.3\n.ends\nX1 n s\nV1 n 0 1\n");
        Assert.Equal(("x1.mid", 0.3), (n.InitialConditions[0].Node, n.InitialConditions[0].Value));
    }
}
