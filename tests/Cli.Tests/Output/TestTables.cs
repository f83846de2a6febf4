using Xunit;
using Perovspice.Cli.Results;

namespace Perovspice.Cli.Tests.Output;

/// <summary>Small result tables for the writer tests.</summary>
internal static class TestTables
{
    public static ResultTable Tran(int rows = 3)
    {
        var t = new ResultTable("tran", "tran", "Transient Analysis", "rc test");
        var time = new ResultColumn("time");
        var vout = new ResultColumn("v(out)");
        var iv = new ResultColumn("i(v1)");
        var vt = new RawVector("time", VectorType.Time, false);
        var vo = new RawVector("v(out)", VectorType.Voltage, false);
        var vi = new RawVector("i(v1)", VectorType.Current, false);
        for (int k = 0; k < rows; k++)
        {
            double tk = k * 1e-4, v = 1 - Math.Exp(-tk / 1e-3), i = -Math.Exp(-tk / 1e-3) * 1e-3;
            time.Values.Add(tk); vout.Values.Add(v); iv.Values.Add(i);
            vt.Real.Add(tk); vo.Real.Add(v); vi.Real.Add(i);
        }
        t.Columns.AddRange([time, vout, iv]);
        t.Vectors.AddRange([vt, vo, vi]);
        return t;
    }

    /// <summary>RC low-pass (R = 1k, C = 1u) driven by 1 V: v(out) = 1/(1+jωRC), plus the "impedance" z(in) = R + 1/(jωC).</summary>
    public static ResultTable Ac(int pointsPerDecade = 10, int decades = 4)
    {
        var t = new ResultTable("ac", "ac", "AC Analysis", "rc test");
        var f = new RawVector("frequency", VectorType.Frequency, false);
        var vo = new RawVector("v(out)", VectorType.Voltage, true);
        var z = new RawVector("v(z)", VectorType.Voltage, true);
        var cf = new ResultColumn("frequency");
        var cr = new ResultColumn("vr(out)");
        var ci = new ResultColumn("vi(out)");
        int n = pointsPerDecade * decades + 1;
        for (int k = 0; k < n; k++)
        {
            double fk = 10 * Math.Pow(10, (double)k / pointsPerDecade);
            double w = 2 * Math.PI * fk, rc = 1e-3;
            double den = 1 + w * w * rc * rc;
            f.Real.Add(fk);
            vo.Real.Add(1 / den); vo.Imag.Add(-w * rc / den);
            z.Real.Add(1e3); z.Imag.Add(-1 / (w * 1e-6));
            cf.Values.Add(fk); cr.Values.Add(1 / den); ci.Values.Add(-w * rc / den);
        }
        t.Vectors.AddRange([f, vo, z]);
        t.Columns.AddRange([cf, cr, ci]);
        return t;
    }

    public static ResultTable Op()
    {
        var t = new ResultTable("op", "op", "Operating Point", "rc test");
        string[] names = ["v(in)", "v(out)", "i(v1)"];
        double[] values = [1, 0.5, -5e-4];
        for (int k = 0; k < 3; k++)
        {
            var c = new ResultColumn(names[k]);
            c.Values.Add(values[k]);
            t.Columns.Add(c);
            var v = new RawVector(names[k], k < 2 ? VectorType.Voltage : VectorType.Current, false);
            v.Real.Add(values[k]);
            t.Vectors.Add(v);
        }
        return t;
    }

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "perovspice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
