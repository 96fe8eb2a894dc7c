using System.Runtime.InteropServices;

namespace PressReleases.Web.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (<c>docker stop</c>, systemd, <c>kill</c>) as a cancellation: the first signal keeps
/// the process alive and asks the work to stop at its next safe point (an ingest between two store batches). A second
/// signal gets the runtime's default, which ends the process at once, as <c>kill -9</c> would; the store is still
/// consistent (each batch is one transaction) and the index catches up at the next start.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource cancel = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private int received;

    public StopSignals()
    {
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    public CancellationToken Token => cancel.Token;

    /// <summary>
    /// The exit code of a one-off command stopped by the signal received. SIGTERM is how a supervisor (docker stop,
    /// systemd) asks for an orderly stop, and the command did stop in order, between batches: 0, so the stop is not
    /// read as a failure (or restarted by an on-failure policy). SIGINT is a person interrupting work they asked for:
    /// 130 (128 + 2, as a shell reports it), so a script running it sees the work did not finish.
    /// </summary>
    public int StoppedExitCode => Volatile.Read(ref received) == (int)PosixSignal.SIGTERM ? 0 : 128 + 2;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref received, (int)context.Signal, 0) != 0)
        {
            // The second signal: the default handling ends the process now.
            return;
        }

        context.Cancel = true;
        cancel.Cancel();
    }
}
