using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Perovspice.Engine.Analysis;

/// <summary>
/// The transient runner's O(n) passes over the unknowns with SIMD (<see cref="Vector{T}"/>). Each element is computed
/// with the same operations in the same order as the plain loop it replaces (no fused multiply-add), so the results are
/// bit-for-bit those of the scalar code; only the number of instructions per unknown changes.
/// </summary>
internal static class VectorLoops
{
    /// <summary>d[i] = −s[i] / h.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NegDiv(double[] d, double[] s, double h, int len)
    {
        Check(d, len); Check(s, len);
        int i = 0, vw = Vector<double>.Count;
        ref double rd = ref MemoryMarshal.GetArrayDataReference(d);
        ref double rs = ref MemoryMarshal.GetArrayDataReference(s);
        if (Vector.IsHardwareAccelerated)
        {
            var vh = new Vector<double>(h);
            for (; i + vw <= len; i += vw) (-Vector.LoadUnsafe(ref rs, (nuint)i) / vh).StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < len; i++) d[i] = -s[i] / h;
    }

    /// <summary>d[i] = −(f[i] + a·q[i] + h[i]) (Newton's right-hand side).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NegResidual(double[] d, double[] f, double a, double[] q, double[] h, int len)
    {
        Check(d, len); Check(f, len); Check(q, len); Check(h, len);
        int i = 0, vw = Vector<double>.Count;
        ref double rd = ref MemoryMarshal.GetArrayDataReference(d);
        ref double rf = ref MemoryMarshal.GetArrayDataReference(f);
        ref double rq = ref MemoryMarshal.GetArrayDataReference(q);
        ref double rh = ref MemoryMarshal.GetArrayDataReference(h);
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<double>(a);
            for (; i + vw <= len; i += vw)
                (-(Vector.LoadUnsafe(ref rf, (nuint)i) + va * Vector.LoadUnsafe(ref rq, (nuint)i) + Vector.LoadUnsafe(ref rh, (nuint)i)))
                    .StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < len; i++) d[i] = -(f[i] + a * q[i] + h[i]);
    }

    /// <summary>d[i] = a·x[i] + b·y[i]. With b = ±1 this is a·x[i] ± y[i] exactly (b·y is then exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Combine2(double[] d, double a, double[] x, double b, double[] y, int len)
    {
        Check(d, len); Check(x, len); Check(y, len);
        int i = 0, vw = Vector<double>.Count;
        ref double rd = ref MemoryMarshal.GetArrayDataReference(d);
        ref double rx = ref MemoryMarshal.GetArrayDataReference(x);
        ref double ry = ref MemoryMarshal.GetArrayDataReference(y);
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<double>(a);
            var vb = new Vector<double>(b);
            for (; i + vw <= len; i += vw)
                (va * Vector.LoadUnsafe(ref rx, (nuint)i) + vb * Vector.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < len; i++) d[i] = a * x[i] + b * y[i];
    }

    /// <summary>d[i] = a·x[i] + b·y[i] + c·z[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Combine3(double[] d, double a, double[] x, double b, double[] y, double c, double[] z, int len)
    {
        Check(d, len); Check(x, len); Check(y, len); Check(z, len);
        int i = 0, vw = Vector<double>.Count;
        ref double rd = ref MemoryMarshal.GetArrayDataReference(d);
        ref double rx = ref MemoryMarshal.GetArrayDataReference(x);
        ref double ry = ref MemoryMarshal.GetArrayDataReference(y);
        ref double rz = ref MemoryMarshal.GetArrayDataReference(z);
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<double>(a);
            var vb = new Vector<double>(b);
            var vc = new Vector<double>(c);
            for (; i + vw <= len; i += vw)
                (va * Vector.LoadUnsafe(ref rx, (nuint)i) + vb * Vector.LoadUnsafe(ref ry, (nuint)i)
                 + vc * Vector.LoadUnsafe(ref rz, (nuint)i)).StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < len; i++) d[i] = a * x[i] + b * y[i] + c * z[i];
    }

    /// <summary>
    /// max over i in 1..n with mask[i] ≠ 0 of scale·|xNew[i] − xPred[i]| / ((relTol·max(|xNew[i]|, |x0[i]|) + absTol[i])·trScale),
    /// and the first i where it is reached (<paramref name="at"/> unchanged when the maximum is 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxErrorRatio(double[] xNew, double[] xPred, double[] x0, double[] absTol, double[] mask, int n,
        double scale, double relTol, double trScale, ref int at)
    {
        int len = n + 1;
        Check(xNew, len); Check(xPred, len); Check(x0, len); Check(absTol, len); Check(mask, len);
        double worst = 0;
        int worstAt = at;
        int i = 1, vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n >= 2 * vw)
        {
            ref double rn = ref MemoryMarshal.GetArrayDataReference(xNew);
            ref double rp = ref MemoryMarshal.GetArrayDataReference(xPred);
            ref double r0 = ref MemoryMarshal.GetArrayDataReference(x0);
            ref double ra = ref MemoryMarshal.GetArrayDataReference(absTol);
            ref double rm = ref MemoryMarshal.GetArrayDataReference(mask);
            var vRel = new Vector<double>(relTol);
            var vTr = new Vector<double>(trScale);
            var vScale = new Vector<double>(scale);
            var best = Vector<double>.Zero;
            var bestAt = Vector<double>.Zero;
            Span<double> lanes = stackalloc double[vw];
            for (int l = 0; l < vw; l++) lanes[l] = l;
            var index = new Vector<double>(lanes) + new Vector<double>(i);
            var step = new Vector<double>(vw);
            // per lane: the largest ratio and where it first occurred (masked-out unknowns count as 0, never above)
            for (; i + vw <= len; i += vw, index += step)
            {
                var xn = Vector.LoadUnsafe(ref rn, (nuint)i);
                var tol = (vRel * Vector.Max(Vector.Abs(xn), Vector.Abs(Vector.LoadUnsafe(ref r0, (nuint)i)))
                           + Vector.LoadUnsafe(ref ra, (nuint)i)) * vTr;
                var r = vScale * Vector.Abs(xn - Vector.LoadUnsafe(ref rp, (nuint)i)) / tol;
                var up = Vector.GreaterThan(r, best) & ~Vector.Equals(Vector.LoadUnsafe(ref rm, (nuint)i), Vector<double>.Zero);
                best = Vector.ConditionalSelect(up, r, best);
                bestAt = Vector.ConditionalSelect(up, index, bestAt);
            }
            for (int l = 0; l < vw; l++)
            {
                double b = best[l];
                if (b > worst || (b == worst && b > 0 && (int)bestAt[l] < worstAt)) { worst = b; worstAt = (int)bestAt[l]; }
            }
        }
        for (; i < len; i++)
        {
            if (mask[i] == 0) continue;
            double r = Ratio(xNew[i], xPred[i], x0[i], absTol[i], scale, relTol, trScale);
            if (r > worst) { worst = r; worstAt = i; }
        }
        at = worstAt;
        return worst;
    }

    /// <summary>
    /// Newton's update and convergence measure: x[i] += dx[i] for i = 1..n, returning the largest
    /// |dx[i]| / (relTol·max(|x[i] + dx[i]|, |x[i]|) + absTol[i]) and the first i where it occurs (<paramref name="at"/>).
    /// At the first i where x[i] + dx[i] is not finite it stops and returns NaN with that i: x is then updated below i only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double NewtonUpdate(double[] x, double[] dx, double[] absTol, int n, double relTol, out int at)
    {
        int len = n + 1;
        Check(x, len); Check(dx, len); Check(absTol, len);
        double worst = -1;
        at = 0;
        int i = 1, vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n >= 2 * vw)
        {
            ref double rx = ref MemoryMarshal.GetArrayDataReference(x);
            ref double rd = ref MemoryMarshal.GetArrayDataReference(dx);
            ref double ra = ref MemoryMarshal.GetArrayDataReference(absTol);
            var vRel = new Vector<double>(relTol);
            var best = new Vector<double>(-1.0);
            var bestAt = Vector<double>.Zero;
            Span<double> lanes = stackalloc double[vw];
            for (int l = 0; l < vw; l++) lanes[l] = l;
            var index = new Vector<double>(lanes) + new Vector<double>(i);
            var step = new Vector<double>(vw);
            for (; i + vw <= len; i += vw, index += step)
            {
                var x0 = Vector.LoadUnsafe(ref rx, (nuint)i);
                var d = Vector.LoadUnsafe(ref rd, (nuint)i);
                var xi = x0 + d;
                // a non-finite lane (x − x is NaN for ±Inf and NaN): the scalar loop below redoes this block and stops there
                if (!Vector.EqualsAll(xi - xi, Vector<double>.Zero)) break;
                var tol = vRel * Vector.Max(Vector.Abs(xi), Vector.Abs(x0)) + Vector.LoadUnsafe(ref ra, (nuint)i);
                var r = Vector.Abs(d) / tol;
                var up = Vector.GreaterThan(r, best);
                best = Vector.ConditionalSelect(up, r, best);
                bestAt = Vector.ConditionalSelect(up, index, bestAt);
                xi.StoreUnsafe(ref rx, (nuint)i);
            }
            for (int l = 0; l < vw; l++)
            {
                double b = best[l];
                int bi = (int)bestAt[l];
                if (bi == 0) continue;   // a lane no block reached
                if (b > worst || (b == worst && bi < at)) { worst = b; at = bi; }
            }
        }
        for (; i < len; i++)
        {
            double d = dx[i];
            double xi = x[i] + d;
            if (!double.IsFinite(xi)) { at = i; return double.NaN; }
            double tol = relTol * Math.Max(Math.Abs(xi), Math.Abs(x[i])) + absTol[i];
            double ratio = Math.Abs(d) / tol;
            if (ratio > worst) { worst = ratio; at = i; }
            x[i] = xi;
        }
        return worst;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Ratio(double xn, double xp, double x0, double absTol, double scale, double relTol, double trScale)
    {
        double tol = (relTol * Math.Max(Math.Abs(xn), Math.Abs(x0)) + absTol) * trScale;
        return scale * Math.Abs(xn - xp) / tol;
    }

    private static void Check(double[] a, int len)
    {
        if (a.Length < len) throw new ArgumentException("array shorter than the loop");
    }
}
