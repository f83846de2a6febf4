using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// Controlled sources. Linear: <c>E/G n+ n- nc+ nc- gain</c>, <c>F/H n+ n- vsource gain</c>. Nonlinear forms, each
/// turned into the expression of a behavioural source: <c>VALUE={expr}</c> (also <c>vol=</c> on E, <c>cur=</c>
/// on G), <c>POLY(n)</c> with n controlling node pairs (E/G) or voltage sources (F/H) and the SPICE polynomial
/// coefficients p0, p1 … (terms ordered by degree, then by nondecreasing variable indices; a single coefficient
/// is p0, as in ngspice 39), and <c>TABLE {expr} = (x1,y1) (x2,y2) …</c> (linear interpolation, constant beyond
/// the ends, corners rounded as ngspice 39 does: see <see cref="SmoothTable"/>).
/// </summary>
internal static class ControlledParser
{
    /// <summary>E or G (<paramref name="letter"/>): linear, VALUE/vol/cur, POLY or TABLE.</summary>
    public static ElementStatement VoltageControlled(LineCursor c, NameSyntax name, char letter)
    {
        var nodes = new List<NameSyntax> { c.ExpectNode(), c.ExpectNode() };
        string key = letter == 'e' ? "v" : "i";
        if (!c.AtEnd)
        {
            switch (c.Peek)
            {
                case AssignToken { Key: WordToken { Text: "value" or "vol" or "cur" } } a:
                    c.Next();
                    return Expression(c, name, letter, nodes, key, a);
                case CallToken { Name: "poly" } or WordToken { Text: "poly" }:
                    return Poly(c, name, letter, nodes, key, currentControlled: false);
                case WordToken { Text: "table" }:
                    return Table(c, name, letter, nodes, key);
            }
        }
        nodes.Add(c.ExpectNode());
        nodes.Add(c.ExpectNode());
        var args = new List<ArgSyntax> { new ValueArgSyntax(c.ExpectValue("a gain value")) };
        c.ExpectEnd($"'{name.Written}'");
        return new ElementStatement(name, letter, nodes, args, null, name.Position);
    }

    /// <summary>F or H with <c>POLY(n)</c>; null when the line is the linear form (read by the caller).</summary>
    public static ElementStatement? CurrentControlledPoly(LineCursor c, NameSyntax name, char letter, List<NameSyntax> nodes)
    {
        if (c.AtEnd || c.Peek is not (CallToken { Name: "poly" } or WordToken { Text: "poly" })) return null;
        return Poly(c, name, letter, nodes, letter == 'h' ? "v" : "i", currentControlled: true);
    }

    private static ElementStatement Expression(LineCursor c, NameSyntax name, char letter, List<NameSyntax> nodes, string key,
        AssignToken a)
    {
        var line = c.Line;
        if (a.Value is ExprToken e)
        {
            c.ExpectEnd($"'{name.Written}'");
            string text = line.Lower.Substring(e.Offset + 1, e.End - e.Offset - 2).Trim();
            return new ElementStatement(name, letter, nodes,
                new List<ArgSyntax> { new ExpressionArgSyntax(key, e.Expression, text, line, 0, line.At(e.Offset)) },
                null, name.Position);
        }
        int start = a.Value.Offset, end = line.Lower.Length;
        var expr = TokenGrammar.ParseExpression(line.Lower, start, end, out string? err, out int errOffset);
        if (expr is null) throw new SyntaxError(line.At(errOffset), err!);
        while (!c.AtEnd) c.Next();
        return new ElementStatement(name, letter, nodes,
            new List<ArgSyntax> { new ExpressionArgSyntax(key, expr, line.Lower[start..end].Trim(), line, start, line.At(start)) },
            null, name.Position);
    }

    /// <summary>Most POLY coefficients accepted (ngspice netlists use a handful).</summary>
    private const int MaxPolyCoefficients = 200;

