using PressReleases.Core.Ingestion;
using PressReleases.Core.Ingestion.Watching;
using PressReleases.Core.Store.Providers;
using PressReleases.Web.Setup;
using PressReleases.Web.Startup;

namespace PressReleases.Web.Ingest;

/// <summary>
/// The site's own ingest of its source folder (<c>PressReleases:SourceFolder</c>), once the store and index are
/// ready: once when <c>PressReleases:IngestOnStartup</c> is on, or, with <c>PressReleases:Ingest:Watch</c>, at start
/// and then whenever the folder changes until the site stops (watching implies the start-up ingest: a watch begins by
/// catching up). Pages answer from what is stored meanwhile, and each batch becomes searchable as it is written.
/// </summary>
internal sealed partial class SiteIngestService(
    IServiceProvider services,
    StartupState state,
    ILogger<SiteIngestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = services.GetPressReleasesOptions();
        var watch = services.GetIngestOptions();
        if (!options.IngestOnStartup && !watch.Watch)
        {
            return;
        }

        try
        {
            await state.WhenIndexReady.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is StartupFailedException or OperationCanceledException)
        {
            // Startup failed (and said why) or the site is stopping: nothing to ingest into.
            return;
        }

        if (watch.Watch)
        {
            await WatchAsync(options.SourceFolderPath(), watch.Schedule(), stoppingToken);
        }
        else
        {
            await IngestAsync(options.SourceFolderPath(), stoppingToken);
        }
    }

    /// <summary>Returns when the site stops; the run in progress then ends at its next batch.</summary>
    private async Task WatchAsync(string folder, WatchSchedule schedule, CancellationToken stoppingToken)
    {
        var ingester = services.GetRequiredService<Ingester>();
        var loop = new WatchedIngest(
            folder,
            services.GetRequiredService<StoreLocation>().Description,
            (_, ct) => ingester.IngestAsync(folder, progress: null, searchableWhileRunning: true, ct),
            LogWatchedRun,
            schedule,
            services.GetRequiredService<ILogger<WatchedIngest>>());
        await loop.RunAsync(stoppingToken);
    }

    private void LogWatchedRun(IngestTrigger trigger, IngestReport report)
    {
        // A rescan that finds nothing new is the common case every few minutes: not worth a line at Information.
        var level = trigger == IngestTrigger.Start || report.Added + report.Updated + report.Removed > 0 ? LogLevel.Information : LogLevel.Debug;
        LogWatchedIngest(level, report.Folder, trigger, report.FilesSeen, report.Added, report.Updated, report.Unchanged, report.Removed, report.Rejected, report.Elapsed.TotalSeconds);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting {Folder}")]
    private partial void LogIngestStarting(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Folder}: {Files} files, {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Rejected} rejected in {Seconds:0.0} s")]
    private partial void LogIngestFinished(string folder, int files, int added, int updated, int unchanged, int removed, int rejected, double seconds);

    [LoggerMessage(Message = "Ingested {Folder} ({Trigger}): {Files} files, {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Rejected} rejected in {Seconds:0.0} s")]
    private partial void LogWatchedIngest(LogLevel level, string folder, IngestTrigger trigger, int files, int added, int updated, int unchanged, int removed, int rejected, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source folder {Folder} does not exist; nothing was ingested at startup")]
    private partial void LogSourceFolderMissing(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Startup ingest cancelled by shutdown")]
    private partial void LogIngestCancelled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Startup ingest of {Folder} failed; the site keeps serving the current store")]
    private partial void LogIngestFailed(Exception exception, string folder);
}
