using System.Text;

namespace Perovspice.Cli.Tests;

/// <summary>
/// Seeded mutations of netlists for the fuzz tests: token swaps, extreme numbers, deleted and duplicated lines,
/// unbalanced braces and parentheses, huge and deeply nested constructs, binary bytes. The same seed gives the same
/// netlist, so a failing case replays from the seed printed by the test.
/// </summary>
internal static class NetlistMutator
{
    private static readonly string[] Extremes =
    {
        "0", "-0", "1e308", "-1e308", "1e-308", "4.9e-324", "1e30", "1e-30", "1e309", "9999999999", "2147483648",
        "-2147483649", "1e9", "1e-15", "-1", "nan", "inf", "1meg", "1f", "1e999", "0.0000001", "1t", "-1e-300",
    };

    private static readonly string[] Fragments =
    {
        "{", "}", "(", ")", "{{", "))", "'", "\"", "=", ",", "+", "*", ";", "$", "\\", "..", ".end", ".ends", ".subckt x a",
        ".param", ".include", ".step param p 1 10 1", ".tran 1m 1e30", ".dc v1 0 1e10 1", ".ac dec 1e9 1 1e9", ".op",
        "x1 a b sub", "{p*p}", "v(a)", "i(v1)", "pulse(0 1 0 1n 1n 1n 2n)", "pwl(0 0 1n 1 r=0)", "sin(0 1 1g)",
        ".func f(x)={f(x)+1}", ".func g(x,y)={x*y}", "{g(1,2)}", ".if (p>1)", ".elseif (1)", ".else", ".endif", ".lib fuzz.cir x",
        ".lib x", ".endl", ".control", ".endc", ".global a", ".temp 1e9", ".options reltol=0", ".ic v(a)=1e30", "@n1[f]",
        "q1 a b 0 qmod", ".model qmod npn(bf=1e30)", "m1 a b 0 0 nmos", "e1 a 0 a 0 1e30", "b1 a 0 i=1/v(a)",
    };

