namespace Perovspice.Netlist.Syntax;

/// <summary><c>.op .dc .tran .ac .hopf .noise</c> (values are checked after evaluation).</summary>
internal static class AnalysisParsers
{
    public static OpSyntax Op(LineCursor c, SourcePosition pos)
    {
        c.ExpectEnd("'.op'");
        return new OpSyntax(pos);
    }

    private static SweepSyntax Sweep(LineCursor c) =>
        new(c.ExpectWord("a source name"), c.ExpectValue("a start value"), c.ExpectValue("a stop value"),
            c.ExpectValue("a step value"));

    public static DcSyntax Dc(LineCursor c, SourcePosition pos)
    {
        var sweeps = new List<SweepSyntax> { Sweep(c) };
        if (!c.AtEnd) sweeps.Add(Sweep(c));
        c.ExpectEnd("'.dc' (at most two sweeps)");
        return new DcSyntax(sweeps, pos);
    }

    public static HopfSyntax Hopf(LineCursor c, SourcePosition pos)
    {
        var sweep = Sweep(c);
        c.ExpectEnd("'.hopf'");
        return new HopfSyntax(sweep, pos);
    }

    public static TranSyntax Tran(LineCursor c, SourcePosition pos)
    {
        var step = c.ExpectValue("a time step");
        var stop = c.ExpectValue("a stop time");
        ValueSyntax? start = null, max = null;
        bool uic = false;
        if (c.NextIsValue) start = c.ExpectValue();
        if (c.NextIsValue) max = c.ExpectValue();
        if (c.Peek is WordToken { Text: "uic" })
        {
            c.Next();
            uic = true;
        }
        c.ExpectEnd("'.tran'");
        return new TranSyntax(step, stop, start, max, uic, pos);
    }

    public static AcSyntax Ac(LineCursor c, SourcePosition pos)
    {
        var kind = SweepKind(c, ".ac");
        var n = c.ExpectValue("a number of points");
        var fstart = c.ExpectValue("a start frequency");
        var fstop = c.ExpectValue("a stop frequency");
        c.ExpectEnd("'.ac'");
        return new AcSyntax(kind, n, fstart, fstop, pos);
    }

    private static AcSweepKind SweepKind(LineCursor c, string statement)
    {
        var kindTok = c.ExpectWord("dec, oct or lin");
        return kindTok.Text switch
        {
            "dec" => AcSweepKind.Dec,
            "oct" => AcSweepKind.Oct,
            "lin" => AcSweepKind.Lin,
            _ => throw new SyntaxError(kindTok.Position, $"expected dec, oct or lin after '{statement}', found '{kindTok.Written}'"),
        };
    }

    /// <summary><c>.noise v(out[,ref]) src dec|oct|lin n fstart fstop [pts_per_summary]</c> (ngspice 39).</summary>
    public static NoiseSyntax Noise(LineCursor c, SourcePosition pos)
    {
        const string expected = "the output v(out) or v(out,ref)";
        if (c.AtEnd) throw c.Error(null, $"expected {expected} after '.noise'");
        var t = c.Next();
        if (t is not CallToken { Name: "v" }) throw c.Error(t, $"expected {expected} after '.noise', found '{LineCursor.Shorten(c.Written(t))}'");
        var output = ControlParsers.Item(c, "noise", t);
        var source = c.ExpectWord("an input source name");
        var kind = SweepKind(c, ".noise");
        var n = c.ExpectValue("a number of points");
        var fstart = c.ExpectValue("a start frequency");
        var fstop = c.ExpectValue("a stop frequency");
        ValueSyntax? summary = c.AtEnd ? null : c.ExpectValue("the points per summary");
        c.ExpectEnd("'.noise'");
        return new NoiseSyntax(output, source, kind, n, fstart, fstop, summary, pos);
    }
}
