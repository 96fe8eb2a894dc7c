using PressReleases.Core.Search.Indexing;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Maintenance;

/// <summary>
/// Merges the index into one segment whenever it is found split into large parts: what a first ingest, a rebuild
/// or a large catch-up leaves (one segment per indexing thread), whether this site ran it or the command line did
/// while the site was stopped. Those runs commit without merging, so their releases are searchable, and a node
/// ready, seconds sooner; the merge follows here, on one core, while the site serves from the split index. Looks
/// once the index is ready, then every few seconds (a look reads only the open segments' counts); a merge waits for
/// any ingest in progress, as every writer does.
/// </summary>
internal sealed partial class SplitIndexMerger(
    IServiceProvider services,
    StartupState state,
    ILogger<SplitIndexMerger> logger) : BackgroundService
{
    private static readonly TimeSpan LookInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await state.WhenIndexReady.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is StartupFailedException or OperationCanceledException)
        {
            // Startup failed (and said why) or the site is stopping: no index to look after.
            return;
        }

        var index = services.GetRequiredService<SearchIndex>();
        var synchronizer = services.GetRequiredService<IndexSynchronizer>();
        using var timer = new PeriodicTimer(LookInterval);
        do
        {
            await MergeIfSplitAsync(index, synchronizer, stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task MergeIfSplitAsync(SearchIndex index, IndexSynchronizer synchronizer, CancellationToken cancellationToken)
    {
        try
        {
            if (index.IsSplit)
            {
                await synchronizer.MergeIfSplitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the merge, if it had begun, is left to the next start.
        }
        catch (Exception ex)
        {
            // The split index still answers every search correctly; the next look tries again.
            LogMergeFailed(ex);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Merging the split search index failed; searches go on over its segments")]
    private partial void LogMergeFailed(Exception exception);
}
