using Perovspice.Engine.Sparse;

namespace Perovspice.Engine.Analysis;

/// <summary>What <c>.tf</c> computes: the output (a node voltage difference or a voltage source's current) and the
/// independent input source.</summary>
/// <param name="Input">Name of the independent input source (voltage or current).</param>
/// <param name="OutPlus">Output node + (voltage output), else null.</param>
/// <param name="OutMinus">Output node − (voltage output; "0" for a single node), else null.</param>
/// <param name="OutSource">The voltage source whose current is the output (current output), else null.</param>
public sealed record TransferFunctionSpec(string Input, string? OutPlus, string? OutMinus, string? OutSource);

/// <summary>The small-signal dc transfer function and the port resistances.</summary>
/// <param name="Gain">d(output)/d(input): V/V, A/V, V/A or A/A.</param>
/// <param name="InputResistance">Resistance seen by the input source, Ω.</param>
/// <param name="OutputResistance">Resistance seen at the output port (node pair, or in series with the output
/// source), Ω.</param>
public sealed record TransferFunctionResult(double Gain, double InputResistance, double OutputResistance);

/// <summary>
/// Small-signal dc transfer function (<c>.tf</c>) at the operating point x₀, from the dc Jacobian G = ∂F/∂x
/// (docs/measure.md). With F(x, u) = 0 and u the input source's value, a change du gives G dx = −(∂F/∂u) du; ∂F/∂u is
/// exact as F(x₀, u + 1) − F(x₀, u) because F is affine in an independent source's value.
/// <list type="bullet">
/// <item>Gain: the output read from dx for du = 1.</item>
/// <item>Input resistance: a voltage source sees R_in = du / (−di), di its branch-current change (the branch current
/// flows into +, through the source); a current source (current from n+ through the source to n−) sees
/// R_in = d(v(n−) − v(n+)) / du.</item>
/// <item>Output resistance: for a voltage output v(a, b), a unit current injected into a and out of b (all sources
/// held) gives R_out = d(v(a) − v(b)); for a current output i(vo), a unit change of vo's voltage gives
/// R_out = −1 / di(vo): the resistance in series with vo (its branch current flows into its + terminal, so a unit rise
/// of vo drives −1/R_out through it). ngspice reports 1e20 there; this is the Norton resistance instead.</item>
/// </list>
/// </summary>
public static class TransferFunction
{
    /// <summary>Computes the operating point, then the transfer function and resistances.</summary>
    /// <exception cref="SimulationException">No operating point, or a singular Jacobian.</exception>
    /// <exception cref="ArgumentException">An unknown source or node.</exception>
    /// <param name="sim">The simulator of the circuit.</param>
    /// <param name="spec">The input source and the output.</param>
    /// <param name="cancellation">Stops the operating point with <see cref="OperationCanceledException"/>.</param>
    public static TransferFunctionResult Compute(Simulator sim, TransferFunctionSpec spec, CancellationToken cancellation = default)
    {
        var sys = sim.System;
        var op = new OperatingPointAnalysis().Run(sim, cancellation).X;
        var input = sim.FindSource(spec.Input);
        var dFdu = SourceDerivative(sys, op, input);
        sys.Evaluate(op);
        var lu = LinearSolverFactory.CreateReal(sys.Pattern);
        try { lu.Factor(sys.Load.G); }
        catch (Sparse.SingularMatrixException e)
        {
            throw new SingularMatrixException($"transfer function: the dc Jacobian is singular at {sys.NameOf(e.Unknown)}",
                "transfer function", unknown: sys.NameOf(e.Unknown));
        }
        int n = sys.Size + 1;
        Func<double[], double> output;
        if (spec.OutSource is { } outName)
        {
            int branch = sys.Circuit.Find(outName)?.BranchIndex ?? 0;
            if (branch <= 0) throw new ArgumentException($"'{outName}' has no branch current");
            output = dx => dx[branch];
        }
        else
        {
            int a = sys.NodeIndex(spec.OutPlus!), b = sys.NodeIndex(spec.OutMinus ?? "0");
            output = dx => dx[a] - dx[b];
        }

        var dx = Negate(dFdu);
        lu.Solve(dx);
        double gain = output(dx);

        double rin;
        var inDevice = (Device)input;
        if (inDevice.BranchIndex > 0) rin = 1 / -dx[inDevice.BranchIndex];
        else
        {
            int p = sys.NodeIndex(inDevice.Nodes[0]), m = sys.NodeIndex(inDevice.Nodes[1]);
            rin = dx[m] - dx[p];
        }

        double rout;
        var e2 = new double[n];
        if (spec.OutSource is { } src)
        {
            e2 = Negate(SourceDerivative(sys, op, sim.FindSource(src)));
            lu.Solve(e2);
            rout = -1 / output(e2);
        }
        else
        {
            int a = sys.NodeIndex(spec.OutPlus!), b = sys.NodeIndex(spec.OutMinus ?? "0");
            if (a > 0) e2[a] += 1;
            if (b > 0) e2[b] -= 1;
            lu.Solve(e2);
            rout = output(e2);
        }
        return new TransferFunctionResult(Finite(gain), Finite(rin), Finite(rout));
    }

    /// <summary>Beyond ±1e300 (an open port, a zero change) the value is reported as ±1e300, never infinity.</summary>
    private static double Finite(double v) => double.IsNaN(v) ? 0 : Math.Clamp(v, -1e300, 1e300);

    private static double[] Negate(double[] v)
    {
        var r = new double[v.Length];
        for (int i = 1; i < v.Length; i++) r[i] = -v[i];
        return r;
    }

    /// <summary>∂F/∂u of an independent source's value u at x: F(x, u + 1) − F(x, u) (F is affine in u).</summary>
    internal static double[] SourceDerivative(CircuitSystem sys, double[] x, IDcSource source)
    {
        double saved = source.DcValue;
        try
        {
            sys.Evaluate(x);
            var f0 = (double[])sys.Load.F.Clone();
            source.DcValue = saved + 1;
            sys.Evaluate(x);
            var d = new double[sys.Size + 1];
            for (int i = 1; i <= sys.Size; i++) d[i] = sys.Load.F[i] - f0[i];
            return d;
        }
        finally
        {
            source.DcValue = saved;
            sys.Evaluate(x);
        }
    }
}
