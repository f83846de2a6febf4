namespace Perovspice.Devices;

/// <summary>
/// The history of a transmission line's two outgoing waves W1 = v1 + z0·i1 and W2 = v2 + z0·i2 at accepted time
/// points, read back at t − td by linear interpolation. Before the first point the waves keep their first value
/// (the line starts in its dc steady state). Entries older than the delay are dropped as time advances.
/// </summary>
internal sealed class WaveHistory
{
    private readonly List<double> _t = new(), _w1 = new(), _w2 = new();
    private int _start;

    public int Count => _t.Count - _start;

    public void Clear()
    {
        _t.Clear(); _w1.Clear(); _w2.Clear();
        _start = 0;
    }

    /// <summary>Appends an accepted point (times increase) and forgets what no time after
    /// <paramref name="time"/> − <paramref name="delay"/> needs.</summary>
    public void Add(double time, double w1, double w2, double delay)
    {
        _t.Add(time); _w1.Add(w1); _w2.Add(w2);
        double oldest = time - delay;
        while (_start + 1 < _t.Count && _t[_start + 1] <= oldest) _start++;
        if (_start > 256 && _start > _t.Count / 2)
        {
            _t.RemoveRange(0, _start); _w1.RemoveRange(0, _start); _w2.RemoveRange(0, _start);
            _start = 0;
        }
    }

    /// <summary>Entry <paramref name="k"/> counted from the newest (0 = newest).</summary>
    public (double T, double W1, double W2) FromEnd(int k)
    {
        int i = _t.Count - 1 - k;
        return (_t[i], _w1[i], _w2[i]);
    }

    /// <summary>Both waves at time <paramref name="time"/> (at or before the newest point).</summary>
    public (double W1, double W2) At(double time)
    {
        int last = _t.Count - 1;
        if (time <= _t[_start]) return (_w1[_start], _w2[_start]);
        if (time >= _t[last]) return (_w1[last], _w2[last]);
        int lo = _start, hi = last;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (_t[mid] <= time) lo = mid; else hi = mid;
        }
        double f = (time - _t[lo]) / (_t[hi] - _t[lo]);
        return (_w1[lo] + f * (_w1[hi] - _w1[lo]), _w2[lo] + f * (_w2[hi] - _w2[lo]));
    }
}
