using Perovspice.Netlist;
using Xunit;

namespace Perovspice.Netlist.Tests;

internal static class T
{
    public const string File = "t.cir";

    /// <summary>Reads a netlist given without the title line (one is added: statements start on line 2).</summary>
    public static FlatNetlist Read(string body) => NetlistReader.ReadText("title\n" + body, File);

    /// <summary>All diagnostics (as printed) of a netlist that must fail.</summary>
    public static List<string> Errors(string body)
    {
        var ex = Assert.Throws<NetlistException>(() => NetlistReader.ReadText("title\n" + body, File));
        return ex.Diagnostics.Where(d => !d.IsWarning).Select(d => d.ToString()).ToList();
    }

    /// <summary>The single error of a netlist that must fail.</summary>
    public static string Error(string body)
    {
        var errors = Errors(body);
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", errors));
        return errors[0];
    }

    public static FlatElement El(this FlatNetlist n, string name) => n.Elements.Single(e => e.Name == name);

    public static double Val(this FlatElement e, int index = 0) => e.Arguments.OfType<ValueArg>().ElementAt(index).Value;

    public static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