    private static ElementStatement Poly(LineCursor c, NameSyntax name, char letter, List<NameSyntax> nodes, string key,
        bool currentControlled)
    {
        var polyToken = c.Next();
        var at = c.Pos(polyToken);
        Token dimToken;
        if (polyToken is CallToken call)
        {
            if (call.Args.Count != 1) throw c.Error(polyToken, "expected POLY(n) with one dimension n");
            dimToken = call.Args[0];
        }
        else
        {
            if (c.AtEnd || c.Peek is not CallToken { Name: "" } group || group.Args.Count != 1)
                throw c.Error(c.Peek, "expected POLY(n) with one dimension n");
            c.Next();
            dimToken = group.Args[0];
        }
        if (dimToken is not WordToken dw || !dw.TryNumber(out double dim) || dim != Math.Floor(dim) || dim < 1 || dim > 20)
            throw c.Error(dimToken, "the dimension of POLY(n) must be a whole number from 1 to 20");
        int n = (int)dim;
        var variables = new List<string>(n);
        for (int k = 0; k < n; k++)
        {
            if (currentControlled)
                variables.Add($"i({c.ExpectWord("a controlling voltage source name").Text})");
            else
            {
                string p = c.ExpectNode("a controlling node name").Text;
                string m = c.ExpectNode("a controlling node name").Text;
                variables.Add($"v({p},{m})");
            }
        }
        var coefficients = new List<string>();
        while (!c.AtEnd)
        {
            var t = c.Peek!;
            if (c.ToValue(t, allowName: true) is null)
                throw c.Error(t, $"expected a POLY coefficient in '{name.Written}', found '{LineCursor.Shorten(c.Written(t))}'");
            c.Next();
            coefficients.Add("(" + Strip(c.Line.Lower.Substring(t.Offset, t.End - t.Offset)) + ")");
        }
        if (coefficients.Count == 0) throw c.Error(null, $"expected POLY coefficients in '{name.Written}'");
        // a term of degree d is a d-fold product, so the expression grows with the square of the coefficient count
        if (coefficients.Count > MaxPolyCoefficients)
            throw c.Error(polyToken, $"'{name.Written}' has {coefficients.Count} POLY coefficients, more than {MaxPolyCoefficients}");
        // (SPICE2 read a lone POLY(1) coefficient as the gain p1; ngspice 39 reads it as p0, and so do we)
        var terms = new List<string>();
        int index = 0;
        foreach (var exponents in Monomials(n))
        {
            if (index >= coefficients.Count) break;
            string coefficient = coefficients[index++];
            if (coefficient is "(0)" or "0") continue;
            terms.Add(exponents.Count == 0 ? coefficient
                : coefficient + "*" + string.Join("*", exponents.Select(v => variables[v])));
        }
        string text = terms.Count == 0 ? "0" : string.Join("+", terms);
        return Synthetic(c, name, letter, nodes, key, text, at);
    }

    /// <summary>The SPICE polynomial's monomials in coefficient order: the constant, then each degree d = 1, 2, …
    /// as nondecreasing index tuples in lexicographic order.</summary>
    private static IEnumerable<IReadOnlyList<int>> Monomials(int n)
    {
        yield return Array.Empty<int>();
        for (int degree = 1; ; degree++)
        {
            var idx = new int[degree];
            while (true)
            {
                yield return (int[])idx.Clone();
                int k = degree - 1;
                while (k >= 0 && idx[k] == n - 1) k--;
                if (k < 0) break;
                idx[k]++;
                for (int j = k + 1; j < degree; j++) idx[j] = idx[k];
            }
        }
    }

    private static ElementStatement Table(LineCursor c, NameSyntax name, char letter, List<NameSyntax> nodes, string key)
    {
        var tableToken = c.Next();
        var at = c.Pos(tableToken);
        if (c.AtEnd || c.Peek is not AssignToken { Key: ExprToken input } first)
            throw c.Error(c.Peek, "expected TABLE {expression} = (x1,y1) (x2,y2) ...");
        c.Next();
        string x = "(" + Strip(c.Line.Lower.Substring(input.Offset, input.End - input.Offset)) + ")";
        var points = new List<(string X, string Y)>();
        Token? pair = first.Value;
        while (pair != null)
        {
            if (pair is not CallToken { Name: "" } g || g.Args.Count != 2)
                throw c.Error(pair, "expected a table point (x,y)");
            points.Add(("(" + Strip(c.Line.Lower.Substring(g.Args[0].Offset, g.Args[0].End - g.Args[0].Offset)) + ")",
                        "(" + Strip(c.Line.Lower.Substring(g.Args[1].Offset, g.Args[1].End - g.Args[1].Offset)) + ")"));
            pair = c.AtEnd ? null : c.Next();
        }
        var sb = new System.Text.StringBuilder();
        if (TryNumbers(points, out var xs, out var ys)) SmoothTable(sb, x, xs, ys);
        else
        {
            // points given as expressions: y1 + Σ slope_k · (clamp(x, x_k, x_k+1) − x_k), corners not rounded
            sb.Append(points[0].Y);
            for (int k = 0; k + 1 < points.Count; k++)
            {
                var (x0, y0) = points[k];
                var (x1, y1) = points[k + 1];
                sb.Append($"+(({y1})-({y0}))/(({x1})-({x0}))*(min(max({x},{x0}),{x1})-({x0}))");
            }
        }
        return Synthetic(c, name, letter, nodes, key, sb.ToString(), at);
    }

