using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Perovspice.Devices.Perovskite;
using Perovspice.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>Level 2 under current drive: the finite eigenvalues of the pencil (G + λC) at an operating point are
/// the roots of λ³ + c2λ² + c1λ + c0 (Eqs. 19, 21, 22) with the corrected c0 of the spec (not the paper's Eq. 20).</summary>
public class HopfPolynomialTests(ITestOutputHelper output)
{
    private static Complex[] Roots(double c2, double c1, double c0)
    {
        var companion = Matrix<double>.Build.DenseOfArray(new double[,] { { -c2, -c1, -c0 }, { 1, 0, 0 }, { 0, 1, 0 } });
        return companion.Evd().EigenValues.ToArray();
    }

    /// <summary>Largest distance from a computed eigenvalue to the nearest root, relative to the largest root.</summary>
    private static double Mismatch(Complex[] eig, Complex[] roots)
    {
        double scale = roots.Max(r => r.Magnitude);
        return eig.Max(e => roots.Min(r => (e - r).Magnitude)) / scale;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PencilEigenvaluesAreTheRootsOfTheCorrectedPolynomial(bool physical)
    {
        var p = physical ? Kit.Physical(2) : Kit.Normalized(2);
        double cm = p["cm"], rb = p["rb"], ic0 = p["ic0"], vt = p["vt"], vm = p["vm"], taud = p["taud"], tauk = p["tauk"];
        double tm = rb * cm;
        foreach (double u in new[] { 0.85, 0.95, 1.0, 1.05, 1.15 })
        {
            double f = Kit.Fss(u, vt, vm);
            var src = new CurrentSource("i1", "0", "a", u / rb + ic0 * f);
            // Tight tolerances: the operating point to machine precision, so that f = fss(u) holds in the Jacobian.
            var tight = new SimulationOptions { RelTol = 1e-13, VnTol = 1e-15, AbsTol = 1e-20, StateTol = 1e-15 };
            var sim = new Simulator(new Circuit().Add(src, new PerovskiteMemristor("n1", "a", "0", PerovskiteModel.Create(2, p))), tight);
            var op = sim.OperatingPoint();
            Assert.True(Kit.Rel(op.V("a"), u) < 1e-9);
            var (g, c) = sim.System.DenseJacobians(op.X);
            var G = Matrix<double>.Build.DenseOfArray(g);
            var C = Matrix<double>.Build.DenseOfArray(c);
            // Shift trick (design.md): M = (G + σC)⁻¹C has μ = 1/(σ − λ); λ = σ − 1/μ for μ ≠ 0.
            double sigma = 0.37 / Math.Min(tm, Math.Min(taud, tauk));
            var mu = (G + sigma * C).Solve(C).Evd().EigenValues;
            var lambdas = mu.Where(m => m.Magnitude > 1e-12 * mu.Max(x => x.Magnitude)).Select(m => sigma - 1 / m).ToArray();
            Assert.Equal(3, lambdas.Length);

            double c2 = 1 / tm + 1 / taud + 1 / (f * tauk);                                   // Eq. 22
            double c1 = 1 / (f * taud * tauk) + 1 / (f * tm * tauk) + 1 / (taud * tm);         // Eq. 21
            double c0 = ic0 * (1 - f) / (taud * tauk * cm * vm) + 1 / (tm * taud * f * tauk); // corrected Eq. 20
            double c0Paper = ic0 * (1 - f) / (taud * tauk * cm * vm);
            double ra = vm / (ic0 * f * (1 - f));
            Assert.True(Kit.Rel(c0, (1 / rb + 1 / ra) / (cm * taud * f * tauk)) < 1e-12);

            double err = Mismatch(lambdas, Roots(c2, c1, c0));
            double errPaper = Mismatch(lambdas, Roots(c2, c1, c0Paper));
            output.WriteLine($"{(physical ? "physical" : "normalized")} u={u}: λ = {string.Join(", ", lambdas.Select(l => $"{l.Real:G6}{l.Imaginary:+0.#####E+0;-0.#####E+0}i"))}; " +
                             $"mismatch corrected c0 {err:E2}, paper's Eq. 20 {errPaper:E2}; c1c2 − c0 = {c1 * c2 - c0:G4}");
            Assert.True(err < 1e-9, $"u={u}: {err:E2}");
            Assert.True(errPaper > 1e-4, $"u={u}: paper's c0 also matches ({errPaper:E2})");
        }
    }
}
