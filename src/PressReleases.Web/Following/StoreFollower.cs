using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Setup;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Following;

/// <summary>
/// Keeps this node's index and catalog with the store once the node is ready: wakes on the store's change
/// notifications (PostgreSQL) or every <see cref="StoreOptions.PollSeconds"/>, whichever comes first, and replays
/// into the index whatever changed since its last commit. Each node has an index of its own and needs no other
/// node. A look that cannot reach the store marks it away (<see cref="StoreAvailability"/>): the node then serves
/// from its index and its last lists, says "degraded" on /healthz, and goes on looking until the store answers.
/// On SQLite the same loop notices ingests run by another process on the same file.
/// </summary>
/// <remarks>
/// What it follows with is resolved once the node is ready, not injected: hosted services are built as the host
/// starts, and a store setting that cannot be used must fail in the start-up service, which reports it in one line.
/// </remarks>
internal sealed partial class StoreFollower(IServiceProvider services, StartupState startup, ILogger<StoreFollower> logger) : BackgroundService
{
    private IndexSynchronizer synchronizer = null!;
    private ReleaseCatalog catalog = null!;
    private StoreAvailability availability = null!;
    private FollowerState state = null!;
    private StoreLocation location = null!;
    private IDbContextFactory<PressReleasesDbContext> dbFactory = null!;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.WhenIndexReady.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is StartupFailedException or OperationCanceledException)
        {
            return;
        }

        synchronizer = services.GetRequiredService<IndexSynchronizer>();
        catalog = services.GetRequiredService<ReleaseCatalog>();
        availability = services.GetRequiredService<StoreAvailability>();
        state = services.GetRequiredService<FollowerState>();
        location = services.GetRequiredService<StoreLocation>();
        dbFactory = services.GetRequiredService<IDbContextFactory<PressReleasesDbContext>>();
        var options = services.GetStoreOptions();
        await using var signal = options.ListenForChanges ? StoreChanges.Listen(location, logger) : new NoStoreChangeSignal();
        var poll = options.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await LookAsync(stoppingToken);
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task LookAsync(CancellationToken cancellationToken)
    {
        try
        {
            var previous = state.Seen;
            var caughtUp = await synchronizer.CatchUpAsync(cancellationToken);
            state.Saw(caughtUp.Store);
            if (availability.MarkUp())
            {
                LogStoreBack(location.Description);
                catalog.Invalidate();
            }

            if (caughtUp.ChangedIndex || caughtUp.Store.LastEndedRun != previous?.LastEndedRun)
            {
                catalog.Invalidate();
            }

            if (caughtUp.ChangedIndex)
            {
                LogCaughtUp(caughtUp.Indexed, caughtUp.Deleted, caughtUp.Rebuilt, caughtUp.Store.ChangeSeq);
            }

            // Last, so a failure to read it leaves everything above done and is tried again at the next look.
            if (caughtUp.Store.LastEndedRun != state.LastIngestReadAtRun)
            {
                await ReadLastIngestAsync(caughtUp.Store.LastEndedRun, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (StoreErrors.IsUnavailable(ex))
        {
            if (availability.MarkDown(ex))
            {
                LogStoreAway(location.Description, StoreException.OneLine(ex));
            }
        }
        catch (Exception ex)
        {
            // One failed look must not end the following: the next one may succeed.
            LogLookFailed(ex);
        }
    }

    /// <summary>
    /// Only when a run has ended since the last read: the store's latest completed run, for the metrics. Another
    /// process may have run it (a watching ingest beside PostgreSQL nodes), so the store is the one to ask.
    /// </summary>
    private async Task ReadLastIngestAsync(int lastEndedRun, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        state.Read(await LastIngest.ReadAsync(db, cancellationToken), lastEndedRun);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Followed the store to change {ChangeSeq}: {Indexed} releases indexed, {Deleted} removed (rebuilt: {Rebuilt})")]
    private partial void LogCaughtUp(int indexed, int deleted, bool rebuilt, long changeSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store ({Store}) cannot be reached: {Error} Serving searches and releases from this node's index until it answers")]
    private partial void LogStoreAway(string store, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store ({Store}) answers again")]
    private partial void LogStoreBack(string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the store failed; trying again at the next poll")]
    private partial void LogLookFailed(Exception exception);
}
