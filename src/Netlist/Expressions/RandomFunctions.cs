using System.Text;

namespace Perovspice.Netlist.Expressions;

/// <summary>
/// Monte-Carlo functions of parameter expressions, with the ngspice/LTspice meanings:
/// <list type="bullet">
/// <item><c>gauss(nom, rel, sigma)</c>: normal, mean nom, standard deviation |nom·rel|/sigma;</item>
/// <item><c>agauss(nom, abs, sigma)</c>: normal, mean nom, standard deviation |abs|/sigma (sigma defaults to 1);</item>
/// <item><c>unif(nom, rel)</c>: uniform on [nom − |nom·rel|, nom + |nom·rel|];</item>
/// <item><c>aunif(nom, abs)</c>: uniform on [nom − |abs|, nom + |abs|];</item>
/// <item><c>limit(nom, abs)</c>: nom + abs or nom − abs with probability ½ each (the 3-argument <c>limit</c> is the
/// clamp, see <see cref="Functions"/>).</item>
/// </list>
/// A draw is a pure function of (seed, step value, hierarchical instance name, parameter name, index of the call
/// within that parameter's expression): these are hashed with FNV-1a-64 over their UTF-8 bytes followed by the
/// SplitMix64 finaliser, and the hash keys a counter-based generator (SplitMix64 of key + counter). So a draw does
/// not depend on thread, shard or evaluation order, and is the same in every process.
/// </summary>
internal static class RandomFunctions
{
    /// <summary>The seed used when <c>.options seed</c> is not given (fixed, so runs are reproducible).</summary>
    public const ulong DefaultSeed = 1;

    [ThreadStatic] private static Context? _current;

    private sealed class Context
    {
        public ulong Seed;
        public double Step;
        public string Instance = "";
        public string Parameter = "";
        public int Calls;
    }

    /// <summary>Whether <paramref name="name"/> with <paramref name="count"/> arguments is a random function.</summary>
    public static bool IsRandom(string name, int count) => name switch
    {
        "gauss" or "agauss" or "unif" or "aunif" => true,
        "limit" => count == 2,
        _ => false,
    };

    /// <summary>Sets the seed and step value for the flattening running on this thread.</summary>
    public static void Begin(ulong seed, double step)
    {
        _current = new Context { Seed = seed, Step = step };
    }

    /// <summary>Makes (instance, parameter) the key of the draws until the returned scope is disposed (nestable: the
    /// previous key and call count come back).</summary>
    public static Scope Enter(string instance, string parameter)
    {
        var c = _current ??= new Context { Seed = DefaultSeed };
        var saved = new Scope(c, c.Instance, c.Parameter, c.Calls);
        c.Instance = instance; c.Parameter = parameter; c.Calls = 0;
        return saved;
    }

    /// <summary>Restores the previous draw key when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly object? _context;
        private readonly string _instance, _parameter;
        private readonly int _calls;

        internal Scope(object context, string instance, string parameter, int calls)
        {
            _context = context; _instance = instance; _parameter = parameter; _calls = calls;
        }

        /// <summary>Restores the previous key.</summary>
        public void Dispose()
        {
            if (_context is Context c) { c.Instance = _instance; c.Parameter = _parameter; c.Calls = _calls; }
        }
    }

    /// <summary>Draws for a random function call in the current context.</summary>
    public static double Apply(string name, IReadOnlyList<double> a)
    {
        var c = _current ??= new Context { Seed = DefaultSeed };
        ulong key = Key(c.Seed, c.Step, c.Instance, c.Parameter, c.Calls++);
        return Draw(name, a, key);
    }

    /// <summary>The value of a random function for a given key (exposed for tests).</summary>
    public static double Draw(string name, IReadOnlyList<double> a, ulong key)
    {
        double nom = a[0];
        switch (name)
        {
            case "gauss":
            case "agauss":
            {
                double sigma = a.Count > 2 ? a[2] : 1;
                if (sigma == 0) throw new ExpressionException($"'{name}': sigma must be non-zero", 0);
                double spread = name == "gauss" ? nom * a[1] : a[1];
                return nom + Math.Abs(spread / sigma) * Normal(key);
            }
            case "unif":
                return nom + Math.Abs(nom * a[1]) * (2 * Uniform(key, 0) - 1);
            case "aunif":
                return nom + Math.Abs(a[1]) * (2 * Uniform(key, 0) - 1);
            case "limit":
                return Uniform(key, 0) < 0.5 ? nom - a[1] : nom + a[1];
            default:
                throw new InvalidOperationException(name);
        }
    }

    /// <summary>The stable hash of a draw's identity.</summary>
    public static ulong Key(ulong seed, double step, string instance, string parameter, int call)
    {
        ulong h = 14695981039346656037UL;
        h = Mix(h, seed);
        h = Mix(h, (ulong)BitConverter.DoubleToInt64Bits(step == 0 ? 0.0 : step)); // -0 and +0 alike
        h = Bytes(h, instance.ToLowerInvariant());
        h = Bytes(h, parameter.ToLowerInvariant());
        h = Mix(h, (ulong)call);
        return Finalise(h);
    }

    private static ulong Bytes(ulong h, string s)
    {
        foreach (byte b in Encoding.UTF8.GetBytes(s)) { h ^= b; h *= 1099511628211UL; }
        h ^= 0xff; h *= 1099511628211UL;   // separator: ("ab","c") differs from ("a","bc")
        return h;
    }

    private static ulong Mix(ulong h, ulong v)
    {
        for (int k = 0; k < 8; k++) { h ^= (v >> (8 * k)) & 0xff; h *= 1099511628211UL; }
        return h;
    }

    /// <summary>SplitMix64's output function.</summary>
    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    /// <summary>The counter-th uniform in (0, 1) of a key: 53 random bits, never 0 or 1.</summary>
    private static double Uniform(ulong key, ulong counter) =>
        ((Finalise(key + 0x9e3779b97f4a7c15UL * (counter + 1)) >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>A standard normal variate (Box–Muller on the key's first two uniforms).</summary>
    private static double Normal(ulong key)
    {
        double u1 = Uniform(key, 0), u2 = Uniform(key, 1);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
