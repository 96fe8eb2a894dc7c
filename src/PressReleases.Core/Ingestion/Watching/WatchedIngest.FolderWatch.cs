namespace PressReleases.Core.Ingestion.Watching;

public sealed partial class WatchedIngest
{
    /// <summary>
    /// The loop's <see cref="ReleaseFolderWatcher"/>, kept usable: created when the folder exists, created afresh after
    /// it faulted, and while there is none (the folder is missing, or the system refuses another watch) waiting is the
    /// rescan interval alone.
    /// </summary>
    private sealed class FolderWatch(string folder, WatchSchedule schedule, TimeProvider time, WatchedIngest owner) : IDisposable
    {
        private ReleaseFolderWatcher? watcher;
        private bool refusalLogged;

        public void Ensure()
        {
            if (watcher?.Fault is { } fault)
            {
                owner.LogWatchFaulted(folder, fault);
                watcher.Dispose();
                watcher = null;
            }

            if (watcher is not null)
            {
                return;
            }

            try
            {
                watcher = new ReleaseFolderWatcher(folder, schedule.QuietPeriod, schedule.LongestDelay, time);
                refusalLogged = false;
            }
            catch (ArgumentException)
            {
                // The folder is missing: the run about to start says so.
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (!refusalLogged)
                {
                    owner.LogCannotWatch(folder, ex.Message, schedule.Rescan.TotalMinutes);
                    refusalLogged = true;
                }
            }
        }

        public async Task<IngestTrigger> WaitAsync(CancellationToken cancellationToken)
        {
            if (watcher is not null)
            {
                return await watcher.WaitAsync(schedule.Rescan, cancellationToken);
            }

            await Task.Delay(schedule.Rescan, time, cancellationToken);
            return IngestTrigger.Rescan;
        }

        public void Dispose() => watcher?.Dispose();
    }
}
