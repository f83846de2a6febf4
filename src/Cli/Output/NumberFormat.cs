using System.Globalization;

namespace Perovspice.Cli.Output;

/// <summary>Number formatting shared by the writers (invariant culture, lossless).</summary>
public static class NumberFormat
{
    /// <summary>Characters always enough for <see cref="FormatScientific"/>.</summary>
    public const int MaxScientificLength = 32;

    /// <summary>Shortest string that parses back (invariant culture) to exactly <paramref name="value"/>, e.g. "0.1", "1E-05".</summary>
    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Lossless scientific notation in the C <c>printf("%e")</c> style ngspice writes: a digit, a point, at least one
    /// more digit, then <c>e±XX</c> (e.g. "1.0e-01", "-3.14159e+02"), using the shortest round-trip digits.
    /// Non-finite values give "NaN", "Infinity", "-Infinity".
    /// </summary>
    public static string Scientific(double value)
    {
        Span<char> buffer = stackalloc char[MaxScientificLength];
        return new string(buffer[..FormatScientific(value, buffer)]);
    }

    /// <summary>Writes <see cref="Scientific"/>'s text into <paramref name="destination"/> (at least
    /// <see cref="MaxScientificLength"/> long) and returns the number of characters written.</summary>
    public static int FormatScientific(double value, Span<char> destination)
    {
        Span<char> r = stackalloc char[MaxScientificLength];
        value.TryFormat(r, out int n, "R", CultureInfo.InvariantCulture); // "-0.000123", "1.5E-05", "1E+20"
        r = r[..n];
        if (!double.IsFinite(value)) { r.CopyTo(destination); return n; }
        int pos = 0;
        if (r[0] == '-') { destination[pos++] = '-'; r = r[1..]; }
        int ePos = r.IndexOf('E');
        int exp = ePos < 0 ? 0 : int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = ePos < 0 ? r : r[..ePos];
        int intLength = mantissa.IndexOf('.');
        if (intLength < 0) intLength = mantissa.Length;
        Span<char> digits = stackalloc char[MaxScientificLength];
        int count = 0;
        foreach (char ch in mantissa) if (ch != '.') digits[count++] = ch;
        int lead = 0, end = count;
        while (lead < count && digits[lead] == '0') lead++;
        while (end > lead && digits[end - 1] == '0') end--;
        if (lead == end) { digits[0] = '0'; lead = 0; end = 1; exp = 0; }
        else exp += intLength - 1 - lead;
        destination[pos++] = digits[lead];
        destination[pos++] = '.';
        if (end - lead > 1)
        {
            digits[(lead + 1)..end].CopyTo(destination[pos..]);
            pos += end - lead - 1;
        }
        else destination[pos++] = '0';
        destination[pos++] = 'e';
        destination[pos++] = exp < 0 ? '-' : '+';
        exp = Math.Abs(exp);
        if (exp < 10) destination[pos++] = '0';
        exp.TryFormat(destination[pos..], out int m, default, CultureInfo.InvariantCulture);
        return pos + m;
    }
}
