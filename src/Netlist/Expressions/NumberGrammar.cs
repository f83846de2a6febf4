using System.Globalization;
using Sprache;

namespace Perovspice.Netlist.Expressions;

/// <summary>
/// SPICE numbers: <c>1e-3 .5 -2.5E+3</c> with scale suffixes <c>t g meg k m u n p f mil</c>; letters
/// after the number or suffix are units and ignored (<c>10uF</c>, <c>1kOhm</c>, <c>5V</c>).
/// Input is expected in lower case.
/// </summary>
internal static class NumberGrammar
{
    private static readonly Parser<char> Digit = Parse.Chars("0123456789");
    private static readonly Parser<string> Digits = Digit.AtLeastOnce().Text();

    private static readonly Parser<string> Mantissa =
        (from i in Digits
         from f in (from dot in Parse.Char('.') from d in Digit.Many().Text() select "." + d + "0").Optional()
         select i + f.GetOrElse(""))
        .Or(from dot in Parse.Char('.') from d in Digits select "0." + d);

    /// <summary>Scale suffix as a power of ten; <c>mil</c> is 25.4e-6 (returned as exponent 0, factor 25.4e-6).</summary>
    private static readonly Parser<(int exp, double factor)> Suffix =
        Parse.String("meg").Return((6, 1.0))
            .Or(Parse.String("mil").Return((0, 25.4e-6)))
            .Or(Parse.Char('t').Return((12, 1.0)))
            .Or(Parse.Char('g').Return((9, 1.0)))
            .Or(Parse.Char('k').Return((3, 1.0)))
            .Or(Parse.Char('m').Return((-3, 1.0)))
            .Or(Parse.Char('u').Return((-6, 1.0)))
            .Or(Parse.Char('n').Return((-9, 1.0)))
            .Or(Parse.Char('p').Return((-12, 1.0)))
            .Or(Parse.Char('f').Return((-15, 1.0)));

    private static readonly Parser<int> ExponentValue =
        from e in Parse.Char('e')
        from sign in Parse.Chars("+-").Optional()
        from d in Digits
        select Exp(sign.IsDefined && sign.Get() == '-', d);

    private static int Exp(bool negative, string digits)
    {
        // saturate: anything beyond +-10000 over/underflows anyway
        int v = digits.Length > 6 ? 100000 : int.Parse(digits, CultureInfo.InvariantCulture);
        return negative ? -v : v;
    }

    /// <summary>
    /// An unsigned number with optional suffix and units. The suffix is folded into the decimal
    /// exponent before conversion, so <c>10u</c> is exactly the double nearest to 1e-5.
    /// </summary>
    public static readonly Parser<double> Unsigned =
        (from m in Mantissa
         from e in ExponentValue.Optional()
         from s in Suffix.Optional()
         from units in Parse.Letter.Many()
         select Make(m, e.GetOrElse(0), s.GetOrElse((0, 1.0))))
        .Named("number");

    private static double Make(string mantissa, int exp, (int exp, double factor) suffix)
    {
        long total = (long)exp + suffix.exp;
        string text = total == 0 ? mantissa : mantissa + "e" + total.ToString(CultureInfo.InvariantCulture);
        double v = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return suffix.factor == 1.0 ? v : v * suffix.factor;
    }

    /// <summary>
    /// Same language as <see cref="Unsigned"/> (the LINQ grammar above is the reference definition and
    /// reports malformed input), scanned in one pass as a hand-written Sprache parser: the LINQ form
    /// allocates about 10 kB per number, which made large PWL tables slow. NumberTests checks that
    /// both agree.
    /// </summary>
    public static readonly Parser<double> UnsignedFast = i =>
    {
        string s = i.Source;
        int p = i.Position;
        int start = p;
        while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        int intDigits = p - start;
        if (p < s.Length && s[p] == '.')
        {
            p++;
            int f = p;
            while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
            if (intDigits == 0 && p == f) return Unsigned(i);       // not a number: let the grammar report it
        }
        else if (intDigits == 0) return Unsigned(i);
        int mantissaEnd = p;
        long exp = 0;
        if (p < s.Length && s[p] == 'e')
        {
            int q = p + 1;
            bool negative = false;
            if (q < s.Length && s[q] is '+' or '-') negative = s[q++] == '-';
            int d = q;
            while (q < s.Length && char.IsAsciiDigit(s[q])) q++;
            if (q > d)
            {
                exp = q - d > 6 ? 100000 : long.Parse(s.AsSpan(d, q - d), CultureInfo.InvariantCulture);
                if (negative) exp = -exp;
                p = q;
            }
        }
        double factor = 1.0;
        if (p < s.Length && char.IsLetter(s[p]))
        {
            // scale suffix, then unit letters (ignored)
            if (string.CompareOrdinal(s, p, "meg", 0, 3) == 0) { exp += 6; p += 3; }
            else if (string.CompareOrdinal(s, p, "mil", 0, 3) == 0) { factor = 25.4e-6; p += 3; }
            else
            {
                int e = s[p] switch { 't' => 12, 'g' => 9, 'k' => 3, 'm' => -3, 'u' => -6, 'n' => -9, 'p' => -12, 'f' => -15, _ => 0 };
                if (e != 0) { exp += e; p++; }
            }
            while (p < s.Length && char.IsLetter(s[p])) p++;
        }
        // the suffix is folded into the decimal exponent, so 10u is exactly the double nearest 1e-5
        var mantissa = s.AsSpan(start, mantissaEnd - start);
        double v = exp == 0
            ? double.Parse(mantissa, NumberStyles.Float, CultureInfo.InvariantCulture)
            : double.Parse(string.Concat(mantissa, "e", exp.ToString(CultureInfo.InvariantCulture)), NumberStyles.Float, CultureInfo.InvariantCulture);
        return Result.Success(v * factor, Syntax.LineInput.At(i, p));
    };

