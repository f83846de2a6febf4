using System.Numerics;

namespace Perovspice.Engine.Analysis;

/// <summary>What <c>.pz</c> computes.</summary>
/// <param name="InPlus">Input node +.</param>
/// <param name="InMinus">Input node −.</param>
/// <param name="OutPlus">Output node +.</param>
/// <param name="OutMinus">Output node −.</param>
/// <param name="CurrentInput">True: a current is injected at the input port (transimpedance, <c>cur</c>); false: a
/// voltage is applied across it (voltage gain, <c>vol</c>).</param>
/// <param name="Poles">Compute the poles.</param>
/// <param name="Zeros">Compute the zeros.</param>
public sealed record PoleZeroSpec(string InPlus, string InMinus, string OutPlus, string OutMinus, bool CurrentInput,
    bool Poles, bool Zeros);

/// <summary>Poles and zeros (complex pairs both listed, sorted by real then imaginary part), in rad/s.</summary>
/// <param name="Poles">The poles, empty when not asked for.</param>
/// <param name="Zeros">The zeros, empty when not asked for.</param>
public sealed record PoleZeroResult(IReadOnlyList<Complex> Poles, IReadOnlyList<Complex> Zeros);

/// <summary>
/// Poles and zeros of the transfer function H(s) = cᵀ(G + sC)⁻¹b of the circuit linearized at its operating point
/// (<c>.pz</c>; derivation in docs/measure.md). b is the input excitation: for <c>cur</c> a unit current into in+ and
/// out of in−; for <c>vol</c> a unit voltage across the port, applied through the branch row of an independent
/// voltage source already connected across it, or else through a voltage source added there (one more unknown and
/// row). c reads v(out+) − v(out−).
/// Poles: the finite eigenvalues of the pencil (G + λC) (<see cref="PencilEigenvalues"/>).
/// Zeros: H(s) = 0 exactly when the bordered matrix [[G + sC, b], [cᵀ, 0]] is singular, since by the Schur complement
/// det [[A, b], [cᵀ, 0]] = −det(A) · cᵀA⁻¹b; so the zeros are the finite eigenvalues of the bordered pencil
/// ([[G, b], [cᵀ, 0]], [[C, 0], [0, 0]]).
/// </summary>
public static class PoleZero
{
    private const string Analysis = "pole-zero analysis";

    /// <summary>Computes the operating point, linearizes, and returns the poles and/or zeros.</summary>
    /// <exception cref="SimulationException">No operating point, too many unknowns, or a singular pencil.</exception>
    /// <param name="sim">The simulator of the circuit.</param>
    /// <param name="spec">The ports and what to compute.</param>
    /// <param name="cancellation">Stops the operating point with <see cref="OperationCanceledException"/>.</param>
    public static PoleZeroResult Compute(Simulator sim, PoleZeroSpec spec, CancellationToken cancellation = default)
    {
        var sys = sim.System;
        if (sys.Size + 2 > PencilEigenvalues.MaxUnknowns)
            throw new SimulationLimitException($"pole-zero analysis: the dense eigenvalue computation is limited to {PencilEigenvalues.MaxUnknowns} unknowns; this circuit has {sys.Size}", Analysis);
        var op = new OperatingPointAnalysis().Run(sim, cancellation).X;
        var (g, c) = sys.DenseJacobians(op);
        int ip = sys.NodeIndex(spec.InPlus), im = sys.NodeIndex(spec.InMinus);
        int op_ = sys.NodeIndex(spec.OutPlus), om = sys.NodeIndex(spec.OutMinus);
        int n = sys.Size;
        double[] b;
        if (spec.CurrentInput)
        {
            b = new double[n];
            if (ip > 0) b[ip - 1] += 1;
            if (im > 0) b[im - 1] -= 1;
        }
        else
        {
            int branch = PortSource(sys, spec.InPlus, spec.InMinus, out double sign);
            if (branch > 0)
            {
                b = new double[n];
                b[branch - 1] = sign;
            }
            else
            {
                (g, c) = AddPortSource(g, c, ip, im);
                n++;
                b = new double[n];
                b[n - 1] = 1;
            }
        }
        var readout = new double[n];
        if (op_ > 0) readout[op_ - 1] += 1;
        if (om > 0) readout[om - 1] -= 1;

        Complex[] poles = Array.Empty<Complex>(), zeros = Array.Empty<Complex>();
        if (spec.Poles)
        {
            try { poles = PencilEigenvalues.Finite(g, c); }
            catch (SimulationException e) { throw new SimulationException($"pole-zero analysis (poles): {e.Message}", Analysis, inner: e); }
        }
        if (spec.Zeros)
        {
            var (gb, cb) = Border(g, c, b, readout);
            try { zeros = PencilEigenvalues.Finite(gb, cb); }
            catch (SimulationException e)
            {
                throw new SimulationException($"pole-zero analysis (zeros): the transfer function is identically zero or undefined ({e.Message})", Analysis, inner: e);
            }
        }
        return new PoleZeroResult(Sort(poles), Sort(zeros));
    }

