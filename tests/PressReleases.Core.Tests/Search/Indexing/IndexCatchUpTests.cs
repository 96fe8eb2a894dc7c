using Microsoft.EntityFrameworkCore;
using PressReleases.Core.Search;
using PressReleases.Core.Store;
using PressReleases.Core.Tests.TestSupport;

namespace PressReleases.Core.Tests.Search.Indexing;

/// <summary>
/// A node's index follows a store that another process (the ingester of a PostgreSQL store) writes: what that
/// process commits becomes searchable when the node catches up, additions, edits and removals alike.
/// </summary>
public abstract class IndexCatchUpTests(StoreProvider provider) : IAsyncLifetime
{
    private TestStore store = null!;

    public async Task InitializeAsync() => store = await TestStore.CreateAsync(provider);

    public async Task DisposeAsync() => await store.DisposeAsync();

    private async Task<long> StoreChangeSeqAsync()
    {
        await using var db = store.NewDb();
        return await db.Releases.MaxAsync(r => (long?)r.ChangeSeq) ?? 0;
    }

    [Fact]
    public async Task StoreOnlyIngest_IsNotSearchable_UntilTheIndexCatchesUp()
    {
        SampleReleases.WriteTo(store.Source);

        var report = await store.StoreOnlyIngester.IngestAsync(store.Source.Path);

        Assert.Equal(SampleReleases.All.Count, report.Added);
        Assert.Equal(0, store.Index.DocumentCount);
        Assert.Empty(await store.SlugsFoundAsync(null));

        var caughtUp = await store.Synchronizer.CatchUpAsync();

        Assert.Equal((false, SampleReleases.All.Count, 0), (caughtUp.Rebuilt, caughtUp.Indexed, caughtUp.Deleted));
        Assert.Equal(await StoreChangeSeqAsync(), caughtUp.Store.ChangeSeq);
        Assert.Equal(caughtUp.Store.ChangeSeq, store.Index.CommittedChangeSeq);
        Assert.Equal(SampleReleases.Slugs.Order(StringComparer.Ordinal), (await store.SlugsFoundAsync(null)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EditsAndRemovals_AreCaughtUp()
    {
        SampleReleases.WriteTo(store.Source);
        await store.StoreOnlyIngester.IngestAsync(store.Source.Path);
        await store.Synchronizer.CatchUpAsync();

        store.Source.Write("china-visit.md", SampleReleases.All["china-visit"] with { Title = "Visit to Mongolia" });
        store.Source.Delete("japan-trade.md");
        await store.StoreOnlyIngester.IngestAsync(store.Source.Path);
        Assert.Empty(await store.SlugsFoundAsync("mongolia"));

        var caughtUp = await store.Synchronizer.CatchUpAsync();

        Assert.Equal((1, 1), (caughtUp.Indexed, caughtUp.Deleted));
        Assert.Equal(["china-visit"], await store.SlugsFoundAsync("mongolia"));
        Assert.DoesNotContain("japan-trade", await store.SlugsFoundAsync(null));
        Assert.Equal(SampleReleases.All.Count - 1, store.Index.PublishedCount);
        Assert.Equal(["japan-trade"], await store.SlugsFoundAsync(null, new SearchRequest { Status = ReleaseStatus.Withdrawn }));
    }

    [Fact]
    public async Task CatchUp_WithNothingNew_ChangesNothing_ButSeesEachEndedRun()
    {
        SampleReleases.WriteTo(store.Source);
        await store.StoreOnlyIngester.IngestAsync(store.Source.Path);
        var first = await store.Synchronizer.CatchUpAsync();

        var idle = await store.Synchronizer.CatchUpAsync();
        Assert.False(idle.ChangedIndex);
        Assert.Equal(first.Store, idle.Store);

        // A run that changes nothing still ends, and display names are settled at a run's end: followers see it.
        await store.StoreOnlyIngester.IngestAsync(store.Source.Path);
        var afterRun = await store.Synchronizer.CatchUpAsync();
        Assert.False(afterRun.ChangedIndex);
        Assert.Equal(first.Store.ChangeSeq, afterRun.Store.ChangeSeq);
        Assert.True(afterRun.Store.LastEndedRun > first.Store.LastEndedRun);
    }

    [Fact]
    public async Task IndexAheadOfTheStore_IsRebuilt()
    {
        SampleReleases.WriteTo(store.Source);
        var restore = await store.BackUpStoreAsync();
        await store.IngestAsync();
        Assert.Equal(SampleReleases.All.Count, store.Index.DocumentCount);

        // The store goes back to its empty backup while this node keeps running.
        await restore();
        var caughtUp = await store.Synchronizer.CatchUpAsync();

        Assert.True(caughtUp.Rebuilt);
        Assert.Equal(0, store.Index.DocumentCount);
        Assert.Equal(0, store.Index.CommittedChangeSeq);
    }

    [Fact]
    public async Task IndexFarBehindTheStore_IsRebuiltAtStart_NotReplayed()
    {
        store.Source.Write("first.md", "The first release");
        await store.IngestAsync();

        // Most of the store changes while the node is stopped: more than a thousand new releases.
        for (var i = 0; i < 1_100; i++)
        {
            store.Source.Write($"bulk/{i:0000}.md", $"Bulk release number {i}", body: $"Body of bulk release {i}.");
        }

        await store.StoreOnlyIngester.IngestAsync(store.Source.Path);
        var report = await store.ReopenIndexAsync();

        Assert.True(report.Rebuilt);
        Assert.Equal(1_101, report.Indexed);
        Assert.Equal(1_101, store.Index.DocumentCount);
        Assert.Equal(await StoreChangeSeqAsync(), store.Index.CommittedChangeSeq);
    }
}

public sealed class IndexCatchUpOnSqliteTests() : IndexCatchUpTests(StoreProvider.Sqlite);

[Trait(TestCategories.Key, TestCategories.PostgreSql)]
public sealed class IndexCatchUpOnPostgreSqlTests() : IndexCatchUpTests(StoreProvider.PostgreSql);
