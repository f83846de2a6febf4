namespace Perovspice.Netlist.Syntax;

/// <summary><c>.op .dc .tran .ac .hopf</c> (values are checked after evaluation).</summary>
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
        var kindTok = c.ExpectWord("dec, oct or lin");
        AcSweepKind kind = kindTok.Text switch
        {
            "dec" => AcSweepKind.Dec,
            "oct" => AcSweepKind.Oct,
            "lin" => AcSweepKind.Lin,
            _ => throw new SyntaxError(kindTok.Position, $"expected dec, oct or lin after '.ac', found '{kindTok.Written}'"),
        };
        var n = c.ExpectValue("a number of points");
        var fstart = c.ExpectValue("a start frequency");
        var fstop = c.ExpectValue("a stop frequency");
        c.ExpectEnd("'.ac'");
        return new AcSyntax(kind, n, fstart, fstop, pos);
    }
}
