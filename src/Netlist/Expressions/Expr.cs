namespace Perovspice.Netlist.Expressions;

/// <summary>Expression syntax tree. <see cref="Offset"/> is the character offset in its logical line.</summary>
internal abstract class Expr
{
    protected Expr(int offset) { Offset = offset; }
    public int Offset { get; }
}

/// <summary>A number literal (suffix already applied).</summary>
internal sealed class NumberExpr : Expr
{
    public NumberExpr(double value, int offset) : base(offset) { Value = value; }
    public double Value { get; }
}

/// <summary>A parameter name or constant (<c>pi</c>), or a free variable (<c>time</c>) in B sources.</summary>
internal sealed class NameExpr : Expr
{
    public NameExpr(string name, int offset) : base(offset) { Name = name; }
    public string Name { get; }
}

/// <summary>Unary minus.</summary>
internal sealed class NegateExpr : Expr
{
    public NegateExpr(Expr operand, int offset) : base(offset) { Operand = operand; }
    public Expr Operand { get; }
}

/// <summary>
/// A chain of binary operators of one precedence level, kept flat so that very long chains need
/// no recursion. Left-associative except power (<c>^</c>, <c>**</c>), which is right-associative.
/// </summary>
internal sealed class ChainExpr : Expr
{
    public ChainExpr(Expr first, IReadOnlyList<(char op, Expr operand)> rest, bool rightAssociative)
        : base(first.Offset)
    {
        First = first; Rest = rest; RightAssociative = rightAssociative;
    }
    public Expr First { get; }
    /// <summary>Operators normalized to <c>+ - * / ^</c>, comparisons <c>&lt; &gt; l</c> (&lt;=) <c>g</c> (&gt;=)
    /// <c>e</c> (==) <c>n</c> (!=), and <c>&amp; |</c> (&amp;&amp;, ||).</summary>
    public IReadOnlyList<(char op, Expr operand)> Rest { get; }
    public bool RightAssociative { get; }
}

/// <summary>A function call <c>name(args)</c>.</summary>
internal sealed class CallExpr : Expr
{
    public CallExpr(string name, IReadOnlyList<Expr> args, int offset) : base(offset) { Name = name; Args = args; }
    public string Name { get; }
    public IReadOnlyList<Expr> Args { get; }
}

/// <summary><c>v(a)</c>, <c>v(a,b)</c> or <c>i(vsrc)</c>: only meaningful in B-source expressions.</summary>
internal sealed class ProbeExpr : Expr
{
    public ProbeExpr(char kind, IReadOnlyList<(string name, int offset)> names, int offset) : base(offset)
    {
        Kind = kind; Names = names;
    }
    public char Kind { get; }
    public IReadOnlyList<(string name, int offset)> Names { get; }
}

/// <summary>Logical not: 1 when the operand is 0, else 0.</summary>
internal sealed class NotExpr : Expr
{
    public NotExpr(Expr operand, int offset) : base(offset) { Operand = operand; }
    public Expr Operand { get; }
}

/// <summary><c>c ? a : b</c> (also <c>if(c, a, b)</c> after parsing): a when c is non-zero, else b.</summary>
internal sealed class TernaryExpr : Expr
{
    public TernaryExpr(Expr condition, Expr whenTrue, Expr whenFalse, int offset) : base(offset)
    {
        Condition = condition; WhenTrue = whenTrue; WhenFalse = whenFalse;
    }
    public Expr Condition { get; }
    public Expr WhenTrue { get; }
    public Expr WhenFalse { get; }
}

/// <summary>Text and evaluation of the normalized binary operators of <see cref="ChainExpr"/>.</summary>
internal static class Operators
{
    /// <summary>The operator as written in flattened text.</summary>
    public static string Text(char op) => op switch
    {
        'l' => "<=", 'g' => ">=", 'e' => "==", 'n' => "!=", '&' => "&&", '|' => "||", _ => op.ToString(),
    };

    /// <summary>Applies a left-associative operator to numbers (comparisons and logic give 1 or 0).</summary>
    public static double Apply(char op, double x, double y) => op switch
    {
        '+' => x + y, '-' => x - y, '*' => x * y, '/' => x / y,
        '<' => x < y ? 1 : 0, '>' => x > y ? 1 : 0, 'l' => x <= y ? 1 : 0, 'g' => x >= y ? 1 : 0,
        'e' => x == y ? 1 : 0, 'n' => x != y ? 1 : 0,
        '&' => x != 0 && y != 0 ? 1 : 0, '|' => x != 0 || y != 0 ? 1 : 0,
        _ => Math.Pow(x, y),
    };
}
