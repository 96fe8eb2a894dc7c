using Microsoft.Extensions.Logging;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;

namespace PressReleases.Core.Ingestion.Watching;

/// <summary>
/// Keeps a store current with a folder: ingests it, then again whenever its release files change (debounced) and
/// at least every rescan interval, until cancelled. Each ingest is a full, incremental look at the folder, so a run
/// never needs to know what changed, and a change it missed is picked up by the next.
/// A run that fails because the store is away is tried again after a growing back-off until the store is back; any
/// other failure is logged and the next change or rescan tries again. Cancelling stops a run at its next batch
/// boundary (every batch is one transaction, so nothing is left half-written) and ends <see cref="RunAsync"/>
/// normally.
/// </summary>
/// <param name="folder">The folder to ingest.</param>
/// <param name="storeDescription">The store as an operator knows it (<c>StoreLocation.Description</c>), for the log.</param>
/// <param name="ingest">One full ingest of <paramref name="folder"/>, told why it runs.</param>
/// <param name="runCompleted">Receives each completed run's report.</param>
/// <param name="schedule">Quiet period, rescan interval and back-off.</param>
/// <param name="logger">One line per failure, per retry and per recovery.</param>
/// <param name="time">The clock for every wait.</param>
public sealed partial class WatchedIngest(
    string folder,
    string storeDescription,
    Func<IngestTrigger, CancellationToken, Task<IngestReport>> ingest,
    Action<IngestTrigger, IngestReport> runCompleted,
    WatchSchedule schedule,
    ILogger<WatchedIngest> logger,
    TimeProvider? time = null)
{
    private readonly string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    private enum RunResult
    {
        Completed,
        Failed,
        StoreUnavailable,
    }
    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then returns (it does not throw for the cancel).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LogWatching(root, schedule.QuietPeriod.TotalSeconds, schedule.Rescan.TotalMinutes);
        var watch = new FolderWatch(root, schedule, clock, this);
        try
        {
            var trigger = IngestTrigger.Start;
            var storeFailures = 0;
            while (true)
            {
                // Watching starts (or starts afresh) before the run, so what changes while it runs is not lost.
                watch.Ensure();
                var (result, reason, report) = await RunOnceAsync(trigger, cancellationToken);
                if (result == RunResult.StoreUnavailable)
                {
                    storeFailures++;
                    var delay = schedule.Backoff.After(storeFailures);
                    LogStoreUnavailable(root, storeDescription, reason, clock.GetLocalNow() + delay, delay.TotalSeconds, storeFailures);
                    await Task.Delay(delay, clock, cancellationToken);
                    trigger = IngestTrigger.Retry;
                    continue;
                }

                if (result == RunResult.Completed && storeFailures > 0)
                {
                    LogStoreBack(storeDescription, storeFailures);
                    storeFailures = 0;
                }

                // Outside any catch: a failing receiver is a bug to surface, not a failed run to retry.
                if (report is not null)
                {
                    runCompleted(trigger, report);
                }

                trigger = await watch.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(root);
        }
        finally
        {
            watch.Dispose();
        }
    }

    /// <summary>
    /// One run: its report when it completed; when the store was unavailable, the reason, for the line that also says
    /// when the next try is; other failures are logged here.
    /// </summary>
    private async Task<(RunResult Result, string Reason, IngestReport? Report)> RunOnceAsync(IngestTrigger trigger, CancellationToken cancellationToken)
    {
        try
        {
            return (RunResult.Completed, "", await ingest(trigger, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (StoreErrors.IsUnavailable(ex))
        {
            return (RunResult.StoreUnavailable, StoreException.OneLine(ex), null);
        }
        catch (IngestFolderNotFoundException)
        {
            // A folder being replaced (unmounted, renamed away and back) may return; the rescan looks again.
            LogFolderMissing(root, schedule.Rescan.TotalMinutes);
            return (RunResult.Failed, "", null);
        }
        catch (Exception ex)
        {
            // Failures written for operators say everything in their message; anything else keeps its stack trace.
            var expected = ex is StoreException or IOException or UnauthorizedAccessException;
            LogRunFailed(expected ? null : ex, root, StoreException.OneLine(ex), schedule.Rescan.TotalMinutes);
            return (RunResult.Failed, "", null);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Watching {Folder}: ingesting {QuietSeconds:0.###} s after changes settle, and at least every {RescanMinutes:0.##} min")]
    private partial void LogWatching(string folder, double quietSeconds, double rescanMinutes);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Ingest of {Folder} failed: the store ({Store}) is unavailable: {Reason} Retrying at {RetryAt:HH:mm:ss} (in {DelaySeconds:0.###} s; {Failures} failed in a row)")]
    private partial void LogStoreUnavailable(string folder, string store, string reason, DateTimeOffset retryAt, double delaySeconds, int failures);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The store ({Store}) is back after {Failures} failed attempts; ingesting resumed")]
    private partial void LogStoreBack(string store, int failures);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Folder not found: {Folder}; looking again at the next rescan (within {RescanMinutes:0.##} min)")]
    private partial void LogFolderMissing(string folder, double rescanMinutes);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Ingest of {Folder} failed: {Reason} Trying again at the next change or rescan (within {RescanMinutes:0.##} min)")]
    private partial void LogRunFailed(Exception? exception, string folder, string reason, double rescanMinutes);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Cannot watch {Folder} for changes ({Reason}); it is looked at every {RescanMinutes:0.##} min instead")]
    private partial void LogCannotWatch(string folder, string reason, double rescanMinutes);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Lost track of changes in {Folder} ({Reason}); ingesting it in full and watching afresh")]
    private partial void LogWatchFaulted(string folder, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Stopped watching {Folder}")]
    private partial void LogStopped(string folder);
}
