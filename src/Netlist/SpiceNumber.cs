using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist;

/// <summary>SPICE numbers outside a netlist (command-line values): <c>1e-3</c>, <c>10u</c>, <c>2.2meg</c>.</summary>
public static class SpiceNumber
{
    /// <summary>Parses a whole token as a SPICE number (scale suffixes t g meg k m u n p f mil, case-insensitive;
    /// trailing unit letters ignored as in a netlist). False when it is not a number.</summary>
    public static bool TryParse(string token, out double value) =>
        NumberGrammar.TryParseToken((token ?? "").Trim().ToLowerInvariant(), out value);
}
