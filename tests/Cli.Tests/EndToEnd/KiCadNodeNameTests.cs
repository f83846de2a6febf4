using Xunit;

namespace Perovspice.Cli.Tests.EndToEnd;

/// <summary>
/// KiCad 5 exports node names such as <c>Net-(R1-Pad2)</c>. ngspice 39 reads them on R, C, V and X lines (References/ngspice_forms/kicad;
/// the netlist below with a plain subcircuit port name and without E1, D1 and the .print gives 1/3 V and −1/3 mA
/// there; it keeps them as "net-(r1-pad2", and fails on them in a D or E line, a .subckt port or a .print).
/// perovspice takes them wherever a node goes: element nodes, subcircuit ports and instance nodes, controlling
/// nodes, <c>.print</c>, <c>.ic</c> and <c>.nodeset</c>.
/// </summary>
public class KiCadNodeNameTests
{
    private static string Ref(string file) => Path.Combine(Repo.Root, "tests", "Cli.Tests", "References", "ngspice_forms", file);

    private const string Netlist = """
        KiCad 5 node names
        .subckt amp Net-(P1) out
        R1 Net-(P1) out 2k
        .ends amp
        V1 Net-(V1-Pad1) 0 DC 1
        XU1 Net-(V1-Pad1) Net-(R1-Pad2) amp
        R1 Net-(R1-Pad2) 0 1k
        E1 Net-(E1-Pad1) 0 Net-(R1-Pad2) 0 2
        R2 Net-(E1-Pad1) 0 1k
        D1 Net-(E1-Pad1) Net-(D1-Pad2) dmod
        R3 Net-(D1-Pad2) 0 1meg
        C1 Net-(R1-Pad2) 0 1n
        .model dmod d is=1e-14
        .op
        .print op v(Net-(R1-Pad2)) v(Net-(E1-Pad1),Net-(R1-Pad2)) i(V1)
        .end
        """;

    [Fact]
    public void ParenthesizedNodeNamesAreOneNode()
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "kicad.cir");
        File.WriteAllText(path, Netlist);
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
        // a column named v(a,b) is quoted in the CSV
        var lines = File.ReadAllLines(Path.Combine(dir, "op.csv"));
        Assert.Equal("v(net-(r1-pad2)),\"v(net-(e1-pad1),net-(r1-pad2))\",i(v1)", lines[0]);
        var values = lines[1].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var op = new Dictionary<string, double[]>
        {
            ["v(net-(r1-pad2))"] = new[] { values[0] },
            ["v(net-(e1-pad1),net-(r1-pad2))"] = new[] { values[1] },
            ["i(v1)"] = new[] { values[2] },
        };
        // 1 V over 2 kΩ + 1 kΩ: 1/3 V at Net-(R1-Pad2); E doubles it (the diode's branch takes ≤ 1 µA of R2's 0.67 mA)
        Assert.Equal(1.0 / 3, op["v(net-(r1-pad2))"][0], 1e-12);
        Assert.Equal(1.0 / 3, op["v(net-(e1-pad1),net-(r1-pad2))"][0], 1e-9);
        Assert.Equal(-1.0 / 3000, op["i(v1)"][0], 1e-15);
        Assert.Equal(Repo.ReadNgspice(Ref("kicad.ngspice.txt"))["v1#branch"][0], op["i(v1)"][0], 1e-15);   // ngspice 39
    }

    [Theory]
    [InlineData(".ic v(Net-(R1-Pad2))=0.2\n.tran 1u 2u uic\n.print tran v(Net-(R1-Pad2))")]
    [InlineData(".nodeset v(Net-(R1-Pad2))=0.2")]
    public void InitialConditionsTakeThem(string lines)
    {
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "kicad.cir");
        File.WriteAllText(path, Netlist.Replace(".op\n", lines + "\n.op\n"));
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.True(code == 0, errors);
    }

    [Fact]
    public void CallsThatAreNotNodeNamesStayErrors()
    {
        // max(1k,2k) in a node position is not a node name (a comma inside); sin(0 1 1k) has blanks
        string dir = Repo.TempDir();
        string path = Path.Combine(dir, "bad.cir");
        File.WriteAllText(path, "bad\nR1 max(1k,2k) 0 1k\n.op\n.end\n");
        var (code, errors) = Repo.Run("run", path, "-o", dir, "--quiet");
        Assert.Equal(1, code);
        Assert.Contains("bad.cir:2:4: error: expected a node name after 'R1'", errors);
    }
}
