using Perovspice.Devices.Behavioral;

namespace Perovspice.Netlist.Binding.Behavioural;

/// <summary>
/// Value and partial derivatives of each operation, shared by run-time evaluation and constant folding.
/// Choices where the derivative is not classical (documented in the README's B-source notes):
/// <list type="bullet">
/// <item><c>abs</c>: slope +1 at 0 (a subgradient); <c>min</c>/<c>max</c>: the slope of the chosen argument,
/// the first one on a tie.</item>
/// <item><c>sqrt(0)</c> and <c>0^y</c> with 0 &lt; y &lt; 1 have infinite slope: the Jacobian uses 0 there
/// (the value is exact) so that Newton can start from an all-zero guess.</item>
/// <item><c>x^y</c>: for x &gt; 0 the real power with both partials; for x &lt; 0 an integer y keeps the sign
/// ((−2)^3 = −8, ∂/∂y taken as 0) and a non-integer y gives |x|^y as ngspice 39's B sources do ((−4)^0.5 = 2,
/// ∂/∂x = −y·|x|^(y−1)); 0 to a negative power is a domain error. (ngspice evaluates |x|^y for every y, so its
/// (−2)^3 is 8.)</item>
/// <item><c>exp</c> continues linearly beyond an argument of 227 (value and slope e^227 there), so that a
/// Newton overshoot stays finite; ngspice clamps near the same point.</item>
/// <item>Comparisons, logic, floor/ceil/nint/int/sgn/u have slope 0 (piecewise constant); <c>uramp</c> slope 1
/// for x &gt; 0 else 0; <c>c ? a : b</c> passes the slope of the chosen branch only.</item>
/// <item>ln/log/log10 of x ≤ 0, sqrt of x &lt; 0 and division by 0 are domain errors.</item>
/// </list>
/// </summary>
internal static class OpMath
{
    private const double ExpLimit = 227;
    private static readonly double ExpAtLimit = Math.Exp(ExpLimit);

    /// <summary>Applies <paramref name="op"/>; <paramref name="da"/>, <paramref name="db"/> receive the partials
    /// with respect to the operands (0 for an unused operand).</summary>
    public static double Apply(OpCode op, double a, double b, out double da, out double db)
    {
        db = 0;
        switch (op)
        {
            case OpCode.Neg: da = -1; return -a;
            case OpCode.Exp:
                if (a <= ExpLimit) { double e = Math.Exp(a); da = e; return e; }
                da = ExpAtLimit;
                return ExpAtLimit * (1 + (a - ExpLimit));
            case OpCode.Ln:
                if (!(a > 0)) throw Domain($"logarithm of a non-positive value ({a:G6})");
                da = 1 / a; return Math.Log(a);
            case OpCode.Log10:
                if (!(a > 0)) throw Domain($"log10 of a non-positive value ({a:G6})");
                da = 1 / (a * Math.Log(10)); return Math.Log10(a);
            case OpCode.Sqrt:
                if (a < 0) throw Domain($"square root of a negative value ({a:G6})");
                if (a == 0) { da = 0; return 0; }
                { double r = Math.Sqrt(a); da = 0.5 / r; return r; }
            case OpCode.Abs: da = a >= 0 ? 1 : -1; return Math.Abs(a);
            case OpCode.Sin: da = Math.Cos(a); return Math.Sin(a);
            case OpCode.Cos: da = -Math.Sin(a); return Math.Cos(a);
            case OpCode.Tan: { double c = Math.Cos(a); da = 1 / (c * c); return Math.Tan(a); }
            case OpCode.Atan: da = 1 / (1 + a * a); return Math.Atan(a);
            case OpCode.Sinh: da = Math.Cosh(a); return Math.Sinh(a);
            case OpCode.Cosh: da = Math.Sinh(a); return Math.Cosh(a);
            case OpCode.Tanh: { double t = Math.Tanh(a); da = 1 - t * t; return t; }
            case OpCode.Asin:
                if (!(Math.Abs(a) <= 1)) throw Domain($"asin of a value outside [-1, 1] ({a:G6})");
                da = Math.Abs(a) == 1 ? 0 : 1 / Math.Sqrt(1 - a * a); return Math.Asin(a);
            case OpCode.Acos:
                if (!(Math.Abs(a) <= 1)) throw Domain($"acos of a value outside [-1, 1] ({a:G6})");
                da = Math.Abs(a) == 1 ? 0 : -1 / Math.Sqrt(1 - a * a); return Math.Acos(a);
            case OpCode.Asinh: da = 1 / Math.Sqrt(a * a + 1); return Math.Asinh(a);
            case OpCode.Acosh:
                if (!(a >= 1)) throw Domain($"acosh of a value below 1 ({a:G6})");
                da = a == 1 ? 0 : 1 / Math.Sqrt(a * a - 1); return Math.Acosh(a);
            case OpCode.Atanh:
                if (!(Math.Abs(a) < 1)) throw Domain($"atanh of a value outside (-1, 1) ({a:G6})");
                da = 1 / (1 - a * a); return Math.Atanh(a);
            case OpCode.Floor: da = 0; return Math.Floor(a);
            case OpCode.Ceil: da = 0; return Math.Ceiling(a);
            case OpCode.Nint: da = 0; return Math.Round(a, MidpointRounding.ToEven);
            case OpCode.Int: da = 0; return Math.Truncate(a);
            case OpCode.Sgn: da = 0; return a > 0 ? 1 : a < 0 ? -1 : 0;
            case OpCode.Step: da = 0; return a > 0 ? 1 : a < 0 ? 0 : a == 0 ? 0.5 : double.NaN;   // u(0) = 0.5 (ngspice 39)
            case OpCode.Ramp: da = a > 0 ? 1 : 0; return a > 0 ? a : 0;
            case OpCode.Not: da = 0; return a == 0 ? 1 : 0;
            case OpCode.Pwr: return SignedPower(a, b, out da, out db);
            case OpCode.Atan2:
            {
                double r2 = a * a + b * b;
                if (r2 == 0) { da = 0; db = 0; return 0; }
                da = b / r2; db = -a / r2;
                return Math.Atan2(a, b);
            }
            case OpCode.Lt: da = 0; return a < b ? 1 : 0;
            case OpCode.Gt: da = 0; return a > b ? 1 : 0;
            case OpCode.Le: da = 0; return a <= b ? 1 : 0;
            case OpCode.Ge: da = 0; return a >= b ? 1 : 0;
            case OpCode.Eq: da = 0; return a == b ? 1 : 0;
            case OpCode.Ne: da = 0; return a != b ? 1 : 0;
            case OpCode.And: da = 0; return a != 0 && b != 0 ? 1 : 0;
            case OpCode.Or: da = 0; return a != 0 || b != 0 ? 1 : 0;
            case OpCode.Add: da = 1; db = 1; return a + b;
            case OpCode.Sub: da = 1; db = -1; return a - b;
            case OpCode.Mul: da = b; db = a; return a * b;
            case OpCode.Div:
                // ngspice 39 divides by 1e-32 instead of 0 (checked: 1/0 = 1e32, 2/0 = 2e32, 0/0 = 0), so a
                // denominator that passes through zero (a behavioural resistance starting at 0) does not stop the run
                if (b == 0) b = ZeroDivisor;
                da = 1 / b; db = -a / (b * b); return a / b;
            case OpCode.Pow: return Power(a, b, out da, out db);
            case OpCode.Min: da = a <= b ? 1 : 0; db = 1 - da; return a <= b ? a : b;
            case OpCode.Max: da = a >= b ? 1 : 0; db = 1 - da; return a >= b ? a : b;
            default: throw new InvalidOperationException(op.ToString());
        }
    }

