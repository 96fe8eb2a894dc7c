using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Startup;

/// <summary>
/// Opens the store and the index and brings the index up to date, in the background so the site answers (with
/// "starting" notices) from the first moment. What follows readiness runs in services of its own: following the
/// store's changes (<c>Following/</c>) and ingesting the source folder (<c>Ingest/</c>).
/// </summary>
internal sealed partial class StartupService(
    IServiceProvider services,
    StartupState state,
    IHostApplicationLifetime lifetime,
    ILogger<StartupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Return to the host at once so Kestrel starts listening while the work below runs.
        await Task.Yield();

        await OpenAsync(stoppingToken);
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A node whose index must be built from nothing copies another node's first, when configured to.
            var index = (await StoreAndIndex.OpenAsync(services, state.MarkStoreReady, withIndex: true, cancellationToken, StoreAndIndex.ConfiguredSnapshot(services)))!;

            // Every page needs the catalog's minister and portfolio lists: load them while the index catches up.
            var catalogLoading = services.GetRequiredService<ReleaseCatalog>().CountAsync(cancellationToken);
            var sync = await services.GetRequiredService<IndexSynchronizer>().SyncAsync(cancellationToken);
            await catalogLoading;
            LogIndexSynced(sync.Rebuilt, sync.Indexed, sync.Deleted, sync.Elapsed.TotalSeconds, index.DocumentCount);

            state.MarkReady();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            state.MarkFailed("The site stopped before startup finished.");
        }
        catch (Exception ex) when (ex is DataDirectoryException or StoreException or SearchIndexException)
        {
            // These have messages written for operators; a stack trace would only bury them.
            LogStartupFailed(ex.Message);
            Fail(ex.Message);
        }
        catch (Exception ex)
        {
            LogStartupCrashed(ex);
            Fail("Startup failed; see the log for details.");
        }
    }

    private void Fail(string message)
    {
        state.MarkFailed(message);
        Environment.ExitCode = 1;

        // Stopping a host that is still starting cancels its start, which it reports with a stack trace of its own
        // (a store that fails at once can fail before Kestrel has bound): stop once it has started.
        lifetime.ApplicationStarted.Register(lifetime.StopApplication);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index ready (rebuilt: {Rebuilt}, indexed {Indexed}, deleted {Deleted} in {Seconds:0.0} s; {Documents} documents)")]
    private partial void LogIndexSynced(bool rebuilt, int indexed, int deleted, double seconds, int documents);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Startup failed: {Message}")]
    private partial void LogStartupFailed(string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Startup failed")]
    private partial void LogStartupCrashed(Exception exception);
}