    /// <summary>
    /// RKM notation (<c>4k7</c>, <c>2r2</c>, <c>1meg5</c>: the scale letter in place of the decimal point) is not
    /// accepted. ngspice 39 does not implement it either: it reads <c>4k7</c> as 4000 and <c>2r2</c> as 2, ignoring
    /// everything after the suffix as units, a silent factor error; this front end reports the token instead. Returns
    /// a hint with the intended spelling for a token of that shape (digits, one of <c>r k meg m u n p f g t</c>,
    /// digits), else null.
    /// </summary>
    public static string? RkmHint(string token)
    {
        int p = 0;
        string t = token.ToLowerInvariant();
        if (t.Length > 0 && t[0] is '+' or '-') p++;
        int d0 = p;
        while (p < t.Length && char.IsAsciiDigit(t[p])) p++;
        if (p == d0 || p >= t.Length) return null;
        string suffix = t.AsSpan(p).StartsWith("meg") ? "meg" : t[p] is 'r' or 'k' or 'm' or 'u' or 'n' or 'p' or 'f' or 'g' or 't' ? t[p].ToString() : "";
        if (suffix.Length == 0) return null;
        int q = p + suffix.Length, d1 = q;
        while (q < t.Length && char.IsAsciiDigit(t[q])) q++;
        if (q == d1 || q != t.Length) return null;
        string intended = t[..p] + "." + t[d1..q] + (suffix == "r" ? "" : suffix);
        return $"RKM notation ('{token}') is not supported (ngspice 39 would silently read it as {t[..p]}{(suffix == "r" ? "" : suffix)}); write {intended}";
    }

    /// <summary>A number with an optional sign.</summary>
    public static readonly Parser<double> Signed =
        from sign in Parse.Chars("+-").Optional()
        from v in Unsigned
        select sign.IsDefined && sign.Get() == '-' ? -v : v;

    private static readonly Parser<double> WholeSigned = Signed.End();

    /// <summary>Parses <paramref name="s"/>[start..end) (lower case) as a whole number, without copying it.</summary>
    public static bool TryParse(string s, int start, int end, out double value)
    {
        value = 0;
        if (start >= end) return false;
        char c = s[start];
        if (!(char.IsAsciiDigit(c) || c == '.' || c == '+' || c == '-')) return false;
        int p = c is '+' or '-' ? start + 1 : start;
        if (p >= end) return false;
        var r = UnsignedFast(new Syntax.LineInput(s, p));
        if (!r.WasSuccessful || r.Remainder.Position != end) return false;
        value = c == '-' ? -r.Value : r.Value;
        return true;
    }

    /// <summary>Parses a whole lower-case token as a number.</summary>
    public static bool TryParseToken(string token, out double value)
    {
        value = 0;
        if (token.Length == 0) return false;
        char c = token[0];
        if (!(char.IsAsciiDigit(c) || c == '.' || c == '+' || c == '-')) return false;
        int start = c is '+' or '-' ? 1 : 0;
        var fast = UnsignedFast(new Syntax.LineInput(token, start));
        if (fast.WasSuccessful && fast.Remainder.AtEnd)
        {
            value = c == '-' ? -fast.Value : fast.Value;
            return true;
        }
        var r = WholeSigned(new Syntax.LineInput(token, 0));
        if (!r.WasSuccessful) return false;
        value = r.Value;
        return true;
    }
}
