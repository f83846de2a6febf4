using Perovspice.Engine;

namespace Perovspice.Devices;

public sealed partial class Bjt
{
    private static readonly string[] Names =
        { "ic", "ib", "ie", "is", "vbe", "vbc", "vce", "gm", "gpi", "gmu", "go", "gx", "cpi", "cmu", "cbx", "ccs" };

    /// <inheritdoc />
    public override IReadOnlyList<string> QuantityNames => Names;

    /// <summary>
    /// Reads "ic", "ib", "ie", "is" (currents into the collector, base, emitter and substrate terminals, with the
    /// charges' dQ/dt in a transient), "vbe", "vbc", "vce" (intrinsic junction voltages and the external
    /// collector-emitter voltage), "gm" (∂Ict/∂vbe at fixed vce), "go" (∂Ict/∂vce), "gpi", "gmu" (∂ib/∂vbe,
    /// ∂ib/∂vbc), "gx" (base-resistance conductance), "cpi", "cmu", "cbx", "ccs" (B-E, internal and external B-C,
    /// substrate capacitances). Small-signal values are in NPN polarity and include m.
    /// </summary>
    public override double ReadQuantity(string name, Solution solution)
    {
        int n = _vA.Length;
        var v = new double[n];
        var vdot = new double[n];
        for (int k = 0; k < n; k++)
        {
            v[k] = solution.X[_block.Node(k)];
            vdot[k] = solution.Xdot[_block.Node(k)];
        }
        // A terminal current is summed with its internal node's (whose own sum is zero by KCL): the result does
        // not hang on the small voltage across rb, re or rc, so it is as accurate as the junction voltages.
        var into = new double[n];
        var sink = new TerminalCurrents(into, vdot, Multiplier);
        Evaluate(ref sink, v, _gmin);
        return name switch
        {
            "ic" => Terminal(into, C, _ci),
            "ib" => Terminal(into, B, _bi),
            "ie" => Terminal(into, E, _ei),
            "is" => into[S],
            "vbe" => v[_bi] - v[_ei],
            "vbc" => v[_bi] - v[_ci],
            "vce" => v[C] - v[E],
            "gm" => _gm,
            "gpi" => _gpi,
            "gmu" => _gmu,
            "go" => _go,
            "gx" => _gx,
            "cpi" => _cpi,
            "cmu" => _cmu,
            "cbx" => _cbx,
            "ccs" => _ccs,
            _ => base.ReadQuantity(name, solution),
        };
    }

    private static double Terminal(double[] into, int outer, int inner) =>
        inner == outer ? into[outer] : into[outer] + into[inner];
}
