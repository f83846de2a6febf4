using System.Runtime.InteropServices;

namespace Perovspice.Cli.Running;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into a cancellation that the running analysis sees at its next time or sweep
/// point (<see cref="Engine.SimulationOptions.Cancellation"/>), so the run can stop cleanly: files of finished analyses
/// stay, the interrupted one writes nothing, and the exit code is 130 (SIGINT) or 143 (SIGTERM). A second signal
/// while stopping terminates at once (the default action). Uses <see cref="PosixSignalRegistration"/>, which works
/// under Native AOT.
/// </summary>
internal sealed class Interruption : IDisposable
{
    /// <summary>Exit code after SIGINT.</summary>
    public const int SigInt = 130;
    /// <summary>Exit code after SIGTERM.</summary>
    public const int SigTerm = 143;

    private readonly CancellationTokenSource _cts;
    private readonly List<PosixSignalRegistration> _registrations = new();
    private int _code;

    /// <param name="external">Also cancels the run (tests use it for a time budget; counts as SIGINT).</param>
    public Interruption(CancellationToken external)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(external);
        if (OperatingSystem.IsWindows() || OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Handle(c, SigInt)));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Handle(c, SigTerm)));
        }
    }

    private void Handle(PosixSignalContext context, int code)
    {
        if (Interlocked.CompareExchange(ref _code, code, 0) != 0) return;   // second signal: default action
        context.Cancel = true;
        _cts.Cancel();
    }

    /// <summary>Cancelled by a signal or the external token.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>True once a signal (or the external token) asked to stop.</summary>
    public bool Requested => _cts.IsCancellationRequested;

    /// <summary>130 or 143 by the signal received (130 for the external token).</summary>
    public int ExitCode => _code == 0 ? SigInt : _code;

    /// <summary>The signal's name for messages.</summary>
    public string SignalName => ExitCode == SigTerm ? "SIGTERM" : "SIGINT";

    /// <summary>Unregisters the handlers.</summary>
    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cts.Dispose();
    }
}