    /// <summary>What a zero denominator is replaced by (ngspice 39's behavioural division).</summary>
    public const double ZeroDivisor = 1e-32;

    private static double Power(double x, double y, out double dx, out double dy)
    {
        if (x > 0)
        {
            double v = Math.Pow(x, y);
            dx = y == 0 ? 0 : y * Math.Pow(x, y - 1);
            dy = v * Math.Log(x);
            return v;
        }
        dy = 0;
        if (x == 0)
        {
            if (y < 0) throw Domain($"0 raised to a negative power ({y:G6})");
            if (y == 0) { dx = 0; return 1; }
            dx = y == 1 ? 1 : 0;   // y > 1: slope 0; 0 < y < 1: infinite slope, 0 used (see the class remarks)
            return 0;
        }
        if (y != Math.Floor(y))
        {
            // as ngspice 39's B sources: |x|^y (a behavioural v(a)^1.5 whose v(a) passes below zero keeps running)
            double m = Math.Pow(-x, y);
            dx = -y * Math.Pow(-x, y - 1);
            dy = m * Math.Log(-x);
            return m;
        }
        dx = y == 0 ? 0 : y * Math.Pow(x, y - 1);
        return Math.Pow(x, y);
    }

    /// <summary>pwr(x, y) = sign(x)·|x|^y (ngspice's B-source pwr). ∂/∂x = y·|x|^(y−1); ∂/∂y = value·ln|x|. At x = 0:
    /// 0 for y &gt; 0 (slope 1 for y = 1, 0 otherwise, as sqrt), a domain error for y ≤ 0.</summary>
    private static double SignedPower(double x, double y, out double dx, out double dy)
    {
        if (x == 0)
        {
            dy = 0;
            if (y <= 0) throw Domain($"pwr(0, {y:G6}): 0 raised to a non-positive power");
            dx = y == 1 ? 1 : 0;
            return 0;
        }
        double ax = Math.Abs(x), s = x > 0 ? 1 : -1;
        double m = Math.Pow(ax, y);
        dx = y * Math.Pow(ax, y - 1);
        dy = s * m * Math.Log(ax);
        return s * m;
    }

    private static BehavioralDomainException Domain(string message) => new(message);
}
