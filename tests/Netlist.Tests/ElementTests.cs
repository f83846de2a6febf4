using Xunit;

namespace Perovspice.Netlist.Tests;

public class ElementTests
{
    [Fact]
    public void Resistor()
    {
        var r = T.Read("R1 in out 1k\n").El("r1");
        Assert.Equal('r', r.Kind);
        Assert.Equal(new[] { "in", "out" }, r.Nodes.Select(n => n.Name));
        Assert.Equal(new SourcePosition("t.cir", 2, 4), r.Nodes[0].Position);
        Assert.Equal(new SourcePosition("t.cir", 2, 1), r.Position);
        var v = Assert.IsType<ValueArg>(Assert.Single(r.Arguments));
        Assert.Equal(1e3, v.Value);
        Assert.Equal(new SourcePosition("t.cir", 2, 11), v.Position);
    }

    [Fact]
    public void CapacitorWithIc()
    {
        var c = T.Read("C1 a b 1u ic=0.5\n").El("c1");
        Assert.Equal(1e-6, c.Val());
        var ic = c.Arguments.OfType<AssignArg>().Single();
        Assert.Equal(("ic", 0.5), (ic.Key, ic.Value));
        Assert.Equal(11, ic.Position.Column);
    }

    [Fact]
    public void InductorWithIc()
    {
        var l = T.Read("L1 a 0 1m ic=2m\n").El("l1");
        Assert.Equal(1e-3, l.Val());
        Assert.Equal(2e-3, l.Arguments.OfType<AssignArg>().Single().Value);
    }

    [Fact]
    public void VoltageSourceFullForm()
    {
        var v = T.Read("V1 a 0 DC 1 AC 1 0 PULSE(0 1 1m 1u 1u 5m 10m)\n").El("v1");
        var a = v.Arguments;
        Assert.Equal("dc", Assert.IsType<WordArg>(a[0]).Word);
        Assert.Equal(1, Assert.IsType<ValueArg>(a[1]).Value);
        Assert.Equal("ac", Assert.IsType<WordArg>(a[2]).Word);
        Assert.Equal(1, Assert.IsType<ValueArg>(a[3]).Value);
        Assert.Equal(0, Assert.IsType<ValueArg>(a[4]).Value);
        var f = Assert.IsType<FunctionArg>(a[5]);
        Assert.Equal("pulse", f.Name);
        Assert.Equal(new[] { 0, 1, 1e-3, 1e-6, 1e-6, 5e-3, 10e-3 }, f.Values);
        Assert.Equal(20, f.Position.Column);
    }

    [Fact]
    public void BareValueIsDc()
    {
        var v = T.Read("V1 a 0 5\n").El("v1");
        Assert.Equal("dc", Assert.IsType<WordArg>(v.Arguments[0]).Word);
        Assert.Equal(5, Assert.IsType<ValueArg>(v.Arguments[1]).Value);
    }

    [Fact]
    public void SinExpAndPwlWaveforms()
    {
        var n = T.Read("V1 a 0 SIN(0 1 1k)\nV2 b 0 EXP(0 1 1u 1u 2u 1u)\nI1 c 0 PWL(0 0 1m 1 2m 0) r=0\nV3 d 0 sin 0 1 50\n");
        Assert.Equal(new[] { 0, 1, 1e3 }, n.El("v1").Arguments.OfType<FunctionArg>().Single().Values);
        Assert.Equal("exp", n.El("v2").Arguments.OfType<FunctionArg>().Single().Name);
        var i = n.El("i1");
        Assert.Equal(6, i.Arguments.OfType<FunctionArg>().Single().Values.Count);
        Assert.Equal(("r", 0.0), (i.Arguments.OfType<AssignArg>().Single().Key, i.Arguments.OfType<AssignArg>().Single().Value));
        Assert.Equal(new[] { 0.0, 1, 50 }, n.El("v3").Arguments.OfType<FunctionArg>().Single().Values);
    }

    [Fact]
    public void PwlOddCountIsError() =>
        Assert.Equal("t.cir:2:8: error: PWL takes time-value pairs, found an odd count (3)", T.Error("V1 a 0 PWL(0 0 1)\n"));

    [Fact]
    public void PulseTooManyValues() =>
        Assert.Equal("t.cir:2:8: error: PULSE takes 2 to 8 values, found 9", T.Error("V1 a 0 PULSE(1 2 3 4 5 6 7 8 9)\n"));

    [Fact]
    public void UnclosedWaveformParenthesis() =>
        Assert.Equal("t.cir:2:17: error: expected ')' before the end of the line", T.Error("V1 a 0 PULSE(0 1\n"));

