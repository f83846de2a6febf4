using Xunit;

namespace Perovspice.Netlist.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "perovspice-inc-" + Guid.NewGuid().ToString("N"));

    public IncludeTests() => Directory.CreateDirectory(Path.Combine(_dir, "lib"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string rel, string text)
    {
        string p = Path.Combine(_dir, rel);
        File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void IncludeRelativeToIncludingFile()
    {
        Write("lib/models.inc", ".model dm d is=1e-14\n.include \"more.inc\"\n");
        Write("lib/more.inc", "R9 a 0 9\n");
        string top = Write("top.cir", "top\n.include \"lib/models.inc\"\nD1 a 0 dm\n.op\n");
        var n = NetlistReader.ReadFile(top);
        Assert.True(n.Models.ContainsKey("dm"));
        Assert.Equal(new[] { "r9", "d1" }, n.Elements.Select(e => e.Name));
        Assert.Equal(Path.Combine(_dir, "lib", "more.inc"), n.El("r9").Position.File);
        Assert.Equal(1, n.El("r9").Position.Line);
    }

    [Fact]
    public void IncludeUnquoted()
    {
        Write("a.inc", "R1 a 0 1\n");
        var n = NetlistReader.ReadFile(Write("top.cir", "t\n.INCLUDE a.inc\n"));
        Assert.Single(n.Elements);
    }

    [Fact]
    public void IncludeCycleIsError()
    {
        Write("a.inc", "R1 a 0 1\n.include \"b.inc\"\n");
        Write("b.inc", ".include \"a.inc\"\n");
        string top = Write("top.cir", "t\n.include \"a.inc\"\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(top));
        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal($"{Path.Combine(_dir, "b.inc")}:1:10: error: include cycle: '{Path.Combine(_dir, "a.inc")}' is already being read", d.ToString());
    }

    [Fact]
    public void MissingIncludeIsErrorAtIncludeLine()
    {
        string top = Write("top.cir", "t\nR1 a 0 1\n.include \"nope.inc\"\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(top));
        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(new SourcePosition(top, 3, 10), d.Position);
        Assert.StartsWith($"cannot read include file '{Path.Combine(_dir, "nope.inc")}'", d.Message);
    }

    [Fact]
    public void ErrorsInIncludedFileHaveItsPosition()
    {
        Write("bad.inc", "* comment\nR1 a\n");
        string top = Write("top.cir", "t\n.include bad.inc\n");
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(top));
        Assert.Equal($"{Path.Combine(_dir, "bad.inc")}:2:5: error: expected a node name after 'a'", ex.Diagnostics.Single().ToString());
    }

    [Fact]
    public void MissingTopFile()
    {
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadFile(Path.Combine(_dir, "none.cir")));
        Assert.StartsWith("cannot read netlist file", ex.Diagnostics.Single().Message);
    }
}
