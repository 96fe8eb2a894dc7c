using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Ingestion.Watching;
using PressReleases.Core.Search.Analysis;
using PressReleases.Core.Search.Indexing;
using PressReleases.Core.Store;
using PressReleases.Core.Store.Providers;
using PressReleases.Core.Tests.TestSupport;
using PressReleases.TestSupport.Servers;

namespace PressReleases.Core.Tests.Ingestion.Watching;

/// <summary>
/// The watch loop over a PostgreSQL server of the test's own, which it stops and starts again: the store going away
/// and coming back as a database restart would.
/// </summary>
[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class WatchedIngestStoreOutageTests
{
    private static readonly RetryBackoff FastBackoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400));

    [Fact]
    public async Task WhileTheStoreIsDown_RetriesWithBackoff_AndWhenItIsBack_IngestsWhatChangedMeanwhile()
    {
        await using var server = await PostgreSqlServer.StartAsync("watch-outage");
        using var temp = new TempDirectory("watch-outage");
        var dbFactory = new StoreContextFactory(StoreLocation.PostgreSql(await server.CreateDatabaseAsync()));
        await using (var db = dbFactory.CreateDbContext())
        {
            await StoreSetup.InitializeAsync(db);
        }

        using var index = new SearchIndex(Path.Combine(temp.Path, "index"), new ReleaseAnalyzer());
        await new IndexSynchronizer(dbFactory, index, NullLogger<IndexSynchronizer>.Instance).SyncAsync();
        var ingester = new Ingester(dbFactory, index, new ReleaseFileParser(new MarkdownRenderer()), new ReleaseCatalog(dbFactory), TimeProvider.System, NullLogger<Ingester>.Instance);
        var source = new SourceFolder(temp.Sub("source"));
        source.Write("2024/01/before.md", "Written before the outage");

        var runs = new RunRecorder();
        var log = new RecordingLogger<WatchedIngest>();
        var loop = new WatchedIngest(
            source.Path,
            dbFactory.Location.Description,
            (_, ct) => ingester.IngestAsync(source.Path, cancellationToken: ct),
            runs.Record,
            new WatchSchedule(TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(10), FastBackoff),
            log);
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => loop.RunAsync(stop.Token));
        try
        {
            Assert.Equal(1, (await runs.NextAsync("the first run")).Report.Added);

            await server.StopAsync();
            source.Write("2024/01/during.md", "Written during the outage");
            await WaitUntilAsync(() => Retries(log).Count >= 4, log, "four retries while the store is down");

            // One line per failure, naming the store and when it is tried again, the wait doubling up to the cap.
            Assert.Equal(
                new[] { 0.1, 0.2, 0.4, 0.4 },
                Retries(log).Take(4).Select(e => (double)e.Values["DelaySeconds"]!));
            Assert.All(Retries(log), failure =>
            {
                Assert.Contains(dbFactory.Location.Description, failure.Message, StringComparison.Ordinal);
                Assert.Contains("Retrying at ", failure.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', failure.Message);
            });
            Assert.False(runs.HasMore, "A run completed while the store was down.");

            await server.StartAgainAsync();
            var (trigger, report) = await runs.NextAsync("the run once the store is back");
            Assert.Equal(IngestTrigger.Retry, trigger);
            Assert.Equal((1, 1), (report.Added, report.Unchanged));
            Assert.Contains(log.Entries, e => e.EventId == 3 && e.Level == LogLevel.Information);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(RunRecorder.Deadline);
        }

        await using (var db = dbFactory.CreateDbContext())
        {
            var titles = await db.Releases.Where(r => r.RemovedAt == null).OrderBy(r => r.SourcePath).Select(r => r.Title).ToListAsync();
            Assert.Equal(new[] { "Written before the outage", "Written during the outage" }, titles);
        }
    }

    private static List<LogEntry> Retries(RecordingLogger<WatchedIngest> log) => log.Entries.Where(e => e.EventId == 2).ToList();

    private static async Task WaitUntilAsync(Func<bool> condition, RecordingLogger<WatchedIngest> log, string what)
    {
        var deadline = DateTime.UtcNow + RunRecorder.Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}. Log:\n{log}");
            await Task.Delay(50);
        }
    }
}