    [Fact]
    public void ControlledSources()
    {
        var n = T.Read("V1 a 0 1\nE1 o1 0 a 0 2\nG1 o2 0 a 0 1m\nVs a x 0\nF1 o3 0 Vs 3\nH1 o4 0 vs 1k\nR1 x 0 1\n");
        var e = n.El("e1");
        Assert.Equal(4, e.Nodes.Count);
        Assert.Equal(2, e.Val());
        var f = n.El("f1");
        Assert.Equal(2, f.Nodes.Count);
        Assert.Equal("vs", Assert.IsType<WordArg>(f.Arguments[0]).Word);
        Assert.Equal(3, f.Val());
        Assert.Equal(1e3, n.El("h1").Val());
    }

    [Fact]
    public void VcvsMissingNode() =>
        Assert.Equal("t.cir:2:9: error: expected a node name after 'a'", T.Error("E1 o 0 a\n"));

    [Fact]
    public void VcvsMissingGain() =>
        Assert.Equal("t.cir:2:11: error: expected a gain value after 'n'", T.Error("E1 o 0 a n\n"));

    [Fact]
    public void CccsMissingSource() =>
        Assert.Equal("t.cir:2:7: error: expected a controlling voltage source name after '0'", T.Error("F1 o 0\n"));

    [Fact]
    public void DiodeWithArea()
    {
        var n = T.Read("D1 a k dmod 2\n.model dmod D(is=1e-14 n=1.5)\nR1 a 0 1\nR2 k 0 1\n");
        var d = n.El("d1");
        Assert.Equal("dmod", Assert.IsType<WordArg>(d.Arguments[0]).Word);
        Assert.Equal(2, Assert.IsType<ValueArg>(d.Arguments[1]).Value);
    }

    [Fact]
    public void UnknownModelIsError() =>
        Assert.Equal("t.cir:2:8: error: unknown model 'nomod'", T.Error("D1 a k nomod\n"));

    /// <summary>A four-node MOSFET (three to five nodes since VDMOS) with an unknown model names the model, not the bulk
    /// node.</summary>
    [Fact]
    public void UnknownMosfetModelNamesTheModelWord()
    {
        Assert.Equal("t.cir:2:16: error: unknown model 'pch'", T.Error("M1 d g vdd vdd pch w=1u l=1u\n"));
        Assert.Equal("t.cir:2:10: error: unknown model 'vd'", T.Error("M1 d g s vd\n"));
        // models NAME.1, NAME.2 make NAME a binned family: the element names it (the binder picks the bin by l and w,
        // see ModelBinningTests), and b is its bulk node
        var n = T.Read(".model nch.1 nmos level=1\n.model nch.2 nmos level=1\nM1 d g s b nch l=1u w=1u\n");
        Assert.Equal("nch", n.El("m1").Arguments.OfType<WordArg>().Single(w => w.Role == WordArgKind.Model).Word);
        Assert.Equal(4, n.El("m1").Nodes.Count);
    }

    [Fact]
    public void MemristorWithParameters()
    {
        var n = T.Read("N1 a 0 PM k=2 ic0=1u\n.model PM PEROVSKITE level=1\n");
        var el = n.El("n1");
        Assert.Equal('n', el.Kind);
        Assert.Equal("pm", Assert.IsType<WordArg>(el.Arguments[0]).Word);
        Assert.Equal(new[] { ("k", 2.0), ("ic0", 1e-6) }, el.Arguments.OfType<AssignArg>().Select(a => (a.Key, a.Value)));
    }

    [Fact]
    public void BehaviouralSourceKeepsExpression()
    {
        var n = T.Read(".param k=2\nB1 a 0 V={k*v(a,b) + i(v1)}\nV1 b 0 1\n");
        var arg = Assert.IsType<ExpressionArg>(Assert.Single(n.El("b1").Arguments));
        Assert.Equal("v", arg.Key);
        Assert.Equal("k*v(a,b) + i(v1)", arg.OriginalText);
        Assert.Equal("((2*v(a,b))+i(v1))", arg.Text);
        Assert.Equal(new SourcePosition("t.cir", 3, 10), arg.Position);
    }

    [Fact]
    public void BehaviouralSourceUnbraced()
    {
        var arg = (ExpressionArg)T.Read("B1 a 0 I = 2 * time\n").El("b1").Arguments[0];
        Assert.Equal("i", arg.Key);
        Assert.Equal("(2*time)", arg.Text);
    }

    [Fact]
    public void BehaviouralSourceMissingExpression() =>
        Assert.Equal("t.cir:2:7: error: expected 'V={expression}' or 'I={expression}' after '0'", T.Error("B1 a 0\n"));

    [Fact]
    public void MissingNodeAfterName() =>
        Assert.Equal("t.cir:2:3: error: expected a node name after 'R1'", T.Error("R1\n"));

    [Fact]
    public void DuplicateElementAtSecond() =>
        Assert.Equal("t.cir:3:1: error: duplicate element name 'r1' (first defined at t.cir:2:1)", T.Error("R1 a 0 1\nr1 a 0 2\n"));

    [Fact]
    public void ExtraTokenIsError() =>
        Assert.Equal("t.cir:2:14: error: unexpected 'extra' in 'E1'", T.Error("E1 a 0 b 0 2 extra\n"));
}
