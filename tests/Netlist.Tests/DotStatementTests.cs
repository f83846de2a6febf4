using Xunit;

namespace Perovspice.Netlist.Tests;

public class DotStatementTests
{
    private const string Rc = "V1 in 0 1\nR1 in out 1k\nC1 out 0 1u\n";   // lines 2-4

    [Fact]
    public void Op()
    {
        var a = Assert.Single(T.Read(Rc + ".op\n").Analyses);
        Assert.IsType<OpStatement>(a);
        Assert.Equal(new SourcePosition("t.cir", 5, 1), a.Position);
        Assert.Equal("op", a.Kind);
    }

    [Fact]
    public void DcSingleAndNested()
    {
        var n = T.Read(Rc + "I1 0 out 0\n.dc V1 0 2 0.5\n.dc v1 0 1 0.1 i1 0 1m 1u\n");
        var d1 = Assert.IsType<DcStatement>(n.Analyses[0]);
        Assert.Equal(new DcSweep("v1", 0, 2, 0.5, new SourcePosition("t.cir", 6, 5)), d1.Sweeps.Single());
        var d2 = Assert.IsType<DcStatement>(n.Analyses[1]);
        Assert.Equal(new[] { "v1", "i1" }, d2.Sweeps.Select(s => s.Source));
    }

    [Fact]
    public void DcZeroStep() =>
        Assert.Equal("t.cir:5:12: error: the step of '.dc' must not be zero", T.Error(Rc + ".dc V1 0 2 0\n"));

    [Fact]
    public void DcWrongSign() =>
        Assert.Equal("t.cir:5:12: error: the step of '.dc' has the wrong sign: 0 to 2 by -0.5 never ends", T.Error(Rc + ".dc V1 0 2 -0.5\n"));

    [Fact]
    public void DcUnknownSource() =>
        Assert.Equal("t.cir:5:5: error: unknown independent source or resistor 'V9' in '.dc'", T.Error(Rc + ".dc V9 0 2 1\n"));

    [Fact]
    public void DcMissingStep() =>
        Assert.Equal("t.cir:5:11: error: expected a step value after '2'", T.Error(Rc + ".dc V1 0 2\n"));

    [Fact]
    public void Tran()
    {
        var t = Assert.IsType<TranStatement>(T.Read(Rc + ".tran 10u 4m\n.tran 1u 2m 1m 5u uic\n").Analyses[0]);
        Assert.Equal((10e-6, 4e-3, 0.0, (double?)null, false), (t.Step, t.Stop, t.Start, t.MaxStep, t.Uic));
        var t2 = Assert.IsType<TranStatement>(T.Read(Rc + ".tran 1u 2m 1m 5u uic\n").Analyses[0]);
        Assert.Equal((1e-6, 2e-3, 1e-3, (double?)5e-6, true), (t2.Step, t2.Stop, t2.Start, t2.MaxStep, t2.Uic));
    }

    [Fact]
    public void TranBadValues()
    {
        Assert.Equal("t.cir:5:7: error: the time step of '.tran' must be greater than zero", T.Error(Rc + ".tran 0 1m\n"));
        Assert.Equal("t.cir:5:10: error: the stop time of '.tran' must be greater than zero", T.Error(Rc + ".tran 1u -1\n"));
        Assert.Equal("t.cir:5:9: error: expected a stop time after '1u'", T.Error(Rc + ".tran 1u\n"));
    }

    [Fact]
    public void Ac()
    {
        var a = Assert.IsType<AcStatement>(T.Read(Rc + ".ac dec 10 10 100k\n").Analyses.Single());
        Assert.Equal((AcSweepKind.Dec, 10, 10.0, 1e5), (a.Sweep, a.Points, a.Start, a.Stop));
        Assert.Equal(AcSweepKind.Oct, ((AcStatement)T.Read(Rc + ".ac oct 5 1 2\n").Analyses[0]).Sweep);
        Assert.Equal(AcSweepKind.Lin, ((AcStatement)T.Read(Rc + ".ac lin 5 1 2\n").Analyses[0]).Sweep);
    }

    [Fact]
    public void AcBadValues()
    {
        Assert.Equal("t.cir:5:9: error: the number of points of '.ac' must be a whole number of at least 1, found 0", T.Error(Rc + ".ac dec 0 10 100k\n"));
        Assert.Equal("t.cir:5:12: error: the start frequency of '.ac' must be greater than zero (zero is allowed with 'lin' only)", T.Error(Rc + ".ac dec 10 0 100k\n"));
        Assert.Equal("t.cir:5:15: error: the stop frequency of '.ac' must not be below the start frequency", T.Error(Rc + ".ac dec 10 10 1\n"));
        Assert.Equal("t.cir:5:5: error: expected dec, oct or lin after '.ac', found 'log'", T.Error(Rc + ".ac log 10 10 1\n"));
    }

