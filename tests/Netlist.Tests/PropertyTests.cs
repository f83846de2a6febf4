using System.Globalization;
using CsCheck;
using Perovspice.Netlist.Expressions;
using Perovspice.Netlist.Syntax;
using Xunit;

namespace Perovspice.Netlist.Tests;

/// <summary>
/// Property tests (CsCheck) of the number parser and the expression evaluator: round trips, the suffix table, agreement
/// with an independent reference evaluation of random expression trees, and no exception but the documented ones for
/// any input text.
/// </summary>
public class PropertyTests
{
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();

    private static readonly Gen<double> Finite = Gen.Double.Where(double.IsFinite);

    [Fact]
    public void EveryFiniteDoubleRoundTrips() =>
        Finite.Sample(d =>
        {
            Assert.True(NumberGrammar.TryParseToken(R(d), out double v), R(d));
            Assert.Equal(d, v);
        });

    private static readonly (string Suffix, double Scale)[] Suffixes =
    {
        ("t", 1e12), ("g", 1e9), ("meg", 1e6), ("k", 1e3), ("m", 1e-3), ("mil", 25.4e-6), ("u", 1e-6), ("n", 1e-9),
        ("p", 1e-12), ("f", 1e-15),
    };

    [Fact]
    public void SuffixesScale() =>
        Gen.Select(Gen.Double[0, 1e6], Gen.Int[0, Suffixes.Length - 1], Gen.String["abcdefghijklmnopqrstuvwxyz"])
            .Sample((d, k, tail) =>
            {
                var (suffix, scale) = Suffixes[k];
                // letters after a suffix are units and ignored, unless they change the suffix ("m" + "eg", "m" + "il")
                if (suffix == "m" && (tail.StartsWith("eg", StringComparison.Ordinal) || tail.StartsWith("il", StringComparison.Ordinal))) return;
                string token = R(d) + suffix + tail;
                Assert.True(NumberGrammar.TryParseToken(token, out double v), token);
                Assert.True(Math.Abs(v - d * scale) <= 1e-15 * Math.Abs(d * scale), $"{token}: {v} vs {d * scale}");
            });

    [Fact]
    public void NumberParserNeverThrowsAndAgreesWithItsSubstringForm() =>
        Gen.String.Sample(s =>
        {
            string lower = s.ToLowerInvariant();
            bool whole = NumberGrammar.TryParseToken(lower, out double a);
            bool part = NumberGrammar.TryParse("xx" + lower + "yy", 2, 2 + lower.Length, out double b);
            if (whole && part) Assert.Equal(a, b);
        });

    /// <summary>A random expression: its text and its value computed here, independently of the evaluator.</summary>
    private sealed record Tree(string Text, double Value);

    private static readonly Gen<Tree> Leaf = Gen.Double[-1e6, 1e6].Select(d => new Tree(d < 0 ? $"({R(d)})" : R(d), d));

    private static readonly Gen<Tree> Trees = Gen.Recursive<Tree>((depth, self) => depth >= 5 ? Leaf :
        Gen.Int[0, 6].SelectMany(kind => kind switch
        {
            0 => Leaf,
            1 => Gen.Select(self, self, (a, b) => new Tree($"({a.Text}+{b.Text})", a.Value + b.Value)),
            2 => Gen.Select(self, self, (a, b) => new Tree($"({a.Text} - {b.Text})", a.Value - b.Value)),
            3 => Gen.Select(self, self, (a, b) => new Tree($"({a.Text}*{b.Text})", a.Value * b.Value)),
            4 => Gen.Select(self, self, (a, b) => new Tree($"({a.Text}/{b.Text})", a.Value / b.Value)),
            5 => self.Select(a => new Tree($"-{a.Text}", -a.Value)),
            _ => self.Select(a => new Tree($"abs({a.Text})", Math.Abs(a.Value))),
        }));

    private sealed class NoParameters : IParameterLookup
    {
        public bool TryGet(string name, out double value) { value = 0; return false; }
    }

    private static double Evaluate(string text)
    {
        var r = ExpressionGrammar.Whole(new LineInput(text, 0));
        Assert.True(r.WasSuccessful, $"'{text}': {r.Message}");
        return Evaluator.Evaluate(r.Value, new NoParameters());
    }

    [Fact]
    public void EvaluatorAgreesWithAReferenceEvaluation() =>
        Trees.Sample(t =>
        {
            double v = Evaluate(t.Text);
            Assert.True(v.Equals(t.Value), $"{t.Text} = {v}, expected {t.Value}");
        });

    [Fact]
    public void LeftAssociativeChainsEvaluateLeftToRight() =>
        Gen.Select(Gen.Double[1, 1e3], Gen.Double[1, 1e3], Gen.Double[1, 1e3]).Sample((a, b, c) =>
        {
            Assert.Equal(a - b - c, Evaluate($"{R(a)}-{R(b)}-{R(c)}"));
            Assert.Equal(a / b / c, Evaluate($"{R(a)}/{R(b)}/{R(c)}"));
            Assert.Equal(a + b * c, Evaluate($"{R(a)}+{R(b)}*{R(c)}"));
            // '^' is left-associative as in ngspice 39: 2^3^2 = (2^3)^2
            Assert.Equal(Math.Pow(Math.Pow(a, 1 / b), 1 / c), Evaluate($"{R(a)}^{R(1 / b)}^{R(1 / c)}"));
        });

    [Fact]
    public void AnyTextParsesOrFailsCleanly() =>
        Gen.String["0123456789.e+-*/^(){}, abkmgpnuftvi_x"].Sample(s =>
        {
            var r = ExpressionGrammar.Whole(new LineInput(s, 0));
            if (!r.WasSuccessful) return;
            try { Evaluator.Evaluate(r.Value, new NoParameters()); }
            catch (ExpressionException) { }
        });

    [Fact]
    public void AnyValueTextInANetlistIsAValueOrALocatedError() =>
        Gen.String["0123456789.e+-*/^(){} abkmgpnuf"].Sample(s =>
        {
            try
            {
                var n = NetlistReader.ReadText($"t\nR1 a 0 {{{s}}}\nV1 a 0 1\n", "p.cir");
                Assert.True(double.IsFinite(n.Elements.Single(e => e.Name == "r1").Val()));
            }
            catch (NetlistException e)
            {
                Assert.All(e.Diagnostics, d => Assert.Equal("p.cir", d.Position.File));
                Assert.DoesNotContain(e.Diagnostics, d => d.Message.Contains("internal error", StringComparison.Ordinal));
            }
        }, iter: 2000);
}
