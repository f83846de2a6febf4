namespace Perovspice.Devices.Bsim4;

/// <summary>
/// BSIM4's layout-dependent parasitics (manual ch. 11 "layout-dependent parasitics model"): the number of end and
/// interior source/drain diffusions of an nf-finger device, and from them and geomod (isolated, shared or merged
/// end diffusions) the effective source/drain perimeters and areas, and with rgeomod the diffusion resistances.
/// </summary>
public static class Bsim4Geometry4
{
    /// <summary>End and interior drain/source diffusion counts of an <paramref name="nf"/>-finger device; for even nf,
    /// <paramref name="minSD"/> = 1 minimizes the number of source diffusions (drains at both ends).</summary>
    public static (double IntD, double EndD, double IntS, double EndS) FingerDiffusions(double nf, int minSD)
    {
        int n = (int)nf;
        if (n % 2 != 0)
        {
            double i = 2 * Math.Max((nf - 1) / 2, 0);
            return (i, 1, i, 1);
        }
        return minSD == 1
            ? (2 * Math.Max(nf / 2 - 1, 0), 2, nf, 0)
            : (nf, 0, 2 * Math.Max(nf / 2 - 1, 0), 2);
    }

    /// <summary>Effective source/drain perimeters and areas (Ps, Pd, As, Ad) from the layout.</summary>
    public static (double Ps, double Pd, double As, double Ad) PAeff(double nf, int geo, int minSD, double weffcj,
        double dmcg, double dmci, double dmdg)
    {
        double intD = 0, endD = 0, intS = 0, endS = 0;
        if (geo < 9) (intD, endD, intS, endS) = FingerDiffusions(nf, minSD);
        double t0 = dmcg + dmci, t1 = dmcg + dmcg, t2 = dmdg + dmdg;
        double pIso = t0 + t0 + weffcj, pSha = t1, pMer = t2;
        double aIso = t0 * weffcj, aSha = dmcg * weffcj, aMer = dmdg * weffcj;
        // (end source kind, end drain kind): 0 isolated, 1 shared, 2 merged
        (int s, int d) = geo switch
        {
            0 => (0, 0), 1 => (0, 1), 2 => (1, 0), 3 => (1, 1), 4 => (0, 2), 5 => (1, 2), 6 => (2, 0), 7 => (2, 1),
            8 => (2, 2), _ => (-1, -1),
        };
        if (geo == 9) return (pIso + (nf - 1) * pSha, nf * pSha, aIso + (nf - 1) * aSha, nf * aSha);
        if (geo == 10) return (nf * pSha, pIso + (nf - 1) * pSha, nf * aSha, aIso + (nf - 1) * aSha);
        double P(int k) => k == 0 ? pIso : k == 1 ? pSha : pMer;
        double A(int k) => k == 0 ? aIso : k == 1 ? aSha : aMer;
        // a shared end diffusion counts as interior: (end + interior)·shared
        double ps = s == 1 ? (endS + intS) * pSha : endS * P(s) + intS * pSha;
        double pd = d == 1 ? (endD + intD) * pSha : endD * P(d) + intD * pSha;
        double @as = s == 1 ? (endS + intS) * aSha : endS * A(s) + intS * aSha;
        double ad = d == 1 ? (endD + intD) * aSha : endD * A(d) + intD * aSha;
        return (ps, pd, @as, ad);
    }

    /// <summary>The source (<paramref name="source"/>) or drain diffusion resistance from the layout (rgeomod &gt; 0):
    /// interior diffusions in parallel with the end one.</summary>
    public static double RdsEff(double nf, int geo, int rgeo, int minSD, double weffcj, double rsh, double dmcg,
        double dmci, double dmdg, bool source)
    {
        double rint = 0, rend = 0;
        if (geo < 9)
        {
            var (intD, endD, intS, endS) = FingerDiffusions(nf, minSD);
            double nuInt = source ? intS : intD;
            rint = nuInt == 0 ? 0 : rsh * dmcg / (weffcj * nuInt);
            double nuEnd = source ? endS : endD;
            (int s, int d) = geo switch
            {
                0 => (0, 0), 1 => (0, 1), 2 => (1, 0), 3 => (1, 1), 4 => (0, 2), 5 => (1, 2), 6 => (2, 0), 7 => (2, 1),
                _ => (2, 2),
            };
            int kind = source ? s : d;
            if (geo == 8) rend = rsh * dmdg / weffcj;
            else if (kind == 2) rend = geo is 5 or 7 ? rsh * dmdg / (weffcj * nuEnd) : rsh * dmdg / weffcj;
            else rend = End(kind == 0, weffcj, rsh, dmcg, dmci, nuEnd, rgeo, source);
        }
        else if ((geo == 9) == source)
        {
            rend = 0.5 * rsh * dmcg / weffcj;
            rint = nf == 2 ? 0 : rsh * dmcg / (weffcj * (nf - 2));
        }
        else rint = rsh * dmcg / (weffcj * nf);
        if (rint <= 0) return rend;
        if (rend <= 0) return rint;
        return rint * rend / (rint + rend);
    }

    private static double End(bool isolated, double weffcj, double rsh, double dmcg, double dmci, double nuEnd,
        int rgeo, bool source)
    {
        // rgeomod selects, per side, a wide-contact (dmcg/W) or a point-contact (W/(3 or 6·dmcg)) end resistance
        bool wide = source ? rgeo is 1 or 2 or 5 : rgeo is 1 or 3 or 7;
        bool point = source ? rgeo is 3 or 4 or 6 : rgeo is 2 or 4 or 8;
        if (nuEnd == 0) return 0;
        if (wide) return rsh * dmcg / (weffcj * nuEnd);
        if (!point) return 0;
        if (isolated) return dmcg + dmci == 0 ? 0 : rsh * weffcj / (3 * nuEnd * (dmcg + dmci));
        return dmcg == 0 ? 0 : rsh * weffcj / (6 * nuEnd * dmcg);
    }
}
