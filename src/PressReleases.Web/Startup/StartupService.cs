using PressReleases.Core.Ingestion;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Web.Setup;

namespace PressReleases.Web.Startup;

/// <summary>
/// Opens the store and the index, brings the index up to date and then ingests the source folder, all
/// in the background so the site answers (with "starting" notices) from the first moment.
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

        if (!await OpenAsync(stoppingToken))
        {
            return;
        }

        var options = services.GetPressReleasesOptions();
        if (options.IngestOnStartup)
        {
            await IngestAsync(options.SourceFolderPath(), stoppingToken);
        }
    }

    private async Task<bool> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var index = await StoreAndIndex.OpenAsync(services, state.MarkStoreReady, cancellationToken);

            // Every page needs the catalog's minister and portfolio lists: load them while the index catches up.
            var catalogLoading = services.GetRequiredService<ReleaseCatalog>().CountAsync(cancellationToken);
            var sync = await services.GetRequiredService<IndexSynchronizer>().SyncAsync(cancellationToken);
            await catalogLoading;
            LogIndexSynced(sync.Rebuilt, sync.Indexed, sync.Deleted, sync.Elapsed.TotalSeconds, index.DocumentCount);

            state.MarkReady();
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            state.MarkFailed("The site stopped before startup finished.");
            return false;
        }
        catch (Exception ex) when (ex is DataDirectoryException or StoreException or SearchIndexException)
        {
            // These have messages written for operators; a stack trace would only bury them.
            LogStartupFailed(ex.Message);
            Fail(ex.Message);
            return false;
        }
        catch (Exception ex)
        {
            LogStartupCrashed(ex);
            Fail("Startup failed; see the log for details.");
            return false;
        }
    }

    private void Fail(string message)
    {
        state.MarkFailed(message);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    private async Task IngestAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            LogIngestStarting(folder);
            var report = await services.GetRequiredService<Ingester>().IngestAsync(folder, progress: null, searchableWhileRunning: true, cancellationToken);
            LogIngestFinished(report.Folder, report.FilesSeen, report.Added, report.Updated, report.Unchanged, report.Removed, report.Rejected, report.Elapsed.TotalSeconds);
        }
        catch (IngestFolderNotFoundException)
        {
            // A site with no source folder still serves what its store holds.
            LogSourceFolderMissing(folder);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogIngestCancelled();
        }
        catch (Exception ex)
        {
            // The store and index are intact (the ingester commits per batch); the site keeps serving them.
            LogIngestFailed(ex, folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index ready (rebuilt: {Rebuilt}, indexed {Indexed}, deleted {Deleted} in {Seconds:0.0} s; {Documents} documents)")]
    private partial void LogIndexSynced(bool rebuilt, int indexed, int deleted, double seconds, int documents);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Startup failed: {Message}")]
    private partial void LogStartupFailed(string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Startup failed")]
    private partial void LogStartupCrashed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting {Folder}")]
    private partial void LogIngestStarting(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Folder}: {Files} files, {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Rejected} rejected in {Seconds:0.0} s")]
    private partial void LogIngestFinished(string folder, int files, int added, int updated, int unchanged, int removed, int rejected, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source folder {Folder} does not exist; nothing was ingested at startup")]
    private partial void LogSourceFolderMissing(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Startup ingest cancelled by shutdown")]
    private partial void LogIngestCancelled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Startup ingest of {Folder} failed; the site keeps serving the current store")]
    private partial void LogIngestFailed(Exception exception, string folder);
}
