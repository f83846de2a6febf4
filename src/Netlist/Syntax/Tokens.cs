using Perovspice.Netlist.Expressions;

namespace Perovspice.Netlist.Syntax;

/// <summary>A token of a netlist line. Offsets are into the logical line's text; text is lower case.</summary>
internal abstract record Token(int Offset, int End)
{
    /// <summary>The token as it appears (lower case), without blanks; used in messages and print columns.</summary>
    public abstract string Display { get; }
}

/// <summary>A bare word: a name, number, keyword (<c>r1</c>, <c>1k</c>, <c>dc</c>, <c>@n1[ic]</c>).</summary>
internal sealed record WordToken(string Text, int Offset, int End) : Token(Offset, End)
{
    public override string Display => Text;
}

/// <summary><c>{expr}</c> or <c>'expr'</c>, parsed.</summary>
internal sealed record ExprToken(Expr Expression, string Source, int Offset, int End) : Token(Offset, End)
{
    public override string Display => Source;
}

/// <summary><c>name(args)</c>, or a bare parenthesized group (empty <see cref="Name"/>).</summary>
internal sealed record CallToken(string Name, IReadOnlyList<Token> Args, int Offset, int End) : Token(Offset, End)
{
    public override string Display => Name + "(" + string.Join(",", Args.Select(a => a.Display)) + ")";
}

/// <summary><c>key=value</c>; the key may be a call (<c>v(a)=1</c> in <c>.ic</c>).</summary>
internal sealed record AssignToken(Token Key, Token Value, int Offset, int End) : Token(Offset, End)
{
    public override string Display => Key.Display + "=" + Value.Display;
}