    [Fact]
    public void Hopf()
    {
        var h = Assert.IsType<HopfStatement>(T.Read(Rc + ".hopf V1 0 1 0.1\n").Analyses.Single());
        Assert.Equal(("v1", 0.0, 1.0, 0.1), (h.Source, h.Start, h.Stop, h.Step));
        Assert.Equal("t.cir:5:14: error: the step of '.hopf' must not be zero", T.Error(Rc + ".hopf V1 0 1 0\n"));
    }

    [Fact]
    public void AnalysesInFileOrder()
    {
        var n = T.Read(Rc + ".tran 1u 1m\n.op\n.ac dec 1 1 10\n.dc v1 0 1 1\n");
        Assert.Equal(new[] { "tran", "op", "ac", "dc" }, n.Analyses.Select(a => a.Kind));
    }

    [Fact]
    public void Ic()
    {
        var n = T.Read(Rc + ".ic v(out)=0.5 V(in) = 1\n");
        Assert.Equal(new[] { ("out", 0.5), ("in", 1.0) }, n.InitialConditions.Select(i => (i.Node, i.Value)));
        Assert.Equal(new SourcePosition("t.cir", 5, 5), n.InitialConditions[0].Position);
        Assert.Equal("t.cir:5:5: error: expected v(node)=value in '.ic', found 'out=1'", T.Error(Rc + ".ic out=1\n"));
    }

    [Fact]
    public void Options()
    {
        var n = T.Read(Rc + ".options reltol=1e-4 abstol = 1p method=gear itl1=200 noacct\n");
        Assert.Equal(1e-4, n.Options["reltol"].value);
        Assert.Equal(1e-12, n.Options["abstol"].value);
        Assert.Equal(200, n.Options["itl1"].value);
        Assert.Equal(1, n.Options["noacct"].value);
        Assert.Equal("gear", n.TextOptions["method"].value);
        Assert.Equal(new SourcePosition("t.cir", 5, 10), n.Options["reltol"].pos);
    }

    [Fact]
    public void Print()
    {
        var n = T.Read(Rc + ".print tran v(out) V(in, out) i(V1) @R1[i]\n.print ac vm(out) vdb(out) vp(out)\n");
        var p = n.Prints[0];
        Assert.Equal("tran", p.AnalysisKind);
        Assert.Equal(new[] { "v(out)", "v(in,out)", "i(v1)", "@r1[i]" }, p.Items.Select(i => i.Text));
        Assert.Equal(new[] { "in", "out" }, p.Items[1].Names);
        Assert.Equal(PrintItemKind.Current, p.Items[2].Kind);
        Assert.Equal(("@", "r1", "i"), (p.Items[3].Function, p.Items[3].Names[0], p.Items[3].Quantity));
        Assert.Equal(new SourcePosition("t.cir", 5, 20), p.Items[1].Position);
        Assert.Equal(new[] { "vm", "vdb", "vp" }, n.Prints[1].Items.Select(i => i.Function));
    }

    [Fact]
    public void PrintErrors()
    {
        Assert.Equal("t.cir:5:13: error: 'vm(...)' is only valid in '.print ac'", T.Error(Rc + ".print tran vm(out)\n"));
        Assert.Equal("t.cir:5:15: error: unknown node 'nowhere' in '.print'", T.Error(Rc + ".print tran v(nowhere)\n"));
        Assert.Equal("t.cir:5:8: error: expected op, dc, tran, ac, noise or hopf after '.print', found 'foo'", T.Error(Rc + ".print foo v(out)\n"));
    }

