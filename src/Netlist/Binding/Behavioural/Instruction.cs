namespace Perovspice.Netlist.Binding.Behavioural;

/// <summary>Operations of a compiled behavioural expression.</summary>
internal enum OpCode : byte
{
    Const, Input, Time,
    Neg, Exp, Ln, Log10, Sqrt, Abs, Sin, Cos, Tan, Atan, Sinh, Cosh, Tanh,
    Add, Sub, Mul, Div, Pow, Min, Max,
}

/// <summary>
/// One step of a compiled expression in single-assignment form: the result of instruction k is value k; operands
/// <see cref="A"/> and <see cref="B"/> are indices of earlier instructions (−1 when unused). For
/// <see cref="OpCode.Input"/>, <see cref="A"/> is the input's index; for <see cref="OpCode.Const"/>,
/// <see cref="Value"/> is the constant.
/// </summary>
internal readonly record struct Instruction(OpCode Op, int A, int B, double Value)
{
    public static bool IsUnary(OpCode op) => op is >= OpCode.Neg and <= OpCode.Tanh;
    public static bool IsBinary(OpCode op) => op >= OpCode.Add;
}