    /// <summary>The netlist <paramref name="seed"/> makes from one of <paramref name="corpus"/>.</summary>
    public static byte[] Mutate(IReadOnlyList<string> corpus, int seed)
    {
        var rnd = new Random(seed);
        var lines = corpus[rnd.Next(corpus.Count)].Replace("\r", "").Split('\n').ToList();
        int rounds = 1 + rnd.Next(4);
        byte[]? binary = null;
        for (int r = 0; r < rounds; r++)
        {
            switch (rnd.Next(12))
            {
                case 0: SwapTokens(lines, rnd); break;
                case 1: case 2: ReplaceNumber(lines, rnd); break;
                case 3: if (lines.Count > 1) lines.RemoveAt(1 + rnd.Next(lines.Count - 1)); break;
                case 4: DuplicateLine(lines, rnd); break;
                case 5: InsertFragment(lines, rnd); break;
                case 6: Huge(lines, rnd); break;
                case 7: Nested(lines, rnd); break;
                case 8: binary = BinaryBytes(string.Join('\n', lines), rnd); break;
                case 9: SwapLines(lines, rnd); break;
                case 10: DeleteCharacters(lines, rnd); break;
                default: ReplaceNumber(lines, rnd); SwapTokens(lines, rnd); break;
            }
        }
        return binary ?? Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static int Pick(List<string> lines, Random rnd) => lines.Count == 0 ? -1 : rnd.Next(lines.Count);

    private static void SwapTokens(List<string> lines, Random rnd)
    {
        int a = Pick(lines, rnd), b = Pick(lines, rnd);
        if (a < 0) return;
        var ta = lines[a].Split(' ');
        var tb = lines[b].Split(' ');
        int i = rnd.Next(ta.Length), j = rnd.Next(tb.Length);
        if (a == b) { (ta[i], ta[j]) = (ta[j], ta[i]); lines[a] = string.Join(' ', ta); return; }
        (ta[i], tb[j]) = (tb[j], ta[i]);
        lines[a] = string.Join(' ', ta);
        lines[b] = string.Join(' ', tb);
    }

    private static void ReplaceNumber(List<string> lines, Random rnd)
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            int a = Pick(lines, rnd);
            if (a < 0) return;
            var t = lines[a].Split(' ');
            var numeric = Enumerable.Range(0, t.Length).Where(k => t[k].Length > 0 && (char.IsDigit(t[k][0]) || t[k][0] == '.' && t[k].Length > 1 && char.IsDigit(t[k][1]))).ToList();
            if (numeric.Count == 0) continue;
            t[numeric[rnd.Next(numeric.Count)]] = Extremes[rnd.Next(Extremes.Length)];
            lines[a] = string.Join(' ', t);
            return;
        }
    }

    private static void DuplicateLine(List<string> lines, Random rnd)
    {
        int a = Pick(lines, rnd);
        if (a < 0) return;
        int times = rnd.Next(3) == 0 ? rnd.Next(2, 2000) : 1;
        lines.InsertRange(a, Enumerable.Repeat(lines[a], times));
    }

    private static void SwapLines(List<string> lines, Random rnd)
    {
        int a = Pick(lines, rnd), b = Pick(lines, rnd);
        if (a > 0 && b > 0) (lines[a], lines[b]) = (lines[b], lines[a]);
    }

    private static void DeleteCharacters(List<string> lines, Random rnd)
    {
        int a = Pick(lines, rnd);
        if (a < 0 || lines[a].Length == 0) return;
        int at = rnd.Next(lines[a].Length);
        lines[a] = lines[a].Remove(at, Math.Min(lines[a].Length - at, 1 + rnd.Next(5)));
    }

    private static void InsertFragment(List<string> lines, Random rnd)
    {
        int a = Pick(lines, rnd);
        if (a < 0) return;
        string f = Fragments[rnd.Next(Fragments.Length)];
        if (rnd.Next(2) == 0) { lines.Insert(a, f); return; }
        int at = rnd.Next(lines[a].Length + 1);
        lines[a] = lines[a].Insert(at, f);
    }

    private static void Huge(List<string> lines, Random rnd)
    {
        int a = Math.Max(1, Pick(lines, rnd));
        switch (rnd.Next(5))
        {
            case 0: lines.Insert(Math.Min(a, lines.Count), "R9 a 0 " + new string('9', rnd.Next(10, 100_000))); break;
            case 1:
            {
                var sb = new StringBuilder(".param q0=1\n");
                int n = rnd.Next(10, 5000);
                for (int k = n; k >= 1; k--) sb.Append($".param q{k}={{q{k - 1}+1}}\n");
                lines.Insert(Math.Min(a, lines.Count), sb.ToString());
                break;
            }
            case 2: lines.Insert(Math.Min(a, lines.Count), ".print tran " + string.Join(' ', Enumerable.Repeat("v(a)", rnd.Next(1, 3000)))); break;
            case 3: lines.Insert(Math.Min(a, lines.Count), string.Concat(Enumerable.Repeat("+ 1\n", rnd.Next(1, 3000)))); break;
            default: lines.Insert(Math.Min(a, lines.Count), "R8 a 0 {" + string.Join('+', Enumerable.Repeat("1", rnd.Next(1, 20000))) + "}"); break;
        }
    }

    private static void Nested(List<string> lines, Random rnd)
    {
        int a = Math.Max(1, Pick(lines, rnd));
        int depth = rnd.Next(2) == 0 ? rnd.Next(2, 200) : rnd.Next(200, 20000);
        switch (rnd.Next(3))
        {
            case 0: lines.Insert(Math.Min(a, lines.Count), "R7 a 0 {" + new string('(', depth) + "1" + new string(')', depth) + "}"); break;
            case 1:
            {
                // a hierarchy: each level instantiates the one below several times
                int width = rnd.Next(1, 12), levels = Math.Min(depth, 40);
                var sb = new StringBuilder(".subckt h0 n\nR1 n 0 1k\n.ends\n");
                for (int k = 1; k <= levels; k++)
                {
                    sb.Append($".subckt h{k} n\n");
                    for (int j = 0; j < width; j++) sb.Append($"X{j} n h{k - 1}\n");
                    sb.Append(".ends\n");
                }
                sb.Append($"XH a h{levels}");
                lines.Insert(Math.Min(a, lines.Count), sb.ToString());
                break;
            }
            default: lines.Insert(Math.Min(a, lines.Count), "B9 a 0 v=" + string.Concat(Enumerable.Repeat("sin(", depth)) + "v(a)" + new string(')', depth)); break;
        }
    }

    private static byte[] BinaryBytes(string text, Random rnd)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        int n = 1 + rnd.Next(20);
        for (int k = 0; k < n; k++)
        {
            var junk = new byte[1 + rnd.Next(8)];
            rnd.NextBytes(junk);
            bytes.InsertRange(rnd.Next(bytes.Count + 1), junk);
        }
        return bytes.ToArray();
    }
}
