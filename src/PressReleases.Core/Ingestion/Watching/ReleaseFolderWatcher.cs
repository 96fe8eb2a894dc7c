namespace PressReleases.Core.Ingestion.Watching;

/// <summary>
/// Notices changes to release files (<c>*.md</c>) anywhere under a folder: created, changed, deleted or renamed
/// files, and folders created, moved in, renamed or moved away (which carry their files with them).
/// <see cref="WaitAsync"/> reports them debounced: once the folder has been quiet for the quiet period, or at the
/// latest the longest delay after the first change, so one copy of a thousand files is one ingest.
/// A change that arrives while nobody waits (during an ingest) is kept and reported by the next wait.
/// </summary>
public sealed class ReleaseFolderWatcher : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly TimeSpan quietPeriod;
    private readonly TimeSpan longestDelay;
    private readonly TimeProvider time;
    private readonly Lock gate = new();

    // Guarded by gate. While a change is pending, later changes only move lastChange: the waiter sleeps until the
    // quiet period could have passed and looks again, rather than waking for each of a burst's thousand events.
    private bool pending;
    private long firstChange;
    private long lastChange;
    private TaskCompletionSource firstChangeSignal = NewSignal();
    private string? fault;

    /// <exception cref="ArgumentException">The folder does not exist.</exception>
    /// <exception cref="IOException">The system refuses another watch (on Linux, the inotify limits).</exception>
    public ReleaseFolderWatcher(string folder, TimeSpan quietPeriod, TimeSpan longestDelay, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quietPeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(longestDelay, quietPeriod);
        this.quietPeriod = quietPeriod;
        this.longestDelay = longestDelay;
        this.time = time ?? TimeProvider.System;
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

        // No name filter: a filter of *.md would also hide the events of folders, whose renames and moves carry files.
        watcher = new FileSystemWatcher(Folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            // The largest buffer Windows allows; a burst bigger than that is an overflow, reported as a change anyway.
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => NoteIf(IsReleaseFile(e.FullPath) || Directory.Exists(e.FullPath));
        watcher.Changed += (_, e) => NoteIf(IsReleaseFile(e.FullPath));
        watcher.Deleted += (_, e) => NoteIf(IsReleaseFile(e.FullPath) || MayHaveBeenFolder(e.FullPath));
        watcher.Renamed += (_, e) => NoteIf(IsReleaseFile(e.OldFullPath) || IsReleaseFile(e.FullPath) || Directory.Exists(e.FullPath));
        watcher.Error += (_, e) => OnError(e.GetException());
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    /// <summary>The watched folder, as a full path.</summary>
    public string Folder { get; }

    /// <summary>
    /// Why the watch stopped being trustworthy (its event buffer overflowed, or the folder went away), or null. Such an
    /// error counts as a change, so the next ingest looks at everything; the owner should then watch afresh.
    /// </summary>
    public string? Fault
    {
        get
        {
            lock (gate)
            {
                return fault;
            }
        }
    }

    /// <summary>
    /// Waits for changes to settle (<see cref="IngestTrigger.Change"/>) or for <paramref name="rescanAfter"/> to pass
    /// (<see cref="IngestTrigger.Rescan"/>), whichever comes first. Either way the changes seen so far are taken: the
    /// ingest that follows covers them, and only changes after this return trigger the next wait.
    /// </summary>
    public async Task<IngestTrigger> WaitAsync(TimeSpan rescanAfter, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            Task? firstChangeArrives;
            TimeSpan sleep;
            lock (gate)
            {
                var now = time.GetTimestamp();
                var untilRescan = rescanAfter - time.GetElapsedTime(started, now);
                if (pending && (time.GetElapsedTime(lastChange, now) >= quietPeriod || time.GetElapsedTime(firstChange, now) >= longestDelay))
                {
                    TakeChanges();
                    return IngestTrigger.Change;
                }

                if (untilRescan <= TimeSpan.Zero)
                {
                    TakeChanges();
                    return IngestTrigger.Rescan;
                }

                if (pending)
                {
                    var untilQuiet = quietPeriod - time.GetElapsedTime(lastChange, now);
                    var untilLongest = longestDelay - time.GetElapsedTime(firstChange, now);
                    sleep = Min(untilRescan, Min(untilQuiet, untilLongest));
                    firstChangeArrives = null;
                }
                else
                {
                    sleep = untilRescan;
                    firstChangeArrives = firstChangeSignal.Task;
                }
            }

            await SleepAsync(sleep, firstChangeArrives, cancellationToken);
        }
    }

    public void Dispose()
    {
        watcher.EnableRaisingEvents = false;
        watcher.Dispose();
    }

    private async Task SleepAsync(TimeSpan sleep, Task? wakeEarly, CancellationToken cancellationToken)
    {
        if (wakeEarly is null)
        {
            await Task.Delay(sleep, time, cancellationToken);
            return;
        }

        // The delay is cancelled once the change arrives, so no timer outlives the wait.
        using var delayEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(sleep, time, delayEnds.Token);
        await Task.WhenAny(wakeEarly, delay);
        await delayEnds.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void NoteIf(bool relevant)
    {
        if (!relevant)
        {
            return;
        }

        lock (gate)
        {
            var now = time.GetTimestamp();
            lastChange = now;
            if (!pending)
            {
                pending = true;
                firstChange = now;
                firstChangeSignal.TrySetResult();
            }
        }
    }

    private void OnError(Exception error)
    {
        lock (gate)
        {
            fault = error is InternalBufferOverflowException
                ? "too many changes at once for the watch to follow"
                : error.Message;
        }

        NoteIf(true);
    }

    /// <summary>Called under the gate.</summary>
    private void TakeChanges()
    {
        if (pending)
        {
            pending = false;
            firstChangeSignal = NewSignal();
        }
    }

    // Case-insensitive as ReleaseFiles' enumeration is: "2024-01-01-x.MD" is a release file too.
    private static bool IsReleaseFile(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A deleted path can no longer be asked whether it was a folder. Folders rarely have an extension and files in
    /// the export always do, so one without is taken for a folder that left with its releases; a folder named like
    /// "v1.2" that goes is missed here and caught by the next rescan.
    /// </summary>
    private static bool MayHaveBeenFolder(string path) => Path.GetExtension(path).Length == 0;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Continuations run elsewhere: the watcher's event thread only records the change.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
