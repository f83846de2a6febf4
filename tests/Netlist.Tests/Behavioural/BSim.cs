using Perovspice.Engine;
using Perovspice.Netlist.Binding;

namespace Perovspice.Netlist.Tests.Behavioural;

/// <summary>Binds a netlist body (title added) and returns a simulator for its circuit.</summary>
internal static class BSim
{
    public static SimulationJob Job(string body) => CircuitBinder.Bind(NetlistReader.ReadText("title\n" + body, T.File), T.File);

    public static Simulator Of(string body)
    {
        var job = Job(body);
        return new Simulator(job.Circuit, job.Options);
    }

    /// <summary>Errors (as printed) of a netlist whose binding must fail.</summary>
    public static List<string> BindErrors(string body)
    {
        var ex = Xunit.Assert.Throws<NetlistException>(() => Job(body));
        return ex.Diagnostics.Where(d => !d.IsWarning).Select(d => d.ToString()).ToList();
    }

    /// <summary>Principal branch of Lambert's W for x ≥ 0 (Halley's iteration), written for these tests.</summary>
    public static double LambertW(double x)
    {
        double w = x < 3 ? Math.Log(1 + x) : Math.Log(x) - Math.Log(Math.Log(x));
        for (int k = 0; k < 100; k++)
        {
            double e = Math.Exp(w), f = w * e - x;
            double step = f / (e * (w + 1) - (w + 2) * f / (2 * w + 2));
            w -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1, Math.Abs(w))) break;
        }
        return w;
    }
}
