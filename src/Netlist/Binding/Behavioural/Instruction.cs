namespace Perovspice.Netlist.Binding.Behavioural;

/// <summary>Operations of a compiled behavioural expression.</summary>
internal enum OpCode : byte
{
    Const, Input, Time,
    // unary
    Neg, Exp, Ln, Log10, Sqrt, Abs, Sin, Cos, Tan, Atan, Sinh, Cosh, Tanh,
    Asin, Acos, Asinh, Acosh, Atanh, Floor, Ceil, Nint, Int, Sgn, Step, Ramp, Not,
    // binary
    Add, Sub, Mul, Div, Pow, Min, Max, Pwr, Atan2, Lt, Gt, Le, Ge, Eq, Ne, And, Or,
    // ternary: C ? A : B (C in <see cref="Instruction.C"/>)
    Select,
}

/// <summary>
/// One step of a compiled expression in single-assignment form: the result of instruction k is value k; operands
/// <see cref="A"/>, <see cref="B"/> (and <see cref="C"/>, the condition of <see cref="OpCode.Select"/>) are indices
/// of earlier instructions (−1 when unused). For <see cref="OpCode.Input"/>, <see cref="A"/> is the input's index;
/// for <see cref="OpCode.Const"/>, <see cref="Value"/> is the constant.
/// </summary>
internal readonly record struct Instruction(OpCode Op, int A, int B, double Value, int C = -1)
{
    public static bool IsUnary(OpCode op) => op is >= OpCode.Neg and <= OpCode.Not;
    public static bool IsBinary(OpCode op) => op is >= OpCode.Add and <= OpCode.Or;
}