    [Fact]
    public void PrintOfAnUnsupportedAnalysisAndTheUnsupportedAnalysesAreSkippedWithAWarning()
    {
        // ngspice's own tests write '.print pz all'; '.sens' and '.disto' are analyses perovspice lacks
        var n = T.Read(Rc + ".print pz all\n.sens v(out)\n.disto dec 10 1 1k\n");
        Assert.Equal(new[]
        {
            "t.cir:5:1: warning: '.print pz' is not supported; statement on line 5 skipped",
            "t.cir:6:1: warning: '.sens' analysis is not supported; statement on line 6 skipped",
            "t.cir:7:1: warning: '.disto' analysis is not supported; statement on line 7 skipped",
        }, n.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void TitleStatementReplacesTheTitleAndNodesetIsRead()
    {
        var n = T.Read(Rc + ".title  An RC low-pass  \n.nodeset v(out)=0.5\n");
        Assert.Equal("An RC low-pass", n.Title);
        Assert.Empty(n.Warnings);
        var set = Assert.Single(n.InitialConditions);
        Assert.True(set.NodeSet);
        Assert.Equal(("out", 0.5), (set.Node, set.Value));
    }

    [Fact]
    public void SineIsReadAsSin()
    {
        var a = T.Read("V1 1 0 SINE(0 16.97 50)\nR1 1 0 1\n").El("v1").Arguments.OfType<FunctionArg>().Single();
        var b = T.Read("V1 1 0 SIN(0 16.97 50)\nR1 1 0 1\n").El("v1").Arguments.OfType<FunctionArg>().Single();
        Assert.Equal(b.Name, a.Name);
        Assert.Equal(b.Values, a.Values);
    }

    [Fact]
    public void AcLinMayStartAtZeroHertz()
    {
        var n = T.Read(Rc + ".ac lin 3 0 2k\n");
        Assert.Empty(n.Warnings);
        Assert.Equal("t.cir:5:11: error: the start frequency of '.ac' must not be negative", T.Error(Rc + ".ac lin 3 -1 2k\n"));
    }

    [Fact]
    public void DistortionInputsOnASourceAreReadAndDropped()
    {
        var a = T.Read("V1 1 0 DC 0 AC 1 SIN 0 1 1K 0 0 DISTOF1 0 DISTOF2 0\nR1 1 0 1\n");
        var b = T.Read("V1 1 0 DC 0 AC 1 SIN 0 1 1K 0 0\nR1 1 0 1\n");
        Assert.Equal(b.El("v1").Arguments.Count, a.El("v1").Arguments.Count);
        Assert.Equal("t.cir:2:26: error: unexpected 'foo' in source 'V1'", T.Error("V1 1 0 dc 1 distof1 1 90 foo\n"));
    }

    [Fact]
    public void ModelWithAndWithoutParentheses()
    {
        var n = T.Read(".model d1 D(is=1e-14 n=1.5)\n.model PM perovskite level=1 cm=0.1\n.model d2 d ( is=2e-14, rs=1 )\n");
        var d1 = n.Models["d1"];
        Assert.Equal("d", d1.Type);
        Assert.Equal(1e-14, d1.Parameters["is"].value);
        Assert.Equal(new SourcePosition("t.cir", 2, 22), d1.Parameters["n"].pos);
        Assert.Equal("perovskite", n.Models["pm"].Type);
        Assert.Equal(1, n.Models["pm"].Parameters["level"].value);
        Assert.Equal(1, n.Models["d2"].Parameters["rs"].value);
        Assert.Equal("t.cir:2:13: error: expected name=value in '.model d3', found 'bogus'", T.Error(".model d3 d bogus\n"));
    }

    [Fact]
    public void StepRangeAndList()
    {
        var n = T.Read(".param r=1k\nR1 a 0 {r}\nV1 a 0 1\n.step param r 1k 3k 1k\n");
        Assert.Equal(new[] { 1e3, 2e3, 3e3 }, n.Step!.Values);
        Assert.Equal(1e3, n.El("r1").Val());
        Assert.Equal(3e3, n.WithParameter("r", 3e3).El("r1").Val());
        var l = T.Read("R1 a 0 {r}\nV1 a 0 1\n.step param r list 5 7\n");
        Assert.Equal(new[] { 5.0, 7 }, l.Step!.Values);
        Assert.Equal(5, l.El("r1").Val());
        Assert.Equal("t.cir:2:21: error: the step of '.step' must not be zero", T.Error(".step param r 1k 3k 0\n"));
    }

    [Fact]
    public void StepParameterMustBeGlobalOrUsed()
    {
        const string unknown = "error: unknown parameter 'q' in '.step': no global .param defines it and no expression uses it";
        Assert.Equal("t.cir:5:13: " + unknown, T.Error(".param r=1k\nR1 a 0 {r}\nV1 a 0 1\n.step param q list 1 2\n"));
        // declared but unused: fine (a global .param); undeclared but used in an analysis: fine
        Assert.Equal(new[] { 1.0, 2 }, T.Read(".param q=0\nR1 a 0 1\nV1 a 0 1\n.step param q list 1 2\n").Step!.Values);
        Assert.Equal(2e-3, ((TranStatement)T.Read("R1 a 0 1\nV1 a 0 1\n.tran 1u {t}\n.step param t list 1m 2m\n")
            .WithParameter("t", 2e-3).Analyses[0]).Stop);
    }

    [Fact]
    public void AnalysisInsideSubcktIsError() =>
        Assert.Equal("t.cir:3:1: error: this statement is not allowed inside a subcircuit ('.subckt s')",
            T.Error(".subckt s a\n.op\nR1 a 0 1\n.ends\n"));
}
