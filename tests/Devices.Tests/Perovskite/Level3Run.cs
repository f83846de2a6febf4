using Perovspice.Devices.Perovskite;
using Perovspice.Engine;

namespace Perovspice.Devices.Tests.Perovskite;

/// <summary>Per-pulse measurements of a level-3 device under a rectangular pulse train 0 → height.</summary>
internal sealed class Level3Run
{
    public const double Edge = 1e-4; // rise and fall time of the "rectangular" pulses

    public required double[] EndOfPulse { get; init; }   // current just before each trailing edge
    public required double[] MidPulse { get; init; }     // current half-way through each pulse
    public required double[] PeakAfterRise { get; init; }// largest current within 2 ms of each leading edge
    public required double[] SpikeAfterFall { get; init; }// smallest current within 2 ms of each trailing edge
    public required double[] EndOfRest { get; init; }    // current just before the next leading edge
    public required double[] WAtFall { get; init; }      // w at each trailing edge
    public required double[] WAtRise { get; init; }      // w at the next leading edge
    public required double MaxAbsCurrentAtRestEnd { get; init; }
    public int Steps { get; init; }

    /// <summary>Runs <paramref name="pulses"/> pulses of width <paramref name="width"/> every
    /// <paramref name="period"/> seconds, then <paramref name="tail"/> seconds of rest.</summary>
    public static Level3Run Run(double height, double width, double period, int pulses,
        Dictionary<string, double>? parameters = null, double tail = 0, double reltol = 1e-3)
    {
        var model = PerovskiteModel.Create(3, parameters ?? new Dictionary<string, double>());
        var wave = new PulseWaveform(new[] { 0, height, 0, Edge, Edge, width - Edge, period, pulses });
        var src = new VoltageSource("v1", "a", "0", new SourceValue { Dc = 0, Waveform = wave });
        var dev = new PerovskiteMemristor("n1", "a", "0", model);
        var sim = new Simulator(new Circuit().Add(src, dev), new SimulationOptions { RelTol = reltol });
        var end = new double[pulses]; var mid = new double[pulses]; var peak = new double[pulses];
        var spike = new double[pulses]; var rest = new double[pulses]; var wf = new double[pulses]; var wr = new double[pulses];
        Array.Fill(peak, double.NegativeInfinity);
        Array.Fill(spike, double.PositiveInfinity);
        double stop = pulses * period + tail, lastCurrent = 0, tMid = -1, iMid = 0;
        int steps = 0;
        sim.Transient(new TransientSpec(period / 100, stop, MaxStep: period / 20), s =>
        {
            steps++;
            double t = s.Time, i = dev.ReadQuantity("i", s), w = dev.ReadQuantity("w", s);
            int k = (int)Math.Floor(t / period + 1e-9);
            double tau = t - k * period;
            if (k < pulses)
            {
                if (tau <= 2e-3 + Edge) peak[k] = Math.Max(peak[k], i);
                if (tau <= width / 2) { tMid = t; iMid = i; }
                else if (tMid >= 0) { mid[k] = iMid + (i - iMid) * (k * period + width / 2 - tMid) / (t - tMid); tMid = -1; }
                if (Math.Abs(tau - width) < 1e-12) { end[k] = i; wf[k] = w; }
                if (tau >= width && tau <= width + Edge + 2e-3) spike[k] = Math.Min(spike[k], i);
            }
            if (k >= 1 && k <= pulses && Math.Abs(tau) < 1e-12) { rest[k - 1] = i; wr[k - 1] = w; }
            lastCurrent = i;
        });
        return new Level3Run
        {
            EndOfPulse = end, MidPulse = mid, PeakAfterRise = peak, SpikeAfterFall = spike, EndOfRest = rest,
            WAtFall = wf, WAtRise = wr, MaxAbsCurrentAtRestEnd = Math.Abs(lastCurrent), Steps = steps,
        };
    }
}