    private static Complex[] Sort(Complex[] v)
    {
        // eigenvalues of real pencils come in exact conjugate pairs; clean rounding noise on real ones
        var r = v.Select(z => Math.Abs(z.Imaginary) <= 1e-12 * z.Magnitude ? new Complex(z.Real, 0) : z).ToArray();
        return r.OrderBy(z => z.Real).ThenBy(z => z.Imaginary).ToArray();
    }

    /// <summary>The branch of an independent voltage source connected across the port, with the sign that makes its
    /// unit value a unit v(in+) − v(in−); 0 when there is none.</summary>
    private static int PortSource(CircuitSystem sys, string plus, string minus, out double sign)
    {
        sign = 1;
        foreach (var d in sys.Circuit.Devices)
        {
            if (d is not IDcSource || d.BranchIndex <= 0 || d.Nodes.Count != 2) continue;
            int a = sys.NodeIndex(d.Nodes[0]), b = sys.NodeIndex(d.Nodes[1]);
            int p = sys.NodeIndex(plus), m = sys.NodeIndex(minus);
            if (a == p && b == m) { sign = 1; return d.BranchIndex; }
            if (a == m && b == p) { sign = -1; return d.BranchIndex; }
        }
        return 0;
    }

    /// <summary>Adds a voltage source across (p, m): one more unknown, its branch current (leaving p, entering m), and
    /// its row v(p) − v(m) = u.</summary>
    private static (double[,], double[,]) AddPortSource(double[,] g, double[,] c, int p, int m)
    {
        int n = g.GetLength(0);
        var g2 = new double[n + 1, n + 1];
        var c2 = new double[n + 1, n + 1];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) { g2[i, j] = g[i, j]; c2[i, j] = c[i, j]; }
        if (p > 0) { g2[p - 1, n] = 1; g2[n, p - 1] = 1; }
        if (m > 0) { g2[m - 1, n] = -1; g2[n, m - 1] = -1; }
        return (g2, c2);
    }

    /// <summary>The bordered pencil ([[G, b], [cᵀ, 0]], [[C, 0], [0, 0]]) whose finite eigenvalues are the zeros.
    /// Note: the excitation enters as G x + b u = 0 with u an extra unknown, and the row cᵀx = 0 forces the output
    /// to zero; a nonzero solution exists exactly at the zeros of cᵀ(G + sC)⁻¹b.</summary>
    private static (double[,], double[,]) Border(double[,] g, double[,] c, double[] b, double[] readout)
    {
        int n = g.GetLength(0);
        var g2 = new double[n + 1, n + 1];
        var c2 = new double[n + 1, n + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) { g2[i, j] = g[i, j]; c2[i, j] = c[i, j]; }
            g2[i, n] = b[i];
            g2[n, i] = readout[i];
        }
        return (g2, c2);
    }
}