    private static bool TryNumbers(List<(string X, string Y)> points, out double[] xs, out double[] ys)
    {
        xs = new double[points.Count];
        ys = new double[points.Count];
        for (int k = 0; k < points.Count; k++)
        {
            if (!Expressions.NumberGrammar.TryParseToken(points[k].X.Trim('(', ')'), out xs[k]) ||
                !Expressions.NumberGrammar.TryParseToken(points[k].Y.Trim('(', ')'), out ys[k]))
                return false;
            if (k > 0 && xs[k] < xs[k - 1]) return false;
        }
        return true;
    }

    /// <summary>
    /// The table as ngspice 39 evaluates it (measured on its output): linear between the points and constant beyond
    /// the ends, each corner x_k rounded by a parabola over x_k ± d_k, d_k = 0.1 × the narrower finite neighbouring
    /// interval. As a sum of ramps: y = y_1 + Σ_k Δs_k · r(x − x_k), Δs_k the slope change at x_k and
    /// r(u) = (clamp(u, −d, d) + d)²/(4d) + max(u − d, 0), which is 0 below −d, u above d and the parabola between.
    /// </summary>
    private static void SmoothTable(System.Text.StringBuilder sb, string x, double[] xs, double[] ys)
    {
        string F(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        int n = xs.Length;
        sb.Append(F(ys[0]));
        double Slope(int k) => k < 0 || k + 1 >= n || xs[k + 1] == xs[k] ? 0 : (ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]);
        for (int k = 0; k < n; k++)
        {
            double ds = Slope(k) - Slope(k - 1);
            if (ds == 0) continue;
            double left = k > 0 ? xs[k] - xs[k - 1] : double.PositiveInfinity;
            double right = k + 1 < n ? xs[k + 1] - xs[k] : double.PositiveInfinity;
            double d = 0.1 * Math.Min(left, right);
            string u = $"({x}-({F(xs[k])}))";
            string ramp = d > 0 && double.IsFinite(d)
                ? $"((min(max({u},{F(-d)}),{F(d)})+{F(d)})^2/{F(4 * d)}+max({u}-{F(d)},0))"
                : $"max({u},0)";
            sb.Append($"+({F(ds)})*{ramp}");
        }
    }

    private static string Strip(string s)
    {
        s = s.Trim();
        if (s.Length >= 2 && ((s[0] == '{' && s[^1] == '}') || (s[0] == '\'' && s[^1] == '\''))) s = s[1..^1];
        return s;
    }

    /// <summary>An expression built from the line's pieces; positions inside it map to the keyword's position.</summary>
    private static ElementStatement Synthetic(LineCursor c, NameSyntax name, char letter, List<NameSyntax> nodes, string key,
        string text, SourcePosition at)
    {
        var expr = TokenGrammar.ParseExpression(text, 0, text.Length, out string? err, out _);
        if (expr is null) throw new SyntaxError(at, $"in '{name.Written}': {err}");
        var line = new LogicalLine(text, c.Line.File, c.Line.FileOrdinal, new[] { 0 }, new[] { at.Line }, new[] { at.Column });
        return new ElementStatement(name, letter, nodes,
            new List<ArgSyntax> { new ExpressionArgSyntax(key, expr, text, line, 0, at) }, null, name.Position);
    }
}
