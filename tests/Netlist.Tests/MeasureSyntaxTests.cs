using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>.meas/.four/.tf/.pz parsing and evaluation into the flat netlist.</summary>
public class MeasureSyntaxTests
{
    [Fact]
    public void MeasuresAreParsedWithTheirPoints()
    {
        var n = T.Read("V1 a 0 1\nR1 a b 1\nR2 b 0 1\n.param lvl=0.5\n.tran 1u 1m\n" +
                       ".MEAS TRAN d1 TRIG v(a) VAL={lvl} TD=1u RISE=2 TARG v(a,b) VAL=0.9 FALL=LAST\n" +
                       ".measure tran f1 find i(v1) when v(b) = v(a) cross=3 from=1u to=2u\n" +
                       ".meas tran a1 avg v(b) from=0 to='lvl*1m'\n.meas tran p1 param='d1*lvl+f1'\n");
        Assert.Empty(n.Warnings);
        Assert.Equal(4, n.Measures.Count);
        var d1 = n.Measures[0];
        Assert.Equal(MeasureKind.TrigTarg, d1.Kind);
        Assert.Equal(0.5, d1.Trigger!.Level);
        Assert.Equal(1e-6, d1.Trigger.Delay);
        Assert.Equal(2, d1.Trigger.Count);
        Assert.Equal(MeasureEdge.Rise, d1.Trigger.Edge);
        Assert.Equal(-1, d1.Targ!.Count);
        Assert.Equal(new[] { "a", "b" }, d1.Targ.Vector!.Names);
        var f1 = n.Measures[1];
        Assert.Equal("i(v1)", f1.Target!.Text);
        Assert.Equal("v(a)", f1.Trigger!.Other!.Text);
        Assert.Equal(3, f1.Trigger.Count);
        Assert.Equal(2e-6, f1.To);
        Assert.Equal(0.5e-3, n.Measures[2].To);
        Assert.Equal(MeasureKind.Param, n.Measures[3].Kind);
        Assert.Equal(0.75, n.Measures[3].EvaluateParam(new Dictionary<string, double?> { ["d1"] = 1, ["f1"] = 0.25 }, out _));
    }

    [Fact]
    public void MeasureWithoutItsAnalysisIsSkippedWithAWarning()
    {
        var n = T.Read("R1 a 0 1\n.op\n.meas tran x max v(a)\n");
        Assert.Empty(n.Measures);
        Assert.Equal("t.cir:4:12: warning: '.meas tran x': the netlist has no '.tran'; measure skipped", Assert.Single(n.Warnings).ToString());
    }

    [Fact]
    public void RepeatedMeasureNameIsReportedTwiceWithAWarning()
    {
        // ngspice prints each .measure in file order, whatever its name (its examples reuse names freely)
        var n = T.Read("V1 a 0 1\nR1 a 0 1\n.tran 1u 1m\n.meas tran x max v(a)\n.meas tran x min v(a)\n");
        Assert.Equal(2, n.Measures.Count);
        Assert.Equal("t.cir:6:12: warning: measure 'x' is also defined at t.cir:5:12; both are reported, later references use this one",
            Assert.Single(n.Warnings).ToString());
    }

    [Fact]
    public void MeasureOfAnOperatingPointIsSkippedWithAWarning()
    {
        // ngspice 39 answers "unrecognized analysis type 'op'" for '.meas op' and runs the rest
        var n = T.Read("V1 a 0 1\nR1 a 0 1\n.op\n.meas op x find v(a) at=0\n");
        Assert.Empty(n.Measures);
        Assert.Equal("t.cir:5:1: warning: '.meas op' is not supported (ngspice 39 does not measure it either); statement on line 5 skipped",
            Assert.Single(n.Warnings).ToString());
    }

    [Fact]
    public void ParamWithoutEqualsIsSkippedWithAWarning()
    {
        // ngspice 39 reports such a measure as failed and runs the rest
        var n = T.Read("V1 a 0 1\nR1 a 0 1\n.tran 1u 1m\n.meas tran y param 1+2\n.meas tran z param = '1+2'\n");
        Assert.Equal("z", Assert.Single(n.Measures).Name);
        Assert.Equal("t.cir:5:1: warning: '.meas … param' needs '=' (param='expression'); measure on line 5 skipped",
            Assert.Single(n.Warnings).ToString());
    }

    [Fact]
    public void MeasureErrorsAreLocated()
    {
        var errors = T.Errors("V1 a 0 1\nR1 a 0 1\n.tran 1u 1m\n.meas tran x when v(a)=1 rise=0\n.meas tran x max v(q)\n" +
                              ".meas tran y avg v(a) from=2 to=1\n.meas tran z trig v(a) targ v(a) val=1\n");
        Assert.Contains("t.cir:5:31: error: the crossing count must be a whole number of at least 1 or 'last', found 0", errors);
        Assert.Contains("t.cir:6:20: error: unknown node 'q' in '.meas'", errors);
        Assert.Contains("t.cir:7:33: error: 'to=' (1) is before 'from=' (2)", errors);
        Assert.Contains("t.cir:8:14: error: 'trig' needs 'val=' (the level to cross)", errors);
    }

    [Fact]
    public void TfPzAndFourAreRead()
    {
        var n = T.Read("V1 a 0 1\nR1 a b 1\nR2 b 0 1\nC1 b 0 1\n.tran 1u 1m\n.tf v(b,a) v1\n.pz a 0 b 0 cur zer\n" +
                       ".four 1k v(b)\n.options nfreqs=5\n");
        var tf = Assert.IsType<TransferFunctionStatement>(n.Analyses[1]);
        Assert.Equal("v1", tf.Input);
        Assert.Equal(new[] { "b", "a" }, tf.Output.Names);
        var pz = Assert.IsType<PoleZeroStatement>(n.Analyses[2]);
        Assert.True(pz.CurrentInput);
        Assert.False(pz.Poles);
        Assert.True(pz.Zeros);
        var four = Assert.Single(n.Fourier);
        Assert.Equal(1e3, four.Frequency);
        Assert.Equal(5, four.Harmonics);
        Assert.Equal("tf", tf.Kind);
    }

    [Fact]
    public void TfAndPzErrorsAreLocated()
    {
        var errors = T.Errors("V1 a 0 1\nR1 a 0 1\n.tf v(a) r1\n.tf vm(a) v1\n.pz a 0 zz 0 vol pz\n.pz a a a 0 vol pz\n");
        Assert.Contains("t.cir:4:10: error: unknown independent source 'r1' in '.tf'", errors);
        Assert.Contains("t.cir:5:5: error: 'vm(...)' is only valid in '.print ac'", errors);
        Assert.Contains("t.cir:6:9: error: unknown node 'zz' in '.pz'", errors);
        Assert.Contains("t.cir:7:7: error: the input nodes of '.pz' must differ", errors);
    }
}
