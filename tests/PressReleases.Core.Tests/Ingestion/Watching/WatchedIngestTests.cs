using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PressReleases.Core.Ingestion;
using PressReleases.Core.Ingestion.Watching;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Ingestion.Watching;

/// <summary>The watch loop over a real store (each provider), index and folder: what it ingests, when, and how it stops.</summary>
public abstract class WatchedIngestTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Never = TimeSpan.FromMinutes(10);

    private readonly RunRecorder runs = new();
    private readonly RecordingLogger<WatchedIngest> log = new();
    private readonly CancellationTokenSource stop = new();
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(provider);
        store.Source.Write("2024/01/first.md", "The first release");
        store.Source.Write("2024/01/second.md", "The second release");
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
        await store.DisposeAsync();
    }

    [Fact]
    public async Task IngestsAtStart_ThenEachAddedChangedAndDeletedFile()
    {
        var loop = Start(Never);

        var (trigger, report) = await runs.NextAsync("the first run");
        Assert.Equal(IngestTrigger.Start, trigger);
        Assert.Equal(2, report.Added);

        store.Source.Write("2024/02/third.md", "The third release");
        (trigger, report) = await runs.NextAsync("the added file");
        Assert.Equal(IngestTrigger.Change, trigger);
        Assert.Equal((1, 0, 0), (report.Added, report.Updated, report.Removed));

        store.Source.Write("2024/01/first.md", "The first release, corrected");
        (trigger, report) = await runs.NextAsync("the changed file");
        Assert.Equal(IngestTrigger.Change, trigger);
        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Removed));

        store.Source.Delete("2024/01/second.md");
        (trigger, report) = await runs.NextAsync("the deleted file");
        Assert.Equal(IngestTrigger.Change, trigger);
        Assert.Equal((0, 0, 1), (report.Added, report.Updated, report.Removed));

        await using (var db = store.NewDb())
        {
            var current = await db.Releases.Where(r => r.RemovedAt == null).OrderBy(r => r.SourcePath).Select(r => r.Title).ToListAsync();
            Assert.Equal(new[] { "The first release, corrected", "The third release" }, current);
        }

        Assert.Equal(new[] { "first", "third" }, (await store.SlugsFoundAsync("release")).Order());
        await StopAsync(loop);
    }

    [Fact]
    public async Task ChangeMadeDuringARun_TriggersAnotherRunAfterIt()
    {
        // The first run writes a file after the ingester has listed the folder: that run cannot see it, so only the
        // watch can bring it in, and the rescan is too far away to do it instead.
        var firstRun = true;
        var loop = Start(Never, async (_, ct) =>
        {
            var report = await store.Ingester.IngestAsync(store.Source.Path, cancellationToken: ct);
            if (firstRun)
            {
                firstRun = false;
                store.Source.Write("2024/03/during.md", "Written during the first run");
            }

            return report;
        });

        Assert.Equal(2, (await runs.NextAsync("the first run")).Report.Added);
        var (trigger, report) = await runs.NextAsync("the run after the change made during the first");
        Assert.Equal(IngestTrigger.Change, trigger);
        Assert.Equal(1, report.Added);
        await StopAsync(loop);
    }

    [Fact]
    public async Task WithNoChange_TheRescanIngestsAgain()
    {
        var loop = Start(TimeSpan.FromMilliseconds(500));

        Assert.Equal(IngestTrigger.Start, (await runs.NextAsync("the first run")).Trigger);
        var (trigger, report) = await runs.NextAsync("a rescan");
        Assert.Equal(IngestTrigger.Rescan, trigger);
        Assert.Equal(2, report.Unchanged);
        await StopAsync(loop);
    }

    [Fact]
    public async Task FailedRun_IsLogged_AndTheNextChangeTriesAgain()
    {
        // A run failing for another reason than an unavailable store: no retry schedule, the next change tries again.
        var failNext = true;
        var loop = Start(Never, async (trigger, ct) =>
        {
            if (trigger == IngestTrigger.Change && failNext)
            {
                failNext = false;
                throw new InvalidDataException("something unexpected");
            }

            return await store.Ingester.IngestAsync(store.Source.Path, cancellationToken: ct);
        });
        await runs.NextAsync("the first run");

        store.Source.Write("2024/02/third.md", "The third release");
        await WaitUntilAsync(() => log.Entries.Any(e => e.Level == LogLevel.Error), "the failure to be logged");
        Assert.False(runs.HasMore);
        Assert.Contains(log.Entries, e => e.Message.Contains("something unexpected", StringComparison.Ordinal));

        store.Source.Write("2024/02/fourth.md", "The fourth release");
        var (_, report) = await runs.NextAsync("the run after the next change");
        Assert.Equal(2, report.Added);
        await StopAsync(loop);
    }

    [Fact]
    public async Task CancelWhileIdle_EndsTheLoopWithoutThrowing()
    {
        var loop = Start(Never);
        await runs.NextAsync("the first run");

        await StopAsync(loop);
        Assert.Contains(log.Entries, e => e.Message.StartsWith("Stopped watching", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelDuringARun_StopsItAtABatchBoundary()
    {
        for (var i = 0; i < 3000; i++)
        {
            store.Source.Write($"2023/{1 + (i % 12):00}/generated-{i:0000}.md", $"Generated release {i}");
        }

        // Cancelled from inside the run, once it has examined 1,000 files: the store has written one or two batches.
        var loop = Start(Never, (_, ct) => store.Ingester.IngestAsync(
            store.Source.Path,
            new InlineProgress(p =>
            {
                if (p.FilesDone >= 1000 && p.FilesDone < p.FilesTotal)
                {
                    stop.Cancel();
                }
            }),
            cancellationToken: ct));

        await loop.WaitAsync(RunRecorder.Deadline);
        Assert.False(runs.HasMore, "The cancelled run was reported as completed.");

        await using var db = store.NewDb();
        var stored = await db.Releases.CountAsync();
        Assert.True(stored > 0 && stored < 3002, $"{stored} releases stored: the run was not stopped midway.");
        Assert.True(stored % 500 == 0, $"{stored} releases stored: not whole batches of 500.");
        Assert.Equal(IngestRunStatus.Failed, await db.IngestRuns.OrderBy(r => r.Id).Select(r => r.Status).LastAsync());
    }

    private Task Start(TimeSpan rescan, Func<IngestTrigger, CancellationToken, Task<IngestReport>>? ingest = null)
    {
        var loop = new WatchedIngest(
            store.Source.Path,
            store.Location.Description,
            ingest ?? ((_, ct) => store.Ingester.IngestAsync(store.Source.Path, cancellationToken: ct)),
            runs.Record,
            new WatchSchedule(QuietPeriod, rescan),
            log);
        return Task.Run(() => loop.RunAsync(stop.Token));
    }

    private async Task StopAsync(Task loop)
    {
        await stop.CancelAsync();
        await loop.WaitAsync(RunRecorder.Deadline);
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + RunRecorder.Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}. Log:\n{log}");
            await Task.Delay(50);
        }
    }

    /// <summary>Reports on the ingester's own thread, unlike <see cref="Progress{T}"/>, so the cancel lands before the next batch.</summary>
    private sealed class InlineProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}

public sealed class WatchedIngestOnSqliteTests() : WatchedIngestTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class WatchedIngestOnPostgreSqlTests() : WatchedIngestTests(StoreProvider.PostgreSql);
